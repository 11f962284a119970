"""Judge a crawl from the database alone: every rule, every store -> findings and scorecards.

A run's previous findings and scorecards are replaced in one transaction, so a failed or
interrupted evaluation never leaves a partial run behind.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, insert, text
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from auditor import __version__
from auditor.judge.checks.base import Evidence, Outcome, Rule
from auditor.judge.checks.registry import check_function
from auditor.judge.evidence import iter_evidence, source_facts
from auditor.judge.rules import RulePacks, load_rule_packs
from auditor.judge.scoring import Scored, fix_points, score_sheet
from auditor.judge.sources import coverage_notes, judge_sources, open_by_country, source_finding_rows
from auditor.sources.grace import after_judging
from auditor.store.tables import AuditRun, Finding, Review, Scorecard

BATCH = 500  # stores per bulk insert: bounds memory whatever the estate size


@dataclass(frozen=True)
class EvaluationSummary:
    run_id: int
    stores: int
    findings: int
    seconds: float
    mean_overall: float | None
    lowest_overall: float | None


class _Context(dict):
    """Message placeholders; an unknown one renders as itself rather than failing."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fingerprint(store_id: str, rule_id: str, source: str, field: str) -> str:
    """Stable across nights: the same problem at the same place has the same fingerprint."""
    return hashlib.sha1(f"{store_id}|{rule_id}|{source}|{field}".encode()).hexdigest()[:16]


SOURCE_RULE_TYPE = "source_health"  # judged once per run over whole sources, not per store


def _applied(rule: Rule, setting: Any, region: str) -> tuple[Rule, float] | None:
    """The rule as it applies to one store (None: off there), with its weight.

    ``setting`` is the spec's override for the store: ``off``, a new weight, or a mapping that
    may carry ``weight``, ``off``/``enabled``, ``sources``, ``exclude_sources``."""
    if not rule.applies_to_region(region):
        return None
    if setting == "off" or setting is False:
        return None
    if isinstance(setting, dict) or hasattr(setting, "model_dump"):
        values = setting.model_dump(exclude_none=True) if hasattr(setting, "model_dump") else dict(setting)
        if values.get("off") is True or values.get("enabled") is False:
            return None
        limits = {k: list(values[k]) for k in ("sources", "exclude_sources") if values.get(k)}
        if limits:
            rule = rule.model_copy(update=limits)
        weight = values.get("weight")
        return rule, float(weight) if weight is not None else rule.weight
    return rule, float(setting) if setting is not None else rule.weight


def judge_location(ev: Evidence, packs: RulePacks, spec: Any) -> tuple[list[dict], dict]:
    """(finding rows, scorecard row) for one store: pure apart from the checks themselves."""
    overrides = spec.rule_overrides_for(ev.store_id)
    region = str(ev.store.get("region") or "")
    pairs: list[tuple[Rule, Outcome, Scored]] = []
    for base_rule in packs.rules:
        if base_rule.type == SOURCE_RULE_TYPE:
            continue
        applied = _applied(base_rule, overrides.get(base_rule.id), region)
        if applied is None:
            continue
        rule, weight = applied
        for outcome in check_function(rule.type)(rule, ev):
            scored = Scored(
                rule.id, rule.category, outcome.source, outcome.field or rule.field, weight, outcome.score
            )
            pairs.append((rule, outcome, scored))
    results = [s for _r, _o, s in pairs]
    weights = dict(spec.scoring.weights)
    sheet = score_sheet(results, weights, dict(spec.scoring.grades), dict(spec.journey))
    categories = sheet.categories
    findings = []
    gaps = []
    for rule, outcome, scored in pairs:
        if outcome.score is None:
            gaps.append(f"{rule.id} at {outcome.source}: {outcome.note}")
            continue
        if outcome.score >= 1.0:
            continue
        context = _Context(
            source=outcome.source,
            observed=outcome.observed,
            expected=outcome.expected,
            store=ev.store_id,
            field=scored.field,
            note=outcome.note,
            detail=f" ({outcome.note})" if outcome.note else "",
        )
        findings.append(
            {
                "location_id": ev.store_id,
                "rule_id": rule.id,
                "severity": rule.severity,
                "category": rule.category,
                "source": outcome.source,
                "field": scored.field,
                "expected": outcome.expected[:2000],
                "observed": outcome.observed[:2000],
                "url": outcome.url,
                "message": rule.message.format_map(context),
                "score": outcome.score,
                "weight": scored.weight,
                "points": fix_points(scored, results, weights, categories),
                "fingerprint": fingerprint(ev.store_id, rule.id, outcome.source, scored.field),
            }
        )
    card = {
        "location_id": ev.store_id,
        "region": ev.store.get("region", ""),
        "overall": sheet.overall,
        "grade": sheet.grade,
        **sheet.categories,
        "checks_applied": sheet.applied,
        "checks_not_applicable": sheet.not_applicable,
        "details": json.dumps({"journey": sheet.journey, "gaps": gaps, "status": ev.store.get("status")}),
    }
    return findings, card


def latest_crawl(session: Session) -> AuditRun | None:
    query = (
        select(AuditRun)
        .where(col(AuditRun.status).in_(("complete", "interrupted")))
        .order_by(col(AuditRun.id).desc())
        .limit(1)
    )
    return session.exec(query).first()


def _analyse_reviews(engine: Engine, run_id: int, spec: Any, today: dt.date) -> None:
    from auditor.sentiment import analyse_new_reviews, theme_lexicon, write_review_summaries

    with Session(engine) as session:
        pending = session.exec(select(Review.id).where(col(Review.analyzed).is_(False)).limit(1)).first()
        if pending is not None:  # loading the analyzer costs seconds: only when there is work
            analyse_new_reviews(session, themes=theme_lexicon(dict(spec.themes) or None))
            session.commit()
        elif _summaries_current(engine, run_id, today):
            return  # re-scoring the same run for the same day: the stored summaries still hold
    with Session(engine) as session:
        write_review_summaries(session, run_id, today)
        session.commit()


def _summaries_current(engine: Engine, run_id: int, today: dt.date) -> bool:
    """True when the run's review summaries exist and were written for ``today``."""
    query = text("SELECT data FROM reviewsummary WHERE run_id = :run AND source = 'all'")
    written = False
    with engine.connect() as conn:
        for (data,) in conn.execution_options(yield_per=500).execute(query, {"run": run_id}):
            written = True
            summary = json.loads(data)
            if summary.get("last_review_date"):
                last = dt.date.fromisoformat(summary["last_review_date"])
                return (today - last).days == summary.get("days_since_last_review")
    return written  # no store has a dated review: the summaries do not depend on the day


def evaluate_run(
    engine: Engine,
    spec: Any,
    run_id: int | None = None,
    today: dt.date | None = None,
    progress: Callable[[int], None] | None = None,
) -> EvaluationSummary:
    """Re-judge a crawl (the latest by default); raises LookupError when there is none."""
    started = time.perf_counter()
    packs = load_rule_packs(list(spec.rule_pack_paths))
    with Session(engine) as session:
        run = session.get(AuditRun, run_id) if run_id is not None else latest_crawl(session)
        if run is None:
            raise LookupError("no crawl to evaluate: run `auditor crawl` (or `auditor run`) first")
        run_id = int(run.id)
        day = today or run.started.date()
    _analyse_reviews(engine, run_id, spec, day)
    facts = source_facts(engine, run_id, spec)
    source_rule = next((r for r in packs.rules if r.type == SOURCE_RULE_TYPE), None)
    problems = judge_sources(facts, spec, source_rule)
    with_replies = any("reviews" in r.scopes and r.category == "site" for r in packs.rules)
    findings_total = 0
    overalls: list[float] = []
    with Session(engine) as session, session.begin():
        session.exec(delete(Finding).where(Finding.run_id == run_id))
        session.exec(delete(Scorecard).where(Scorecard.run_id == run_id))
        finding_rows: list[dict] = []
        if source_rule is not None:
            finding_rows.extend(
                {**f, "run_id": run_id} for f in source_finding_rows(problems, source_rule, fingerprint)
            )
        card_rows: list[dict] = []
        evidences = iter_evidence(engine, run_id, spec, facts, with_replies=with_replies)
        for count, evidence in enumerate(evidences, start=1):
            evidence.today = day
            findings, card = judge_location(evidence, packs, spec)
            finding_rows.extend({**f, "run_id": run_id} for f in findings)
            card_rows.append({**card, "run_id": run_id})
            if card["overall"] is not None:
                overalls.append(card["overall"])
            if len(card_rows) >= BATCH:
                findings_total += _flush(session, finding_rows, card_rows)
                if progress:
                    progress(count)
        findings_total += _flush(session, finding_rows, card_rows)
        stored = session.get(AuditRun, run_id)
        stored.evaluated = dt.datetime.now(dt.UTC)
        stats = json.loads(stored.stats or "{}")
        stats.update({"brand": spec.brand.name, "findings": findings_total, "stores": len(spec.roster)})
        stats["auditor_version"] = __version__  # the judge that wrote these findings (see `diff`)
        stats["source_problems"] = {p.source: p.observed for p in problems}
        stats["source_coverage"] = coverage_notes(facts, open_by_country(spec))
        stored.stats = json.dumps(stats, sort_keys=True)
        session.add(stored)
    after_judging(engine, spec, run_id, day)  # platform sources: propagation grace, findings_only
    return EvaluationSummary(
        run_id=run_id,
        stores=len(spec.roster),
        findings=findings_total,
        seconds=round(time.perf_counter() - started, 2),
        mean_overall=round(sum(overalls) / len(overalls), 1) if overalls else None,
        lowest_overall=min(overalls) if overalls else None,
    )


def _flush(session: Session, finding_rows: list[dict], card_rows: list[dict]) -> int:
    count = len(finding_rows)
    if finding_rows:
        session.exec(insert(Finding), params=finding_rows)
    if card_rows:
        session.exec(insert(Scorecard), params=card_rows)
    finding_rows.clear()
    card_rows.clear()
    return count
