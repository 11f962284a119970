"""The review summary a reviews check reads, or why it cannot run; confidence bounds on samples.

Reviews judgements are made on the readable reviews only (stars that could be read, dates that
could be read), and with a Wilson score bound instead of a fixed minimum count: a store is
flagged when even the optimistic end of the interval misses the target, so three 1-star reviews
can be flagged while three readable ratings out of five are not over-trusted (docs/scoring.md).
"""

from __future__ import annotations

import math
from statistics import NormalDist
from typing import Any

from auditor.judge.checks.base import Evidence, Outcome, Rule, not_applicable

SOURCE = "reviewhub"
CONFIDENCE = 0.95  # one-sided: flag only when the upper bound is below the target
CAPABILITY_LABEL = {"replies": "owner replies", "dates": "review dates", "stars": "readable star ratings"}


def z_score(rule: Rule) -> float:
    confidence = float(rule.option("confidence", CONFIDENCE))
    return NormalDist().inv_cdf(min(max(confidence, 0.5), 0.9999))


def wilson_upper(successes: float, n: float, z: float) -> float:
    """Upper end of the Wilson score interval for a share ``successes / n`` (0 < n)."""
    p = min(max(successes / n, 0.0), 1.0)
    z2 = z * z
    centre = p + z2 / (2 * n)
    spread = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))
    return min(1.0, (centre + spread) / (1 + z2 / n))


def wilson_lower(successes: float, n: float, z: float) -> float:
    """Lower end of the Wilson score interval for a share ``successes / n`` (0 < n)."""
    return 1.0 - wilson_upper(n - successes, n, z)


def bounded_mean(mean: float, n: float, low: float, high: float, z: float) -> float:
    """The optimistic bound of a mean on the scale [low, high] over ``n`` readable values."""
    share = (mean - low) / (high - low)
    return low + (high - low) * wilson_upper(share * n, n, z)


def summary_or_gap(
    ev: Evidence, key: str, minimum_reviews: int = 1, needs: tuple[str, ...] = ()
) -> tuple[dict[str, Any] | None, Outcome | None]:
    """(summary, None) when ``key`` can be judged; (None, a not-applicable outcome) otherwise.

    ``needs``: what the source must show for the judgement to mean anything (``replies``,
    ``dates``, ``stars``); a source that shows it on no review at all gets a coverage note."""
    source = review_source(ev)
    summary = ev.reviews
    problem = ev.source_problem(source)
    if problem:
        return None, not_applicable(source, f"{source} could not be judged: {problem}")
    if source in ev.failed_sources:
        reason = ev.failure_reasons.get(source)
        return None, not_applicable(
            source, "review pages could not all be fetched" + (f" ({reason})" if reason else "")
        )
    for capability in needs:
        if not ev.carries(source, capability):
            label = CAPABILITY_LABEL.get(capability, capability)
            facts = ev.facts.get(source)
            where = f" of its {ev.country} stores" if facts and len(facts.review_countries) > 1 else ""
            return None, not_applicable(source, f"{source} shows no {label} on any review{where}")
    if not summary or not summary.get("reviews"):
        return None, not_applicable(source, "no reviews read")
    if summary.get("reviews", 0) < minimum_reviews or summary.get(key) is None:
        return None, not_applicable(source, f"not enough readable reviews for {key.replace('_', ' ')}")
    return summary, None


def review_source(ev: Evidence) -> str:
    sources = ev.sources("reviews")
    return sources[0] if sources else SOURCE
