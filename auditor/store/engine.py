"""Database engine from configuration: a SQLite file by default, PostgreSQL via DATABASE_URL."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, NoSuchModuleError, SQLAlchemyError
from sqlmodel import Session, create_engine

from auditor.store import tables  # noqa: F401  (registers the tables on SQLModel.metadata)
from auditor.store.errors import DatabaseProblem
from auditor.store.schema import ensure_schema

BUSY_TIMEOUT_S = 30.0  # how long a writer waits for another process's transaction


def database_url(db: str | Path | None = None) -> str:
    """The URL to use: an explicit path or URL, else $DATABASE_URL, else ./auditor.db."""
    if db is None:
        db = os.environ.get("DATABASE_URL") or "auditor.db"
    text = str(db)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def sqlite_path(url: str) -> Path | None:
    """The file of a ``sqlite:///`` URL (None for other databases and in-memory SQLite)."""
    if not url.startswith("sqlite:///") or url in ("sqlite:///", "sqlite:///:memory:"):
        return None
    return Path(url.removeprefix("sqlite:///").split("?", 1)[0])


def display_name(url: str) -> str:
    """The database as the user named it: the file, or the URL without its password."""
    path = sqlite_path(url)
    if path is not None:
        return str(path)
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # an unparsable URL is shown as given
        return url


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _file_problem(path: Path) -> str | None:
    """Why a SQLite file cannot be opened, found before SQLite gives its terse message."""
    if path.is_dir():
        return f"{path}: is a folder, expected a database file"
    if not path.parent.is_dir():
        return f"{path}: folder {path.parent} does not exist"
    if path.exists():
        with path.open("rb") as handle:
            head = handle.read(16)
        if head and head != b"SQLite format 3\x00":
            return f"{path}: not a SQLite database; point --db at an auditor database or a new file"
    return None


def writable_problem(url: str) -> str | None:
    """Why the database could not be written (None when it can, or for non-SQLite URLs)."""
    path = sqlite_path(url)
    if path is None:
        return None
    problem = _file_problem(path)
    if problem:
        return problem
    if path.exists() and not os.access(path, os.W_OK):
        return f"{path}: the database file is read-only"
    if not os.access(path.parent, os.W_OK | os.X_OK):
        return f"{path}: folder {path.parent} is read-only (SQLite writes its journal beside the database)"
    return None


def make_engine(db: str | Path | None = None) -> Engine:
    """Create an engine and the tables if they are missing; raises DatabaseProblem (one line)."""
    url = database_url(db)
    path = sqlite_path(url)
    if path is not None and (problem := _file_problem(path)):
        raise DatabaseProblem(problem)
    name = display_name(url)
    try:
        if url.startswith("sqlite"):
            engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_S})
            event.listen(engine, "connect", _sqlite_pragmas)
        else:
            engine = create_engine(url, pool_pre_ping=True)
        ensure_schema(engine)
    except (NoSuchModuleError, ModuleNotFoundError) as exc:
        raise DatabaseProblem(f"{name}: no driver for this database URL ({exc})") from None
    except (DBAPIError, sqlite3.Error) as exc:
        raise DatabaseProblem(f"{name}: {_reason(exc, path)}") from None
    except SQLAlchemyError as exc:
        raise DatabaseProblem(f"{name}: {type(exc).__name__}: {exc}".splitlines()[0]) from None
    return engine


def _reason(exc: Exception, path: Path | None) -> str:
    orig = getattr(exc, "orig", exc)
    text = str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
    lowered = text.lower()
    if path is not None:
        if "readonly" in lowered or "read-only" in lowered:
            return "the database or its folder is read-only"
        if "unable to open" in lowered and not os.access(path.parent, os.W_OK):
            return f"cannot create or open it: folder {path.parent} is read-only"
        if "not a database" in lowered or "malformed" in lowered:
            return f"not a usable SQLite database ({text}); run `auditor doctor` on it"
    return f"cannot use the database ({text})"


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """One transaction: committed on success, rolled back on any error."""
    with Session(engine) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
