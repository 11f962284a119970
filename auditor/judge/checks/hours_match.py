"""hours_match: opening hours (or holiday hours) shown vs the roster's, partial credit per day.

Weekly hours are compared by meaning, day by day (the normalised weekly intervals, so
``Mo-Fr 9-17``, ``Monday - Friday: 9am – 5pm`` and ``lundi au vendredi 9h-17h`` are equal); a
difference names the days that differ. Holiday hours are compared date by date; a page that shows
no dated hours but whose opening hours speak of holidays (``PH off``) or dates is read for each
roster date against the real public-holiday calendar of the store's country and region.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from auditor.judge.checks._expected import expected_value
from auditor.judge.checks.base import Evidence, Outcome, Rule, Seen, not_applicable
from auditor.normalise import WeeklyHours, format_hours
from auditor.normalise.hours import DAYS, OPEN_END, HoursError, hours_to_osm
from auditor.normalise.hours_holidays import hours_on
from auditor.normalise.hours_osm import OsmError
from auditor.sources.settings import within_window


def _day_ranges(value: dict[str, Any], day: str) -> list[list[str]]:
    return [list(r) for r in value.get(day, [])]


def differing_days(expected: dict[str, Any], found: dict[str, Any]) -> list[str]:
    """Days (``mo``..``su``) whose open ranges differ."""
    return [d for d in DAYS if _day_ranges(expected, d) != _day_ranges(found, d)]


def _weekly(ev: Evidence, rule: Rule, source: str) -> list[Outcome]:
    expected = expected_value(ev.store, "hours", ev.country)
    seen = [f["hours"] for f in ev.observed.get(source, {}).values() if "hours" in f and f["hours"].value]
    if expected is None:
        return [not_applicable(source, "the roster has no hours")]
    if not seen:
        return [not_applicable(source, ev.field_gap(source, "hours"))]  # "hours unreadable on X: <why>"
    worst = None
    for found in seen:
        days = differing_days(expected, found.value)
        score = round(1 - len(days) / len(DAYS), 3)
        if worst is None or score < worst[0]:
            worst = (score, found, days)
    score, found, days = worst
    if score >= 1.0:
        return [Outcome(source, 1.0, url=found.url, field="hours")]
    return [
        Outcome(
            source,
            score,
            format_hours(WeeklyHours.from_dict(expected)),
            format_hours(WeeklyHours.from_dict(found.value)),
            found.url,
            "hours",
            note="differs on " + ", ".join(d.title() for d in days),
        )
    ]


_SPEAKS_OF_DATES = re.compile(r"\b(?:PH|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|easter|\d{4})\b")


def _calendar_reading(hours: Seen | None, expected: dict[str, Any], ev: Evidence) -> dict[str, Any] | None:
    """Date -> ranges read from the page's regular hours when they name holidays or dates, else None."""
    if hours is None or not hours.raw:
        return None
    try:
        osm = hours_to_osm(hours.raw)
    except HoursError:
        return None
    if not _SPEAKS_OF_DATES.search(re.sub(r'"[^"]*"', "", osm)):
        return None
    region = str(ev.store.get("state") or ev.store.get("region") or "") or None
    shown: dict[str, Any] = {}
    try:
        for day in expected:
            shown[day] = [list(r) for r in hours_on(date.fromisoformat(day), osm, ev.country, region)]
    except (ValueError, OsmError):
        return None
    return shown


def _holiday(ev: Evidence, rule: Rule, source: str) -> list[Outcome]:
    expected = expected_value(ev.store, "holiday_hours", ev.country)
    pages = ev.observed.get(source, {})
    if expected is None:
        return [not_applicable(source, "the roster has no holiday hours")]
    today = ev.today or date.today()
    coming = {day: ranges for day, ranges in expected.items() if day >= today.isoformat()}
    if not coming:  # a holiday past is no longer shown by a source that keeps itself up to date
        return [not_applicable(source, f"every roster holiday date is before {today.isoformat()}")]
    expected, window = within_window(coming, ev.spec, source, today)
    if not expected:
        return [not_applicable(source, f"{source} shows dated hours only {window} days ahead: "
                               "no roster holiday date falls in them")]  # fmt: skip
    if not pages:
        return [not_applicable(source, ev.field_gap(source, "holiday_hours"))]
    worst = None
    for _entity, fields in pages.items():
        url = next(iter(fields.values())).url
        if "hours" not in fields:
            continue  # the page's hours could not be read at all: a gap, not missing holiday hours
        found = fields.get("holiday_hours")
        if (found is not None and found.value is None) or (found is None and ev.partial_read(source)):
            continue  # unreadable, or the page was read in part: a gap with its reason, not missing
        raw = found.raw if found else "none shown"
        shown = (found.value or {}) if found else None
        if shown is None:
            shown = _calendar_reading(fields.get("hours"), expected, ev)
            raw = f"{fields['hours'].raw} (on each date, with {ev.country} public holidays)" if shown else raw
            if shown is None and not ev.carries(source, "holiday_hours"):
                continue  # no page of the source shows holiday hours: not this store's fault
        shown = shown or {}
        same = sum(_same_day(shown.get(day), ranges) for day, ranges in expected.items())
        score = round(same / len(expected), 3)
        if worst is None or score < worst[0]:
            worst = (score, url, raw, shown)
    if worst is None:
        if not ev.carries(source, "holiday_hours"):
            return [not_applicable(source, f"{source} does not show holiday hours")]
        unread = any("holiday_hours" in f for f in pages.values())
        return [not_applicable(source, ev.field_gap(source, "holiday_hours" if unread else "hours"))]
    score, url, raw, shown = worst
    text = "; ".join(f"{d} {_day_hours(r)}" for d, r in expected.items())
    if score < 1.0 and shown:  # say which dates differ and how, not only what the source wrote
        wrong = [f"{d} {_day_hours(shown[d]) if d in shown else 'not shown'}"
                 for d, r in expected.items() if not _same_day(shown.get(d), r)]  # fmt: skip
        raw = f"{'; '.join(wrong)} (as written: {raw})"
    return [Outcome(source, score, text, raw, url, "holiday_hours")]


def _day_hours(ranges: list) -> str:
    if not ranges:
        return "closed"
    return ",".join(f"from {a}" if b == OPEN_END else f"{a}-{b}" for a, b in ranges)


def _same_day(shown: list | None, wanted: list) -> bool:
    """A source's hours on one date against the roster's; a range the source gives only an
    opening for ("from 1pm") agrees when the opening does."""
    if shown is None:
        return False
    if shown and any(end == OPEN_END for _start, end in shown):
        return [start for start, _end in shown] == [start for start, _end in wanted]
    return shown == wanted


def check(rule: Rule, ev: Evidence) -> list[Outcome]:
    if ev.is_closed:
        return []
    reader = _holiday if rule.compare == "holiday" else _weekly
    return [o for source in ev.sources_for(rule) for o in reader(ev, rule, source)]
