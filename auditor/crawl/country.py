"""A page's country: ISO 3166 alpha-2 from a code or a country name in any CLDR language,
from a phone number in international form, a country-code top-level domain or the page's
language tag (CLDR likely subtags)."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from urllib.parse import urlsplit

from auditor.normalise.accents import strip_accents

# codes people write that are not the ISO code of the country they mean
_ALIASES = {"UK": "GB", "EL": "GR"}
_NAME_LOCALES = ("en", "de", "fr", "es", "it", "nl", "pt", "ru", "ja", "zh", "pl", "sv", "da", "cs",
                 "sk", "fi", "nb", "hu", "ro", "tr", "el", "ko", "id")  # fmt: skip
_GENERIC_TLDS = {"com", "org", "net", "info", "biz", "app", "dev", "io", "co", "me", "tv", "example",
                 "test", "invalid", "localhost", "shop", "store", "site", "online"}  # fmt: skip


def _fold(text: str) -> str:
    return re.sub(r"[\W_]+", " ", strip_accents(text.casefold())).strip()


@cache
def _codes() -> frozenset[str]:
    import phonenumbers

    return frozenset(phonenumbers.SUPPORTED_REGIONS)


@cache
def _names() -> dict[str, str]:
    """Folded country name (in each CLDR language above) -> ISO code."""
    from babel import Locale

    names: dict[str, str] = {}
    codes = _codes()
    for tag in _NAME_LOCALES:
        for code, name in Locale.parse(tag).territories.items():
            if code in codes:
                names.setdefault(_fold(name), code)
    return names


def country_code(text: object) -> str | None:
    """``"DE"``, ``"de"``, ``"Deutschland"``, ``"Slovakia"``, ``"UK"`` -> ISO alpha-2; None when
    the text names no country."""
    if isinstance(text, dict):
        text = text.get("name") or text.get("@id") or ""
    value = str(text or "").strip()
    if not value:
        return None
    upper = value.upper()
    upper = _ALIASES.get(upper, upper)
    if len(upper) == 2 and upper in _codes():
        return upper
    return _names().get(_fold(value))


def country_of_phone(raw: str) -> str | None:
    """The country of a phone number written in international form (``+44 ...``)."""
    import phonenumbers

    text = (raw or "").strip()
    if not text.startswith(("+", "00")):
        return None
    try:
        number = phonenumbers.parse(text.replace("00", "+", 1) if text.startswith("00") else text, None)
    except phonenumbers.NumberParseException:
        return None
    region = phonenumbers.region_code_for_number(number)
    return region if region and region != "001" else None


@lru_cache(maxsize=4096)
def country_of_url(url: str) -> str | None:
    """The country of a country-code top-level domain (``.de``, ``.co.uk``)."""
    host = (urlsplit(url or "").hostname or "").rstrip(".")
    tld = host.rsplit(".", 1)[-1].lower() if "." in host else ""
    if not tld or tld in _GENERIC_TLDS or len(tld) != 2:
        return None
    return country_code(tld)


@lru_cache(maxsize=1024)
def country_of_language(tag: str) -> str | None:
    """The region of a language tag (``en-CA`` -> CA), else its CLDR likely region (``ja`` -> JP)."""
    parts = re.split(r"[-_]", (tag or "").strip())
    if not parts or not parts[0]:
        return None
    for part in parts[1:]:
        if len(part) == 2 and part.isalpha():
            return country_code(part)
    from babel.core import get_global

    likely = get_global("likely_subtags").get(parts[0].lower(), "")
    region = likely.rsplit("_", 1)[-1] if likely.count("_") == 2 else ""
    return country_code(region) if region else None
