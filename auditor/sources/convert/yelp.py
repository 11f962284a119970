"""Yelp Fusion: ``hours[].open[]`` (day 0 is Monday, ``is_overnight``), ``special_hours`` and
``is_closed`` (true: closed for good)."""

from __future__ import annotations

from typing import Any

from auditor.sources.convert.common import DAYS, ConvertError, day_text, hhmm, new_week, osm_text


def hours(value: Any) -> str | None:
    """The ``REGULAR`` entry's ``open`` ranges; several a day, overnight ones end the next day."""
    if not isinstance(value, list):
        return None
    regular = [h for h in value if isinstance(h, dict) and h.get("hours_type", "REGULAR") == "REGULAR"]
    if not regular:
        return None
    week = new_week()
    for slot in regular[0].get("open") or []:
        day = slot.get("day")
        if not isinstance(day, int) or not 0 <= day <= 6:
            raise ConvertError(f"hours: day {day!r} is not 0 (Monday) to 6 (Sunday)")
        week[DAYS[day]].append((hhmm(slot.get("start")), hhmm(slot.get("end"))))
    return osm_text(week)


def special_hours(value: Any) -> str | None:
    """``[{"date": "2026-12-25", "is_closed": true}, {"date", "start", "end", "is_overnight"}]``."""
    if not isinstance(value, list) or not value:
        return None
    days: dict[str, list[tuple[str, str]]] = {}
    for entry in value:
        when = str(entry.get("date") or "")
        if len(when) != 10:
            raise ConvertError(f"special_hours: '{when}' is not a date")
        ranges = days.setdefault(when, [])
        if not entry.get("is_closed") and entry.get("start"):
            ranges.append((hhmm(entry["start"]), hhmm(entry.get("end"))))
    return "; ".join(day_text(d, r) for d, r in sorted(days.items()))


def status(value: Any) -> str | None:
    """``is_closed``: true means the business closed for good (Yelp has no temporary flag here)."""
    if value is None:
        return None
    if not isinstance(value, bool):
        raise ConvertError(f"is_closed: {value!r} is not true or false")
    return "closed" if value else "open"
