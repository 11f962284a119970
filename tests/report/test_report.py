"""Reports read stored runs: HTML pages (escaped), terminal roll-ups, scorecards and diffs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from auditor.cli import app
from auditor.report import write_html_report
from auditor.store.engine import make_engine
from tests.report.builder import HOSTILE, build

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "audit.db"
    build(path)
    return path


def test_html_report_pages_and_escaping(db: Path, tmp_path: Path) -> None:
    index = write_html_report(make_engine(db), tmp_path / "report")
    overview = index.read_text()
    assert "Furn.Co" in overview and "regions/NSW.html" in overview
    assert "stores/FC-00001.html" in overview  # worst store linked
    store = (tmp_path / "report" / "stores" / "FC-00001.html").read_text()
    assert "<script>alert" not in store and "<img src=x" not in store
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in store
    assert "&lt;img src=x onerror=alert(1)&gt;" in store
    assert "&lt;i&gt;Mallory&lt;/i&gt;" in store and "&lt;b&gt;#ff0000&lt;/b&gt;" in store
    assert 'href="javascript:' not in store
    assert "delivery" in store
    assert (tmp_path / "report" / "regions" / "VIC.html").exists()


def test_diff_shows_exactly_new_and_resolved(db: Path) -> None:
    result = runner.invoke(app, ["diff", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert sorted((r["change"], r["store"], r["rule"]) for r in rows) == [
        ("new", "FC-00001", "identity.palette"),
        ("resolved", "FC-00002", "nap.website"),
    ]


def test_report_csv_is_worst_first_and_region_filter(db: Path) -> None:
    result = runner.invoke(app, ["report", "--db", str(db), "--format", "csv", "--region", "NSW"])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert lines[0].startswith("store,name,region,overall")
    assert [line.split(",")[0] for line in lines[1:]] == ["FC-00001", "FC-00002"]


def test_scorecard_json_has_trend_and_fix_list(db: Path) -> None:
    result = runner.invoke(app, ["scorecard", "FC-00001", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    card = json.loads(result.output)
    assert [t["overall"] for t in card["trend"]] == [60.0, 55.0]
    assert [f["rule"] for f in card["findings"]] == ["nap.phone", "identity.palette"]


def test_clear_errors_for_missing_db_and_unknown_store(db: Path, tmp_path: Path) -> None:
    missing = runner.invoke(app, ["report", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 4 and "no such database" in missing.output
    unknown = runner.invoke(app, ["scorecard", "NOPE", "--db", str(db)])
    assert unknown.exit_code == 1 and "has no scorecard" in unknown.output
    assert "Traceback" not in missing.output + unknown.output


def test_hostile_text_constant_is_the_one_planted() -> None:
    assert "<script>alert('x')</script>" in HOSTILE and "<img src=x onerror=alert(1)>" in HOSTILE


def test_trends_for_every_store_match_the_single_store_trend(db: Path) -> None:
    from sqlmodel import Session

    from auditor.store import queries

    with Session(make_engine(db)) as session:
        latest = queries.latest_run(session)
        every = queries.trends(session, latest.id)
        assert every["FC-00001"] == queries.trend(session, "FC-00001")
        first = queries.trends(session, latest.id - 1)
        assert [v for _, v in first["FC-00001"]] == [60.0]  # history stops at the run asked for


def test_bulk_review_reads_match_the_per_store_ones(db: Path) -> None:
    from sqlmodel import Session

    from auditor.store import queries

    with Session(make_engine(db)) as session:
        newest = queries.newest_reviews(session, 10)
        assert [r.key for r in newest["FC-00001"]] == [
            r.key for r in queries.reviews(session, "FC-00001", 10)
        ]
        assert set(newest) == {"FC-00001"}
        summaries = queries.review_summaries(session, 2)
        assert summaries["FC-00001"] == queries.review_summary(session, 2, "FC-00001")


def test_a_source_problem_is_shown_once_above_the_stores(db: Path, tmp_path: Path) -> None:
    """A source-level finding (no store) heads the overview and the terminal summary, escaped,
    and is not counted against any store."""
    from rich.console import Console

    from auditor.report.terminal import print_run_summary
    from auditor.store.engine import session_scope
    from tests.report.builder import finding

    engine = make_engine(db)
    message = "yellowbook: 0 listings read from 15 pages; try `auditor extract URL` <b>x</b>"
    with session_scope(engine) as session:
        session.add(finding(2, "", "coverage.source", "yellowbook", 0.0, message=message, url=""))
    overview = write_html_report(engine, tmp_path / "report").read_text()
    assert "Sources that could not be judged" in overview
    assert "0 listings read from 15 pages" in overview and "&lt;b&gt;x&lt;/b&gt;" in overview
    assert not (tmp_path / "report" / "stores" / ".html").exists()
    console = Console(record=True, width=200)
    print_run_summary(engine, 2, console)
    text = console.export_text()
    assert text.count("0 listings read from 15 pages") == 1 and "<b>x</b>" in text


def test_findings_lists_every_finding_and_filters(db: Path) -> None:
    every = runner.invoke(app, ["findings", "--db", str(db), "--format", "json"])
    assert every.exit_code == 0, every.output
    rows = json.loads(every.output)
    assert rows and {"store", "rule", "source", "expected", "observed", "url", "message"} <= set(rows[0])
    one = runner.invoke(app, ["findings", "--db", str(db), "--store", rows[0]["store"], "--format", "json"])
    assert {r["store"] for r in json.loads(one.output)} == {rows[0]["store"]}
    none = runner.invoke(app, ["findings", "--db", str(db), "--rule", "hours.regular", "--format", "json"])
    assert json.loads(none.output) == []
    unknown = runner.invoke(app, ["findings", "--db", str(db), "--rule", "no.such", "--format", "json"])
    assert unknown.exit_code == 1 and "no such rule" in unknown.output


def test_diff_lists_persisting_findings_when_asked(db: Path) -> None:
    plain = json.loads(runner.invoke(app, ["diff", "--db", str(db), "--format", "json"]).output)
    args = ["diff", "--db", str(db), "--persisting", "--format", "json"]
    full = json.loads(runner.invoke(app, args).output)
    assert {r["change"] for r in plain} <= {"new", "resolved"}
    assert "persisting" in {r["change"] for r in full} and len(full) > len(plain)


def test_a_store_whose_source_shows_no_replies_reads_so_not_zero_percent(db: Path, tmp_path: Path) -> None:
    from sqlmodel import select

    from auditor.store.engine import session_scope
    from auditor.store.tables import Scorecard

    engine = make_engine(db)
    write_html_report(engine, tmp_path / "before")
    assert "to negative:" in (tmp_path / "before" / "stores" / "FC-00001.html").read_text()
    gap = "reviews.response_rate at reviewhub: reviewhub shows no owner replies on any review"
    with session_scope(engine) as session:
        query = select(Scorecard).where(Scorecard.run_id == 2, Scorecard.location_id == "FC-00001")
        card = session.exec(query).one()
        card.details = json.dumps({"gaps": [gap]})
        session.add(card)
    write_html_report(engine, tmp_path / "report")
    page = (tmp_path / "report" / "stores" / "FC-00001.html").read_text()
    assert "the review source shows no replies" in page and gap in page
    assert "to negative:" not in page
    exported = runner.invoke(app, ["scorecard", "FC-00001", "--db", str(db), "--format", "json"])
    assert json.loads(exported.output)["coverage_gaps"] == [gap]


def test_diff_says_when_the_runs_were_judged_by_different_versions(db: Path) -> None:
    from auditor.store.engine import session_scope
    from auditor.store.tables import AuditRun

    same = runner.invoke(app, ["diff", "--db", str(db)])
    assert "different auditor versions" not in same.output
    with session_scope(make_engine(db)) as session:
        for run_id, version in ((1, "0.1.0"), (2, "0.2.0")):
            run = session.get(AuditRun, run_id)
            run.stats = json.dumps({**json.loads(run.stats or "{}"), "auditor_version": version})
            session.add(run)
    changed = runner.invoke(app, ["diff", "--db", str(db)])
    assert changed.exit_code == 0
    assert "judged by different auditor versions (0.1.0 and 0.2.0)" in changed.output
