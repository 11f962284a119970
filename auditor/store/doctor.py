"""Find and repair what earlier versions, killed runs and concurrent writers left behind.

Duplicates (reviews stored twice, a run's scorecards, review summaries or findings written
twice) are merged, keeping one row per identity; runs left ``running`` by a process that is
gone are marked ``interrupted``; SQLite's ``integrity_check`` is reported. After a repair the
unique indexes that stop the duplicates coming back are built.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Connection, text
from sqlalchemy.engine import Engine

from auditor.store.schema import ensure_schema


@dataclass(frozen=True)
class Identity:
    """Rows of ``table`` that agree on ``columns`` are one thing; ``keep`` is min or max id."""

    table: str
    columns: tuple[str, ...]
    keep: str
    meaning: str


IDENTITIES = (
    Identity("review", ("source", "key"), "min", "reviews stored more than once (same source and key)"),
    Identity("scorecard", ("run_id", "location_id"), "max", "scorecards written twice for a run and store"),
    Identity("reviewsummary", ("run_id", "location_id", "source"), "max",
             "review summaries written twice for a run, store and source"),
    Identity("finding", ("run_id", "location_id", "rule_id", "source", "field", "expected", "observed"),
             "min", "identical findings written twice in a run"),
)  # fmt: skip


@dataclass
class Diagnosis:
    """What the doctor found (and, with ``fix``, repaired)."""

    duplicates: dict[str, int] = field(default_factory=dict)  # table -> surplus rows
    orphaned_runs: list[int] = field(default_factory=list)
    integrity: list[str] = field(default_factory=list)  # "ok" or SQLite's messages
    fixed: bool = False

    @property
    def healthy(self) -> bool:
        return not any(self.duplicates.values()) and not self.orphaned_runs and self.integrity in ([], ["ok"])


def _group(columns: tuple[str, ...]) -> str:
    return ", ".join(f'"{c}"' for c in columns)


def surplus_rows(conn: Connection, identity: Identity) -> int:
    """How many rows of the table are extra copies of another row."""
    columns = _group(identity.columns)
    query = (f'SELECT COALESCE(SUM(n - 1), 0) FROM (SELECT COUNT(*) AS n FROM "{identity.table}" '
             f"GROUP BY {columns} HAVING COUNT(*) > 1) AS groups")  # fmt: skip
    return int(conn.execute(text(query)).scalar() or 0)


def _merge(conn: Connection, identity: Identity) -> None:
    table, columns = identity.table, _group(identity.columns)
    kept = f'SELECT {identity.keep}(id) FROM "{table}" GROUP BY {columns}'
    if table == "review":  # the kept copy spans every run that saw any copy
        conn.execute(text(
            'UPDATE review SET '
            'first_run_id = (SELECT MIN(r.first_run_id) FROM review AS r '
            'WHERE r.source = review.source AND r."key" = review."key"), '
            'last_seen_run_id = (SELECT MAX(r.last_seen_run_id) FROM review AS r '
            'WHERE r.source = review.source AND r."key" = review."key") '
            f'WHERE id IN (SELECT {identity.keep}(id) FROM review GROUP BY {columns} HAVING COUNT(*) > 1)'
        ))  # fmt: skip
    conn.execute(text(f'DELETE FROM "{table}" WHERE id NOT IN ({kept})'))


def integrity(conn: Connection) -> list[str]:
    """SQLite's ``integrity_check`` lines (``["ok"]`` when sound); [] on other databases."""
    if conn.dialect.name != "sqlite":
        return []
    return [str(row[0]) for row in conn.exec_driver_sql("PRAGMA integrity_check").fetchall()]


def diagnose(engine: Engine) -> Diagnosis:
    """Look without changing anything."""
    from auditor.store.lock import _orphan_reason  # the lock's own rule for a dead run

    found = Diagnosis()
    with engine.connect() as conn:
        found.integrity = integrity(conn)
        for identity in IDENTITIES:
            found.duplicates[identity.table] = surplus_rows(conn, identity)
        rows = conn.execute(
            text("SELECT id, host, pid, started, heartbeat FROM auditrun WHERE status = 'running'")
        ).all()
    from datetime import UTC, datetime

    def aware(value):
        if isinstance(value, str):
            value = datetime.fromisoformat(value)
        return value.replace(tzinfo=UTC) if value is not None and value.tzinfo is None else value

    now = datetime.now(UTC)
    found.orphaned_runs = [
        int(r[0]) for r in rows if _orphan_reason(r[1], r[2], aware(r[3]), aware(r[4]), now) is not None
    ]
    return found


def repair(engine: Engine) -> Diagnosis:
    """Merge duplicates and build the unique indexes; the caller holds the lock (which marks
    orphaned runs when taken). Returns what was found before the repair."""
    before = diagnose(engine)
    with engine.begin() as conn:
        for identity in IDENTITIES:
            if before.duplicates.get(identity.table):
                _merge(conn, identity)
    ensure_schema(engine)
    before.fixed = True
    return before
