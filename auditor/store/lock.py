"""One run at a time per database: a lock row with the holder's host, pid and heartbeat.

A second writer (``run``, ``crawl``, ``evaluate``, ``doctor --fix``) fails at once with
:class:`DatabaseLocked`, naming the holder. A lock left by a killed process is stale when its
process is gone from this host, or when its heartbeat is older than ``STALE_AFTER_S`` (a
holder on another host), and is taken over; runs such a process left ``running`` are marked
``interrupted`` with the reason.
"""

from __future__ import annotations

import os
import socket
import threading
import time
import uuid
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from types import TracebackType

from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError

from auditor.store.errors import DatabaseLocked
from auditor.store.tables import AuditRun, RunLock

LOCK_NAME = "audit"
CREATES_RUN = ("run", "crawl", "demo")  # commands whose lock soon names a new run
HEARTBEAT_S = float(os.environ.get("AUDITOR_LOCK_HEARTBEAT_S", "15"))
STALE_AFTER_S = float(os.environ.get("AUDITOR_LOCK_STALE_S", "180"))
_LOCKS = RunLock.__table__  # type: ignore[attr-defined]
_RUNS = AuditRun.__table__  # type: ignore[attr-defined]


def _now() -> datetime:
    return datetime.now(UTC)


def _aware(value: datetime | None) -> datetime | None:
    return value.replace(tzinfo=UTC) if value is not None and value.tzinfo is None else value


def process_started(pid: int) -> float | None:
    """When process ``pid`` started (seconds since the epoch), from /proc; None if unknown."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        with open("/proc/stat", encoding="ascii") as handle:
            boot = next(float(line.split()[1]) for line in handle if line.startswith("btime"))
    except (OSError, StopIteration, IndexError, ValueError):
        return None
    if fields[0] in ("Z", "X"):  # a zombie has finished; only its exit status is left
        return -1.0
    return boot + int(fields[19]) / os.sysconf("SC_CLK_TCK")


def process_alive(pid: int | None, started: float | datetime | None = None) -> bool:
    """Whether ``pid`` runs on this host and is the same process (started as recorded)."""
    if not pid or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # someone else's process: alive
    began = process_started(pid)
    if began == -1.0:
        return False
    if began is None or started is None:
        return True
    if isinstance(started, datetime):  # a run's start: its process began before it
        return began <= _aware(started).timestamp() + 1.0
    return abs(began - started) < 2.0


@dataclass(frozen=True)
class Holder:
    """Who holds the lock, as the lock row says."""

    command: str
    host: str
    pid: int
    pid_started: float | None
    run_id: int | None
    started: datetime
    heartbeat: datetime
    token: str

    def stale_reason(self, now: datetime | None = None) -> str | None:
        """Why this holder is gone (None while it looks alive)."""
        now = now or _now()
        if self.host == socket.gethostname() and not process_alive(self.pid, self.pid_started):
            return f"its process (pid {self.pid} on {self.host}) is gone"
        age = (now - self.heartbeat).total_seconds()
        if age > STALE_AFTER_S:
            return f"no heartbeat from pid {self.pid} on {self.host} for {age:.0f} s"
        return None

    def describe(self) -> str:
        where = f"on host {self.host}, pid {self.pid}, started {self.started:%Y-%m-%d %H:%M:%S} UTC"
        if self.run_id is not None:
            return f"in use by run {self.run_id} (`auditor {self.command}` {where})"
        if self.command in CREATES_RUN:
            return f"in use by a run being started (`auditor {self.command}` {where})"
        return f"in use by `auditor {self.command}` ({where})"


class DatabaseLock:
    """The database's run lock, held for the length of a ``with`` block, with a heartbeat."""

    def __init__(self, engine: Engine, command: str, database: str = "database") -> None:
        self.engine = engine
        self.command = command
        self.database = database
        self.token = uuid.uuid4().hex
        self.run_id: int | None = None
        self.taken_over: list[str] = []
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # -- holding ------------------------------------------------------------------------------
    def acquire(self) -> DatabaseLock:
        """Take the lock (taking over a stale one) and mark orphaned runs; or DatabaseLocked."""
        for _attempt in range(5):
            now = _now()
            row = {
                "name": LOCK_NAME,
                "command": self.command,
                "host": socket.gethostname(),
                "pid": os.getpid(),
                "pid_started": process_started(os.getpid()),
                "run_id": self.run_id,
                "started": now,
                "heartbeat": now,
                "token": self.token,
            }
            try:
                with self.engine.begin() as conn:
                    conn.execute(insert(_LOCKS).values(row))
                break
            except IntegrityError:
                holder = self.holder()
                if holder is None:
                    continue  # released in the meantime
                reason = holder.stale_reason()
                if reason is None:
                    raise DatabaseLocked(f"{self.database}: {self._described(holder)}; "
                                         "wait for it to finish") from None  # fmt: skip
                self._take_over(holder, reason)
        else:
            raise DatabaseLocked(f"{self.database}: the lock changed hands repeatedly; try again")
        self.mark_orphans()
        self._thread = threading.Thread(target=self._beat, name="auditor-lock-heartbeat", daemon=True)
        self._thread.start()
        return self

    def release(self) -> None:
        """Stop the heartbeat and remove the lock row (only ours)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        try:
            with self.engine.begin() as conn:
                conn.execute(delete(_LOCKS).where(_LOCKS.c.name == LOCK_NAME, _LOCKS.c.token == self.token))
        except SQLAlchemyError:
            pass  # the database failed under us: the next writer finds this lock stale

    def __enter__(self) -> DatabaseLock:
        return self.acquire()

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()

    def attach(self, run_id: int) -> None:
        """Name the run this lock is held for (shown to a second writer)."""
        self.run_id = run_id
        with self.engine.begin() as conn:
            conn.execute(update(_LOCKS).where(_LOCKS.c.token == self.token).values(run_id=run_id))

    # -- others -------------------------------------------------------------------------------
    def holder(self) -> Holder | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(_LOCKS).where(_LOCKS.c.name == LOCK_NAME)).mappings().first()
        if row is None:
            return None
        return Holder(
            command=row["command"],
            host=row["host"],
            pid=row["pid"],
            pid_started=row["pid_started"],
            run_id=row["run_id"],
            started=_aware(row["started"]),
            heartbeat=_aware(row["heartbeat"]),
            token=row["token"],
        )

    def _described(self, holder: Holder) -> str:
        """The holder, with the id of the run it started (waiting a moment for it to appear)."""
        deadline = time.monotonic() + (2.0 if holder.command in CREATES_RUN else 0.0)
        while holder.run_id is None and time.monotonic() < deadline:
            run_id = self._running_run_of(holder.host, holder.pid)
            if run_id is not None:
                holder = replace(holder, run_id=run_id)
                break
            time.sleep(0.1)
        return holder.describe()

    def _running_run_of(self, host: str, pid: int) -> int | None:
        query = (
            select(_RUNS.c.id)
            .where(_RUNS.c.status == "running", _RUNS.c.host == host, _RUNS.c.pid == pid)
            .order_by(_RUNS.c.id.desc())
            .limit(1)
        )
        with self.engine.connect() as conn:
            return conn.execute(query).scalar()

    def _take_over(self, holder: Holder, reason: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(delete(_LOCKS).where(_LOCKS.c.name == LOCK_NAME, _LOCKS.c.token == holder.token))
        self.taken_over.append(f"took over a stale lock: {reason}")

    def mark_orphans(self) -> list[int]:
        """Mark ``running`` runs whose process is gone as ``interrupted``, with the reason."""
        now = _now()
        marked = []
        with self.engine.begin() as conn:
            rows = conn.execute(
                select(_RUNS.c.id, _RUNS.c.host, _RUNS.c.pid, _RUNS.c.started, _RUNS.c.heartbeat).where(
                    _RUNS.c.status == "running"
                )
            ).all()
            for run_id, host, pid, started, beat in rows:
                if host == socket.gethostname() and pid == os.getpid():
                    continue
                reason = _orphan_reason(host, pid, _aware(started), _aware(beat), now)
                if reason is None:
                    continue
                conn.execute(
                    update(_RUNS)
                    .where(_RUNS.c.id == run_id, _RUNS.c.status == "running")
                    .values(status="interrupted", finished=now, note=f"{reason}; "
                            f"marked interrupted at {now:%Y-%m-%d %H:%M:%S} UTC by `auditor {self.command}`")
                )  # fmt: skip
                marked.append(int(run_id))
        self.taken_over.extend(f"run {r} was left running: marked interrupted" for r in marked)
        return marked

    def _beat(self) -> None:
        while not self._stop.wait(HEARTBEAT_S):
            try:
                self._beat_once()
            except OperationalError:
                continue  # busy: the next beat comes soon enough

    def _beat_once(self) -> None:
        now = _now()
        if self.run_id is None:
            self.run_id = self._running_run_of(socket.gethostname(), os.getpid())
        with self.engine.begin() as conn:
            conn.execute(
                update(_LOCKS).where(_LOCKS.c.token == self.token).values(heartbeat=now, run_id=self.run_id)
            )
            if self.run_id is not None:
                conn.execute(
                    update(_RUNS).where(_RUNS.c.id == self.run_id, _RUNS.c.status == "running")
                    .values(heartbeat=now)
                )  # fmt: skip


def _orphan_reason(
    host: str | None, pid: int | None, started: datetime | None, beat: datetime | None, now: datetime
) -> str | None:
    """Why a ``running`` run has no live process behind it (None when it may still be running)."""
    if host is None:
        return "left running by an earlier version of the auditor"
    if host == socket.gethostname():
        if not process_alive(pid, started):
            return f"its process (pid {pid} on {host}) ended without finishing the run"
        return None
    last = beat or started
    if last is not None and (now - last) > timedelta(seconds=STALE_AFTER_S):
        return f"no sign of life from pid {pid} on {host} since {last:%Y-%m-%d %H:%M:%S} UTC"
    return None
