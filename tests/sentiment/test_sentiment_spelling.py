"""Commonwealth and American spellings score alike."""

from __future__ import annotations

import pytest

from auditor.sentiment import get_analyzer
from auditor.sentiment.lexicon import ReviewLexicon
from auditor.sentiment.spelling import spelling_variants, with_spelling_variants


@pytest.mark.parametrize(
    ("word", "variant"),
    [
        ("disorganized", "disorganised"),
        ("apologised", "apologized"),
        ("favorite", "favourite"),
        ("unfavorable", "unfavourable"),
        ("colorful", "colourful"),
        ("canceled", "cancelled"),
        ("travelling", "traveling"),
        ("offense", "offence"),
        ("analyze", "analyse"),
    ],
)
def test_each_spelling_has_the_other(word, variant):
    assert variant in spelling_variants(word)
    assert word in spelling_variants(variant)


@pytest.mark.parametrize("word", ["humorous", "vigorous", "size", "prize", "failed", "smiled"])
def test_words_spelt_alike_everywhere_get_no_variant(word):
    assert spelling_variants(word) == set()


def test_variants_are_only_added_where_missing():
    lexicon = {"favorite": 2.0, "favourite": 1.0, "disorganized": -1.2, ":)": 2.0}
    extended = with_spelling_variants(lexicon)
    assert extended["favourite"] == 1.0
    assert extended["disorganised"] == -1.2
    assert extended[":)"] == 2.0


def test_shipped_lexicon_reads_commonwealth_spelling():
    lexicon = ReviewLexicon.default()
    american = lexicon.score("The store was disorganized and my order was canceled.")
    commonwealth = lexicon.score("The store was disorganised and my order was cancelled.")
    assert american.compound < 0
    assert commonwealth.compound == pytest.approx(american.compound)


def test_favourite_reads_as_positive():
    assert get_analyzer().analyze("My favourite store in Perth.").label == "positive"
