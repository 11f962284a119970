"""sentiment_floor: the mean sentiment of a store's reviews stays above a threshold."""

from __future__ import annotations

from auditor.judge.checks._reviews import review_source, summary_or_gap
from auditor.judge.checks.base import Evidence, Outcome, Rule


def check(rule: Rule, ev: Evidence) -> list[Outcome]:
    if ev.is_closed:
        return []
    summary, gap = summary_or_gap(ev, "mean_sentiment", int(rule.option("min_reviews", 5)))
    if gap:
        return [gap]
    floor = rule.threshold if rule.threshold is not None else -0.2
    mean = float(summary["mean_sentiment"])
    score = 1.0 if mean >= floor else round(max(0.0, 1 - (floor - mean)), 3)
    return [Outcome(review_source(ev), score, f">= {floor:+.2f}", f"{mean:+.2f}", field="sentiment")]
