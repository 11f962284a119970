"""Schema creation and upgrade: safe when several processes open one new database at once."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from auditor.store.engine import make_engine
from auditor.store.schema import needs_repair

OPEN = "import sys; from auditor.store.engine import make_engine; make_engine(sys.argv[1]); print('ok')"


def test_five_processes_create_one_new_database(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    children = [subprocess.Popen([sys.executable, "-c", OPEN, str(db)], stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True) for _ in range(5)]  # fmt: skip
    results = [child.communicate(timeout=60) for child in children]
    assert [child.returncode for child in children] == [0] * 5, [err[-500:] for _out, err in results]
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    unique = {"uq_review_source_key", "uq_scorecard_run_location", "uq_reviewsummary_run_location_source"}
    assert unique <= indexes


def test_a_database_of_an_earlier_version_gets_the_new_columns(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    with sqlite3.connect(db) as conn:
        conn.execute(
            "CREATE TABLE auditrun (id INTEGER PRIMARY KEY, started DATETIME, finished DATETIME, status "
            "VARCHAR, spec_hash VARCHAR, spec_path VARCHAR, evaluated DATETIME, stats VARCHAR)"
        )
        conn.execute("INSERT INTO auditrun (id, status, stats) VALUES (1, 'complete', '{}')")  # fmt: skip
    assert needs_repair(make_engine(db)) == []
    with sqlite3.connect(db) as conn:
        columns = {r[1] for r in conn.execute("PRAGMA table_info(auditrun)")}
        assert conn.execute("SELECT status FROM auditrun").fetchall() == [("complete",)]
    assert {"host", "pid", "heartbeat", "note"} <= columns
