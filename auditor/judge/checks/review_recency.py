"""review_recency: the store has had a review recently (a silent store is a warning sign)."""

from __future__ import annotations

from auditor.judge.checks._reviews import review_source, summary_or_gap
from auditor.judge.checks.base import Evidence, Outcome, Rule


def check(rule: Rule, ev: Evidence) -> list[Outcome]:
    if ev.is_closed:
        return []
    summary, gap = summary_or_gap(ev, "days_since_last_review")
    if gap:
        return [gap]
    limit = rule.threshold if rule.threshold is not None else 180
    days = int(summary["days_since_last_review"])
    score = 1.0 if days <= limit else round(max(0.0, 1 - (days - limit) / limit), 3)
    return [
        Outcome(
            review_source(ev),
            score,
            f"a review in the last {limit:.0f} days",
            f"last review {days} days ago",
            field="recency",
        )
    ]
