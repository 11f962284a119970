"""Facebook Page: ``hours`` as ``mon_1_open`` / ``mon_1_close`` keys (a second range is
``mon_2_*``), ``is_permanently_closed`` and ``temporary_status``."""

from __future__ import annotations

import re
from typing import Any

from auditor.sources.convert.common import ConvertError, hhmm, new_week, osm_text

_KEY = re.compile(r"^(mon|tue|wed|thu|fri|sat|sun)_(\d)_(open|close)$")
# the Page's temporary_status (Graph API Page reference): no_data says nothing
TEMPORARY = {"temporarily_closed": "temporarily_closed", "operating_as_usual": "open",
             "differently_open": "open"}  # fmt: skip


def hours(value: Any) -> str | None:
    """``{"mon_1_open": "09:00", "mon_1_close": "17:30", "sat_2_open": ...}``."""
    if not isinstance(value, dict) or not value:
        return None
    slots: dict[tuple[str, str], dict[str, str]] = {}
    for key, text in value.items():
        match = _KEY.match(str(key))
        if not match:
            raise ConvertError(f"hours: '{key}' is not a day_N_open/close key")
        slots.setdefault((match[1][:2], match[2]), {})[match[3]] = hhmm(text)
    week = new_week()
    for (day, _n), slot in sorted(slots.items()):
        if "open" not in slot or "close" not in slot:
            raise ConvertError(f"hours: {day} has an opening or a closing time without the other")
        week[day].append((slot["open"], slot["close"]))
    return osm_text(week)


def status(value: Any) -> str | None:
    """``{"permanently_closed": bool, "temporary": temporary_status}``."""
    if not isinstance(value, dict):
        return None
    if value.get("permanently_closed") is True:
        return "closed"
    temporary = str(value.get("temporary") or "").lower()
    if temporary in TEMPORARY:
        return TEMPORARY[temporary]
    return "open" if value.get("permanently_closed") is False else None
