"""Read-side queries: runs, scorecards, findings, history and diffs between runs."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from statistics import mean

from sqlmodel import Session, col, func, select

from auditor.store.tables import AuditRun, Finding, Location, Review, ReviewSummary, Scorecard


def evaluated_runs(session: Session, limit: int | None = None) -> list[AuditRun]:
    """Runs that have scorecards, newest first."""
    query = select(AuditRun).where(col(AuditRun.evaluated).is_not(None)).order_by(col(AuditRun.id).desc())
    if limit:
        query = query.limit(limit)
    return list(session.exec(query))


def latest_run(session: Session) -> AuditRun | None:
    """The newest evaluated run."""
    runs = evaluated_runs(session, 1)
    return runs[0] if runs else None


def run_or_latest(session: Session, run_id: int | None) -> AuditRun | None:
    return session.get(AuditRun, run_id) if run_id is not None else latest_run(session)


def previous_run(session: Session, run_id: int) -> AuditRun | None:
    """The evaluated run just before ``run_id``."""
    query = (
        select(AuditRun)
        .where(col(AuditRun.evaluated).is_not(None), col(AuditRun.id) < run_id)
        .order_by(col(AuditRun.id).desc())
        .limit(1)
    )
    return session.exec(query).first()


def scorecards(session: Session, run_id: int, region: str | None = None) -> list[Scorecard]:
    """Scorecards of a run, worst first (stores with no score last)."""
    query = select(Scorecard).where(Scorecard.run_id == run_id)
    if region:
        query = query.where(Scorecard.region == region)
    cards = list(session.exec(query))
    return sorted(cards, key=lambda c: (c.overall is None, c.overall or 0.0, c.location_id))


def scorecard(session: Session, run_id: int, location_id: str) -> Scorecard | None:
    query = select(Scorecard).where(Scorecard.run_id == run_id, Scorecard.location_id == location_id)
    return session.exec(query).first()


def findings(session: Session, run_id: int, location_id: str | None = None) -> list[Finding]:
    """Findings of a run (or one store), the most valuable fix first."""
    query = select(Finding).where(Finding.run_id == run_id)
    if location_id:
        query = query.where(Finding.location_id == location_id)
    return sorted(session.exec(query), key=lambda f: (f.location_id, -f.points, f.rule_id, f.source))


def locations(session: Session) -> dict[str, Location]:
    return {loc.store_id: loc for loc in session.exec(select(Location))}


def trend(session: Session, location_id: str, limit: int = 12) -> list[tuple[int, float | None]]:
    """(run id, overall score) of the store over the last ``limit`` evaluated runs, oldest first."""
    query = (
        select(Scorecard.run_id, Scorecard.overall)
        .where(Scorecard.location_id == location_id)
        .order_by(col(Scorecard.run_id).desc())
        .limit(limit)
    )
    return [(run_id, overall) for run_id, overall in reversed(list(session.exec(query)))]


def trends(session: Session, run_id: int, limit: int = 12) -> dict[str, list[tuple[int, float | None]]]:
    """``trend`` for every store at once: the last ``limit`` evaluated runs up to ``run_id``."""
    run_ids = [r.id for r in evaluated_runs(session) if r.id is not None and r.id <= run_id][:limit]
    query = (
        select(Scorecard.location_id, Scorecard.run_id, Scorecard.overall)
        .where(col(Scorecard.run_id).in_(run_ids))
        .order_by(col(Scorecard.run_id))
    )
    out: dict[str, list[tuple[int, float | None]]] = {}
    for location_id, run, overall in session.exec(query):
        out.setdefault(location_id, []).append((run, overall))
    return out


def estate_trend(session: Session, limit: int = 12) -> list[tuple[int, float | None]]:
    """(run id, mean overall score of the estate), oldest first."""
    query = (
        select(Scorecard.run_id, func.avg(Scorecard.overall))
        .group_by(Scorecard.run_id)
        .order_by(col(Scorecard.run_id).desc())
        .limit(limit)
    )
    return [(run_id, value) for run_id, value in reversed(list(session.exec(query)))]


def review_summary(session: Session, run_id: int, location_id: str) -> dict:
    query = select(ReviewSummary).where(
        ReviewSummary.run_id == run_id,
        ReviewSummary.location_id == location_id,
        ReviewSummary.source == "all",
    )
    row = session.exec(query).first()
    return json.loads(row.data) if row else {}


def reviews(session: Session, location_id: str, limit: int = 20) -> list[Review]:
    """The newest reviews of a store."""
    query = (
        select(Review)
        .where(Review.location_id == location_id)
        .order_by(col(Review.date).desc(), col(Review.id).desc())
        .limit(limit)
    )
    return list(session.exec(query))


def review_summaries(session: Session, run_id: int) -> dict[str, dict]:
    """``review_summary`` of every store of a run, in one query."""
    query = select(ReviewSummary.location_id, ReviewSummary.data).where(
        ReviewSummary.run_id == run_id, ReviewSummary.source == "all"
    )
    return {location_id: json.loads(data) for location_id, data in session.exec(query)}


def newest_reviews(session: Session, limit: int = 20) -> dict[str, list[Review]]:
    """``reviews`` of every store in one query: each store's ``limit`` newest."""
    rank = (
        func.row_number()
        .over(
            partition_by=Review.location_id,
            order_by=(col(Review.date).desc(), col(Review.id).desc()),
        )
        .label("rank")
    )
    ranked = select(Review.id, rank).subquery()
    query = (
        select(Review)
        .join(ranked, ranked.c.id == Review.id)
        .where(ranked.c.rank <= limit)
        .order_by(col(Review.location_id), ranked.c.rank)
    )
    out: dict[str, list[Review]] = {}
    for review in session.exec(query):
        out.setdefault(review.location_id, []).append(review)
    return out


@dataclass
class FindingsDiff:
    """Findings of run ``after`` compared with run ``before``, by fingerprint."""

    before: int | None
    after: int
    new: list[Finding] = field(default_factory=list)
    resolved: list[Finding] = field(default_factory=list)
    persisting: list[Finding] = field(default_factory=list)


def diff_findings(session: Session, before: int | None, after: int) -> FindingsDiff:
    """New (only in ``after``), resolved (only in ``before``) and persisting findings."""
    newer = {f.fingerprint: f for f in findings(session, after)}
    older = {f.fingerprint: f for f in findings(session, before)} if before is not None else {}
    return FindingsDiff(
        before=before,
        after=after,
        new=[f for fp, f in newer.items() if fp not in older],
        resolved=[f for fp, f in older.items() if fp not in newer],
        persisting=[f for fp, f in newer.items() if fp in older],
    )


@dataclass(frozen=True)
class RegionSummary:
    """One region's standing in a run."""

    region: str
    stores: int
    mean_overall: float | None
    lowest_overall: float | None
    worst_store: str | None
    findings: int


def region_summaries(session: Session, run_id: int) -> list[RegionSummary]:
    """Regions of a run, worst mean score first."""
    by_region: dict[str, list[Scorecard]] = {}
    for card in scorecards(session, run_id):
        by_region.setdefault(card.region or "(none)", []).append(card)
    counts: dict[str, int] = {}
    region_of = {c.location_id: c.region or "(none)" for cards in by_region.values() for c in cards}
    for location_id, count in session.exec(
        select(Finding.location_id, func.count())
        .where(Finding.run_id == run_id)
        .group_by(Finding.location_id)
    ):
        region = region_of.get(location_id, "(none)")
        counts[region] = counts.get(region, 0) + count
    summaries = []
    for region, cards in by_region.items():
        scored = [c for c in cards if c.overall is not None]
        worst = scored[0] if scored else None
        summaries.append(
            RegionSummary(
                region=region,
                stores=len(cards),
                mean_overall=round(mean(c.overall for c in scored), 1) if scored else None,
                lowest_overall=worst.overall if worst else None,
                worst_store=worst.location_id if worst else None,
                findings=counts.get(region, 0),
            )
        )
    return sorted(summaries, key=lambda s: (s.mean_overall is None, s.mean_overall or 0.0, s.region))


def iter_location_ids(session: Session, run_id: int) -> Iterator[str]:
    """Store ids with a scorecard in the run, in id order (for streaming page writes)."""
    query = select(Scorecard.location_id).where(Scorecard.run_id == run_id).order_by(Scorecard.location_id)
    yield from session.exec(query)
