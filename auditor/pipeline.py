"""The nightly job as one call: crawl -> evaluate -> score -> report.

Each step is its own library function; this module only sequences them and reports progress,
so `auditor crawl`, `auditor evaluate` and `auditor report` can run the same steps one by one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from statistics import mean
from typing import Any

from rich.console import Console
from sqlalchemy.engine import Engine
from sqlmodel import Session

from auditor.spec import Spec


@dataclass(frozen=True)
class AuditOutcome:
    """Where a finished audit left its results, and how the estate scored."""

    run_id: int
    report_index: Path | None
    stores: int
    mean_overall: float | None
    lowest_overall: float | None


def run_audit(
    spec: Spec,
    engine: Engine,
    report_dir: Path | None,
    console: Console,
    crawl_overrides: dict[str, Any] | None = None,
    progress: bool = True,
    today: dt.date | None = None,
) -> AuditOutcome:
    """Crawl every touchpoint of the spec, judge it, score it and write the report."""
    from auditor.crawl.runner import run_crawl
    from auditor.judge.evaluate import evaluate_run
    from auditor.report import print_run_summary, write_html_report

    console.print("[bold]1/3 crawl[/]: brand site, listings and reviews")
    if today is not None:  # pages are read as of the run's day (holiday dates written without a year)
        crawl_overrides = {**(crawl_overrides or {}), "AUDITOR_TODAY": today.isoformat()}
    run_id = run_crawl(spec, engine, progress=progress, settings_overrides=crawl_overrides)
    console.print(f"[bold]2/3 evaluate[/]: run {run_id} against {len(spec.roster)} roster stores")
    evaluate_run(engine, spec, run_id=run_id, today=today)
    index = None
    if report_dir is not None:
        console.print(f"[bold]3/3 report[/]: {report_dir}")
        index = write_html_report(engine, report_dir, run_id=run_id)
    print_run_summary(engine, run_id, console)
    return outcome_of(engine, run_id, index)


def outcome_of(engine: Engine, run_id: int, index: Path | None) -> AuditOutcome:
    """Estate figures of an evaluated run."""
    from auditor.store import queries

    with Session(engine) as session:
        scores = [c.overall for c in queries.scorecards(session, run_id) if c.overall is not None]
    return AuditOutcome(
        run_id=run_id,
        report_index=index,
        stores=len(scores),
        mean_overall=round(mean(scores), 1) if scores else None,
        lowest_overall=min(scores) if scores else None,
    )
