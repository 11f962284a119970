"""Analyzer behaviour: negation, contrast, review vocabulary, star prior, awkward input."""

from __future__ import annotations

import pytest

from auditor.sentiment import (
    UnsupportedLanguage,
    get_analyzer,
    label_for,
)
from auditor.sentiment.lexicon import ReviewLexicon, pattern_score, written_rating

DELIVERY_COMPLAINT = (
    "The staff were friendly but the delivery took three weeks and the sofa arrived damaged."
)


@pytest.fixture(scope="module")
def review():
    return get_analyzer()


@pytest.fixture(scope="module", params=["review", "lexicon"])
def ours(request):
    return get_analyzer(request.param)


def test_default_is_the_trained_review_analyzer(review):
    assert review.name == "review"


def test_contrast_puts_the_complaint_first(ours):
    result = ours.analyze(DELIVERY_COMPLAINT)
    assert result.label == "negative"
    assert get_analyzer("textblob").analyze(DELIVERY_COMPLAINT).polarity > 0.3


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Not bad at all.", "positive"),
        ("The food was not good.", "negative"),
        ("I could not be happier with my new table.", "positive"),
        ("Although the price was low, the chair broke in a week.", "negative"),
        ("The wait was long, however the staff made up for it and were wonderful.", "positive"),
        ("Waited 40 minutes and the cashier was rude. Never again.", "negative"),
        ("Still waiting for my refund.", "negative"),
        ("Do not buy this couch, it fell apart.", "negative"),
        ("Delivered on time and the installers were courteous.", "positive"),
        ("Highly recommend this store!", "positive"),
    ],
)
def test_review_sentences(ours, text, label):
    assert ours.analyze(text).label == label


def test_star_prior_decides_only_when_text_is_vague(review):
    vague = "It is a table."
    assert review.analyze(vague, stars=5).polarity > review.analyze(vague).polarity
    assert review.analyze(vague, stars=1).label == "negative"
    assert review.analyze("Rude staff, damaged sofa, never again.", stars=5).label == "negative"


def test_written_ratings():
    assert written_rating("I give it 9/10") == pytest.approx(0.8)
    assert written_rating("one star, avoid") == pytest.approx(-0.6)
    assert written_rating("We waited 10/10 minutes") is None
    assert written_rating("Table for 4") is None


def test_result_is_bounded_and_labelled(review):
    result = review.analyze("Excellent service!")
    assert -1.0 <= result.polarity <= 1.0
    assert 0.0 <= result.confidence <= 1.0
    assert result.label == label_for(result.polarity) == "positive"


def test_unsupported_language_is_refused(review):
    with pytest.raises(UnsupportedLanguage):
        review.analyze("Le canapé est arrivé abîmé.", "fr")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "👍👍👍",
        "😡",
        "<p>Great <b>service</b></p><script>alert('x')</script>",
        "<<<>>> &amp;&lt; </div>",
        "Great sofa! Mais la livraison était très lente. 配送太慢了。",
        "\x00\x85\u2028",
        "word " * 20_000,
    ],
)
@pytest.mark.parametrize("name", ["review", "lexicon", "textblob", "vader"])
def test_awkward_input_never_crashes(name, text):
    result = get_analyzer(name).analyze(text)
    assert -1.0 <= result.polarity <= 1.0
    assert result.label in ("negative", "neutral", "positive")


def test_empty_text_is_neutral_with_no_confidence(review):
    result = review.analyze("")
    assert (result.polarity, result.label, result.confidence) == (0.0, "neutral", 0.0)


def test_emoji_carry_sentiment(review):
    # VADER names emoji and rates the names it knows ("smiling face with heart-eyes")
    assert review.analyze("😍").label == "positive"
    assert review.analyze("😡😡").label == "negative"


def test_text_without_opinion_is_neutral(review):
    for text in ("We ordered two coffees.", "It is a table."):
        result = review.analyze(text)
        assert result.label == "neutral"
        assert result.polarity == 0.0


def test_complaints_in_words_no_lexicon_rates(review):
    assert review.analyze("Would not return.").label == "negative"
    praise_then_complaint = "The coffee deserves five stars but the barista was so rude to us."
    assert review.analyze(praise_then_complaint).label == "negative"


def test_unknown_analyzer_name():
    with pytest.raises(ValueError, match="unknown analyzer 'nope'"):
        get_analyzer("nope")


@pytest.mark.parametrize(
    "text",
    [
        "A very good movie, truly great!",
        "The food was not good.",
        "I didn't like the rude staff.",
        "Not bad at all :)",
        "It is a table.",
    ],
)
def test_pattern_reading_matches_textblob(text):
    from textblob import TextBlob

    expected = TextBlob(text).sentiment
    got = pattern_score(text)
    assert got.polarity == pytest.approx(expected.polarity)
    assert got.subjectivity == pytest.approx(expected.subjectivity)
    assert (got.assessed == 0) == (expected.subjectivity == 0.0)


def test_a_review_phrase_after_a_negator_is_negated():
    lexicon = ReviewLexicon.default()
    assert lexicon.score("I don't think we will be back.").phrases < 0
    assert lexicon.score("We will be back.").phrases > 0
    # the negator of another part of the clause does not reach the phrase
    assert lexicon.score("It never came and nobody answered the phone.").phrases < 0
