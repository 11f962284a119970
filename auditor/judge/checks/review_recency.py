"""review_recency: the store has had a review recently (a silent store is a warning sign).

Needs dates: a source that shows no review dates, or a store none of whose reviews is dated, is
a coverage note, never a pass or a fail.
"""

from __future__ import annotations

from auditor.judge.checks._reviews import review_source, summary_or_gap
from auditor.judge.checks.base import Evidence, Outcome, Rule, not_applicable


def check(rule: Rule, ev: Evidence) -> list[Outcome]:
    if ev.is_closed:
        return []
    summary, gap = summary_or_gap(ev, "reviews", needs=("dates",))
    if gap:
        return [gap]
    source = review_source(ev)
    if summary.get("days_since_last_review") is None or summary.get("dated") == 0:
        return [not_applicable(source, "no review of this store has a readable date")]
    limit = rule.threshold if rule.threshold is not None else 180
    days = int(summary["days_since_last_review"])
    score = 1.0 if days <= limit else round(max(0.0, 1 - (days - limit) / limit), 3)
    return [
        Outcome(
            source,
            score,
            f"a review in the last {limit:.0f} days",
            f"last review {days} days ago",
            field="recency",
        )
    ]
