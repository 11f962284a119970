"""``auditor evaluate``: re-judge a stored crawl with the current spec and rules."""

from __future__ import annotations

from typing import Annotated

import typer

from auditor.commands.run import SpecArgument, SpecDbOption, _load, spec_database


def evaluate(
    spec: SpecArgument,
    db: SpecDbOption = None,
    run: Annotated[
        int | None, typer.Option("--run", help="Crawl run to judge (default: the latest).")
    ] = None,
) -> None:
    """Judge the latest crawl from the database alone: findings and scorecards, no crawling.

    Change a rule or a weight in the spec, then re-score in seconds.

    Example: auditor evaluate mybrand/brand.yaml --db mybrand/auditor.db
    """

    from rich.console import Console

    from auditor.judge.evaluate import evaluate_run
    from auditor.report import print_run_summary
    from auditor.spec import SpecError
    from auditor.store.engine import make_engine

    loaded = _load(spec)
    db = spec_database(spec, db)
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
