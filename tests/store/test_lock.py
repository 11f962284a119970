"""The database's run lock: one holder, stale holders taken over, dead runs marked interrupted."""

from __future__ import annotations

import datetime as dt
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import insert, select

from auditor.store import lock as lock_module
from auditor.store.engine import make_engine
from auditor.store.errors import DatabaseLocked
from auditor.store.lock import DatabaseLock, process_alive, process_started
from auditor.store.tables import AuditRun, RunLock

LOCKS = RunLock.__table__
RUNS = AuditRun.__table__


def _holder_row(**values) -> dict:
    now = dt.datetime.now(dt.UTC)
    row = {"name": "audit", "command": "run", "host": socket.gethostname(), "pid": os.getpid(),
           "pid_started": process_started(os.getpid()), "run_id": None, "started": now,
           "heartbeat": now, "token": "other"}  # fmt: skip
    row.update(values)
    return row


@pytest.fixture
def engine(tmp_path: Path):
    return make_engine(tmp_path / "lock.db")


@pytest.fixture
def dead_pid() -> int:
    """The pid of a process that has exited (and been reaped)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_one_holder_and_release(engine) -> None:
    with DatabaseLock(engine, "run", "db") as held:
        with pytest.raises(DatabaseLocked) as refused:
            DatabaseLock(engine, "evaluate", "db").acquire()
        message = str(refused.value)
        assert message.startswith("db: in use by a run being started (`auditor run` on host ")
        assert f"pid {os.getpid()}" in message and message.endswith("UTC); wait for it to finish")
        held.attach(7)
        with pytest.raises(DatabaseLocked, match=r"^db: in use by run 7 \(`auditor run`"):
            DatabaseLock(engine, "run", "db").acquire()
    with engine.connect() as conn:
        assert conn.execute(select(LOCKS)).all() == []
    with DatabaseLock(engine, "run", "db"):  # free again
        pass


def test_lock_of_a_dead_process_is_taken_over_and_its_run_marked(engine, dead_pid: int) -> None:
    with engine.begin() as conn:
        conn.execute(insert(RUNS).values(id=3, status="running", host=socket.gethostname(), pid=dead_pid,
                                         started=dt.datetime.now(dt.UTC)))  # fmt: skip
        conn.execute(insert(LOCKS).values(_holder_row(pid=dead_pid, pid_started=None, run_id=3)))
    with DatabaseLock(engine, "run", "db") as held:
        assert held.taken_over[0].startswith(f"took over a stale lock: its process (pid {dead_pid} on ")
        assert "run 3 was left running: marked interrupted" in held.taken_over
    with engine.connect() as conn:
        status, note = conn.execute(select(RUNS.c.status, RUNS.c.note).where(RUNS.c.id == 3)).one()
    assert status == "interrupted"
    host = socket.gethostname()
    assert note.startswith(f"its process (pid {dead_pid} on {host}) ended without finishing the run")
    assert "by `auditor run`" in note


def test_lock_from_another_host_is_stale_only_when_its_heartbeat_is_old(engine) -> None:
    fresh = _holder_row(host="nightly-2", pid=12345)
    with engine.begin() as conn:
        conn.execute(insert(LOCKS).values(fresh))
    with pytest.raises(DatabaseLocked, match="on host nightly-2, pid 12345"):
        DatabaseLock(engine, "run", "db").acquire()
    old = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=lock_module.STALE_AFTER_S + 60)
    with engine.begin() as conn:
        conn.execute(LOCKS.update().values(heartbeat=old))
    with DatabaseLock(engine, "run", "db") as held:
        reason = "took over a stale lock: no heartbeat from pid 12345 on nightly-2"
        assert held.taken_over[0].startswith(reason)


def test_a_reused_pid_is_not_the_holder(engine) -> None:
    """A live pid whose process started at another time is a new process: the lock is stale."""
    with engine.begin() as conn:
        conn.execute(insert(LOCKS).values(_holder_row(pid_started=process_started(os.getpid()) - 1000)))
    with DatabaseLock(engine, "run", "db") as held:
        assert "is gone" in held.taken_over[0]


def test_running_run_of_a_live_process_is_left_alone(engine) -> None:
    with engine.begin() as conn:
        conn.execute(insert(RUNS).values(id=5, status="running", host=socket.gethostname(),
                                         pid=os.getppid(), started=dt.datetime.now(dt.UTC)))  # fmt: skip
    with DatabaseLock(engine, "run", "db") as held:
        assert held.taken_over == []
    with engine.connect() as conn:
        assert conn.execute(select(RUNS.c.status).where(RUNS.c.id == 5)).scalar() == "running"


def test_heartbeat_moves_and_names_the_run(engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lock_module, "HEARTBEAT_S", 0.05)
    with engine.begin() as conn:
        conn.execute(insert(RUNS).values(id=9, status="running", host=socket.gethostname(), pid=os.getpid(),
                                         started=dt.datetime.now(dt.UTC)))  # fmt: skip
    with DatabaseLock(engine, "run", "db"):
        with engine.connect() as conn:
            first = conn.execute(select(LOCKS.c.heartbeat)).scalar()
        import time

        time.sleep(0.4)
        with engine.connect() as conn:
            beat, run_id = conn.execute(select(LOCKS.c.heartbeat, LOCKS.c.run_id)).one()
            run_beat = conn.execute(select(RUNS.c.heartbeat).where(RUNS.c.id == 9)).scalar()
    assert beat > first and run_id == 9 and run_beat is not None


def test_process_alive() -> None:
    assert process_alive(os.getpid(), process_started(os.getpid()))
    assert not process_alive(None) and not process_alive(0)


def test_a_holder_that_starts_no_run_is_named_by_its_command(engine) -> None:
    began = dt.datetime.now(dt.UTC)
    with DatabaseLock(engine, "doctor --fix", "db"), pytest.raises(DatabaseLocked) as refused:
        DatabaseLock(engine, "run", "db").acquire()
    where = f"on host {socket.gethostname()}, pid {os.getpid()}, started {began:%Y-%m-%d %H:}"
    assert str(refused.value).startswith(f"db: in use by `auditor doctor --fix` ({where}")
