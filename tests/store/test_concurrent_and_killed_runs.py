"""Runs that race and runs that die: nothing doubled, nothing corrupted, the next run completes.

Five `auditor run` started at once on one new database: one runs, four refuse at once naming it.
Then ten `auditor run` killed with SIGKILL at a random moment (seeded) of their crawl or their
evaluation, each followed by a run that completes.
"""

from __future__ import annotations

import os
import random
import re
import signal
import sqlite3
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.store.world import complete_run, duplicates, integrity, rows, snapshot, start_run

pytestmark = [pytest.mark.server, pytest.mark.slow]

REFUSAL = re.compile(
    r"(?P<db>\S+): in use by run (?P<run>\d+) \(`auditor run` on host (?P<host>\S+), pid (?P<pid>\d+), "
    r"started \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\); wait for it to finish"
)


def test_five_concurrent_first_runs(five_first_runs) -> None:
    db, results = five_first_runs.db, five_first_runs.results
    codes = sorted(r.code for r in results)
    assert codes == [0, 5, 5, 5, 5], [(r.code, r.stderr[-300:]) for r in results]
    winner = next(r for r in results if r.code == 0)
    (run_id,) = {int(m) for m in re.findall(r"^run (\d+):", winner.stdout, re.M)}
    for refused in (r for r in results if r.code == 5):
        lines = [line for line in (refused.stdout + refused.stderr).splitlines() if line.strip()]
        assert len(lines) == 1, lines
        refusal = REFUSAL.fullmatch(lines[0])
        assert refusal, lines[0]
        assert refusal["db"] == str(db) and int(refusal["run"]) == run_id
        assert refused.seconds < winner.seconds  # refused at once, while the winner was still running
    assert integrity(db) == ["ok"]
    assert set(duplicates(db).values()) == {0}
    assert rows(db, "SELECT id, status, evaluated IS NOT NULL FROM auditrun") == [(run_id, "complete", 1)]
    assert rows(db, "SELECT COUNT(*) FROM runlock") == [(0,)]
    assert rows(db, "SELECT COUNT(*) FROM scorecard WHERE run_id = ?", run_id) == [(3,)]
    reviews = rows(db, "SELECT COUNT(*), COUNT(DISTINCT source || '|' || key) FROM review")[0]
    assert reviews[0] == reviews[1] > 0


# How long after the phase's first line the kill may come (each phase takes longer on this world).
KILL_WINDOW_S = {"1/3 crawl": 1.2, "2/3 evaluate": 0.8}


def _copy(source: Path, target: Path) -> None:
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)


def _evaluated_runs(db: Path) -> list[int]:
    query = "SELECT id FROM auditrun WHERE status = 'complete' AND evaluated IS NOT NULL"
    return [r[0] for r in rows(db, query)]


def _kill_during(phase: str, delay: float, spec: Path, db: Path, report: Path) -> tuple[bool, int | None]:
    """Start a run, SIGKILL it ``delay`` s after it prints ``phase``; (killed, its run id)."""
    process = start_run(spec, db, report)
    run_id = None
    assert process.stdout is not None
    for line in process.stdout:
        found = re.search(r"evaluate\]?: run (\d+)", line)
        if found:
            run_id = int(found.group(1))
        if phase in line:
            break
    time.sleep(delay)
    killed = process.poll() is None
    if killed:
        os.kill(process.pid, signal.SIGKILL)
    process.communicate(timeout=60)
    return killed, run_id


def _trials(lane: int, seed: int, count: int, served_spec: Path, db: Path, work: Path) -> int:
    """``count`` kills on one database, each followed by a run that must complete; returns the kills."""
    earlier = {run_id: snapshot(db, run_id) for run_id in _evaluated_runs(db)}
    assert earlier
    rng = random.Random(seed)
    kills = 0
    for trial in range(count):
        where = (lane, trial)
        phase = ("1/3 crawl", "2/3 evaluate")[trial % 2]
        before = {r[0] for r in rows(db, "SELECT id FROM auditrun")}
        killed, _ = _kill_during(phase, rng.uniform(0, KILL_WINDOW_S[phase]), served_spec, db, work / "r")
        kills += killed
        assert integrity(db) == ["ok"], where
        assert set(duplicates(db).values()) == {0}, (where, duplicates(db))
        assert {run_id: snapshot(db, run_id) for run_id in earlier} == earlier, where

        done = complete_run(served_spec, db, work / "report")
        assert done.returncode == 0, (where, done.stderr[-2000:])
        (run_id,) = {int(m) for m in re.findall(r"^run (\d+):", done.stdout, re.M)}
        assert rows(db, "SELECT status, evaluated IS NOT NULL FROM auditrun WHERE id = ?", run_id) == [
            ("complete", 1)
        ]
        assert rows(db, "SELECT COUNT(*) FROM auditrun WHERE status = 'running'") == [(0,)]
        assert rows(db, "SELECT COUNT(*) FROM runlock") == [(0,)]
        known = ",".join(map(str, before | {run_id}))
        others = f"SELECT id, status, note FROM auditrun WHERE id NOT IN ({known})"
        for dead, status, note in rows(db, others):
            # the killed run: cut off in its crawl (interrupted, with why), or after it (complete)
            assert (status == "interrupted" and "ended without finishing the run" in note) or (
                status == "complete" and note is None
            ), (where, dead, status, note)
        assert integrity(db) == ["ok"] and set(duplicates(db).values()) == {0}
        assert {r: snapshot(db, r) for r in earlier} == earlier, where
        assert rows(db, "SELECT COUNT(*) FROM scorecard WHERE run_id = ?", run_id) == [(3,)]
        earlier[run_id] = snapshot(db, run_id)
    return kills


def test_sigkill_during_crawl_and_evaluate(five_first_runs, served_spec: Path, tmp_path: Path) -> None:
    """Ten trials in two lanes of five (one database each, run side by side on two cores)."""
    lanes = []
    for lane in range(2):
        work = tmp_path / f"lane{lane}"
        work.mkdir()
        _copy(five_first_runs.db, work / "killed.db")
        lanes.append((lane, 1313 + lane, 5, served_spec, work / "killed.db", work))
    with ThreadPoolExecutor(max_workers=2) as pool:
        kills = sum(pool.map(lambda args: _trials(*args), lanes))
    assert kills >= 8, kills
