"""The day or days a line of holiday hours is about, written as people write them: ``December 24,
2026: 11am–4pm``, ``Thursday, December 24 (Christmas Eve): 11am–4pm``, ``Dec 24–26: closed``,
``Le 24 décembre : 11 h à 16 h``, ``24.–26.12. geschlossen``, ``12/24/2026 …`` (in the country's
numeric order).

A line is split into its date part and the rest (the times, or a closed word): the longest
leading run of words that reads as a calendar day (labels in brackets and a few leading label words
set aside), such that the rest is empty or the hours reader understands it. A date without a year
is the occurrence nearest after the day the page was read (holiday hours announce what is coming),
looking back a month for a season just past. Dates are read by dateparser in the country's
languages and numeric order (see ``auditor.normalise.dates``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import lru_cache

_BRACKETED = re.compile(r"\s*[(\[（【][^)\]）】]{0,60}[)\]）】]\s*")
_BRACKETS = re.compile(r"[()\[\]（）【】]")
_RANGE = re.compile(r"\s*(?:[–—-]|\bto\b|\bbis\b|\bau\b|\bal\b|\bt/m\b|\btot\b|\bthru\b|\bthrough\b)\s*",
                    re.IGNORECASE)  # fmt: skip
_TIME_RANGE = re.compile(r"\s*\d{1,2}(?:[:.h]\d{2})?\s*[-–]\s*\d{1,2}(?:[:.h]\d{2})?\s*")  # 10-12: times
_YEAR = re.compile(r"\b(19|20)\d{2}\b")
_DAY_ONLY = re.compile(r"^\s*(\d{1,2})\.?\s*$")
_MAX_WORDS = 8
_MAX_SPAN_DAYS = 31
LOOK_BACK = dt.timedelta(days=31)


def split_dated(
    segment: str, country: str | None, today: dt.date, times_read: Callable[[str], bool]
) -> tuple[list[dt.date], str] | None:
    """(the days, the rest of the line) or None when no leading words read as a day followed by
    what ``times_read`` accepts (times or a closed word; a date alone says nothing of the hours)."""
    # a label in brackets set aside ("December 24 (Christmas Eve)"), else the date in it ("New
    # Year's Day (Jan 1)")
    for text in (_BRACKETED.sub(" ", segment), _BRACKETS.sub(" ", segment)):
        words = text.strip(" :,").split()
        for start in range(min(3, len(words))):
            for end in range(min(len(words), start + _MAX_WORDS), start, -1):
                rest = " ".join(words[end:]).strip(" :,–-")
                if not rest or not (_boundary(words, end, times_read) and times_read(rest)):
                    continue
                date_part = " ".join(words[start:end]).strip(" :,")
                days = read_days(date_part, country, today) or holiday_named(date_part, country, today)
                if days:
                    return days, rest
    return None


def _boundary(words: list[str], end: int, times_read: Callable[[str], bool]) -> bool:
    """Whether the date part may end before ``words[end]``: after a colon or comma, or before a
    time or a closed word (not inside a name: 'Christmas | Eve')."""
    following = words[end].strip(" :,–-")
    return words[end - 1].endswith((":", ",")) or following[:1].isdigit() or times_read(following)


def holiday_named(text: str, country: str | None, today: dt.date) -> list[dt.date]:
    """The public holiday of the country a label names ("Christmas Day", "Neujahr"), from the
    ``holidays`` library, its next occurrence; empty when it names none or several."""
    from auditor.normalise.hours_holidays import holiday_dates_named

    if not country or any(ch.isdigit() for ch in text) or len(text) > 40:
        return []
    found = holiday_dates_named(text, country, today - LOOK_BACK)
    return [found] if found else []


def read_days(text: str, country: str | None, today: dt.date) -> list[dt.date]:
    """The calendar days a date or a date range names (empty when it names none)."""
    parts = _RANGE.split(text, maxsplit=1)
    two = len(parts) == 2 and all(p.strip() for p in parts)
    if two and (span := _span(parts, (country or "").upper(), today)):
        return span
    single = _read_day(text, (country or "").upper(), today)
    return [single] if single is not None else []


def _span(parts: list[str], country: str, today: dt.date) -> list[dt.date]:
    """The days from the first date to the last ('Dec 24–26', '24.–26.12.', '24 to 26 December')."""
    first_text, last_text = parts
    last = _read_day(last_text, country, today)
    first = _read_day(first_text, country, today)
    if last is not None and first is None and (day := _DAY_ONLY.match(first_text)):
        first = _same_month(last, int(day.group(1)))  # 24.–26.12.
    if first is not None and last is None and (day := _DAY_ONLY.match(last_text)):
        last = _same_month(first, int(day.group(1)))  # Dec 24–26
    if first is None or last is None or not (0 < (last - first).days <= _MAX_SPAN_DAYS):
        return []
    return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]


def _same_month(other: dt.date, day: int) -> dt.date | None:
    try:
        return other.replace(day=day)
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def _read_day(text: str, country: str, today: dt.date) -> dt.date | None:
    """One calendar day with at least a day and a month; a missing year is inferred."""
    if not text or not any(ch.isdigit() for ch in text) or len(text) > 60 or _TIME_RANGE.fullmatch(text):
        return None
    import dateparser

    from auditor.normalise.dates import COUNTRY_LANGUAGES, date_order

    known = COUNTRY_LANGUAGES.get(country, ())
    languages = list(dict.fromkeys([*known, "en"])) if known else None
    settings = {
        "DATE_ORDER": date_order(country),
        "PREFER_LOCALE_DATE_ORDER": False,
        "REQUIRE_PARTS": ["day", "month"],
        "PREFER_DATES_FROM": "future",
        "RELATIVE_BASE": dt.datetime.combine(today, dt.time(0)),
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    try:
        found = dateparser.parse(text, languages=languages, settings=settings)
    except Exception:  # dateparser's own errors on odd text: not a date
        return None
    if found is None or (found.hour, found.minute) != (0, 0):  # '24 11am' is a day and a time
        return None
    day = found.date()
    if not _YEAR.search(text):  # the occurrence nearest after the page was read
        day = _nearest(day, today)
    return day


def _nearest(day: dt.date, today: dt.date) -> dt.date:
    for year in (today.year - 1, today.year, today.year + 1):
        try:
            candidate = day.replace(year=year)
        except ValueError:  # 29 February
            continue
        if candidate >= today - LOOK_BACK:
            return candidate
    return day
