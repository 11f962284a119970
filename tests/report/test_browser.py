"""The HTML report in a real browser: renders, no console errors, hostile review stays text."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.report import write_html_report
from auditor.store.engine import make_engine
from tests.browser import Chromium, chromium_path, save_screenshot
from tests.report.builder import build

pytestmark = [pytest.mark.browser, pytest.mark.server]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"


@pytest.fixture(scope="module")
def browser():
    if chromium_path() is None:
        pytest.fail("chromium is missing: `make test` installs it (apt-get install -y chromium)")
    with Chromium() as chromium:
        yield chromium


def test_report_renders_without_console_errors_or_live_script(browser: Chromium, tmp_path: Path) -> None:
    build(tmp_path / "a.db")
    index = write_html_report(make_engine(tmp_path / "a.db"), tmp_path / "report")
    overview = browser.visit(index.as_uri())
    store = browser.visit((tmp_path / "report" / "stores" / "FC-00001.html").as_uri())
    assert overview.errors == [] and store.errors == []
    assert overview.dialogs == [] and store.dialogs == []  # the planted alert() never ran
    assert "Furn.Co" in overview.title
    assert len(overview.screenshot) > 5000 and overview.screenshot[:4] == b"\x89PNG"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name, visit in (("overview", overview), ("store", store)):
        saved = save_screenshot(visit.screenshot, SCREENSHOTS / f"fixture-{name}.png")
        print(f"screenshot: {saved}")
