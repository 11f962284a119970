"""Rich tables for the terminal: run summary, region roll-up, one store's scorecard."""

from __future__ import annotations

import json

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from sqlalchemy.engine import Engine
from sqlmodel import Session

from auditor.store import queries
from auditor.store.tables import AuditRun


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f}"


def _style(value: float | None) -> str:
    if value is None:
        return "dim"
    return "green" if value >= 90 else "yellow" if value >= 70 else "red"


def print_run_summary(engine: Engine, run_id: int, console: Console, worst: int = 10) -> None:
    """Regions ranked and the worst stores of a run, with each one's most valuable fix."""
    with Session(engine) as session:
        cards = queries.scorecards(session, run_id)
        if not cards:
            console.print(f"run {run_id}: no scorecards (was it evaluated?)")
            return
        regions = Table(title=f"Run {run_id}: regions, worst first")
        for column in ("region", "stores", "mean", "lowest", "worst store", "findings"):
            regions.add_column(column, justify="left" if column in ("region", "worst store") else "right")
        for r in queries.region_summaries(session, run_id):
            regions.add_row(
                r.region,
                str(r.stores),
                f"[{_style(r.mean_overall)}]{_fmt(r.mean_overall)}[/]",
                _fmt(r.lowest_overall),
                r.worst_store or "",
                str(r.findings),
            )
        console.print(regions)
        findings = queries.findings(session, run_id)
        print_source_problems([f for f in findings if not f.location_id], console)
        findings = [f for f in findings if f.location_id]
        top: dict[str, object] = {}
        for f in findings:
            if f.location_id not in top or f.points > top[f.location_id].points:  # type: ignore[attr-defined]
                top[f.location_id] = f
        stores = Table(title=f"Worst {min(worst, len(cards))} stores")
        for column in ("store", "region", "overall", "grade", "findings", "top fix"):
            stores.add_column(column, overflow="fold")
        per_store: dict[str, int] = {}
        for f in findings:
            per_store[f.location_id] = per_store.get(f.location_id, 0) + 1
        for card in cards[:worst]:
            fix = top.get(card.location_id)
            stores.add_row(
                card.location_id,
                card.region,
                f"[{_style(card.overall)}]{_fmt(card.overall)}[/]",
                card.grade,
                str(per_store.get(card.location_id, 0)),
                f"{escape(fix.message)} (+{fix.points:.1f})" if fix else "",  # type: ignore[attr-defined]
            )
        console.print(stores)
        run = session.get(AuditRun, run_id)
        stats = json.loads(run.stats or "{}") if run is not None else {}
        print_source_coverage(stats, console)
        print_field_quality(stats, console)


def print_source_coverage(stats: dict, console: Console) -> None:
    """Sources that cover only some of the roster's countries: one line each (not findings)."""
    notes = stats.get("source_coverage") or {}
    if not notes:
        return
    table = Table(title="Sources covering some countries only (stores elsewhere are not expected there)")
    for column in ("source", "coverage"):
        table.add_column(column, overflow="fold")
    for source, note in sorted(notes.items()):
        table.add_row(escape(source), escape(note))
    console.print(table)


def print_source_problems(findings: list, console: Console) -> None:
    """Sources that read too little to judge their stores: one line each, before any store."""
    if not findings:
        return
    table = Table(title="Sources that could not be judged (their stores show coverage gaps)")
    for column in ("source", "problem"):
        table.add_column(column, overflow="fold")
    for f in findings:
        table.add_row(escape(f.source), f"[red]{escape(f.message)}[/]")
    console.print(table)


def print_field_quality(stats: dict, console: Console) -> None:
    """Per source and field: values read, normalised and unreadable (and the main reason), the
    worst first; only rows with something unreadable unless every row is clean."""
    from auditor.crawl.field_stats import field_quality

    rows = field_quality(stats)
    if not rows:
        return
    shown = [r for r in rows if r["unreadable"]]
    if not shown:  # one line, not an empty table under the title
        console.print("What each source let us read: every value read")
        return
    table = Table(title="What each source let us read")
    for column in ("source", "field", "read", "normalised", "unreadable", "main reason"):
        table.add_column(column, overflow="fold")
    for r in shown:
        style = "red" if r["unreadable_share"] >= 0.5 else "yellow"
        unreadable = f"[{style}]{r['unreadable']} ({r['unreadable_share']:.0%})[/]"
        table.add_row(r["source"], r["field"], str(r["read"]), str(r["normalised"]), unreadable,
                      r["main_reason"])  # fmt: skip
    console.print(table)
