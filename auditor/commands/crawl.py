"""``auditor crawl brand.yaml [--db PATH]``: fetch every touchpoint into a new audit run."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def crawl(
    spec_path: Annotated[Path, typer.Argument(help="The brand spec (brand.yaml).")],
    db: Annotated[
        str | None,
        typer.Option("--db", help="SQLite file or URL (default: $DATABASE_URL, ./auditor.db)."),
    ] = None,
    progress: Annotated[bool, typer.Option(help="Show the live table of pages per source.")] = True,
    loopback: Annotated[
        bool, typer.Option(help="No politeness delay: only for worlds served on 127.0.0.1.")
    ] = False,
) -> None:
    """Crawl the brand site, the directory listings and the review sites named in the spec.

    Exit codes as for `auditor run` (docs/cli.md): 3 spec invalid, 4 database problem, 5 locked.

    Example: [bold]auditor crawl brand.yaml --db audit.db[/]
    """
    from auditor.commands.run import writing
    from auditor.crawl.runner import run_crawl
    from auditor.crawl.settings import LOOPBACK_OVERRIDES

    overrides = dict(LOOPBACK_OVERRIDES) if loopback else None
    with writing(spec_path, db, "crawl") as (spec, engine, _lock):
        run_id = run_crawl(spec, engine, progress=progress, settings_overrides=overrides)
    typer.echo(f"crawl run {run_id} stored")


def register(app: typer.Typer) -> None:
    """Add ``auditor crawl`` to the CLI."""
    app.command("crawl")(crawl)
