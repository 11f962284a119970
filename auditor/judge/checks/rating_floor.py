"""rating_floor: mean stars at or above the brand's floor (spec scoring.rating_floor)."""

from __future__ import annotations

from auditor.judge.checks._reviews import review_source, summary_or_gap
from auditor.judge.checks.base import Evidence, Outcome, Rule


def check(rule: Rule, ev: Evidence) -> list[Outcome]:
    if ev.is_closed:
        return []
    summary, gap = summary_or_gap(ev, "mean_stars", int(rule.option("min_reviews", 5)))
    if gap:
        return [gap]
    floor = rule.threshold if rule.threshold is not None else ev.spec.scoring.rating_floor
    mean = float(summary["mean_stars"])
    score = 1.0 if mean >= floor else round(max(0.0, (mean - 1) / (floor - 1)), 3)
    return [Outcome(review_source(ev), score, f">= {floor:.1f} stars", f"{mean:.2f} stars", field="rating")]
