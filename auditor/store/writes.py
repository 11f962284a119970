"""Inserts that keep the database's identities: a row already stored is left as it is."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session


def insert_new(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert ``rows``, skipping any that a unique index says is stored already (by another
    process, or a run killed after writing it)."""
    if not rows:
        return
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    elif dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    else:
        session.execute(insert(table), rows)
        return
    session.execute(dialect_insert(table).on_conflict_do_nothing(), rows)
