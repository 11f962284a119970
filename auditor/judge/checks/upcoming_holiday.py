"""upcoming_holiday: before a public holiday of the store's country and region (the ``holidays``
library), a listing should say how the store opens that day. Judged for the holidays within
``days_ahead`` days (default 14) of the run that the roster gives no holiday hours for (those
the ``hours.holiday`` rule compares), on sources that show holiday hours at all; with
``platforms_only`` (default true) only on platform sources, where a day left out is shown with
the regular hours and a "hours may differ" warning."""

from __future__ import annotations

import datetime as dt

from auditor.judge.checks.base import Evidence, Outcome, Rule, not_applicable
from auditor.normalise.hours_holidays import public_holidays
from auditor.sources.settings import within_window


def upcoming(country: str, region: str, today: dt.date, days: int) -> dict[str, str]:
    """ISO date -> holiday name for the holidays from ``today`` to ``days`` days ahead."""
    last = today + dt.timedelta(days=days)
    found: dict[str, str] = {}
    for year in range(today.year, last.year + 1):
        for day, name in public_holidays(country, region, year).items():
            if today <= day <= last:
                found[day.isoformat()] = name
    return found


def _platform_sources(ev: Evidence) -> set[str]:
    return {str(s.id) for s in getattr(ev.spec, "sources", None) or [] if getattr(s, "platform", None)}


def check(rule: Rule, ev: Evidence) -> list[Outcome]:
    today = getattr(ev, "today", None) or dt.date.today()
    region = str(ev.store.get("state") or ev.store.get("region") or "")
    holidays = upcoming(ev.country, region, today, int(rule.option("days_ahead", 14)))
    roster_days = str(ev.store.get("holiday_hours") or "")
    holidays = {day: name for day, name in holidays.items() if day not in roster_days}
    if not holidays or ev.is_closed:
        return []
    sources = ev.sources_for(rule)
    if rule.option("platforms_only", True):
        platforms = _platform_sources(ev)
        sources = [s for s in sources if s in platforms]
    outcomes = []
    for source in sources:
        if not ev.carries(source, "holiday_hours"):
            continue
        shows, _window = within_window(holidays, ev.spec, source, today)  # what it can show yet
        if not shows:
            continue
        expected = "hours set for " + ", ".join(f"{name} ({day})" for day, name in sorted(shows.items()))
        for _entity, fields in sorted(ev.observed.get(source, {}).items()):
            seen = fields.get("holiday_hours")
            if seen is not None and seen.value is None:
                note = f"holiday hours unreadable on {source}: {seen.problem}"
                outcomes.append(not_applicable(source, note))
                continue
            shown = seen.value if seen is not None and isinstance(seen.value, dict) else {}
            url = next(iter(fields.values())).url
            missing = [f"{name} ({day})" for day, name in sorted(shows.items()) if day not in shown]
            observed = ", ".join(missing) if missing else "set"  # the holidays it gives no hours for
            score = 0.0 if missing else 1.0
            outcomes.append(Outcome(source, score, expected, observed, url, "holiday_hours"))
    return outcomes
