"""Insert-or-update rows by primary key on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table
from sqlalchemy.orm import Session


def upsert(session: Session, table: Table, rows: list[dict[str, Any]], key: str) -> None:
    """Write ``rows``; a row whose ``key`` exists replaces the stored values."""
    if not rows:
        return
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    statement = insert(table)
    columns = [c for c in rows[0] if c != key]
    statement = statement.on_conflict_do_update(
        index_elements=[key], set_={c: statement.excluded[c] for c in columns}
    )
    session.execute(statement, rows)
