"""Google Business Profile (Business Information API v1): ``regularHours.periods``,
``specialHours.specialHourPeriods``, ``openInfo.status`` and ``categories``."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from auditor.sources.convert.common import (
    ENGLISH_DAYS,
    ConvertError,
    clock,
    day_text,
    google_date,
    new_week,
    osm_text,
    status_of,
)

STATUS = {"OPEN": "open", "CLOSED_TEMPORARILY": "temporarily_closed", "CLOSED_PERMANENTLY": "closed"}


def _time(value: Any) -> str:
    """A TimeOfDay (fields left out when zero: ``{}`` is midnight)."""
    value = value if isinstance(value, dict) else {}
    return clock(value.get("hours", 0), value.get("minutes", 0))


def hours(value: Any) -> str | None:
    """``{"periods": [{"openDay": "MONDAY", "openTime": {"hours": 9}, "closeDay": ..., ...}]}``;
    a period closing on a later day runs past midnight."""
    if not isinstance(value, dict) or not value.get("periods"):
        return None
    week = new_week()
    for period in value["periods"]:
        day = ENGLISH_DAYS.get(str(period.get("openDay", "")).upper())
        if day is None:
            raise ConvertError(f"regularHours: '{period.get('openDay')}' is not a day of the week")
        start, end = _time(period.get("openTime")), _time(period.get("closeTime"))
        if period.get("closeDay", period.get("openDay")) != period.get("openDay") and end == "00:00":
            end = "24:00"
        week[day].append((start, end))
    return osm_text(week)


def special_hours(value: Any) -> str | None:
    """``{"specialHourPeriods": [{"startDate": {...}, "closed": true}, {"startDate", "openTime",
    "closeTime"}]}`` -> ``2026-12-25 closed; 2026-12-24 09:00-13:00``."""
    if not isinstance(value, dict) or not value.get("specialHourPeriods"):
        return None
    days: dict[str, list[tuple[str, str]]] = {}
    for period in value["specialHourPeriods"]:
        first = google_date(period.get("startDate"))
        if period.get("closed"):
            last = google_date(period["endDate"]) if period.get("endDate") else first
            span = date.fromisoformat(first)
            while span.isoformat() <= last:
                days.setdefault(span.isoformat(), [])
                span += timedelta(days=1)
            continue
        days.setdefault(first, []).append((_time(period.get("openTime")), _time(period.get("closeTime"))))
    return "; ".join(day_text(d, r) for d, r in sorted(days.items()))


def status(value: Any) -> str | None:
    """``openInfo.status``: ``OPEN`` / ``CLOSED_TEMPORARILY`` / ``CLOSED_PERMANENTLY``
    (``OPEN_FOR_BUSINESS_UNSPECIFIED``: not shown)."""
    if str(value or "").upper() == "OPEN_FOR_BUSINESS_UNSPECIFIED":
        return None
    return status_of(value, STATUS, "Google Business Profile")


def categories(value: Any) -> str | None:
    """The primary and additional categories' display names, primary first."""
    if not isinstance(value, dict):
        return None
    found = [value.get("primaryCategory") or {}, *(value.get("additionalCategories") or [])]
    names = [str(c.get("displayName") or "") for c in found if isinstance(c, dict)]
    return "; ".join(n for n in names if n) or None


STARS = {"ONE": "1", "TWO": "2", "THREE": "3", "FOUR": "4", "FIVE": "5"}


def stars(value: Any) -> str | None:
    """v4 reviews' ``starRating``: ``ONE`` .. ``FIVE``."""
    if value is None or str(value).upper() == "STAR_RATING_UNSPECIFIED":
        return None
    if str(value).upper() not in STARS:
        raise ConvertError(f"starRating '{value}' is not ONE to FIVE")
    return STARS[str(value).upper()]
