"""Review language detection with lingua, loaded once with only the languages it must tell apart.

Short reviews ("Excellent product.") look French or Dutch to any detector, so a language an
analyzer supports wins when it comes close to the top guess.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

NO_LANGUAGE = "zxx"
"""ISO 639-2 'no linguistic content': emoji, digits, punctuation. Scored (emoji carry sentiment)."""
UNDETERMINED = "und"
"""ISO 639-2 'undetermined': letters, but no language stood out."""

DETECTED_LANGUAGES: tuple[str, ...] = (
    "en", "fr", "de", "es", "it", "pt", "nl", "zh", "ja", "ko", "ru", "ar", "el", "pl", "tr", "vi",
)  # fmt: skip
"""Languages a review is told apart from; anything else is reported as its nearest of these."""

_SHORT_WORDS = 6


@cache
def _detector(codes: tuple[str, ...]) -> LanguageDetector:
    languages = [Language.from_iso_code_639_1(IsoCode639_1.from_str(code)) for code in codes]
    return LanguageDetectorBuilder.from_languages(*languages).build()


def detect_language(
    text: str,
    supported: Iterable[str] = ("en",),
    candidates: tuple[str, ...] = DETECTED_LANGUAGES,
    local: Iterable[str] = (),
) -> str:
    """ISO 639-1 code of the text's main language, ``zxx`` without letters, ``und`` if unsure.

    A supported language is chosen when its confidence is at least half the top language's
    (a quarter for texts of six words or fewer, where detectors guess), unless the top one is a
    ``local`` language (one spoken where the store is): "Bon pain, service rapide." about a
    French bakery is French, not English read badly."""
    if not any(ch.isalpha() for ch in text):
        return NO_LANGUAGE
    values = _detector(candidates).compute_language_confidence_values(text)
    if not values or values[0].value <= 0.0:
        return UNDETERMINED
    top = values[0]
    top_code = top.language.iso_code_639_1.name.lower()
    if top_code in supported or top_code in set(local):
        return top_code
    ratio = 0.25 if len(text.split()) <= _SHORT_WORDS else 0.5
    for value in values[1:]:
        code = value.language.iso_code_639_1.name.lower()
        if code in supported and value.value >= ratio * top.value:
            return code
    return top_code


@cache
def country_languages(country: str) -> tuple[str, ...]:
    """The languages spoken in a country (official and de facto, by CLDR), as ISO 639-1 codes."""
    from babel.languages import get_official_languages

    try:
        return tuple(code.split("_")[0] for code in get_official_languages(country.upper(), de_facto=True))
    except Exception:  # an unknown territory
        return ()
