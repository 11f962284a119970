"""sentiment_floor: the mean sentiment of a store's reviews stays above a threshold.

Over the reviews the analyzer scored, with the same confidence bound as the rating floor
(polarity mapped from [-1, 1] to [0, 1]). When the mean misses the floor but too few reviews
make it inconclusive, a large share of complaints still fails: the lower Wilson bound of the
share read negative above ``negative_share`` (default 0.4).
"""

from __future__ import annotations

from auditor.judge.checks._reviews import bounded_mean, review_source, summary_or_gap, wilson_lower, z_score
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
        # the mean is inconclusive on few reviews; most of them read as complaints is not
        share = float(summary.get("share_negative") or 0.0)
        majority = float(rule.option("negative_share", 0.4))
        if share and wilson_lower(share * scored, scored, z_score(rule)) > majority:
            told = f"{observed}; {round(share * scored)} of {scored} read as complaints"
            credit = round(max(0.0, 1 - share), 3)
            return [Outcome(source, credit, f">= {floor:+.2f}", told, field="sentiment")]
        return [not_applicable(source, f"{observed}: too few to tell (could be {best:+.2f})")]
    score = round(max(0.0, 1 - (floor - mean)), 3)  # confident it misses: credit as seen
    return [Outcome(source, score, f">= {floor:+.2f}", observed, field="sentiment")]
