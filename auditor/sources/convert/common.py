"""What every platform converter shares: a week of ranges as OSM text, dates, statuses."""

from __future__ import annotations

from typing import Any

DAYS = ("mo", "tu", "we", "th", "fr", "sa", "su")
_OSM_DAY = {"mo": "Mo", "tu": "Tu", "we": "We", "th": "Th", "fr": "Fr", "sa": "Sa", "su": "Su"}
ENGLISH_DAYS = {"MONDAY": "mo", "TUESDAY": "tu", "WEDNESDAY": "we", "THURSDAY": "th", "FRIDAY": "fr",
                "SATURDAY": "sa", "SUNDAY": "su"}  # fmt: skip

Week = dict[str, list[tuple[str, str]]]


class ConvertError(ValueError):
    """A platform value the converter cannot read (the reason, in one line)."""


def clock(hours: Any, minutes: Any = 0) -> str:
    """``HH:MM`` from numbers (24:00 allowed as an end of day)."""
    try:
        h, m = int(hours or 0), int(minutes or 0)
    except (TypeError, ValueError):
        raise ConvertError(f"'{hours}:{minutes}' is not a time of day") from None
    if not (0 <= h <= 24 and 0 <= m < 60) or (h == 24 and m):
        raise ConvertError(f"'{hours}:{minutes}' is not a time of day")
    return f"{h:02d}:{m:02d}"


def hhmm(text: Any) -> str:
    """``0930`` / ``09:30`` / ``+0200`` (Foursquare's next-day mark) -> ``09:30``."""
    digits = str(text or "").strip().lstrip("+").replace(":", "")
    if len(digits) not in (3, 4) or not digits.isdigit():
        raise ConvertError(f"'{text}' is not a time of day")
    try:
        return clock(digits[:-2], digits[-2:])
    except ConvertError:
        raise ConvertError(f"'{text}' is not a time of day") from None


def new_week() -> Week:
    return {day: [] for day in DAYS}


def osm_text(week: Week) -> str:
    """A week as OSM ``opening_hours`` text, equal neighbouring days grouped; a range ending at or
    before it starts runs past midnight (``Fr 22:00-02:00``); days not named are closed."""
    parts: list[str] = []
    index = 0
    while index < len(DAYS):
        ranges = sorted(set(week.get(DAYS[index], [])))
        last = index
        while last + 1 < len(DAYS) and sorted(set(week.get(DAYS[last + 1], []))) == ranges:
            last += 1
        if ranges:
            days = _OSM_DAY[DAYS[index]]
            if last > index:
                days += ("," if last == index + 1 else "-") + _OSM_DAY[DAYS[last]]
            parts.append(f"{days} {','.join(f'{a}-{b}' for a, b in ranges)}")
        index = last + 1
    return "; ".join(parts) if parts else "off"


def day_text(date: str, ranges: list[tuple[str, str]]) -> str:
    """One special day: ``2026-12-25 closed`` or ``2026-12-24 09:00-13:00``."""
    if not ranges:
        return f"{date} closed"
    return f"{date} {','.join(f'{a}-{b}' for a, b in sorted(set(ranges)))}"


def google_date(value: Any) -> str:
    """A Google ``{year, month, day}`` date as ISO text."""
    if not isinstance(value, dict):
        raise ConvertError(f"{value!r} is not a date")
    try:
        return f"{int(value['year']):04d}-{int(value['month']):02d}-{int(value['day']):02d}"
    except (KeyError, TypeError, ValueError):
        raise ConvertError(f"{value!r} is not a whole date (year, month, day)") from None


def status_of(value: Any, table: dict[str, str], platform: str) -> str | None:
    """A platform's status word through its table; None when absent, ConvertError when unknown."""
    if value is None or value == "":
        return None
    word = str(value).strip().upper()
    if word not in table:
        raise ConvertError(f"{platform} status '{value}' is not one the auditor knows")
    return table[word]
