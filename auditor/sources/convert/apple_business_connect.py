"""Apple Business Connect: ``openingHoursByDay`` (``day`` and ``times`` with ``startTime`` /
``endTime``), ``specialHours`` (``startDate``..``endDate``, ``closed`` or ``times``) and
``locationStatus.status``."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from auditor.sources.convert.common import (
    ENGLISH_DAYS,
    ConvertError,
    day_text,
    hhmm,
    new_week,
    osm_text,
    status_of,
)

STATUS = {"OPEN": "open", "TEMPORARILY_CLOSED": "temporarily_closed", "CLOSED": "closed"}


def _ranges(times: Any) -> list[tuple[str, str]]:
    return [(hhmm(t.get("startTime")), hhmm(t.get("endTime"))) for t in times or [] if isinstance(t, dict)]


def hours(value: Any) -> str | None:
    """``[{"day": "MONDAY", "times": [{"startTime": "09:00", "endTime": "17:30"}]}]``."""
    if not isinstance(value, list) or not value:
        return None
    week = new_week()
    for entry in value:
        day = ENGLISH_DAYS.get(str(entry.get("day", "")).upper())
        if day is None:
            raise ConvertError(f"openingHoursByDay: '{entry.get('day')}' is not a day of the week")
        week[day].extend(_ranges(entry.get("times")))
    return osm_text(week)


def special_hours(value: Any) -> str | None:
    """``[{"startDate": "2026-12-24", "endDate": "2026-12-26", "closed": true}, ...]``."""
    if not isinstance(value, list) or not value:
        return None
    days: dict[str, list[tuple[str, str]]] = {}
    for entry in value:
        try:
            first = date.fromisoformat(str(entry.get("startDate")))
            last = date.fromisoformat(str(entry.get("endDate") or entry.get("startDate")))
        except ValueError:
            raise ConvertError(f"specialHours: {entry.get('startDate')!r} is not a date") from None
        ranges = [] if entry.get("closed") else _ranges(entry.get("times"))
        while first <= last:
            days.setdefault(first.isoformat(), []).extend(ranges)
            first += timedelta(days=1)
    return "; ".join(day_text(d, r) for d, r in sorted(days.items()))


def status(value: Any) -> str | None:
    """``OPEN`` / ``TEMPORARILY_CLOSED`` / ``CLOSED``."""
    return status_of(value, STATUS, "Apple Business Connect")
