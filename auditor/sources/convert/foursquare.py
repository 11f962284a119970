"""Foursquare Places: ``hours.regular`` (day 1 is Monday, ``close`` before ``open`` or with a
``+`` runs past midnight), ``date_closed`` and ``closed_bucket`` (how likely the place is open:
``VeryLikelyOpen``, ``LikelyOpen``, ``Unsure``, ``LikelyClosed``, ``VeryLikelyClosed``; apps
built on Foursquare leave the likely closed ones out)."""

from __future__ import annotations

from typing import Any

from auditor.sources.convert.common import DAYS, ConvertError, hhmm, new_week, osm_text


def hours(value: Any) -> str | None:
    """``{"regular": [{"day": 1, "open": "0900", "close": "1730"}], "display": ...}``."""
    regular = value.get("regular") if isinstance(value, dict) else None
    if not regular:
        return None
    week = new_week()
    for slot in regular:
        day = slot.get("day")
        if not isinstance(day, int) or not 1 <= day <= 7:
            raise ConvertError(f"hours.regular: day {day!r} is not 1 (Monday) to 7 (Sunday)")
        week[DAYS[day - 1]].append((hhmm(slot.get("open")), hhmm(slot.get("close"))))
    return osm_text(week)


CLOSED_BUCKETS = ("likelyclosed", "verylikelyclosed")


def status(value: Any) -> str | None:
    """``{"closed": date_closed, "bucket": closed_bucket}``: a closing date, or a bucket saying
    likely closed, is closed; ``Unsure`` says nothing; otherwise open."""
    if not isinstance(value, dict):
        return None
    bucket = str(value.get("bucket") or "").strip().lower()
    if value.get("closed") or bucket in CLOSED_BUCKETS:
        return "closed"
    return None if bucket == "unsure" else "open"
