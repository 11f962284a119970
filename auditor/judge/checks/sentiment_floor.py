"""sentiment_floor: the mean sentiment of a store's reviews stays above a threshold.

Over the reviews the analyzer scored, with the same confidence bound as the rating floor
(polarity mapped from [-1, 1] to [0, 1]).
"""

from __future__ import annotations

from auditor.judge.checks._reviews import bounded_mean, review_source, summary_or_gap, z_score
from auditor.judge.checks.base import Evidence, Outcome, Rule, not_applicable


def check(rule: Rule, ev: Evidence) -> list[Outcome]:
    if ev.is_closed:
        return []
    summary, gap = summary_or_gap(ev, "mean_sentiment", int(rule.option("min_reviews", 1)))
    if gap:
        return [gap]
    source = review_source(ev)
    scored = int(summary.get("scored", summary["reviews"]))
    if scored < 1:
        return [not_applicable(source, "no review text could be scored")]
    floor = rule.threshold if rule.threshold is not None else -0.2
    mean = float(summary["mean_sentiment"])
    best = bounded_mean(mean, scored, -1.0, 1.0, z_score(rule))
    observed = f"{mean:+.2f} over {scored} reviews"
    if mean >= floor:
        return [Outcome(source, 1.0, f">= {floor:+.2f}", observed, field="sentiment")]
    if best >= floor:
        return [not_applicable(source, f"{observed}: too few to tell (could be {best:+.2f})")]
    score = round(max(0.0, 1 - (floor - mean)), 3)  # confident it misses: credit as seen
    return [Outcome(source, score, f">= {floor:+.2f}", observed, field="sentiment")]
