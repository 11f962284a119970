"""Create and upgrade the schema safely while other processes open the same database.

New databases get every table and unique index from the models. Databases made by earlier
versions get the columns added since (all nullable) and the unique indexes, unless duplicates
stop an index from being built: ``needs_repair(engine)`` lists those tables and
``auditor doctor --fix`` merges the duplicates.
"""

from __future__ import annotations

import time
from weakref import WeakKeyDictionary

from sqlalchemy import Connection, inspect, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, OperationalError, ProgrammingError
from sqlmodel import SQLModel

# SQLite reports a lost creation race or a busy writer with these; both pass on a retry.
_TRANSIENT = ("already exists", "database is locked", "database table is locked", "duplicate")
ATTEMPTS = 8
_WAITING: WeakKeyDictionary[Engine, list[str]] = WeakKeyDictionary()


def ensure_schema(engine: Engine) -> list[str]:
    """Bring the schema up to date; returns the tables whose unique index waits for a repair."""
    _WAITING[engine] = waiting = _ensure(engine)
    return waiting


def _ensure(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        if not _missing(conn):
            return []
    for attempt in range(ATTEMPTS):
        try:
            return _upgrade(engine)
        except (OperationalError, ProgrammingError, IntegrityError) as exc:
            message = str(exc.orig).lower()
            if attempt == ATTEMPTS - 1 or not any(t in message for t in _TRANSIENT):
                raise
            time.sleep(0.05 * (attempt + 1))
    return []


def _upgrade(engine: Engine) -> list[str]:
    """One transaction that holds the write lock from the start (BEGIN IMMEDIATE on SQLite)."""
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        SQLModel.metadata.create_all(conn)
        _add_columns(conn)
        waiting = _unique_indexes(conn)
        conn.commit()
    return waiting


def _missing(conn: Connection) -> bool:
    """True when a table, a column or a unique index of the models is missing."""
    inspector = inspect(conn)
    tables = set(inspector.get_table_names())
    for table in SQLModel.metadata.sorted_tables:
        if table.name not in tables:
            return True
        columns = {c["name"] for c in inspector.get_columns(table.name)}
        if any(c.name not in columns for c in table.columns):
            return True
        indexes = {i["name"] for i in inspector.get_indexes(table.name)}
        if any(i.unique and i.name not in indexes for i in table.indexes):
            return True
    return False


def _add_columns(conn: Connection) -> None:
    """Columns added to the models since the database was made (every one is nullable)."""
    inspector = inspect(conn)
    for table in SQLModel.metadata.sorted_tables:
        have = {c["name"] for c in inspector.get_columns(table.name)}
        for column in table.columns:
            if column.name not in have:
                kind = column.type.compile(dialect=conn.dialect)
                conn.execute(text(f'ALTER TABLE "{table.name}" ADD COLUMN "{column.name}" {kind}'))


def _unique_indexes(conn: Connection) -> list[str]:
    """Build the missing unique indexes; a table whose duplicates stop one is returned."""
    inspector = inspect(conn)
    waiting = []
    for table in SQLModel.metadata.sorted_tables:
        have = {i["name"] for i in inspector.get_indexes(table.name)}
        for index in table.indexes:
            if not index.unique or index.name in have:
                continue
            try:
                with conn.begin_nested():
                    index.create(conn)
            except IntegrityError:
                waiting.append(table.name)
    return waiting


def needs_repair(engine: Engine) -> list[str]:
    """Tables whose duplicates (left by an earlier version) wait for ``auditor doctor --fix``."""
    return list(_WAITING.get(engine, []))
