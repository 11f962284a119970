"""Sentiment analyzers: (text, language) -> polarity in [-1, 1], label, confidence.

``review`` (the default) is the review lexicon with a small logistic model on top; ``lexicon``
is the review lexicon alone; ``textblob`` and ``vader`` are the baselines it is measured against.
"""

from __future__ import annotations

import math
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Protocol

from auditor.sentiment.lexicon import ReviewLexicon, pattern_score
from auditor.sentiment.model import LinearModel, features
from auditor.sentiment.ngrams import hashed_ngrams
from auditor.sentiment.result import SentimentResult
from auditor.sentiment.text import clean_review_text

DEFAULT_ANALYZER = "review"
STAR_PRIOR_RANGE = 0.35
"""A 1-star review starts at P(positive) = 0.15 and a 5-star one at 0.85 before the text is read;
clear text outweighs the prior, so a 5-star review that reads as a complaint stays negative."""
NO_OPINION_CONFIDENCE = 0.9
"""Text in which neither lexicon finds an opinion word nor a rating is neutral unless the
n-grams alone are at least this sure ("would not return" has no opinion word)."""


class UnsupportedLanguage(ValueError):
    """The analyzer has no model for this language."""


class Analyzer(Protocol):
    """Anything that scores review text."""

    name: str
    languages: frozenset[str]

    def analyze(
        self, text: str, language: str = "en", stars: float | None = None
    ) -> SentimentResult: ...


def _check_language(analyzer: Analyzer, language: str) -> None:
    if language not in analyzer.languages:
        raise UnsupportedLanguage(f"{analyzer.name} cannot score language {language!r}")


def _empty(name: str) -> SentimentResult:
    return SentimentResult.from_polarity(0.0, 0.0, name)


class TextBlobAnalyzer:
    """TextBlob's pattern lexicon (the baseline)."""

    name = "textblob"
    languages = frozenset({"en"})

    def analyze(
        self, text: str, language: str = "en", stars: float | None = None
    ) -> SentimentResult:
        from textblob import TextBlob

        _check_language(self, language)
        text = clean_review_text(text)
        if not text:
            return _empty(self.name)
        polarity = TextBlob(text).sentiment.polarity
        return SentimentResult.from_polarity(polarity, abs(polarity), self.name)


class VaderAnalyzer:
    """VADER as published (the second baseline)."""

    name = "vader"
    languages = frozenset({"en"})

    def __init__(self) -> None:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        self._vader = SentimentIntensityAnalyzer()

    def analyze(
        self, text: str, language: str = "en", stars: float | None = None
    ) -> SentimentResult:
        _check_language(self, language)
        text = clean_review_text(text)
        if not text:
            return _empty(self.name)
        compound = self._vader.polarity_scores(text)["compound"]
        return SentimentResult.from_polarity(compound, abs(compound), self.name)


class LexiconAnalyzer:
    """VADER plus review vocabulary, review phrases, contrast clauses and written ratings."""

    name = "lexicon"
    languages = frozenset({"en"})

    def __init__(self, lexicon: ReviewLexicon | None = None) -> None:
        self.lexicon = lexicon or ReviewLexicon.default()

    def analyze(
        self, text: str, language: str = "en", stars: float | None = None
    ) -> SentimentResult:
        _check_language(self, language)
        text = clean_review_text(text)
        if not text:
            return _empty(self.name)
        polarity = self.lexicon.score(text).polarity
        if stars is not None:
            prior = 2.0 * _star_prior(stars) - 1.0
            polarity = 0.8 * polarity + 0.2 * prior
        return SentimentResult.from_polarity(polarity, abs(polarity), self.name)


class ReviewAnalyzer:
    """Lexicon features and hashed word n-grams weighed by a logistic model trained on reviews.

    ``confidence`` is the model's probability of the label it gives; text with no opinion word
    and no confident n-gram reading is neutral."""

    name = "review"

    def __init__(self, model: LinearModel | None = None, lexicon: ReviewLexicon | None = None):
        """The shipped English model and every other language's shipped model; given a model,
        that model alone (English)."""
        from auditor.sentiment.language_models import LanguageModelAnalyzer, shipped_languages

        self.model = model or shipped_model("review")
        self.lexicon = lexicon or ReviewLexicon.default()
        self.others = (
            {} if model else {lang: LanguageModelAnalyzer(lang) for lang in shipped_languages()}
        )
        self.languages = frozenset({"en", *self.others})

    @property
    def label(self) -> str:
        """The name with the training sets, as the evaluation prints it."""
        return f"{self.name}(train={'+'.join(self.model.trained_on)})"

    def probability(self, text: str, stars: float | None = None) -> tuple[float, bool]:
        """P(positive) of a cleaned text, and whether either lexicon found an opinion in it."""
        score = self.lexicon.score(text)
        pattern = pattern_score(text)
        grams = hashed_ngrams(text)
        logit = self.model.logit(features(score, pattern, len(grams)), grams)
        p = with_stars(logit, stars)
        opinion = score.polarity != 0.0 or pattern.assessed > 0 or score.rating is not None
        return p, opinion

    def analyze(
        self, text: str, language: str = "en", stars: float | None = None
    ) -> SentimentResult:
        if language in self.others:
            return self.others[language].analyze(text, language, stars)
        _check_language(self, language)
        text = clean_review_text(text)
        if not text:
            return _empty(self.name)
        p, opinion = self.probability(text, stars)
        confidence = max(p, 1.0 - p)
        if not opinion and stars is None and confidence < NO_OPINION_CONFIDENCE:
            return SentimentResult(0.0, "neutral", 2.0 - 2.0 * confidence, self.name)
        return SentimentResult.from_polarity(2.0 * p - 1.0, confidence, self.name)


def with_stars(logit: float, stars: float | None) -> float:
    """P(positive) from a model's logit, with a star rating's prior added when there is one."""
    if stars is not None:
        prior = _star_prior(stars)
        logit += math.log(prior / (1.0 - prior))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, logit))))


def _star_prior(stars: float) -> float:
    """P(positive) implied by a 1-5 star rating alone."""
    stars = max(1.0, min(5.0, float(stars)))
    return 0.5 + STAR_PRIOR_RANGE * (stars - 3.0) / 2.0


MODELS_PACKAGE = "auditor.sentiment"


def model_path(name: str) -> Path:
    """Where a shipped model lives: ``auditor/sentiment/models/<name>.json.gz``."""
    return Path(str(resources.files(MODELS_PACKAGE).joinpath(f"models/{name}.json.gz")))


@cache
def shipped_model(name: str) -> LinearModel:
    """A model shipped inside the package (``review`` is trained on every labelled set)."""
    path = model_path(name)
    if not path.is_file():
        raise FileNotFoundError(
            f"{path}: model missing; run `python -m auditor.sentiment.train` to rebuild it"
        )
    return LinearModel.load(path)


def shipped_models(language: str = "en") -> list[LinearModel]:
    """Every model of one language in the package, the production one first (``review`` and
    ``review-without-<set>`` for English, ``review-<language>[-without-<set>]`` for another)."""
    from auditor.sentiment.language_models import model_name

    default = model_name(language)
    folder = model_path("review").parent
    names = sorted(p.name.removesuffix(".json.gz") for p in folder.glob("review*.json.gz"))
    names = [n for n in names if n == default or n.startswith(f"{default}-without-")]
    names.sort(key=lambda n: n != default)
    return [shipped_model(n) for n in names]


ANALYZERS: dict[str, type] = {
    "textblob": TextBlobAnalyzer,
    "vader": VaderAnalyzer,
    "lexicon": LexiconAnalyzer,
    "review": ReviewAnalyzer,
}


FOREIGN_ANALYZERS = ("lexicon-de", "lexicon-fr", "lexicon-nl")
"""Measured by ``sentiment-eval`` but not used by the review pipeline (docs/sentiment.md)."""


def analyzer_names() -> list[str]:
    from auditor.sentiment.language_models import model_name, shipped_languages

    models = [model_name(lang) for lang in shipped_languages()]
    return sorted([*ANALYZERS, *FOREIGN_ANALYZERS, *models])


def get_analyzer(name: str = DEFAULT_ANALYZER) -> Analyzer:
    """An analyzer by name (``review``, ``lexicon``, ``textblob``, ``vader``, ``lexicon-de``,
    ``review-de`` ...). ``review`` reads English and every language with a shipped model."""
    from auditor.sentiment.language_models import LanguageModelAnalyzer, shipped_languages

    if name in FOREIGN_ANALYZERS:
        from auditor.sentiment.foreign import ForeignLexiconAnalyzer

        return ForeignLexiconAnalyzer(name.removeprefix("lexicon-"))
    if name.startswith("review-") and name.removeprefix("review-") in shipped_languages():
        return LanguageModelAnalyzer(name.removeprefix("review-"))
    try:
        return ANALYZERS[name]()
    except KeyError:
        raise ValueError(
            f"unknown analyzer {name!r}; choose one of {', '.join(analyzer_names())}"
        ) from None
