"""Google Places API (New): ``regularOpeningHours.periods`` (day 0 is Sunday),
``currentOpeningHours.specialDays`` with its dated periods, and ``businessStatus``."""

from __future__ import annotations

from typing import Any

from auditor.sources.convert.common import (
    DAYS,
    ConvertError,
    clock,
    day_text,
    google_date,
    new_week,
    osm_text,
)
from auditor.sources.convert.common import status_of as _status_of

STATUS = {"OPERATIONAL": "open", "CLOSED_TEMPORARILY": "temporarily_closed", "CLOSED_PERMANENTLY": "closed"}
_SUNDAY_FIRST = (DAYS[6], *DAYS[:6])


def _point(point: Any) -> tuple[str, str]:
    """(day, HH:MM) of a period's open or close point."""
    if not isinstance(point, dict) or not isinstance(point.get("day"), int) or not 0 <= point["day"] <= 6:
        raise ConvertError(f"opening hours: {point!r} is not a day and time")
    return _SUNDAY_FIRST[point["day"]], clock(point.get("hour", 0), point.get("minute", 0))


def hours(value: Any) -> str | None:
    """``{"periods": [{"open": {"day": 1, "hour": 9, "minute": 0}, "close": {...}}]}``; a single
    period opening Sunday 00:00 with no close is open around the clock."""
    periods = value.get("periods") if isinstance(value, dict) else None
    if not periods:
        return None
    if len(periods) == 1 and "close" not in periods[0]:
        return "24/7"
    week = new_week()
    for period in periods:
        day, start = _point(period.get("open"))
        close_day, end = _point(period.get("close"))
        if close_day != day and end == "00:00":
            end = "24:00"
        week[day].append((start, end))
    return osm_text(week)


def special_days(value: Any) -> str | None:
    """``currentOpeningHours``: each of its ``specialDays`` with the periods opening on that date
    (none: closed that day)."""
    if not isinstance(value, dict) or not value.get("specialDays"):
        return None
    days = {google_date(d.get("date")): [] for d in value["specialDays"] if isinstance(d, dict)}
    for period in value.get("periods") or []:
        opened = period.get("open") or {}
        when = opened.get("date")
        if when is None:
            continue
        key = google_date(when)
        if key in days:
            _day, start = _point(opened)
            _close_day, end = _point(period.get("close"))
            days[key].append((start, end))
    return "; ".join(day_text(d, r) for d, r in sorted(days.items()))


def status(value: Any) -> str | None:
    """``businessStatus``: ``OPERATIONAL`` / ``CLOSED_TEMPORARILY`` / ``CLOSED_PERMANENTLY``
    (``BUSINESS_STATUS_UNSPECIFIED`` and ``FUTURE_OPENING``: no status the rules compare)."""
    if str(value or "").upper() in ("BUSINESS_STATUS_UNSPECIFIED", "FUTURE_OPENING"):
        return None
    return _status_of(value, STATUS, "Google Places")
