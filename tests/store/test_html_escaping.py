"""The HTML report treats crawled text as data: markup in names, addresses and reviews stays text."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import update

from auditor.report import write_html_report
from auditor.store.engine import make_engine, session_scope
from auditor.store.tables import Finding, Location, Review
from tests.browser import Chromium, chromium_path
from tests.report.builder import build

NAME = "Furn.Co <script>alert('name')</script>"
ADDRESS = '12 George St"><img src=x onerror="alert(\'address\')">'
REVIEW = "Lovely <svg onload=alert('review')> staff <a href=\"javascript:alert('link')\">x</a>"


@pytest.fixture
def report(tmp_path: Path) -> Path:
    db = tmp_path / "a.db"
    engine = build(db)
    with session_scope(engine) as session:
        session.execute(update(Location).where(Location.store_id == "FC-00001").values(name=NAME))
        session.execute(
            update(Finding).where(Finding.location_id == "FC-00001").values(observed=ADDRESS, message=ADDRESS)
        )
        session.execute(update(Review).where(Review.location_id == "FC-00001").values(text=REVIEW))
    return write_html_report(make_engine(db), tmp_path / "report").parent


def test_payloads_are_escaped_in_every_page(report: Path) -> None:
    pages = [p.read_text(encoding="utf-8") for p in report.rglob("*.html")]
    text = "\n".join(pages)
    for raw in ("<script>alert('name')", "<img src=x onerror", "<svg onload", "href=\"javascript:"):
        assert raw not in text
    assert "&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;" in text
    assert "&lt;img src=x onerror=" in text and "&lt;svg onload=alert(&#39;review&#39;)&gt;" in text


@pytest.mark.browser
@pytest.mark.server
def test_no_payload_runs_in_a_browser(report: Path) -> None:
    if chromium_path() is None:
        pytest.fail("chromium is missing: `make test` installs it (apt-get install -y chromium)")
    with Chromium() as browser:
        for page in (report / "index.html", report / "stores" / "FC-00001.html"):
            visit = browser.visit(page.as_uri())
            assert visit.dialogs == [] and visit.errors == [], page
