"""Opening hours in any common written form -> one weekly structure.

Reads schema.org ``openingHoursSpecification`` (list of dicts) and ``openingHours`` strings,
OSM-style ``Mo-Fr 08:00-12:00,13:00-17:30; Sa 09:00-12:00``, and free text such as
``Monday: 9am – 5pm``, ``Mon-Fri 9am-5pm``, ``Open 24 hours``, ``Weekends closed``, ``09H00``.
Ranges past midnight are split at midnight into the next day.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from auditor.normalise.errors import NormaliseError

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
_GROUP_WORDS = {
    "weekdays": DAYS[:5],
    "weekday": DAYS[:5],
    "weekends": DAYS[5:],
    "weekend": DAYS[5:],
    "daily": DAYS,
    "everyday": DAYS,
    "every day": DAYS,
    "7 days": DAYS,
    "all week": DAYS,
    "all days": DAYS,
}

Range = tuple[str, str]


class HoursError(NormaliseError):
    """Opening hours that could not be read."""


@dataclass(frozen=True)
class WeeklyHours:
    """Day (``mo``..``su``) -> sorted, merged (open, close) ``HH:MM`` ranges; missing = closed."""

    days: dict[str, tuple[Range, ...]] = field(default_factory=dict)

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

_TIME = r"(?:\d{3,4}|\d{1,2}(?:[:.h]\d{2})?(?::\d{2})?)(?!\d)\s*(?:am|pm|a\b|p\b)?"
_DAY_WORD = "|".join(sorted(_WORD_TO_DAY, key=len, reverse=True))
_GROUP_WORD = "|".join(sorted(_GROUP_WORDS, key=len, reverse=True))
_DAY_ATOM = rf"(?:\b(?:{_GROUP_WORD})\b|\b(?:{_DAY_WORD})\b\.?)"
_TOKEN = re.compile(
    rf"(?P<days>{_DAY_ATOM}(?:\s*-\s*{_DAY_ATOM})?)"
    rf"|(?P<range>(?P<start>{_TIME})\s*-\s*(?P<end>{_TIME}))"
    r"|(?P<always>24\s*/\s*7|24\s*hours?|24hrs?|open\s+24)"
    r"|(?P<closed>\bclosed\b|\boff\b|\bshut\b)"
)
_FILLER = re.compile(
    r"\b(?:open|opening|hours|hrs|and|from|until|till|by|appointment|only|trading|store|the|of|ph|"
    r"public|holidays?)\b|[,;:&|/()\[\]\s\-.]"
)
_ONE_TIME = re.compile(
    r"^(?:(?P<h>\d{1,2})(?:[:.h](?P<m>\d{2}))?(?::\d{2})?|(?P<hhmm>\d{3,4}))\s*(?P<ap>am|pm|a|p)?$"
)


def _clean(text: str) -> str:
    text = text.lower()
    for dash in ("\u2013", "\u2014", "\u2012", "\u2212", "\u2010", "\u2011", "~"):
        text = text.replace(dash, "-")
    text = re.sub(r"a\.\s?m\.?", "am", text)
    text = re.sub(r"p\.\s?m\.?", "pm", text)
    text = re.sub(r"\b(?:to|through|thru|until|till)\b", "-", text)
    text = text.replace("noon", "12:00pm").replace("midday", "12:00pm").replace("midnight", "12:00am")
    text = text.replace("\u00a0", " ").replace("\u202f", " ")
    return text


def _minutes(token: str) -> tuple[int, str | None]:
    match = _ONE_TIME.match(token.strip())
    if not match:
        raise HoursError(f"cannot read time '{token.strip()}'")
    if match.group("hhmm"):
        digits = match.group("hhmm").rjust(4, "0")
        hour, minute = int(digits[:2]), int(digits[2:])
    else:
        hour, minute = int(match.group("h")), int(match.group("m") or 0)
    suffix = match.group("ap")
    suffix = {"a": "am", "p": "pm"}.get(suffix or "", suffix)
    if minute > 59 or hour > 24 or (suffix and not 0 <= hour <= 12):
        raise HoursError(f"impossible time '{token.strip()}'")
    return hour * 60 + minute, suffix


def _apply_suffix(minutes: int, suffix: str | None) -> int:
    hour, minute = divmod(minutes, 60)
    if suffix == "am":
        hour = 0 if hour == 12 else hour
    elif suffix == "pm":
        hour = hour if hour == 12 else hour + 12
    return hour * 60 + minute


def _range(start_text: str, end_text: str) -> tuple[int, int]:
    start, s_suffix = _minutes(start_text)
    end, e_suffix = _minutes(end_text)
    if s_suffix is None and e_suffix == "pm":
        # "9-5pm" is morning to afternoon; "5-7pm" is evening
        s_suffix = "pm" if _apply_suffix(start, "pm") < _apply_suffix(end, "pm") else "am"
    start, end = _apply_suffix(start, s_suffix), _apply_suffix(end, e_suffix)
    if s_suffix is None and e_suffix is None and end <= start and end <= 12 * 60 and ":" not in end_text:
        end += 12 * 60  # "9-5" with no suffix
    if end == 23 * 60 + 59:
        end = 24 * 60
    return start, min(end, 24 * 60) if end != 24 * 60 else end


def _days(text: str) -> tuple[str, ...]:
    text = text.strip().rstrip(".")
    if text in _GROUP_WORDS:
        return _GROUP_WORDS[text]
    parts = [p.strip().rstrip(".") for p in text.split("-")]
    if len(parts) == 2 and parts[0] in _WORD_TO_DAY and parts[1] in _WORD_TO_DAY:
        first, last = DAYS.index(_WORD_TO_DAY[parts[0]]), DAYS.index(_WORD_TO_DAY[parts[1]])
        span = (last - first) % 7
        return tuple(DAYS[(first + i) % 7] for i in range(span + 1))
    days: list[str] = []
    for part in parts:
        days.extend(_GROUP_WORDS.get(part, ()) or ((_WORD_TO_DAY[part],) if part in _WORD_TO_DAY else ()))
    return tuple(days)


def _parse_text(text: str) -> WeeklyHours:
    cleaned = _clean(text)
    builder = _Builder()
    current: list[str] | None = None
    pending_ranges: list[tuple[int, int]] = []
    pending_closed = False
    pending_always = False
    seen_anything = False

    def flush() -> None:
        days = current if current is not None else list(DAYS)
        if pending_closed and not pending_ranges and not pending_always:
            builder.close(days)
        if pending_always:
            builder.add(days, 0, 24 * 60)
        for start, end in pending_ranges:
            builder.add(days, start, end)

    leftover = " ".join(_FILLER.sub(" ", _TOKEN.sub(" ", cleaned)).split())
    if leftover:
        raise HoursError(f"unreadable text '{leftover[:40]}'")
    for match in _TOKEN.finditer(cleaned):
        if match.group("days"):
            days = list(_days(match.group("days")))
            if current is not None and (pending_ranges or pending_closed or pending_always):
                flush()
                current, pending_ranges, pending_closed, pending_always = days, [], False, False
            else:
                current = (current or []) + days
        elif match.group("range"):
            pending_ranges.append(_range(match.group("start"), match.group("end")))
            seen_anything = True
        elif match.group("always"):
            pending_always = seen_anything = True
        elif match.group("closed"):
            pending_closed = seen_anything = True
    if not seen_anything:
        raise HoursError("no opening times found")
    flush()
    return builder.build()


# --- schema.org ---------------------------------------------------------------------------------


def _schema_day(value: Any) -> str:
    word = str(value).rstrip("/").rsplit("/", 1)[-1].strip().lower()
    if word not in _WORD_TO_DAY:
        raise HoursError(f"unknown day '{value}'")
    return _WORD_TO_DAY[word]


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


def parse_holiday_hours(raw: str | list | dict) -> dict[str, list[list[str]]]:
    """``2026-12-25 closed; 2026-12-26 10:00-16:00`` or schema.org special hours -> date -> ranges."""
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
    for segment in re.split(r"[;\n]", raw):
        segment = segment.strip()
        if not segment:
            continue
        match = _DATE.search(segment)
        if not match:
            raise HoursError(f"no date in '{segment}'")
        rest = _clean(segment[match.end():]).strip(" :,")
        if not rest or re.fullmatch(r"closed|off|shut", rest):
            ranges = []
        else:
            week = _parse_text(rest)
            ranges = [list(r) for r in week["mo"]]
        for day in _date_span(match.group(1), match.group(2)):
            result[day] = ranges
    return dict(sorted(result.items()))
