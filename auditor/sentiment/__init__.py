"""Review sentiment: analyzers, language, themes and per-location review aggregates.

Call ``get_analyzer()`` for the default analyzer, ``analyse_new_reviews(session)`` after a crawl
and ``write_review_summaries(session, run_id, today)`` before the reviews rules run.
"""

from auditor.sentiment.analyzers import (
    ANALYZERS,
    DEFAULT_ANALYZER,
    Analyzer,
    LexiconAnalyzer,
    ReviewAnalyzer,
    TextBlobAnalyzer,
    UnsupportedLanguage,
    VaderAnalyzer,
    get_analyzer,
)
from auditor.sentiment.language import detect_language
from auditor.sentiment.result import SentimentResult, label_for
from auditor.sentiment.reviews import analyse_new_reviews, analyse_review
from auditor.sentiment.summaries import summarise_location_reviews, write_review_summaries
from auditor.sentiment.themes import ThemeLexicon, theme_lexicon, theme_sentiments

__all__ = [
    "ANALYZERS",
    "DEFAULT_ANALYZER",
    "Analyzer",
    "LexiconAnalyzer",
    "ReviewAnalyzer",
    "SentimentResult",
    "TextBlobAnalyzer",
    "ThemeLexicon",
    "UnsupportedLanguage",
    "VaderAnalyzer",
    "analyse_new_reviews",
    "analyse_review",
    "detect_language",
    "get_analyzer",
    "label_for",
    "summarise_location_reviews",
    "theme_lexicon",
    "theme_sentiments",
    "write_review_summaries",
]
