"""Review dates in any common form and language, read as a calendar date.

``read_date(text, languages=..., country=..., today=...)`` returns ``(date, None)`` or
``(None, reason)``. Read: ISO dates and datetimes (``2025-03-12``, a ``<time datetime>``),
written dates (``12. März 2025``, ``12 mars 2025``, ``March 12, 2025``), numeric dates in the
country's order (``12/03/2025`` is 12 March in FR and 3 December in the US), month and year
(``März 2025``), day and month without a year (``12. März``: its latest past occurrence),
relative dates (``3 days ago``, ``vor 3 Tagen``, ``il y a 2 semaines``, ``gestern``) counted
back from ``today`` (the day the page was fetched), and a date inside a longer label
(``Reviewed 12 March 2025``).

Why dateparser and not Babel: Babel formats dates for a locale and parses only numeric ones; it
reads no month names in running text and no relative dates, which are what review sites print.
dateparser reads both, in some 200 locales, and takes the numeric day/month order as a setting.
Speed: ISO forms (what ``<time datetime>`` carries, most reviews) never reach dateparser; the
rest are parsed once per distinct (text, languages, country, day) and cached, at about 1 ms each
once a language is loaded (its first use costs ~15 ms). Importing it adds ~50 ms, paid only when a
non-ISO date is met.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*$")
_DIGITS_ONLY = re.compile(r"^\s*\d{1,6}\s*$")
_HAS_DIGIT_OR_LETTER = re.compile(r"\w")
# Countries writing numeric dates month first, or year first; every other country writes day first.
_MONTH_FIRST = frozenset({"US", "PH", "FM", "MH", "PW", "GU", "AS", "MP", "VI", "PR", "UM", "BZ"})
_YEAR_FIRST = frozenset({"CN", "JP", "KR", "KP", "TW", "HU", "LT", "MN", "IR", "BT", "SE"})
MAX_TEXT = 200
# The languages a country's sites are written in (facts; English is always tried too), used when
# the spec names none. A country not listed falls back to dateparser's own detection (slower).
COUNTRY_LANGUAGES: dict[str, tuple[str, ...]] = {
    "AT": ("de",), "AU": ("en",), "BE": ("nl", "fr", "de"), "BR": ("pt",), "CA": ("en", "fr"),
    "CH": ("de", "fr", "it"), "CZ": ("cs",), "DE": ("de",), "DK": ("da",), "ES": ("es", "ca"),
    "FI": ("fi", "sv"), "FR": ("fr",), "GB": ("en",), "GR": ("el",), "HU": ("hu",), "IE": ("en", "ga"),
    "IN": ("en", "hi"), "IT": ("it",), "JP": ("ja",), "LU": ("fr", "de", "lb"), "MX": ("es",),
    "NL": ("nl",), "NO": ("nb",), "NZ": ("en",), "PL": ("pl",), "PT": ("pt",), "RO": ("ro",),
    "RU": ("ru",), "SE": ("sv",), "SK": ("sk",), "TR": ("tr",), "US": ("en", "es"), "ZA": ("en", "af"),
}  # fmt: skip


def date_order(country: str | None) -> str:
    """The order a country writes numeric dates in: ``DMY``, ``MDY`` or ``YMD``."""
    code = (country or "").upper()
    if code in _MONTH_FIRST:
        return "MDY"
    if code in _YEAR_FIRST:
        return "YMD"
    return "DMY"


def read_date(
    text: str | dt.date | None,
    languages: tuple[str, ...] | list[str] = (),
    country: str | None = None,
    today: dt.date | None = None,
) -> tuple[dt.date | None, str | None]:
    """(date, None) or (None, why the date cannot be read); never a date after ``today``."""
    if isinstance(text, dt.datetime):
        return text.date(), None
    if isinstance(text, dt.date):
        return text, None
    if text is None or not str(text).strip():
        return None, "no date shown"
    text = " ".join(str(text).split())
    today = today or dt.date.today()
    iso = _ISO.match(text)
    if iso:
        try:
            found = dt.date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        except ValueError:
            return None, f"'{text}' is not a calendar date"
    else:
        found, problem = _parsed(text[:MAX_TEXT], tuple(languages), (country or "").upper(), today)
        if found is None:
            return None, problem
    if found > today + dt.timedelta(days=1):  # a day's grace for time zones
        return None, f"'{text}' is after the day the page was read ({today.isoformat()})"
    return found, None


@lru_cache(maxsize=256)
def _known_language(code: str) -> bool:
    """Whether dateparser has data for a language code (an unknown one would raise)."""
    from dateparser.languages.loader import default_loader

    try:
        default_loader.get_locale_map(languages=[code])
    except ValueError:
        return False
    return True


@lru_cache(maxsize=20_000)
def _parsed(
    text: str, languages: tuple[str, ...], country: str, today: dt.date
) -> tuple[dt.date | None, str]:
    if _DIGITS_ONLY.match(text) or not _HAS_DIGIT_OR_LETTER.search(text):
        return None, f"'{text}' is not a date"
    import dateparser
    from dateparser.search import search_dates

    settings = {
        "DATE_ORDER": date_order(country),
        "PREFER_LOCALE_DATE_ORDER": False,
        "PREFER_DATES_FROM": "past",
        "REQUIRE_PARTS": ["month", "year"],
        "RELATIVE_BASE": dt.datetime.combine(today, dt.time(12)),
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    # the spec's languages, else the country's, and English (the web's default); with neither,
    # any language dateparser knows, detected from the text
    known = languages or COUNTRY_LANGUAGES.get(country, ())
    langs = [code for code in dict.fromkeys([*known, "en"]) if _known_language(code)] if known else None
    found = dateparser.parse(text, languages=langs, settings=settings)
    if found is None:  # a day and month without a year ("12. März"): its latest past occurrence
        day_month = {**settings, "REQUIRE_PARTS": ["day", "month"]}
        found = dateparser.parse(text, languages=langs, settings=day_month)
    if found is None:  # a date inside a longer label ("Reviewed 12 March 2025")
        hits = search_dates(text, languages=langs or ["en"], settings=settings) or []
        dated = [(t, d) for t, d in hits if not _DIGITS_ONLY.match(t)]
        found = dated[0][1] if len(dated) == 1 else None
    if found is not None:
        return found.date(), ""
    shown = text if len(text) <= 60 else text[:57] + "..."
    return None, f"'{shown}' is not a date in a form the auditor reads"
