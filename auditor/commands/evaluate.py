"""``auditor evaluate``: re-judge a stored crawl with the current spec and rules."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def evaluate(
    spec: Annotated[Path, typer.Argument(help="The brand spec, e.g. brand.yaml.")],
    db: Annotated[
        str | None,
        typer.Option(
            "--db", help="Database file or URL (default: $DATABASE_URL or auditor.db next to the spec)."
        ),
    ] = None,
    run: Annotated[
        int | None, typer.Option("--run", help="Crawl run to judge (default: the latest).")
    ] = None,
) -> None:
    """Judge the latest crawl from the database alone: findings and scorecards, no crawling.

    Change a rule or a weight in the spec, then re-score in seconds.

    Example: auditor evaluate mybrand/brand.yaml --db mybrand/auditor.db
    """
    import os

    from rich.console import Console

    from auditor.commands.run import _load
    from auditor.evaluate import evaluate_run
    from auditor.report import print_run_summary
    from auditor.spec import SpecError
    from auditor.store.engine import make_engine

    loaded = _load(spec)
    if db is None and not os.environ.get("DATABASE_URL"):
        db = str(spec.parent / "auditor.db")
    engine = make_engine(db)
    try:
        summary = evaluate_run(engine, loaded, run_id=run)
    except SpecError as exc:
        for problem in exc.problems:
            typer.echo(str(problem), err=True)
        raise typer.Exit(1) from None
    except LookupError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(1) from None
    console = Console()
    print_run_summary(engine, summary.run_id, console)
    console.print(
        f"run {summary.run_id}: {summary.stores} stores, {summary.findings} findings, "
        f"mean score {summary.mean_overall}, in {summary.seconds:.1f}s"
    )


def register(app: typer.Typer) -> None:
    app.command("evaluate")(evaluate)
