"""Review sentiment throughput: the default analyzer against TextBlob on the same sentences.

``sentiment_reviews_per_s`` is sentences scored per second by the default analyzer (ratio =
default / TextBlob; target at least 0.5). ``sentiment_full_reviews_per_s`` adds what a nightly
run does per review on top (text cleaning, language detection, themes)."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from auditor.bench import BenchResult
from auditor.sentiment.analyzers import get_analyzer
from auditor.sentiment.labelled import default_labelled_files, read_labelled
from auditor.sentiment.language import detect_language
from auditor.sentiment.themes import default_themes, theme_sentiments

REPEATS = 3


def _sentences() -> list[str]:
    """The UCI review sentences (2,000), as earlier runs measured."""
    sentences: list[str] = []
    for path in default_labelled_files():
        if path.name.endswith("_labelled.txt"):
            sentences.extend(read_labelled(path).sentences)
    return sentences


def _rate(work: Callable[[str], object], sentences: Sequence[str]) -> float:
    """Best of a few passes, in sentences per second (the first call warms caches up)."""
    work(sentences[0])
    best = float("inf")
    for _ in range(REPEATS):
        start = time.perf_counter()
        for sentence in sentences:
            work(sentence)
        best = min(best, time.perf_counter() - start)
    return len(sentences) / best


def run() -> list[BenchResult]:
    sentences = _sentences()
    default = get_analyzer()
    baseline = get_analyzer("textblob")
    themes = default_themes()

    def full(text: str) -> None:
        language = detect_language(text, default.languages)
        if language in default.languages:
            default.analyze(text, language)
            theme_sentiments(text, default, language, themes)

    textblob_rate = _rate(baseline.analyze, sentences)
    default_rate = _rate(default.analyze, sentences)
    full_rate = _rate(full, sentences)
    return [
        BenchResult(
            "sentiment_reviews_per_s",
            default_rate,
            "sentences/s",
            textblob_rate,
            default_rate / textblob_rate,
        ),
        BenchResult(
            "sentiment_full_reviews_per_s",
            full_rate,
            "reviews/s",
            textblob_rate,
            full_rate / textblob_rate,
        ),
    ]
