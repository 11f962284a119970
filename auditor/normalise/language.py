"""Language of a text (lingua), with a detector built only for the languages asked for."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder


@lru_cache(maxsize=16)
def _detector(codes: tuple[str, ...]) -> LanguageDetector:
    languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in codes]
    builder = LanguageDetectorBuilder.from_languages(*languages) if len(languages) > 1 else (
        LanguageDetectorBuilder.from_languages(*languages, Language.ENGLISH if languages[0] !=
                                               Language.ENGLISH else Language.GERMAN)
    )
    return builder.with_low_accuracy_mode().with_minimum_relative_distance(0.1).build()


def detect_language(text: str, languages: Iterable[str] = ("en",)) -> str | None:
    """ISO 639-1 code of the most likely of ``languages``; None when unsure or no letters."""
    if not text or not any(ch.isalpha() for ch in text):
        return None
    codes = tuple(sorted({c.lower() for c in languages}))
    if not codes:
        return None
    found = _detector(codes).detect_language_of(text)
    if found is None:
        return None
    code = found.iso_code_639_1.name.lower()
    return code if code in codes else None
