"""OSM ``opening_hours`` through opening-hours-py: parsing, canonical form, evaluation, meaning.

Library chosen: ``opening-hours-py`` (PyPI; a Rust parser and evaluator, abi3 wheels), over Debian's
``python3-kopeninghours``:

- it installs with pip like every other dependency (the project's virtualenv, CI and users' machines),
  whereas kopeninghours is only a Debian package for the system Python (importable from the
  project's Python 3.11 only by adding ``/usr/lib/python3/dist-packages`` to the path, and it brings
  Qt 5 and KDE Frameworks libraries with it);
- it evaluates: open/closed state at a time, the intervals over a period, the next change, and a
  ``normalize()`` to one canonical expression; kopeninghours' Python binding only exposes
  ``setExpression``, ``error`` and ``normalizedExpression`` (no evaluation), so two forms could
  not be compared by meaning with it.

What kopeninghours adds (repairing free text in a few languages) is the job of the project's own
multilingual front end (:mod:`auditor.normalise.hours_text`), which covers far more languages.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, datetime, timedelta
from functools import lru_cache

from opening_hours import OpeningHours, State

from auditor.normalise.errors import NormaliseError
from auditor.normalise.hours_spill import keep_night_spills

DAYS = ("mo", "tu", "we", "th", "fr", "sa", "su")
REFERENCE_YEAR = 2026  # weekly views and meaning comparisons are taken over this year
_REF_START = datetime(REFERENCE_YEAR - 1, 12, 29)  # a Monday: whole weeks cover the year
_REF_END = datetime(REFERENCE_YEAR + 1, 1, 4)

Ranges = tuple[tuple[str, str], ...]


_QUOTED = re.compile(r'"[^"]*"')


class OsmError(NormaliseError):
    """An expression the OSM parser does not accept."""


@lru_cache(maxsize=16384)
def parse_osm(expression: str) -> OpeningHours:
    """The library's reading of an OSM expression (nights past midnight kept as their writers mean
    them: see ``hours_spill``); raises OsmError with the parser's own reason."""
    try:
        return OpeningHours(keep_night_spills(expression))
    except SyntaxError as exc:
        raise OsmError(_reason(str(exc), expression)) from None
    except Exception as exc:
        raise OsmError(str(exc).splitlines()[-1].strip() or "not OSM opening_hours") from None


def _reason(message: str, expression: str) -> str:
    match = re.search(r"--> 1:(\d+)", message)
    if match:
        column = int(match.group(1)) - 1
        return f"OSM syntax error at '{expression[column:column + 20]}'"
    return "OSM syntax error"


@lru_cache(maxsize=16384)
def canonical(expression: str) -> str:
    """The library's normalised expression (``Mo-Su 00:00-24:00`` -> ``24/7``), as written (no
    night added back: that is a reading, not a spelling)."""
    parse_osm(expression)  # the parser's own reason when it is not OSM
    return str(OpeningHours(expression).normalize())


def open_intervals(expression: str, start: datetime, end: datetime) -> list[tuple[datetime, datetime]]:
    """Open intervals (merged) between two times; 'unknown' counts as not open."""
    merged: list[tuple[datetime, datetime]] = []
    for a, b, state, _comment in parse_osm(expression).intervals(start, end):
        if state != State.OPEN:
            continue
        b = b or end
        if merged and merged[-1][1] >= a:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


@lru_cache(maxsize=4096)
def reference_year(expression: str) -> tuple[tuple[datetime, datetime], ...]:
    return tuple(open_intervals(expression, _REF_START, _REF_END))


def same_meaning(first: str, second: str) -> bool:
    """Both expressions open at exactly the same times over the reference year (comments ignored)."""
    return reference_year(first) == reference_year(second)


def _hhmm(moment: datetime) -> str:
    return f"{moment.hour:02d}:{moment.minute:02d}"


def _day_ranges(intervals: tuple[tuple[datetime, datetime], ...]) -> dict[date, list[tuple[str, str]]]:
    days: dict[date, list[tuple[str, str]]] = {}
    one_day = timedelta(days=1)
    for a, b in intervals:
        cursor = a
        while cursor < b:
            midnight = datetime(cursor.year, cursor.month, cursor.day) + one_day
            stop = b if b < midnight else midnight
            # a day's last minute written as its end: 00:00-23:59 is the whole day (platforms write it)
            end = "24:00" if stop == midnight or midnight - stop <= timedelta(minutes=1) else _hhmm(stop)
            days.setdefault(cursor.date(), []).append((_hhmm(cursor), end))
            cursor = stop
    return days


# selectors that make one week differ from another: months, dates, holidays, weeks, years, nth weekday
_DATED = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|PH|SH|easter|week|\d{4})\b|\[")
_WEEK_START = datetime(REFERENCE_YEAR, 1, 12)  # a Monday with no holiday selector applying


@lru_cache(maxsize=16384)
def typical_week(expression: str) -> dict[str, Ranges] | None:
    """Day -> open ranges in the most common week of the reference year that has any opening.

    Seasonal rules give the season that lasts longest; None when never open in the year.
    """
    if not _DATED.search(_QUOTED.sub("", expression)):
        start = _WEEK_START - timedelta(days=1)
        found = _day_ranges(tuple(open_intervals(expression, start, _WEEK_START + timedelta(days=7))))
        week = {
            day: tuple(found.get((_WEEK_START + timedelta(days=k)).date(), ())) for k, day in enumerate(DAYS)
        }
        return week if any(week.values()) else None
    days = _day_ranges(reference_year(expression))
    weeks: Counter[tuple[Ranges, ...]] = Counter()
    first: dict[tuple[Ranges, ...], int] = {}
    monday = _REF_START.date()
    index = 0
    while monday < _REF_END.date():
        week = tuple(tuple(days.get(monday + timedelta(days=k), ())) for k in range(7))
        if any(week):
            weeks[week] += 1
            first.setdefault(week, index)
        monday += timedelta(days=7)
        index += 1
    if not weeks:
        return None
    best = max(weeks, key=lambda w: (weeks[w], -first[w]))
    return {day: best[k] for k, day in enumerate(DAYS)}


def ranges_on(expression: str, day: date) -> list[tuple[str, str]]:
    """Open ranges of one calendar day."""
    start = datetime.combine(day, datetime.min.time())
    one_day = timedelta(days=1)
    found = _day_ranges(tuple(open_intervals(expression, start - one_day, start + one_day)))
    return found.get(day, [])
