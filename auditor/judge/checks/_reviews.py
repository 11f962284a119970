"""The review summary a reviews check reads, or why it cannot run."""

from __future__ import annotations

from typing import Any

from auditor.judge.checks.base import Evidence, Outcome, not_applicable

SOURCE = "reviewhub"


def summary_or_gap(
    ev: Evidence, key: str, minimum_reviews: int = 1
) -> tuple[dict[str, Any] | None, Outcome | None]:
    """(summary, None) when ``key`` can be judged; (None, a not-applicable outcome) otherwise."""
    source = review_source(ev)
    summary = ev.reviews
    if source in ev.failed_sources:
        return None, not_applicable(source, "review pages could not all be fetched")
    if not summary or summary.get("reviews", 0) < minimum_reviews or summary.get(key) is None:
        return None, not_applicable(source, f"not enough reviews for {key}")
    return summary, None


def review_source(ev: Evidence) -> str:
    sources = ev.sources("reviews")
    return sources[0] if sources else SOURCE
