"""Check outcomes -> category and overall scores, grades, journey stages, fix values.

Pure functions: the same outcomes always give the same scorecard.
Category score = 100 * sum(weight * score) / sum(weight) over the checks that applied;
overall = the spec-weighted mean of the categories that have a score. A check that could not
run is a coverage gap, never a failure.
"""

from __future__ import annotations

from dataclasses import dataclass, field

CATEGORIES = ("listings", "site", "reviews", "coverage")
TOUCHPOINT_CATEGORY = {"listing": "listings", "site": "site", "reviews": "reviews"}


@dataclass(frozen=True)
class Scored:
    """One applied (or not applicable) check result, ready to score."""

    rule_id: str
    category: str
    source: str
    field: str
    weight: float
    score: float | None


@dataclass
class ScoreSheet:
    categories: dict[str, float | None]
    overall: float | None
    grade: str
    applied: int
    not_applicable: int
    journey: dict[str, dict] = field(default_factory=dict)


def category_scores(results: list[Scored]) -> dict[str, float | None]:
    totals: dict[str, list[float]] = {c: [0.0, 0.0] for c in CATEGORIES}
    for r in results:
        if r.score is None or r.weight <= 0:
            continue
        totals.setdefault(r.category, [0.0, 0.0])
        totals[r.category][0] += r.weight * r.score
        totals[r.category][1] += r.weight
    return {c: (round(100 * s / w, 1) if w else None) for c, (s, w) in totals.items()}


def overall_score(categories: dict[str, float | None], weights: dict[str, float]) -> float | None:
    applied = [
        (weights.get(c, 0.0), v) for c, v in categories.items() if v is not None and weights.get(c, 0.0) > 0
    ]
    total = sum(w for w, _ in applied)
    return round(sum(w * v for w, v in applied) / total, 1) if total else None


def grade(score: float | None, thresholds: dict[str, float]) -> str:
    if score is None:
        return ""
    for letter, minimum in sorted(thresholds.items(), key=lambda kv: -kv[1]):
        if score >= minimum:
            return letter
    return "F"


def fix_points(
    result: Scored,
    results: list[Scored],
    weights: dict[str, float],
    categories: dict[str, float | None] | None = None,
) -> float:
    """Overall points the location gains if this result's check passed fully.

    ``categories`` is ``category_scores(results)`` when the caller already has it.
    """
    if result.score is None or result.score >= 1:
        return 0.0
    in_category = sum(
        r.weight for r in results if r.category == result.category and r.score is not None and r.weight > 0
    )
    if categories is None:
        categories = category_scores(results)
    active = sum(weights.get(c, 0.0) for c, v in categories.items() if v is not None)
    if not in_category or not active:
        return 0.0
    gain = 100 * result.weight * (1 - result.score) / in_category
    return round(gain * weights.get(result.category, 0.0) / active, 2)


def journey(
    results: list[Scored], stages: dict[str, list[str]], categories: dict[str, float | None] | None = None
) -> dict[str, dict]:
    """Score per customer-journey stage from the touchpoints that serve it."""
    if categories is None:
        categories = category_scores(results)
    phone = [r.score for r in results if r.field == "phone" and r.score is not None]
    touch = {t: categories.get(c) for t, c in TOUCHPOINT_CATEGORY.items()}
    touch["phone"] = round(100 * sum(phone) / len(phone), 1) if phone else None
    out = {}
    for stage, touchpoints in stages.items():
        values = [touch.get(t) for t in touchpoints if touch.get(t) is not None]
        out[stage] = {
            "touchpoints": list(touchpoints),
            "score": round(sum(values) / len(values), 1) if values else None,
        }
    return out


def score_sheet(
    results: list[Scored], weights: dict[str, float], grades: dict[str, float], stages: dict[str, list[str]]
) -> ScoreSheet:
    categories = category_scores(results)
    overall = overall_score(categories, weights)
    return ScoreSheet(
        categories=categories,
        overall=overall,
        grade=grade(overall, grades),
        applied=sum(r.score is not None for r in results),
        not_applicable=sum(r.score is None for r in results),
        journey=journey(results, stages, categories),
    )
