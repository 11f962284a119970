"""How results read in a terminal or a saved file: an empty table is its title on one line (not
the title squeezed into the empty table's width), a scorecard's trend stops at the run shown, the
crawl table ends its line and shows source ids whole."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console

from tests.cli.conftest import auditor
from tests.report.builder import build


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "audit.db"
    build(path)
    return path


def test_a_diff_with_nothing_new_or_resolved_is_its_title(db: Path) -> None:
    out = auditor("diff", "2", "2", "--db", db)
    assert (out.code, out.lines) == (0, ["Run 2 → 2: 0 new, 0 resolved, 2 persisting"])


def test_a_scorecard_with_no_findings_keeps_its_title_whole(db: Path) -> None:
    out = auditor("scorecard", "FC-00003", "--db", db)
    assert out.code == 0
    assert out.lines[-1] == "FC-00003: fix list (0 findings)"


def test_a_scorecards_trend_stops_at_the_run_shown(db: Path) -> None:
    out = auditor("scorecard", "FC-00001", "--db", db, "--run", "1")
    assert "trend: 60" in out.lines
    latest = auditor("scorecard", "FC-00001", "--db", db)
    assert "trend: 60 → 55" in latest.lines


class _Stats:
    def __init__(self, counts: dict[str, int]) -> None:
        self.counts = counts

    def get_stats(self) -> dict[str, int]:
        return self.counts


class _Crawler:
    def __init__(self, counts: dict[str, int]) -> None:
        self.stats = _Stats(counts)


def test_the_crawl_table_ends_its_line_and_shows_ids_whole() -> None:
    from auditor.crawl.progress import CrawlProgress

    buffer = io.StringIO()
    console = Console(file=buffer, width=60)
    ids = [f"firmakatalog-{c}" for c in ("se", "no", "dk")]
    progress = CrawlProgress([_Crawler({f"auditor/{sid}/pages": 3 for sid in ids})], console=console)
    progress.live.start()
    progress.stop()
    console.print("2/3 evaluate")
    text = buffer.getvalue()
    assert all(sid in text for sid in ids), text
    assert "┘\n2/3 evaluate" in text


def test_a_run_whose_every_value_was_read_says_so_in_one_line() -> None:
    from auditor.crawl.field_stats import PREFIX
    from auditor.report.terminal import print_field_quality

    buffer = io.StringIO()
    stats = {f"{PREFIX}site/phone/read": 4, f"{PREFIX}site/phone/normalised": 4}
    print_field_quality(stats, Console(file=buffer, width=100))
    assert buffer.getvalue() == "What each source let us read: every value read\n"
