"""Opening hours in any common written form -> one canonical OSM ``opening_hours`` expression.

``hours_to_osm`` gives the canonical expression: valid OSM is read as it is (a later rule overrides
an earlier one), anything else goes through the multilingual front end
(:mod:`auditor.normalise.hours_text`, :mod:`auditor.normalise.hours_rules`) and then the OSM
library (:mod:`auditor.normalise.hours_osm`, which says why opening-hours-py was chosen), which
also normalises it, so equivalent forms give one string.

``parse_hours`` gives the weekly structure observations store and checks compare
(``WeeklyHours``: day -> open ranges, overnight ranges split at midnight into the next day): the
expression evaluated over the most common week of the reference year that has any opening. It
also reads schema.org ``openingHoursSpecification`` objects. ``parse_holiday_hours`` reads dated
hours; ``auditor.normalise.hours_holidays`` reads ``PH`` against the real public-holiday calendar.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from auditor.normalise.errors import NormaliseError
from auditor.normalise.hours_dates import split_dated
from auditor.normalise.hours_day_lists import split_listed
from auditor.normalise.hours_holidays import closed_on_holidays
from auditor.normalise.hours_osm import OsmError, canonical, typical_week
from auditor.normalise.hours_rules import text_to_osm
from auditor.normalise.hours_text import MAX_LENGTH, TextError
from auditor.normalise.hours_words import fold, vocabulary

DAYS = ("mo", "tu", "we", "th", "fr", "sa", "su")
_DAY_WORDS = {
    "mo": ("mo", "mon", "monday", "mondays"),
    "tu": ("tu", "tue", "tues", "tuesday", "tuesdays"),
    "we": ("we", "wed", "weds", "wednesday", "wednesdays"),
    "th": ("th", "thu", "thur", "thurs", "thursday", "thursdays"),
    "fr": ("fr", "fri", "friday", "fridays"),
    "sa": ("sa", "sat", "saturday", "saturdays"),
    "su": ("su", "sun", "sunday", "sundays"),
}
_WORD_TO_DAY = {word: day for day, words in _DAY_WORDS.items() for word in words}
Range = tuple[str, str]


class HoursError(NormaliseError):
    """Opening hours that could not be read."""


@dataclass(frozen=True)
class WeeklyHours:
    """Day (``mo``..``su``) -> sorted, merged (open, close) ``HH:MM`` ranges; missing = closed."""

    days: dict[str, tuple[Range, ...]] = field(default_factory=dict)
    osm: str = field(default="", compare=False)  # the canonical OSM expression read, when from text

    def __getitem__(self, day: str) -> tuple[Range, ...]:
        return self.days.get(day, ())

    def as_dict(self) -> dict[str, list[list[str]]]:
        return {day: [list(r) for r in self.days.get(day, ())] for day in DAYS}

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, WeeklyHours):
            return NotImplemented
        return self.as_dict() == other.as_dict()

    def __hash__(self) -> int:
        return hash(tuple(self[day] for day in DAYS))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> WeeklyHours:
        return cls({d: tuple(tuple(r) for r in data.get(d, [])) for d in DAYS})  # type: ignore[misc]


# --- building ---------------------------------------------------------------------------------


class _Builder:
    def __init__(self) -> None:
        self.ranges: dict[str, list[tuple[int, int]]] = {d: [] for d in DAYS}

    def add(self, days: Iterable[str], start: int, end: int) -> None:
        for day in days:
            if end > start:
                self.ranges[day].append((start, end))
            elif end < start or (start == end and start != 0):  # past midnight
                self.ranges[day].append((start, 24 * 60))
                if end > 0:
                    nxt = DAYS[(DAYS.index(day) + 1) % 7]
                    self.ranges[nxt].append((0, end))
            # start == end == 0 means closed (as some sites write it)

    def close(self, days: Iterable[str]) -> None:
        for day in days:
            self.ranges[day] = []

    def build(self) -> WeeklyHours:
        return WeeklyHours({d: _merge(self.ranges[d]) for d in DAYS if self.ranges[d]})


def _merge(ranges: list[tuple[int, int]]) -> tuple[Range, ...]:
    merged: list[list[int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((_fmt(s), _fmt(e)) for s, e in merged)


def _fmt(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


# --- text -------------------------------------------------------------------------------------

_FANCY_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"'})
_TRAILING = re.compile(r"[\s;,|]+$")
_OSM_WORDS = r"(?:Mo|Tu|We|Th|Fr|Sa|Su|PH|SH|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
# 'Mo, We, Fr 09:00-12:00' is one list of days, not three rules (the parser reads ', ' as a rule separator)
_LIST_SPACES = re.compile(rf"\b({_OSM_WORDS}(?:\[[-\d,]{{1,12}}\])?)[ ]?,[ ]+(?={_OSM_WORDS}\b)")


def hours_to_osm(text: str | list[str]) -> str:
    """Opening hours as written anywhere -> one canonical OSM ``opening_hours`` expression.

    Valid OSM is read as it is (OSM semantics: a later rule overrides an earlier one); anything
    else goes through the multilingual front end first. Raises HoursError with the reason.
    """
    if isinstance(text, list):
        text = "; ".join(str(item) for item in text)
    if not isinstance(text, str) or not text.strip():
        raise HoursError("empty opening hours")
    return _to_osm(text)


def _to_osm(text: str) -> str:
    return _read(text)[1]


@lru_cache(maxsize=16384)
def _read(text: str) -> tuple[str, str]:
    """(the OSM expression as written from the text, its canonical form)."""
    light = _repair(text)
    if len(light) <= MAX_LENGTH and "\n" not in light:
        try:
            return light, canonical(light)
        except OsmError:
            pass
    try:
        written = text_to_osm(text)
    except TextError as exc:
        raise HoursError(str(exc)) from None
    if _POINT.fullmatch(written):
        return written, written  # a time of day (OSM point in time), which the evaluator does not take
    try:
        return written, canonical(written)
    except OsmError as exc:
        raise HoursError(f"{exc} in '{written[:60]}'") from None


_CLOSED_ALWAYS = re.compile(r"(?:24/7\s+|Mo-Su\s+)?(?:closed|off)", re.I)
_QUOTED_NOTE = re.compile(r'"[^"]*"')
# an expression that says when, not only which days: times, 24/7, a state or a comment
_SAYS_WHEN = re.compile(r"\d:\d\d|24/7|\b(?:off|closed|open|unknown)\b|sunrise|sunset|dawn|dusk|\"")


_DATED = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|PH|SH|easter|week|\d{4})\b")
def _repair(text: str) -> str:
    """Spacing slips in OSM syntax: 'Mo, We' lists, 'Sa [-1]', '+ 2 days', trailing separators."""
    light = _TRAILING.sub("", text.strip().translate(_FANCY_QUOTES))
    light = _LIST_SPACES.sub(r"\1,", light)
    light = re.sub(r"\b(Mo|Tu|We|Th|Fr|Sa|Su) +\[", r"\1[", light)
    light = re.sub(r"(?<=[\]\w]) +([+-]) +(\d+ days?)\b", r" \1\2", light)
    return re.sub(r"(?<=\]) +- +(?=[A-Z])", "-", light)


# a rule that is a note and nothing else ('Sa "nach Vereinbarung"'): the OSM evaluator calls it open all
# day; the weekly view calls it unknown, so 'by appointment' is not read as open round the clock
_COMMENT_ONLY = re.compile(r'(^|;|\|\||,)(\s*)([^;"\d]*?|24/7)\s*"([^"]*)"\s*(?=$|;|\|\|)')


def _unknown(match: re.Match[str]) -> str:
    selector = match.group(3).strip()
    return f'{match.group(1)}{match.group(2)}{selector + " " if selector else ""}unknown "{match.group(4)}"'


_POINT = re.compile(r"(?:[A-Z][a-z]{2}(?: \d\d)?(?:,[A-Z][a-z]{2}(?: \d\d)?)* )?\d\d:\d\d(?:,\d\d:\d\d)*")


def _parse_text(text: str) -> WeeklyHours:
    written, osm = _read(text)
    if not _SAYS_WHEN.search(written):
        # 'Saturdays', 'Mo-Fr': OSM reads a day alone as open all day; a page naming days says no hours
        raise HoursError(f"days named without their hours: '{osm[:60]}'")
    if _POINT.fullmatch(osm):
        raise HoursError(f"a time of day, not opening hours: '{osm}'")
    week = typical_week(_COMMENT_ONLY.sub(_unknown, osm))
    if week is None:
        if _DATED.search(osm) or not re.search(r"\b(?:closed|off)\b", osm):
            raise HoursError(f"no regular weekly opening times in '{osm[:60]}'")
        if not _CLOSED_ALWAYS.fullmatch(_QUOTED_NOTE.sub("", written).strip()):
            # 'Closed Sunday and Monday' (OSM normalises it to 'closed'): the other days are not said
            raise HoursError(f"only closed days named, no opening times: '{written[:60]}'")
        week = {}  # closed every day, as written
    return WeeklyHours({d: r for d, r in week.items() if r}, osm)


# --- schema.org ---------------------------------------------------------------------------------


def _schema_day(value: Any) -> str:
    word = str(value).rstrip("/").rsplit("/", 1)[-1].strip().lower()
    if word in _WORD_TO_DAY:
        return _WORD_TO_DAY[word]
    index = vocabulary().day(fold(word), "")
    if index is None:
        raise HoursError(f"unknown day '{value}'")
    return DAYS[index]


def _schema_time(value: Any) -> int:
    text = str(value or "").strip()
    match = re.match(r"^(\d{1,2})[:hH.](\d{2})", text)
    if not match:
        raise HoursError(f"cannot read time '{text}'")
    hour, minute = int(match.group(1)), int(match.group(2))
    if hour > 24 or minute > 59:
        raise HoursError(f"impossible time '{text}'")
    return hour * 60 + minute


def _parse_specification(specs: list[dict[str, Any]]) -> WeeklyHours:
    builder = _Builder()
    for spec in specs:
        days = spec.get("dayOfWeek") or []
        if isinstance(days, str):
            days = [days]
        day_codes = [_schema_day(d) for d in days]
        if spec.get("opens") in (None, "") or spec.get("closes") in (None, ""):
            builder.close(day_codes)
            continue
        start, end = _schema_time(spec["opens"]), _schema_time(spec["closes"])
        if end == 23 * 60 + 59:
            end = 24 * 60
        builder.add(day_codes, start, end)
    return builder.build()


def parse_hours(raw: str | list | dict | WeeklyHours) -> WeeklyHours:
    """Any supported form of opening hours -> WeeklyHours; raises HoursError."""
    if isinstance(raw, WeeklyHours):
        return raw
    if isinstance(raw, dict):
        if set(raw) <= set(DAYS):
            return WeeklyHours.from_dict(raw)
        return _parse_specification([raw])
    if isinstance(raw, list):
        if all(isinstance(item, dict) for item in raw):
            return _parse_specification(raw)
        return _cached_text("; ".join(str(item) for item in raw))
    if not isinstance(raw, str) or not raw.strip():
        raise HoursError("empty opening hours")
    return _cached_text(raw)


@lru_cache(maxsize=16384)
def _cached_text(text: str) -> WeeklyHours:
    return _parse_text(text)


def format_hours(hours: WeeklyHours) -> str:
    """OSM-like text, consecutive days with equal hours grouped: ``Mo-Fr 09:00-17:00; Su off``."""
    parts: list[str] = []
    index = 0
    while index < 7:
        ranges = hours[DAYS[index]]
        end = index
        while end + 1 < 7 and hours[DAYS[end + 1]] == ranges:
            end += 1
        label = DAYS[index].title() if end == index else f"{DAYS[index].title()}-{DAYS[end].title()}"
        times = ",".join(f"{a}-{b}" for a, b in ranges) or "off"
        parts.append(f"{label} {times}")
        index = end + 1
    return "; ".join(parts)


# --- holiday hours -----------------------------------------------------------------------------

_DOTTED_DATE = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")  # 24.12.2026, as written in Europe


def _iso(match: re.Match[str]) -> str:
    return f"{match.group(3)}-{int(match.group(2)):02d}-{int(match.group(1)):02d}"


_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:\s*(?:-|to|\u2013)\s*(\d{4}-\d{2}-\d{2}))?")


def _date_span(first: str, last: str | None) -> list[str]:
    try:
        start = date.fromisoformat(first)
        end = date.fromisoformat(last) if last else start
    except ValueError as exc:
        raise HoursError(f"bad date: {exc}") from None
    if (end - start).days > 366 or end < start:
        raise HoursError(f"unlikely date range {first} to {last}")
    return [(start + timedelta(days=i)).isoformat() for i in range((end - start).days + 1)]


_USUAL_HOURS = re.compile(
    r"\b(?:usual|normal|regular) (?:hours|opening|times)\b|horaires? habituels?|normale öffnungszeiten"
    r"|gewohnte öffnungszeiten|orario (?:normale|abituale)|horario (?:normal|habitual)"
    r"|normale openingstijden",
    re.IGNORECASE,
)


def _times_read(text: str) -> bool:
    """Whether the hours reader understands ``text`` (times or a closed word) for one day."""
    try:
        typical_week(_to_osm(text))
    except (OsmError, NormaliseError):
        return False
    return True


def parse_holiday_hours(
    raw: str | list | dict, country: str | None = None, today: date | None = None
) -> dict[str, list[list[str]]]:
    """``2026-12-25 closed; 2026-12-26 10:00-16:00`` or schema.org special hours -> date -> ranges.

    Dates may be written in words or in the ``country``'s numeric order (``December 24: 11am–4pm``,
    ``24 décembre : fermé``; see ``hours_dates``); a date without a year is the next one after
    ``today`` (the day the page was read)."""
    result: dict[str, list[list[str]]] = {}
    if isinstance(raw, dict):
        raw = [raw]
    if isinstance(raw, list):
        for spec in raw:
            if not isinstance(spec, dict):
                raise HoursError("special opening hours must be objects")
            first = str(spec.get("validFrom") or "")[:10]
            last = str(spec.get("validThrough") or "")[:10] or None
            if not first:
                raise HoursError("special opening hours without validFrom")
            opens, closes = spec.get("opens"), spec.get("closes")
            ranges: list[list[str]] = []
            if opens not in (None, "") and closes not in (None, ""):
                start, end = _schema_time(opens), _schema_time(closes)
                if end > start:
                    ranges = [[_fmt(start), _fmt(end)]]
            for day in _date_span(first, last):
                result[day] = ranges
        return dict(sorted(result.items()))
    if not isinstance(raw, str) or not raw.strip():
        raise HoursError("empty holiday hours")
    for segment in re.split(r"[;\n]", _DOTTED_DATE.sub(_iso, raw)):
        segment = segment.strip()
        if not segment:
            continue
        if _USUAL_HOURS.search(segment):  # "Christmas Eve: usual hours": nothing special that day
            continue
        every = closed_on_holidays(segment, country, today or date.today())
        if every:  # "Fermé les jours fériés": each of the country's public holidays, closed
            result.update({day: ranges for day, ranges in every.items() if day not in result})
            continue
        match = _DATE.search(segment)
        if not match:
            day = today or date.today()
            written = (
                split_listed(segment, country, day, _times_read)
                or split_dated(segment, country, day, _times_read)
                or split_listed(segment, country, day, _times_read, single=True)
            )
            if written is None:
                raise HoursError(f"no date in a form the auditor reads in '{segment[:60]}'")
            days, rest = written
            ranges = _day_ranges(rest)
            result.update({day.isoformat(): ranges for day in days})
            continue
        rest = segment[match.end():].strip(" :,")
        try:
            ranges = _day_ranges(rest)
        except OsmError:
            raise HoursError(f"no opening times in '{rest[:40]}'") from None
        for day in _date_span(match.group(1), match.group(2)):
            result[day] = ranges
    return dict(sorted(result.items()))


OPEN_END = "+"
"""The end of a holiday's range when the page says only when it opens ("ANZAC Day: from 1pm")."""


def _day_ranges(rest: str) -> list[list[str]]:
    """One day's ranges from the times of a holiday line (none: closed). An open end ("from
    1pm", OSM ``13:00+``) keeps its end unknown, not midnight."""
    if not rest:
        return []
    osm = _to_osm(rest)
    week = typical_week(osm)
    ranges = [list(r) for r in week["mo"]] if week else []
    if ranges and osm.rstrip().endswith("+"):
        ranges[-1][1] = OPEN_END
    return ranges
