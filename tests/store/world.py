"""A tiny demo world served on 127.0.0.1, `auditor run` as a separate process, and database snapshots."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

RUN_TIMEOUT_S = 60


def auditor_command(*args: str | Path) -> list[str]:
    return [sys.executable, "-c", "from auditor.cli import app; app(prog_name='auditor')", *map(str, args)]


def run_args(spec: Path, db: Path, report: Path) -> list[str]:
    return auditor_command("run", spec, "--db", db, "--report", report, "--no-progress", "--loopback")


def environment() -> dict[str, str]:
    env = dict(os.environ, PYTHONUNBUFFERED="1", NO_COLOR="1", COLUMNS="200")
    env.pop("DATABASE_URL", None)
    return env


def start_run(spec: Path, db: Path, report: Path) -> subprocess.Popen:
    return subprocess.Popen(
        run_args(spec, db, report),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environment(),
    )


def complete_run(spec: Path, db: Path, report: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        run_args(spec, db, report), capture_output=True, text=True, env=environment(), timeout=RUN_TIMEOUT_S
    )


def rows(db: Path, query: str, *params) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(query, params).fetchall()


def integrity(db: Path) -> list[str]:
    return [r[0] for r in rows(db, "PRAGMA integrity_check")]


IDENTITIES = {
    "review": "source, key",
    "scorecard": "run_id, location_id",
    "reviewsummary": "run_id, location_id, source",
    "location": "store_id",
    "source": "id",
    "crawlmemo": "url",
}


def duplicates(db: Path) -> dict[str, int]:
    """Surplus rows per identity (all zero in a sound database)."""
    tables = {r[0] for r in rows(db, "SELECT name FROM sqlite_master WHERE type = 'table'")}
    found = {}
    for table, columns in IDENTITIES.items():
        if table in tables:
            groups = f"SELECT COUNT(*) AS n FROM {table} GROUP BY {columns}"
            found[table] = rows(db, f"SELECT COALESCE(SUM(n - 1), 0) FROM ({groups})")[0][0]
    return found


def snapshot(db: Path, run_id: int) -> str:
    """Everything an evaluated run left: its fetches, observations, findings and scorecards."""
    parts = {
        "run": rows(db, "SELECT status, evaluated IS NOT NULL, finished FROM auditrun WHERE id = ?", run_id),
        "fetches": rows(
            db, "SELECT source, url, status, error FROM fetch WHERE run_id = ? ORDER BY 1, 2, 3", run_id
        ),
        "observations": rows(
            db,
            "SELECT location_id, source, entity, field, raw, normalised, problem FROM observation "
            "WHERE run_id = ? ORDER BY 1, 2, 3, 4, 5",
            run_id,
        ),
        "findings": rows(
            db,
            "SELECT location_id, rule_id, source, field, expected, observed, points, fingerprint "
            "FROM finding WHERE run_id = ? ORDER BY 1, 2, 3, 4, 8",
            run_id,
        ),
        "scorecards": rows(db, "SELECT * FROM scorecard WHERE run_id = ? ORDER BY location_id", run_id),
        "summaries": rows(
            db, "SELECT location_id, source, data FROM reviewsummary WHERE run_id = ? ORDER BY 1, 2", run_id
        ),
    }
    for name in ("scorecards",):  # drop row ids: they are not part of what the run found
        parts[name] = [row[1:] for row in parts[name]]
    return json.dumps(parts, default=str, sort_keys=True)
