"""rating_floor: mean stars at or above the brand's floor (spec scoring.rating_floor).

Judged over the reviews whose stars could be read, with a confidence bound: the store fails only
when the upper Wilson bound of its mean (stars mapped to [0, 1]) is below the floor; a mean below
the floor over too few ratings to be sure is a coverage note, not a pass.
"""

from __future__ import annotations

from auditor.judge.checks._reviews import bounded_mean, review_source, summary_or_gap, z_score
from auditor.judge.checks.base import Evidence, Outcome, Rule, not_applicable

# window -> (mean key, count key, what the count is, what the source must show)
WINDOWS = {
    "all": ("mean_stars", "rated", "rated reviews", ("stars",)),
    "recent": ("mean_stars_recent", "rated_recent", "rated reviews of the last 90 days", ("stars", "dates")),
}


def check(rule: Rule, ev: Evidence) -> list[Outcome]:
    """``window: recent`` judges only the reviews of the last 90 days (a fresh run of low ratings
    that a long good history would hide); undated reviews cannot count there."""
    if ev.is_closed:
        return []
    mean_key, count_key, counted, needs = WINDOWS.get(str(rule.option("window", "all")), WINDOWS["all"])
    summary, gap = summary_or_gap(ev, mean_key, int(rule.option("min_reviews", 1)), needs=needs)
    if gap:
        return [gap]
    source = review_source(ev)
    rated = int(summary.get(count_key, summary["reviews"]))
    if rated < 1:
        return [not_applicable(source, f"no {counted} with readable stars")]
    floor = rule.threshold if rule.threshold is not None else ev.spec.scoring.rating_floor
    scale = float(rule.option("scale", 5))
    mean = float(summary[mean_key])
    best = bounded_mean(mean, rated, 1.0, scale, z_score(rule))
    observed = f"{mean:.2f} stars over {rated} {counted}"
    if mean >= floor:
        return [Outcome(source, 1.0, f">= {floor:.1f} stars", observed, field="rating")]
    if best >= floor:
        return [not_applicable(source, f"{observed}: too few to tell (could be {best:.2f})")]
    score = round(max(0.0, (mean - 1) / (floor - 1)), 3)  # confident it misses: credit as seen
    observed += f", at most {best:.2f} at {rule.option('confidence', 0.95):.0%} confidence"
    return [Outcome(source, score, f">= {floor:.1f} stars", observed, field="rating")]
