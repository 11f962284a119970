"""Review themes (delivery, staff, price ...) each with the sentiment of the clauses that
mention it, so a complaint about delivery in an otherwise glowing review still counts."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from auditor.sentiment.analyzers import Analyzer
from auditor.sentiment.text import clean_review_text, split_clauses, split_sentences


class ThemeLexiconError(ValueError):
    """A theme mapping that is not ``theme -> list of terms``."""


_UNSPACED = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
"""Chinese, Japanese and Korean terms: no spaces mark word ends, so they match anywhere."""


def _term_pattern(term: str) -> str:
    term = term.strip().lower()
    if _UNSPACED.search(term):
        return re.escape(term.rstrip("*"))
    if term.endswith("*"):
        return r"\b" + re.escape(term[:-1]) + r"\w*"
    return r"\b" + re.escape(term) + r"\b"


_ONE_WORD = re.compile(r"^\w+$")
_WORDS = re.compile(r"\w+")


@dataclass(frozen=True)
class ThemeTerms:
    """One theme's terms, compiled for speed: single words looked up in the text's set of words,
    prefixes (``deliver*``) matched against each word, everything else (phrases, hyphenated
    words, Chinese and Japanese terms) by a regular expression."""

    words: frozenset[str]
    prefixes: tuple[str, ...]
    other: re.Pattern[str] | None

    @classmethod
    def of(cls, terms: Sequence[str]) -> ThemeTerms:
        words, prefixes, other = set(), set(), set()
        for raw in terms:
            term = raw.strip().lower()
            if _ONE_WORD.match(term) and not _UNSPACED.search(term):
                words.add(term)
            elif term.endswith("*") and _ONE_WORD.match(term[:-1]) and not _UNSPACED.search(term):
                prefixes.add(term[:-1])
            else:
                other.add(_term_pattern(term))
        pattern = "|".join(sorted(other, key=len, reverse=True))
        compiled = re.compile(pattern, re.IGNORECASE) if other else None
        return cls(frozenset(words), tuple(sorted(prefixes)), compiled)

    def found_in(self, text: str, words: set[str]) -> bool:
        if not self.words.isdisjoint(words):
            return True
        if self.prefixes and any(word.startswith(self.prefixes) for word in words):
            return True
        return self.other is not None and self.other.search(text) is not None


@dataclass(frozen=True)
class ThemeLexicon:
    """Compiled theme terms."""

    themes: Mapping[str, ThemeTerms]

    @classmethod
    def from_mapping(
        cls, mapping: Mapping[str, Sequence[str]], where: str = "themes"
    ) -> ThemeLexicon:
        """Build from ``{theme: [term, ...]}``; a bad shape is a one-line error naming ``where``."""
        if not isinstance(mapping, Mapping):
            raise ThemeLexiconError(f"{where}: expected a mapping of theme -> list of terms")
        themes: dict[str, ThemeTerms] = {}
        for theme, terms in mapping.items():
            if not isinstance(theme, str) or not theme.strip():
                raise ThemeLexiconError(f"{where}: theme names must be non-empty strings")
            if isinstance(terms, str) or not isinstance(terms, Sequence) or not terms:
                raise ThemeLexiconError(f"{where}.{theme}: expected a non-empty list of terms")
            if not all(isinstance(t, str) and t.strip().rstrip("*") for t in terms):
                raise ThemeLexiconError(f"{where}.{theme}: every term must be a non-empty string")
            themes[theme.strip()] = ThemeTerms.of(terms)
        return cls(themes)

    def with_overrides(self, overrides: Mapping[str, Sequence[str]] | None) -> ThemeLexicon:
        """These themes with the spec's ``themes:`` applied (a named theme is replaced)."""
        if not overrides:
            return self
        extra = ThemeLexicon.from_mapping(overrides, where="spec themes")
        return ThemeLexicon({**self.themes, **extra.themes})

    def mentioned(self, text: str) -> list[str]:
        """Themes the text mentions, in lexicon order."""
        words = set(_WORDS.findall(text.lower()))
        return [theme for theme, terms in self.themes.items() if terms.found_in(text, words)]


@cache
def default_themes() -> ThemeLexicon:
    """The package's theme lexicons (``auditor/sentiment/data/themes.yaml``)."""
    text = resources.files("auditor.sentiment").joinpath("data/themes.yaml").read_text("utf-8")
    return ThemeLexicon.from_mapping(yaml.safe_load(text), where="themes.yaml")


def theme_lexicon(spec_themes: Mapping[str, Sequence[str]] | None = None) -> ThemeLexicon:
    """Default themes overridden by a spec's ``themes:`` mapping."""
    return default_themes().with_overrides(spec_themes)


def theme_sentiments(
    text: str,
    analyzer: Analyzer,
    language: str = "en",
    themes: ThemeLexicon | None = None,
) -> dict[str, float]:
    """``{theme: polarity}`` where polarity is the analyzer's score of the clauses mentioning the
    theme (weight-averaged when several do), rounded to 3 places."""
    themes = themes or default_themes()
    text = clean_review_text(text)
    found: dict[str, list[tuple[float, float]]] = {}
    for sentence in split_sentences(text):
        for clause in split_clauses(sentence):
            hits = themes.mentioned(clause.text)
            if not hits:
                continue
            polarity = analyzer.analyze(clause.text, language).polarity
            for theme in hits:
                found.setdefault(theme, []).append((polarity, clause.weight))
    return {
        theme: round(sum(p * w for p, w in scores) / sum(w for _, w in scores), 3)
        for theme, scores in found.items()
    }
