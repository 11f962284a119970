"""Analyse stored reviews once: language, sentiment and themes written onto each Review row."""

from __future__ import annotations

import json

from sqlmodel import Session, col, select

from auditor.sentiment.analyzers import Analyzer, get_analyzer
from auditor.sentiment.language import NO_LANGUAGE, country_languages, detect_language
from auditor.sentiment.text import clean_review_text
from auditor.sentiment.themes import ThemeLexicon, default_themes, theme_sentiments
from auditor.store.tables import Location, Review

NOT_SCORED = "not_scored"
NO_TEXT = "no_text"
BATCH = 500


def analyse_review(
    review: Review, analyzer: Analyzer, themes: ThemeLexicon, local: tuple[str, ...] = ()
) -> None:
    """Fill one review's language, analyzer, polarity, label, confidence and themes.

    A language the analyzer cannot read is stored as ``not_scored`` with analyzer
    ``language:<code>``, never as neutral; a review without text is ``not_scored``/``no_text``.
    ``local``: the languages of the store's country, which win a close call in detection."""
    text = clean_review_text(review.text)
    review.analyzed = True
    review.themes = "{}"
    if not text:
        review.language = None
        review.analyzer, review.label = NO_TEXT, NOT_SCORED
        review.polarity = review.confidence = None
        return
    language = detect_language(text, analyzer.languages, local=local)
    review.language = language
    if language not in analyzer.languages and language != NO_LANGUAGE:
        review.analyzer, review.label = f"language:{language}", NOT_SCORED
        review.polarity = review.confidence = None
        return
    scoring_language = language if language in analyzer.languages else "en"
    result = analyzer.analyze(text, scoring_language, stars=review.stars)
    review.analyzer = result.analyzer
    review.polarity = round(result.polarity, 4)
    review.label = result.label
    review.confidence = round(result.confidence, 4)
    review.themes = json.dumps(
        theme_sentiments(text, analyzer, scoring_language, themes), sort_keys=True
    )


def analyse_new_reviews(
    session: Session, analyzer: Analyzer | None = None, themes: ThemeLexicon | None = None
) -> int:
    """Analyse every review not analysed yet; returns how many were analysed.

    Works in batches and commits each, so a nightly run touches only new reviews and an
    interrupted one keeps what it finished."""
    analyzer = analyzer or get_analyzer()
    themes = themes or default_themes()
    countries = dict(session.exec(select(Location.store_id, Location.country)).all())
    done = 0
    last_id = 0
    while True:
        batch = session.exec(
            select(Review)
            .where(Review.analyzed == False, col(Review.id) > last_id)  # noqa: E712
            .order_by(col(Review.id))
            .limit(BATCH)
        ).all()
        if not batch:
            return done
        for review in batch:
            local = country_languages(countries.get(review.location_id) or "")
            analyse_review(review, analyzer, themes, local)
            session.add(review)
        last_id = batch[-1].id or last_id
        done += len(batch)
        session.commit()
