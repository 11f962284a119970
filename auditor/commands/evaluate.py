"""``auditor evaluate``: re-judge a stored crawl with the current spec and rules."""

from __future__ import annotations

from typing import Annotated

import typer

from auditor.commands.run import SpecArgument, SpecDbOption, spec_database, writing


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

    from auditor.judge.evaluate import evaluate_run
    from auditor.report import print_run_summary
    from auditor.report.console import make_console

    db = spec_database(spec, db)
    with writing(spec, db, "evaluate") as (loaded, engine, lock):
        chosen = run if run is not None else _latest_crawl(engine)
        if chosen is not None:
            lock.attach(chosen)
        summary = evaluate_run(engine, loaded, run_id=run)
    console = make_console()
    print_run_summary(engine, summary.run_id, console)
    console.print(
        f"run {summary.run_id}: {summary.stores} stores, {summary.findings} findings, "
        f"mean score {summary.mean_overall}, in {summary.seconds:.1f}s"
    )


def _latest_crawl(engine) -> int | None:
    from sqlmodel import Session

    from auditor.judge.evaluate import latest_crawl

    with Session(engine) as session:
        found = latest_crawl(session)
        return int(found.id) if found is not None and found.id is not None else None


def register(app: typer.Typer) -> None:
    app.command("evaluate")(evaluate)
