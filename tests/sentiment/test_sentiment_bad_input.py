"""Awkward reviews through the whole per-review step: a label, or not scored with the reason."""

from __future__ import annotations

import json

import pytest

from auditor.sentiment import get_analyzer
from auditor.sentiment.reviews import NOT_SCORED, analyse_review
from auditor.sentiment.themes import default_themes
from auditor.store.tables import Review

LABELS = {"negative", "neutral", "positive"}


@pytest.fixture(scope="module")
def analyse():
    analyzer = get_analyzer()
    themes = default_themes()

    def run(text: str, stars: float | None = None) -> Review:
        review = Review(source="s", location_id="L1", key="k", text=text, stars=stars)
        analyse_review(review, analyzer, themes)
        assert review.analyzed
        json.loads(review.themes)
        return review

    return run


@pytest.mark.parametrize("text", ["", "   ", "\u200b\u200b", "<p></p>", "&nbsp;"])
def test_empty_is_not_scored_for_want_of_text(analyse, text):
    review = analyse(text)
    assert (review.label, review.analyzer, review.polarity) == (NOT_SCORED, "no_text", None)


@pytest.mark.parametrize("text", ["👍👍👍", "😡", "⭐⭐⭐⭐⭐", "10/10", "!!!"])
def test_no_letters_gets_a_label(analyse, text):
    review = analyse(text)
    assert review.language == "zxx"
    assert review.label in LABELS


def test_a_hundred_kilobytes_is_read_from_its_opening(analyse):
    text = "The staff were rude and the delivery was late. " + "x" * 100_000
    review = analyse(text)
    assert review.label == "negative"


def test_html_is_read_as_its_text(analyse):
    review = analyse(
        "<div class='r'><p>Rude staff, <b>never again</b>.</p>"
        "<script>var great = 'excellent wonderful';</script></div>"
    )
    assert review.label == "negative"


def test_zero_width_characters_do_not_split_words(analyse):
    glued = analyse("Terri\u200bble ser\u200cvice, the staff were ru\u200dde.")
    assert glued.label == "negative"
    assert analyse("\ufeffLovely\u200b staff\u2060!").label == "positive"


@pytest.mark.parametrize(
    "text",
    [
        "الخدمة سيئة جدا والموظفون غير مهذبين",  # Arabic
        "השירות היה נורא והצוות לא מנומס",  # Hebrew
        "\u202bthe service\u202c was awful",  # English inside embedding marks
    ],
)
def test_right_to_left_text_is_labelled_or_not_scored_with_its_language(analyse, text):
    review = analyse(text)
    if review.label == NOT_SCORED:
        assert review.analyzer == f"language:{review.language}"
        assert review.language and review.language != "en"
    else:
        assert review.language == "en"
        assert review.label == "negative"


def test_mixed_language_review_takes_its_main_language(analyse):
    mostly_french = analyse(
        "Le canapé est arrivé abîmé et personne ne répond au téléphone depuis trois semaines. "
        "Very bad."
    )
    assert (mostly_french.label, mostly_french.analyzer) == (NOT_SCORED, "language:fr")
    mostly_english = analyse(
        "The sofa arrived damaged and nobody answers the phone, three weeks now. Très mauvais."
    )
    assert mostly_english.language == "en"
    assert mostly_english.label == "negative"


def test_chinese_is_not_scored_as_english(analyse):
    review = analyse("送货太慢了，沙发也坏了，客服不理人。")
    assert (review.label, review.analyzer) == (NOT_SCORED, "language:zh")
