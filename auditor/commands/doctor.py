"""``auditor doctor [--fix]``: find (and merge) duplicates, dead runs and corruption in a database."""

from __future__ import annotations

from typing import Annotated

import typer

from auditor.commands.failures import ExitCode

DbOption = Annotated[
    str | None, typer.Option("--db", help="Database file or URL (default: $DATABASE_URL or ./auditor.db).")
]


def doctor(
    db: DbOption = None,
    fix: Annotated[bool, typer.Option("--fix", help="Merge duplicates, mark dead runs interrupted.")] = False,
) -> None:
    """Check a database: duplicate rows left by earlier versions, runs left running, integrity.

    Exit 0 when healthy (or repaired), 4 when a problem remains.

    Example: auditor doctor --db mybrand/auditor.db --fix
    """
    from auditor.store.doctor import IDENTITIES, diagnose, repair
    from auditor.store.engine import database_url, display_name, make_engine, sqlite_path
    from auditor.store.errors import DatabaseProblem
    from auditor.store.lock import DatabaseLock

    url = database_url(db)
    path = sqlite_path(url)
    if path is not None and not path.exists():
        raise DatabaseProblem(f"{path}: no such database")
    name = display_name(url)
    engine = make_engine(db)
    found = diagnose(engine)
    meaning = {i.table: i.meaning for i in IDENTITIES}
    for table, surplus in found.duplicates.items():
        if surplus:
            typer.echo(f"{name}: {table}: {surplus} {meaning[table]}")
    for run_id in found.orphaned_runs:
        typer.echo(f"{name}: run {run_id} is marked running but its process is gone")
    sound = found.integrity in ([], ["ok"])
    if found.integrity:
        shown = "; ".join(found.integrity[:3]) + (" ..." if len(found.integrity) > 3 else "")
        typer.echo(f"{name}: integrity_check: {shown}")
    if not sound:
        typer.echo(f"{name}: the file is damaged: restore a backup (or try sqlite3's .recover)", err=True)
        raise typer.Exit(ExitCode.DATABASE)
    if found.healthy:
        typer.echo(f"{name}: healthy")
        return
    if not fix:
        typer.echo(f"{name}: run `auditor doctor --fix` to repair", err=True)
        raise typer.Exit(ExitCode.DATABASE)
    with DatabaseLock(engine, "doctor --fix", name) as lock:
        repair(engine)
        for note in lock.taken_over:
            typer.echo(f"{name}: {note}")
    merged = sum(found.duplicates.values())
    typer.echo(f"{name}: repaired: {merged} duplicate rows merged, unique indexes in place")


def register(app: typer.Typer) -> None:
    app.command("doctor")(doctor)
