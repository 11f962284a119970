"""sentiment_floor: the mean sentiment of a store's reviews stays above a threshold.

Over the reviews the analyzer scored, with the same confidence bound as the rating floor
(polarity mapped from [-1, 1] to [0, 1]). When the mean misses the floor but too few reviews
make it inconclusive, a large share of complaints still fails: the lower Wilson bound of the
share read negative above ``negative_share`` (default 0.4).
"""

from __future__ import annotations

from auditor.judge.checks._reviews import bounded_mean, review_source, summary_or_gap, wilson_lower, z_score
from auditor.judge.checks.base import Evidence, Outcome, Rule, not_applicable

# window -> (mean key, count key, share-negative key, what the count is)
WINDOWS = {
    "all": ("mean_sentiment", "scored", "share_negative", "reviews"),
    "year": ("mean_sentiment_year", "scored_year", "share_negative_year", "reviews of the last year"),
}


def check(rule: Rule, ev: Evidence) -> list[Outcome]:
    """``window: year`` judges only the reviews dated within the last year (a tone that turned
    this year after years of praise leaves the mean of all of them above the floor)."""
    if ev.is_closed:
        return []
    window = "year" if str(rule.option("window", "all")) == "year" else "all"
    mean_key, count_key, share_key, counted = WINDOWS[window]
    needs = ("dates",) if window == "year" else ()
    summary, gap = summary_or_gap(ev, mean_key, int(rule.option("min_reviews", 1)), needs)
    source = review_source(ev)
    if gap:
        unread = unscored_reviews(ev.reviews or {})
        if window == "all" and unread and gap.note.startswith("not enough readable reviews"):
            return [not_applicable(source, f"no review text could be scored: {unread}")]
        return [gap]
    if window == "year" and int(summary.get("scored_year") or 0) >= int(summary.get("scored") or 0):
        return [not_applicable(source, "every scored review is of the last year: judged over all reviews")]
    scored = int(summary.get(count_key, summary["reviews"]))
    unscored = unscored_reviews(summary)
    if scored < 1:
        return [not_applicable(source, f"no review text could be scored{': ' if unscored else ''}{unscored}")]
    floor = rule.threshold if rule.threshold is not None else -0.2
    mean = float(summary[mean_key])
    best = bounded_mean(mean, scored, -1.0, 1.0, z_score(rule))
    observed = f"{mean:+.2f} over {scored} {counted}" + (f" ({unscored})" if unscored else "")
    if mean >= floor:
        return [Outcome(source, 1.0, f">= {floor:+.2f}", observed, field="sentiment")]
    if best >= floor:
        # the mean is inconclusive on few reviews; most of them read as complaints is not
        share = float(summary.get(share_key) or 0.0)
        majority = float(rule.option("negative_share", 0.4))
        if share and wilson_lower(share * scored, scored, z_score(rule)) > majority:
            told = f"{observed}; {round(share * scored)} of {scored} read as complaints"
            credit = round(max(0.0, 1 - share), 3)
            return [Outcome(source, credit, f">= {floor:+.2f}", told, field="sentiment")]
        return [not_applicable(source, f"{observed}: too few to tell (could be {best:+.2f})")]
    score = round(max(0.0, 1 - (floor - mean)), 3)  # confident it misses: credit as seen
    return [Outcome(source, score, f">= {floor:+.2f}", observed, field="sentiment")]


def unscored_reviews(summary: dict) -> str:
    """Why some reviews were left out: "3 not scored (language: de 2, fr 1), 1 without text"."""
    languages = summary.get("not_scored_languages") or {}
    parts = []
    if languages:
        listed = ", ".join(f"{code} {n}" for code, n in sorted(languages.items(), key=lambda kv: -kv[1]))
        parts.append(f"{sum(languages.values())} not scored (no analyzer for their language: {listed})")
    elif summary.get("not_scored_language"):
        parts.append(f"{summary['not_scored_language']} not scored (no analyzer for their language)")
    if summary.get("not_scored_no_text"):
        parts.append(f"{summary['not_scored_no_text']} without text")
    return ", ".join(parts)
