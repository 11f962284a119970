"""response_rate: the owner replies to (negative) reviews."""

from __future__ import annotations

from auditor.judge.checks._reviews import review_source, summary_or_gap
from auditor.judge.checks.base import Evidence, Outcome, Rule


def check(rule: Rule, ev: Evidence) -> list[Outcome]:
    if ev.is_closed:
        return []
    key = str(rule.option("rate", "low_star_response_rate"))
    summary, gap = summary_or_gap(ev, key)
    if gap:
        return [gap]
    minimum = rule.threshold if rule.threshold is not None else 0.5
    rate = float(summary[key])
    score = 1.0 if rate >= minimum else round(rate / minimum, 3)
    return [
        Outcome(
            review_source(ev), score, f">= {minimum:.0%} answered", f"{rate:.0%} answered", field="replies"
        )
    ]
