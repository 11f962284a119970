"""Rich tables for the terminal: run summary, region roll-up, one store's scorecard."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from sqlalchemy.engine import Engine
from sqlmodel import Session

from auditor.store import queries


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
                f"{fix.message} (+{fix.points:.1f})" if fix else "",  # type: ignore[attr-defined]
            )
        console.print(stores)
