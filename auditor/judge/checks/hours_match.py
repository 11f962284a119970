"""hours_match: opening hours (or holiday hours) shown vs the roster's, partial credit per day."""

from __future__ import annotations

from auditor.judge.checks._expected import expected_value
from auditor.judge.checks.base import Evidence, Outcome, Rule, not_applicable
from auditor.normalise import WeeklyHours, format_hours


def _weekly(ev: Evidence, rule: Rule, source: str) -> list[Outcome]:
    expected = expected_value(ev.store, "hours", ev.country)
    seen = [f["hours"] for f in ev.observed.get(source, {}).values() if "hours" in f and f["hours"].value]
    if expected is None:
        return [not_applicable(source, "the roster has no hours")]
    if not seen:
        return [not_applicable(source, ev.field_gap(source, "hours"))]  # "hours unreadable: <why>" ...
    worst = None
    for found in seen:
        same = sum(expected.get(d, []) == found.value.get(d, []) for d in expected)
        score = round(same / len(expected), 3)
        if worst is None or score < worst[0]:
            worst = (score, found)
    score, found = worst
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
        )
    ]


def _holiday(ev: Evidence, rule: Rule, source: str) -> list[Outcome]:
    expected = expected_value(ev.store, "holiday_hours", ev.country)
    pages = ev.observed.get(source, {})
    if expected is None:
        return [not_applicable(source, "the roster has no holiday hours")]
    if not pages:
        return [not_applicable(source, ev.field_gap(source, "holiday_hours"))]
    if not ev.carries(source, "holiday_hours"):  # no page of the source shows any: not a store's fault
        return [not_applicable(source, f"{source} does not show holiday hours")]
    worst = None
    for _entity, fields in pages.items():
        url = next(iter(fields.values())).url
        if "hours" not in fields:
            continue  # the page's hours could not be read at all: a gap, not missing holiday hours
        found = fields.get("holiday_hours")
        if (found is not None and found.value is None) or (found is None and ev.partial_read(source)):
            continue  # unreadable, or the page was read in part: a gap with its reason, not missing
        shown = (found.value or {}) if found else {}
        same = sum(shown.get(day) == ranges for day, ranges in expected.items())
        score = round(same / len(expected), 3)
        if worst is None or score < worst[0]:
            worst = (score, url, found.raw if found else "none shown")
    if worst is None:
        unread = any("holiday_hours" in f for f in pages.values())
        return [not_applicable(source, ev.field_gap(source, "holiday_hours" if unread else "hours"))]
    score, url, raw = worst
    text = "; ".join(
        f"{d} {'closed' if not r else ','.join('-'.join(x) for x in r)}" for d, r in expected.items()
    )
    return [Outcome(source, score, text, raw, url, "holiday_hours")]


def check(rule: Rule, ev: Evidence) -> list[Outcome]:
    if ev.is_closed:
        return []
    reader = _holiday if rule.compare == "holiday" else _weekly
    return [o for source in ev.sources_for(rule) for o in reader(ev, rule, source)]
