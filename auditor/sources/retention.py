"""``store: findings_only``: a platform whose terms forbid keeping its content (Google Places)
is judged like any source, then its observations of the run are deleted, so nothing it showed
stays in the database or the report beyond the findings themselves. SQLite overwrites what it
deletes (``secure_delete``) and folds its write-ahead log back, so the values leave the file."""

from __future__ import annotations

from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Engine


def findings_only_sources(spec: Any) -> list[str]:
    """Ids of the spec's sources marked ``store: findings_only``."""
    return [str(s.id) for s in getattr(spec, "sources", None) or []
            if getattr(getattr(s, "platform", None), "store", "all") == "findings_only"]  # fmt: skip


def forget_raw_values(engine: Engine, spec: Any, run_id: int) -> int:
    """Delete the run's observations of findings-only sources; the number deleted."""
    sources = findings_only_sources(spec)
    if not sources:
        return 0
    sqlite = engine.dialect.name == "sqlite"
    marks = ", ".join(f":s{i}" for i in range(len(sources)))
    params: dict[str, Any] = {f"s{i}": sid for i, sid in enumerate(sources)}
    with engine.connect() as connection:
        if sqlite:
            connection.execute(text("PRAGMA secure_delete = ON"))
        query = text(f"DELETE FROM observation WHERE run_id = :run AND source IN ({marks})")
        deleted = connection.execute(query, {**params, "run": run_id}).rowcount
        connection.commit()
        if sqlite:
            connection.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
            connection.commit()
    return int(deleted or 0)
