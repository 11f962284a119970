"""analyse_new_reviews and the per-location summaries on a real SQLite file."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlmodel import Session, select

from auditor.sentiment import (
    analyse_new_reviews,
    get_analyzer,
    summarise_location_reviews,
    theme_lexicon,
    write_review_summaries,
)
from auditor.store.engine import make_engine
from auditor.store.tables import AuditRun, Review, ReviewSummary

TODAY = dt.date(2026, 11, 22)


def _review(key, text, stars, days_ago, location="FC-00012", run=1, reply=None):
    return Review(
        source="reviewhub",
        location_id=location,
        key=key,
        first_run_id=run,
        last_seen_run_id=run,
        text=text,
        stars=stars,
        date=TODAY - dt.timedelta(days=days_ago),
        reply=reply,
    )


@pytest.fixture
def engine(tmp_path):
    engine = make_engine(tmp_path / "a.db")
    with Session(engine) as session:
        session.add(AuditRun(id=1, status="complete"))
        session.add(AuditRun(id=2, status="complete"))
        session.add_all(
            [
                _review("r1", "Lovely staff and quick delivery.", 5, 40, reply="Thanks!"),
                _review("r2", "The delivery took three weeks and the sofa arrived damaged.", 2, 30),
                _review(
                    "r3", "Le canapé est arrivé abîmé et personne ne répond au téléphone.", 1, 20
                ),
                _review("r4", "", 4, 10),
                _review("r5", "Rude staff, never again.", 5, 5),
                _review("r6", "Great coffee!", 5, 3, location="FC-00001", reply="Cheers"),
            ]
        )
        session.commit()
    return engine


def _by_key(session):
    return {r.key: r for r in session.exec(select(Review)).all()}


def test_analyse_new_reviews_scores_each_review_once(engine):
    with Session(engine) as session:
        assert analyse_new_reviews(session) == 6
        assert analyse_new_reviews(session) == 0
        reviews = _by_key(session)
    assert all(r.analyzed for r in reviews.values())
    assert reviews["r1"].label == "positive" and reviews["r1"].language == "en"
    assert reviews["r1"].analyzer == "review"
    assert reviews["r2"].label == "negative"
    themes = json.loads(reviews["r2"].themes)
    assert themes["delivery"] < 0 and themes["product_quality"] < 0
    french = reviews["r3"]
    assert (french.label, french.analyzer, french.language) == ("not_scored", "language:fr", "fr")
    assert french.polarity is None
    empty = reviews["r4"]
    assert (empty.label, empty.analyzer, empty.polarity) == ("not_scored", "no_text", None)
    assert reviews["r5"].label == "negative"  # five stars, but the text is a complaint


def test_new_reviews_only(engine):
    with Session(engine) as session:
        analyse_new_reviews(session)
        first = _by_key(session)["r1"].polarity
        session.add(
            _review("r7", "The refund never came and nobody answered the phone.", 1, 1, run=2)
        )
        session.commit()
        assert analyse_new_reviews(session, analyzer=get_analyzer("lexicon")) == 1
        reviews = _by_key(session)
    assert reviews["r7"].analyzer == "lexicon" and reviews["r7"].label == "negative"
    assert reviews["r1"].polarity == first and reviews["r1"].analyzer == "review"


def test_spec_themes_override(engine):
    themes = theme_lexicon({"delivery": ["van"], "assembly": ["assembl*"]})
    with Session(engine) as session:
        session.add(_review("r8", "The van was late. Assembly was a nightmare.", 2, 1))
        session.commit()
        analyse_new_reviews(session, themes=themes)
        found = json.loads(_by_key(session)["r8"].themes)
    assert set(found) >= {"delivery", "assembly"}
    assert found["assembly"] < 0


def test_summary_for_one_location(engine):
    with Session(engine) as session:
        analyse_new_reviews(session)
        data = summarise_location_reviews(session, 1, "FC-00012", TODAY)
    assert data["reviews"] == 5
    assert data["scored"] == 3
    assert data["not_scored_language"] == 1
    assert data["not_scored_no_text"] == 1
    assert data["languages"] == {"en": 3, "fr": 1}
    assert data["mean_stars"] == pytest.approx((5 + 2 + 1 + 4 + 5) / 5)
    assert data["share_negative"] == pytest.approx(2 / 3, abs=1e-4)
    assert data["response_rate"] == pytest.approx(1 / 5)
    # negatives: r2 and r5 by text, r3 by its one star; none answered
    assert data["negative_response_rate"] == 0.0
    assert data["days_since_last_review"] == 5
    assert data["mismatches"] == 1  # r5: five stars, complaint text
    assert data["themes"]["delivery"]["mentions"] == 2
    assert data["themes"]["delivery"]["negative"] == 1
    assert data["previous_run_id"] is None and data["change"] is None


def test_write_summaries_with_change_since_previous_run(engine):
    with Session(engine) as session:
        other_site = _review("m1", "Quick delivery, lovely team.", 5, 2)
        other_site.source = "mapdir"
        session.add(other_site)
        session.commit()
        analyse_new_reviews(session)
        # FC-00012: all, mapdir, reviewhub; FC-00001: all, reviewhub
        assert write_review_summaries(session, 1, TODAY) == 5
        session.add_all(
            [
                _review("n1", "Delivery was two weeks late.", 1, 1, run=2),
                _review("n2", "They lost my delivery and it never arrived.", 1, 0, run=2),
            ]
        )
        session.commit()
        analyse_new_reviews(session)
        assert write_review_summaries(session, 2, TODAY) == 5
        assert write_review_summaries(session, 2, TODAY) == 5  # rewriting replaces, never doubles
        rows = session.exec(select(ReviewSummary).where(ReviewSummary.run_id == 2)).all()
    assert len(rows) == 5
    by_key = {(r.location_id, r.source): json.loads(r.data) for r in rows}
    store12 = by_key[("FC-00012", "all")]
    assert store12["reviews"] == 8
    assert store12["new_reviews"] == 2
    assert store12["previous_run_id"] == 1
    assert store12["change"]["reviews"] == 2
    assert store12["change"]["mean_stars"] < 0
    delivery = store12["change"]["themes"]["delivery"]
    assert delivery == {"negative_recent_before": 1, "negative_recent_now": 3}
    assert by_key[("FC-00012", "mapdir")]["reviews"] == 1
    assert by_key[("FC-00012", "mapdir")]["change"]["reviews"] == 0
    assert by_key[("FC-00012", "reviewhub")]["reviews"] == 7


@pytest.mark.parametrize(
    ("text", "label", "analyzer"),
    [
        ("", "not_scored", "no_text"),
        ("<div>   </div>", "not_scored", "no_text"),
        ("😡😡😡", "negative", "review"),
        (
            "<p>Great <b>service</b>, the team was lovely</p><script>bad()</script>",
            "positive",
            "review",
        ),
        ("The sofa arrived damaged. " * 4_000, "negative", "review"),
        (
            "Great sofa, mais la livraison était très lente et le canapé est arrivé abîmé.",
            "not_scored",
            "language:fr",
        ),
        ("配送太慢了，沙发也坏了。", "not_scored", "language:zh"),
    ],
)
def test_awkward_reviews_are_stored_without_a_crash(tmp_path, text, label, analyzer):
    engine = make_engine(tmp_path / "a.db")
    with Session(engine) as session:
        session.add(AuditRun(id=1))
        session.add(_review("x", text, None, 1))
        session.commit()
        assert analyse_new_reviews(session) == 1
        review = session.exec(select(Review)).one()
    assert (review.label, review.analyzer) == (label, analyzer)
    assert review.analyzed
    json.loads(review.themes)
