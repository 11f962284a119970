"""Per-location review aggregates for a run, with the change since the previous run's summary."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from statistics import fmean
from typing import Any

from sqlalchemy import func, insert
from sqlmodel import Session, col, delete, or_, select

from auditor.store.tables import Review, ReviewSummary

RECENT_DAYS = 90
YEAR_DAYS = 365
ALL_SOURCES = "all"
SCORED = ("negative", "neutral", "positive")
CHANGE_KEYS = (
    "reviews",
    "mean_stars",
    "mean_sentiment",
    "share_negative",
    "response_rate",
    "negative_response_rate",
    "mismatches",
)


def _known_at(run_id: int):
    """Reviews first seen in this run or earlier (or loaded without a run)."""
    return or_(col(Review.first_run_id).is_(None), col(Review.first_run_id) <= run_id)


def _is_negative(review: Review) -> bool:
    return review.label == "negative" or (review.stars is not None and review.stars <= 2)


def _mismatch(review: Review) -> bool:
    """Stars and text disagree: a 4-5 star review that reads negative, or 1-2 stars positive."""
    if review.stars is None or review.label not in SCORED:
        return False
    return (review.stars >= 4 and review.label == "negative") or (
        review.stars <= 2 and review.label == "positive"
    )


def _unscored_languages(reviews: list[Review]) -> dict[str, int]:
    """Reviews left unscored because no analyzer reads their language, by language."""
    codes = (r.analyzer or "" for r in reviews if r.label == "not_scored")
    counts = Counter(c.removeprefix("language:") for c in codes if c.startswith("language:"))
    return dict(sorted(counts.items()))


def _mean(values: list[float]) -> float | None:
    return round(fmean(values), 4) if values else None


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _themes(reviews: list[Review], today: dt.date) -> dict[str, dict[str, Any]]:
    recent_from = today - dt.timedelta(days=RECENT_DAYS)
    out: dict[str, dict[str, Any]] = {}
    polarities: dict[str, list[float]] = {}
    for review in reviews:
        try:
            themes = json.loads(review.themes or "{}")
        except ValueError:
            continue
        recent = review.date is not None and review.date >= recent_from
        for theme, polarity in themes.items():
            entry = out.setdefault(
                theme, {"mentions": 0, "negative": 0, "mentions_recent": 0, "negative_recent": 0}
            )
            entry["mentions"] += 1
            entry["mentions_recent"] += recent
            negative = polarity <= -0.05
            entry["negative"] += negative
            entry["negative_recent"] += negative and recent
            polarities.setdefault(theme, []).append(float(polarity))
    for theme, entry in out.items():
        entry["mean"] = _mean(polarities[theme])
    return dict(sorted(out.items()))


def _previous(session: Session, run_id: int, location_id: str, source: str) -> ReviewSummary | None:
    return session.exec(
        select(ReviewSummary)
        .where(
            ReviewSummary.location_id == location_id,
            ReviewSummary.source == source,
            col(ReviewSummary.run_id) < run_id,
        )
        .order_by(col(ReviewSummary.run_id).desc())
        .limit(1)
    ).first()


def _change(now: dict[str, Any], before: dict[str, Any]) -> dict[str, Any]:
    change: dict[str, Any] = {}
    for key in CHANGE_KEYS:
        a, b = before.get(key), now.get(key)
        change[key] = None if a is None or b is None else round(b - a, 4)
    themes: dict[str, dict[str, int]] = {}
    for theme in sorted(set(now["themes"]) | set(before.get("themes", {}))):
        was = before.get("themes", {}).get(theme, {})
        new = now["themes"].get(theme, {})
        themes[theme] = {
            "negative_recent_before": int(was.get("negative_recent", 0)),
            "negative_recent_now": int(new.get("negative_recent", 0)),
        }
    change["themes"] = themes
    return change


def summarise_location_reviews(
    session: Session, run_id: int, location_id: str, today: dt.date, source: str = ALL_SOURCES
) -> dict[str, Any]:
    """Aggregates of one location's reviews known at ``run_id`` (what the reviews rules read),
    over every review source (``all``) or one.

    Keys: reviews, rated (with stars), dated, low_stars (1-2 stars), negatives, new_reviews,
    rated_recent and mean_stars_recent (rated reviews dated in the last 90 days),
    scored, unanalysed, not_scored_language, not_scored_no_text,
    languages, mean_stars, mean_sentiment, share_negative, response_rate,
    negative_response_rate, low_star_response_rate (1-2 star reviews answered),
    last_review_date, days_since_last_review, mismatches, themes
    (per theme: mentions, negative, mentions_recent, negative_recent over the last 90 days,
    mean clause polarity), previous_run_id and change (deltas since the previous summary;
    per theme the recent negative count before and now)."""
    query = select(Review).where(Review.location_id == location_id, _known_at(run_id))
    if source != ALL_SOURCES:
        query = query.where(Review.source == source)
    reviews = list(session.exec(query).all())
    previous = _previous(session, run_id, location_id, source)
    return summarise_reviews(
        reviews,
        run_id,
        today,
        previous.run_id if previous else None,
        json.loads(previous.data) if previous else None,
    )


def summarise_reviews(
    reviews: list[Review],
    run_id: int,
    today: dt.date,
    previous_run_id: int | None,
    previous: dict[str, Any] | None,
) -> dict[str, Any]:
    """The aggregates of ``reviews`` (pure): what summarise_location_reviews stores."""
    scored = [r for r in reviews if r.label in SCORED and r.polarity is not None]
    negatives = [r for r in reviews if _is_negative(r)]
    low_stars = [r for r in reviews if r.stars is not None and r.stars <= 2]
    dates = [r.date for r in reviews if r.date is not None]
    last = max(dates) if dates else None
    recent_from = today - dt.timedelta(days=RECENT_DAYS)
    recent_stars = [r.stars for r in reviews if r.stars is not None and r.date and r.date >= recent_from]
    year = [r for r in scored if r.date is not None and r.date >= today - dt.timedelta(days=YEAR_DAYS)]
    data: dict[str, Any] = {
        "reviews": len(reviews),
        "rated": sum(1 for r in reviews if r.stars is not None),  # the samples the judge's bounds count
        "dated": len(dates),
        "low_stars": len(low_stars),
        "negatives": len(negatives),
        "new_reviews": sum(1 for r in reviews if r.first_run_id == run_id),
        "scored": len(scored),
        "unanalysed": sum(1 for r in reviews if not r.analyzed),
        "not_scored_language": sum(
            1 for r in reviews if r.label == "not_scored" and (r.analyzer or "").startswith("language:")
        ),
        "not_scored_no_text": sum(1 for r in reviews if r.analyzer == "no_text"),
        "not_scored_languages": _unscored_languages(reviews),
        "languages": dict(sorted(Counter(r.language for r in reviews if r.language).items())),
        "mean_stars": _mean([r.stars for r in reviews if r.stars is not None]),
        "rated_recent": len(recent_stars),  # rated and dated within RECENT_DAYS
        "mean_stars_recent": _mean(recent_stars),
        "mean_sentiment": _mean([r.polarity for r in scored if r.polarity is not None]),
        "share_negative": _share(sum(1 for r in scored if r.label == "negative"), len(scored)),
        # the scored reviews dated within the last year: a tone that turned this year
        "scored_year": len(year),
        "mean_sentiment_year": _mean([r.polarity for r in year if r.polarity is not None]),
        "share_negative_year": _share(sum(1 for r in year if r.label == "negative"), len(year)),
        "response_rate": _share(sum(1 for r in reviews if r.reply), len(reviews)),
        "negative_response_rate": _share(sum(1 for r in negatives if r.reply), len(negatives)),
        "low_star_response_rate": _share(sum(1 for r in low_stars if r.reply), len(low_stars)),
        "last_review_date": last.isoformat() if last else None,
        "days_since_last_review": (today - last).days if last else None,
        "mismatches": sum(1 for r in reviews if _mismatch(r)),
        "themes": _themes(scored, today),
    }
    data["previous_run_id"] = previous_run_id if previous is not None else None
    data["change"] = _change(data, previous) if previous is not None else None
    return data


def write_review_summaries(session: Session, run_id: int, today: dt.date) -> int:
    """Write (or rewrite) the run's ReviewSummary rows: per location one over all sources
    (source ``all``) and one per review source. Returns the number of rows.

    Reviews are streamed once, ordered by location, so memory stays flat and the number of
    queries does not grow with the number of locations."""
    session.exec(delete(ReviewSummary).where(ReviewSummary.run_id == run_id))
    before_run = session.exec(
        select(func.max(ReviewSummary.run_id)).where(col(ReviewSummary.run_id) < run_id)
    ).first()
    previous: dict[tuple[str, str], str] = {}
    if before_run is not None:
        rows = session.exec(
            select(ReviewSummary.location_id, ReviewSummary.source, ReviewSummary.data).where(
                ReviewSummary.run_id == before_run
            )
        )
        previous = {(loc, src): data for loc, src, data in rows}
    stream = session.exec(
        select(Review).where(_known_at(run_id)).order_by(Review.location_id, Review.source)
    ).yield_per(2000)
    batch: list[dict[str, Any]] = []
    written = 0

    def emit(location_id: str, reviews: list[Review]) -> None:
        groups: dict[str, list[Review]] = {ALL_SOURCES: reviews}
        for review in reviews:
            groups.setdefault(review.source, []).append(review)
        for source, group in groups.items():
            before = previous.get((location_id, source))
            data = summarise_reviews(
                group, run_id, today, before_run if before else None, json.loads(before) if before else None
            )
            batch.append(
                {"run_id": run_id, "location_id": location_id, "source": source, "data": json.dumps(data)}
            )

    current: str | None = None
    reviews: list[Review] = []
    for review in stream:
        if review.location_id != current and reviews:
            emit(current, reviews)  # type: ignore[arg-type]
            reviews = []
        current = review.location_id
        reviews.append(review)
        if len(batch) >= 2000:
            session.execute(insert(ReviewSummary), batch)
            written += len(batch)
            batch.clear()
    if reviews:
        emit(current, reviews)  # type: ignore[arg-type]
    if batch:
        session.execute(insert(ReviewSummary), batch)
        written += len(batch)
    session.commit()
    return written
