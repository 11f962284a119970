"""Review models for languages other than English, one per language with labelled reviews.

Each is the same logistic model as the English one over that language's hashed n-grams
(characters and character pairs for Chinese and Japanese), its adjective lexicon's reading where
one ships (``foreign.py``: German, French, Dutch) and the text's length. A language gets a model
only from labelled reviews in ``tests/data/sentiment/<language>/`` (``make sentiment-models``), and
is scored only once a model is shipped and its figures on held-out reviews reach
``MIN_BALANCED_ACCURACY``: every other language stays "not scored (language)".
"""

from __future__ import annotations

import re
from functools import cache

from auditor.sentiment.foreign import UnsupportedLexicon, lexicon_polarity
from auditor.sentiment.model import LinearModel, length_features
from auditor.sentiment.ngrams import hashed_ngrams
from auditor.sentiment.result import SentimentResult
from auditor.sentiment.text import clean_review_text

MIN_BALANCED_ACCURACY = 0.8
"""A language's model reads its reviews only if, on the fifth of its labelled reviews it never
trained on, it gets at least this balanced accuracy (the English model: 0.89 on held-out
reviews). Below it, one review in five or more would be misread: not scored is the honest
answer."""
MIN_MEASURED = 100
"""... and only if that held-out fifth holds at least this many reviews."""
_LANGUAGE_MODEL = re.compile(r"^review-([a-z]{2})$")


def model_name(language: str) -> str:
    """``review`` for English, ``review-<language>`` for the others."""
    return "review" if language == "en" else f"review-{language}"


def foreign_features(text: str, language: str, grams: int) -> list[float]:
    """Lexicon polarity (0 without a lexicon), whether no lexicon word was found, and length."""
    try:
        mean, rated = lexicon_polarity(text, language)
    except UnsupportedLexicon:
        mean, rated = 0.0, 0
    return [mean, 0.0 if rated else 1.0, *length_features(grams)]


def good_enough(model: LinearModel) -> bool:
    """Whether a language model's own held-out figures allow it to read reviews."""
    figures = model.measured
    return (
        figures.get("n", 0) >= MIN_MEASURED
        and figures.get("balanced_accuracy", 0.0) >= MIN_BALANCED_ACCURACY
    )


@cache
def shipped_languages() -> frozenset[str]:
    """Languages other than English with a shipped model (``models/review-<xx>.json.gz``) whose
    held-out figures are good enough."""
    from auditor.sentiment.analyzers import model_path, shipped_model

    folder = model_path("review").parent
    names = (p.name.removesuffix(".json.gz") for p in folder.glob("review-*.json.gz"))
    languages = (m[1] for n in names if (m := _LANGUAGE_MODEL.match(n)))
    return frozenset(lang for lang in languages if good_enough(shipped_model(model_name(lang))))


class LanguageModelAnalyzer:
    """One language's trained review model."""

    def __init__(self, language: str, model: LinearModel | None = None) -> None:
        from auditor.sentiment.analyzers import shipped_model

        self.model = model or shipped_model(model_name(language))
        self.language = language
        self.name = model_name(language)
        self.languages = frozenset({language})

    def probability(self, text: str, stars: float | None = None) -> tuple[float, bool]:
        """P(positive) of a cleaned text (a star rating as English's prior), and whether it holds
        any word at all."""
        from auditor.sentiment.analyzers import with_stars

        grams = hashed_ngrams(text, self.language)
        logit = self.model.logit(foreign_features(text, self.language, len(grams)), grams)
        return with_stars(logit, stars), bool(grams)

    def analyze(
        self, text: str, language: str | None = None, stars: float | None = None
    ) -> SentimentResult:
        text = clean_review_text(text)
        if not text:
            return SentimentResult.from_polarity(0.0, 0.0, self.name)
        p, words = self.probability(text, stars)
        if not words:
            return SentimentResult(0.0, "neutral", 0.0, self.name)
        return SentimentResult.from_polarity(2.0 * p - 1.0, max(p, 1.0 - p), self.name)
