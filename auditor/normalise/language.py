"""Language of a text (lingua), told apart from the languages of most store reviews worldwide."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

# Languages always told apart besides the ones asked for, so that a review in a language the brand
# does not write in (Swedish for an English-only brand) is found to be that language, not the
# nearest asked one: the languages of most store reviews worldwide.
CONTRAST = ("en", "de", "fr", "es", "it", "pt", "nl", "sv", "da", "nb", "fi", "pl", "cs", "hu", "ro",
            "tr", "ru", "uk", "el", "ja", "zh", "ko", "ar", "he", "id", "vi", "th")  # fmt: skip


def _language(code: str) -> Language | None:
    iso = getattr(IsoCode639_1, code.upper(), None)
    return Language.from_iso_code_639_1(iso) if iso is not None else None


@lru_cache(maxsize=16)
def _detector(codes: tuple[str, ...]) -> LanguageDetector:
    languages = {found for c in (*codes, *CONTRAST) if (found := _language(c)) is not None}
    builder = LanguageDetectorBuilder.from_languages(*sorted(languages, key=lambda lang: lang.name))
    return builder.with_low_accuracy_mode().with_minimum_relative_distance(0.1).build()


def detect_language(text: str, languages: Iterable[str] = ("en",)) -> str | None:
    """ISO 639-1 code of the text when it is one of ``languages``; None when it is another
    language, when unsure, or when it has no letters."""
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
