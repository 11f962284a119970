"""A database left with duplicates by an earlier version: refused by run, found and merged by doctor."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import insert, text

from auditor.store.engine import make_engine
from auditor.store.schema import needs_repair
from auditor.store.tables import AuditRun, Location, Review, Scorecard
from tests.cli.conftest import auditor


@pytest.fixture
def old_db(tmp_path: Path) -> Path:
    """What two concurrent runs of an earlier version left: every review twice, a scorecard twice."""
    db = tmp_path / "old.db"
    engine = make_engine(db)
    with engine.begin() as conn:
        for name in ("uq_review_source_key", "uq_scorecard_run_location"):
            conn.execute(text(f"DROP INDEX {name}"))
        conn.execute(insert(Location.__table__).values(store_id="S-1", name="Shop", region="NSW"))
        for run_id in (1, 2):
            began = dt.datetime(2026, 11, run_id, tzinfo=dt.UTC)
            conn.execute(insert(AuditRun.__table__).values(id=run_id, status="complete", started=began))
        reviews = [{"source": "reviewhub", "location_id": "S-1", "key": f"r-{i}", "first_run_id": run_id,
                    "last_seen_run_id": run_id, "text": f"review {i}"}
                   for run_id in (1, 2) for i in range(3)]  # fmt: skip
        conn.execute(insert(Review.__table__), reviews)
        cards = [{"run_id": 2, "location_id": "S-1", "overall": overall} for overall in (80.0, 70.0)]
        conn.execute(insert(Scorecard.__table__), cards)
        began = dt.datetime(2026, 11, 3, tzinfo=dt.UTC)
        conn.execute(insert(AuditRun.__table__).values(id=3, status="running", started=began))
        conn.execute(text("UPDATE auditrun SET host = NULL, pid = NULL"))  # as an earlier version left them
    engine.dispose()
    return db


def test_an_old_database_is_opened_and_flagged(old_db: Path) -> None:
    assert needs_repair(make_engine(old_db)) == ["review", "scorecard"]


def test_run_and_validate_refuse_until_repaired(old_db: Path, tmp_path: Path) -> None:
    assert auditor("init", tmp_path / "b").code == 0
    expected = (f"{old_db}: duplicate rows left by an earlier version in review, scorecard; "
                "run `auditor doctor --fix` first")  # fmt: skip
    for command in ("validate", "run"):
        out = auditor(command, tmp_path / "b" / "brand.yaml", "--db", old_db)
        assert (out.code, out.line) == (4, expected)


def test_doctor_finds_then_fixes(old_db: Path) -> None:
    found = auditor("doctor", "--db", old_db)
    assert found.code == 4
    assert found.lines == [
        f"{old_db}: review: 3 reviews stored more than once (same source and key)",
        f"{old_db}: scorecard: 1 scorecards written twice for a run and store",
        f"{old_db}: run 3 is marked running but its process is gone",
        f"{old_db}: integrity_check: ok",
        f"{old_db}: run `auditor doctor --fix` to repair",
    ]
    fixed = auditor("doctor", "--db", old_db, "--fix")
    assert fixed.code == 0, fixed.lines
    assert fixed.lines[-1] == f"{old_db}: repaired: 4 duplicate rows merged, unique indexes in place"
    with sqlite3.connect(old_db) as conn:
        query = "SELECT key, first_run_id, last_seen_run_id FROM review ORDER BY key"
        reviews = conn.execute(query).fetchall()
        cards = conn.execute("SELECT overall FROM scorecard").fetchall()
        run3 = conn.execute("SELECT status, note FROM auditrun WHERE id = 3").fetchone()
        indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert reviews == [("r-0", 1, 2), ("r-1", 1, 2), ("r-2", 1, 2)]  # one copy, seen from run 1 to run 2
    assert cards == [(70.0,)]  # the last one written
    assert run3 == ("interrupted", "left running by an earlier version of the auditor; marked interrupted at "
                    + run3[1].split("marked interrupted at ")[1])  # fmt: skip
    assert {"uq_review_source_key", "uq_scorecard_run_location"} <= indexes
    again = auditor("doctor", "--db", old_db)
    assert again.code == 0 and again.lines == [f"{old_db}: integrity_check: ok", f"{old_db}: healthy"]


def test_doctor_on_a_damaged_file(tmp_path: Path) -> None:
    db = tmp_path / "damaged.db"
    make_engine(db).dispose()
    data = bytearray(db.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # the first page's b-tree header and cells
    db.write_bytes(bytes(data))
    out = auditor("doctor", "--db", db)
    assert out.code == 4 and out.lines[0].startswith(f"{db}: ")
