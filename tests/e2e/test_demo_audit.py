"""The whole audit on the demo world: `auditor demo` night 1 then night 2, as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.browser import Chromium, chromium_path, save_screenshot

pytestmark = [pytest.mark.server, pytest.mark.slow]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"


def auditor(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """The installed CLI in a subprocess (Scrapy's reactor runs once per process)."""
    env = {**os.environ, "COLUMNS": "160"}
    env.pop("DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "auditor.cli", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture(scope="module")
def two_nights(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("demo")
    for night in ("1", "2"):
        done = auditor("demo", "--out", str(out), "--night", night, "--no-progress", cwd=out)
        assert done.returncode == 0, done.stdout + done.stderr
    return out


def test_demo_writes_database_ground_truth_and_report(two_nights: Path) -> None:
    assert (two_nights / "demo.db").is_file()
    assert (two_nights / "report" / "index.html").is_file()
    truth = json.loads((two_nights / "ground_truth.json").read_text())
    assert len({d["kind"] for d in truth["defects"]}) >= 12


def test_second_night_diff_is_exactly_the_changed_defects(two_nights: Path) -> None:
    truth = json.loads((two_nights / "ground_truth.json").read_text())
    fixed, new = truth["changes"]["fixed"], truth["changes"]["new"]
    done = auditor("diff", "--db", str(two_nights / "demo.db"), "--format", "json", cwd=two_nights)
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    got = sorted((r["change"], r["store"], r["rule"], r["source"]) for r in rows)
    want = sorted(
        [("resolved", d["store_id"], d["rule"], d["source"]) for d in fixed]
        + [("new", d["store_id"], d["rule"], d["source"]) for d in new]
    )
    assert got == want


def test_hostile_review_is_text_in_the_report(two_nights: Path) -> None:
    pages = [p.read_text() for p in (two_nights / "report" / "stores").glob("*.html")]
    assert not any("<script>alert" in page or "<img src=x" in page for page in pages)
    assert any("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page for page in pages)


@pytest.mark.browser
def test_demo_report_in_chromium(two_nights: Path) -> None:
    if chromium_path() is None:
        pytest.fail("chromium is missing: `make test` installs it (apt-get install -y chromium)")
    report = two_nights / "report"
    hostile = next(p for p in (report / "stores").glob("*.html") if "&lt;script&gt;alert" in p.read_text())
    with Chromium() as browser:
        overview = browser.visit((report / "index.html").as_uri())
        store = browser.visit(hostile.as_uri())
    assert overview.errors == [] and store.errors == []
    assert overview.dialogs == [] and store.dialogs == []
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name, visit in (("overview", overview), ("store", store)):
        print(f"screenshot: {save_screenshot(visit.screenshot, SCREENSHOTS / f'demo-{name}.png')}")
