"""response_rate: the owner replies to (negative) reviews.

Judged only where the source shows owner replies at all (declared, or a reply seen on any of its
reviews), over the reviews that count (1-2 stars needs readable stars), with a confidence bound:
fails when the upper Wilson bound of the answered share is below the target; a low share over too
few reviews to be sure is a coverage note.
"""

from __future__ import annotations

from auditor.judge.checks._reviews import review_source, summary_or_gap, wilson_upper, z_score
from auditor.judge.checks.base import Evidence, Outcome, Rule, not_applicable

# rate key -> (the count it is a share of, what the source must show beyond replies)
RATES = {
    "low_star_response_rate": ("low_stars", ("replies", "stars")),
    "negative_response_rate": ("negatives", ("replies",)),
    "response_rate": ("reviews", ("replies",)),
}


def check(rule: Rule, ev: Evidence) -> list[Outcome]:
    if ev.is_closed:
        return []
    key = str(rule.option("rate", "low_star_response_rate"))
    count_key, needs = RATES.get(key, ("reviews", ("replies",)))
    summary, gap = summary_or_gap(ev, key, needs=needs)
    if gap:
        return [gap]
    minimum = rule.threshold if rule.threshold is not None else 0.5
    rate = float(summary[key])
    count = summary.get(count_key)
    if count:
        best = wilson_upper(rate * int(count), int(count), z_score(rule))
        observed = f"{rate:.0%} answered of {int(count)}"
    else:  # a summary written before counts were kept: the plain share
        best, observed = rate, f"{rate:.0%} answered"
    source = review_source(ev)
    if rate >= minimum:
        return [Outcome(source, 1.0, f">= {minimum:.0%} answered", observed, field="replies")]
    if best >= minimum:
        return [not_applicable(source, f"{observed}: too few to tell (could be {best:.0%})")]
    score = round(rate / minimum, 3)  # confident it misses: credit in proportion to what was seen
    return [Outcome(source, score, f">= {minimum:.0%} answered", observed, field="replies")]
