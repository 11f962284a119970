"""Public holidays from the real calendar of a country and region, and hours on a given date."""

from __future__ import annotations

import datetime as dt
from datetime import date

from auditor.judge.checks.base import Evidence, Rule, Seen
from auditor.judge.checks.hours_match import check, differing_days
from auditor.normalise.hours import parse_hours
from auditor.normalise.hours_holidays import hours_on, is_public_holiday, public_holidays

EPIPHANY = date(2026, 1, 6)  # a public holiday in Bavaria, not in Berlin


def test_public_holidays_by_country_and_region() -> None:
    assert EPIPHANY in public_holidays("DE", "BY", 2026)
    assert EPIPHANY not in public_holidays("DE", "BE", 2026)
    assert date(2026, 12, 25) in public_holidays("FR", None, 2026)
    assert is_public_holiday(date(2026, 1, 26), "AU", "NSW")  # Australia Day
    assert public_holidays("DE", "no-such-region", 2026) == public_holidays("DE", None, 2026)
    assert public_holidays("XX", None, 2026) == {}


def test_ph_off_is_read_against_the_calendar() -> None:
    hours = "Mo-Sa 09:00-18:00; PH off"
    assert hours_on(EPIPHANY, hours, "DE", "BY") == []
    assert hours_on(EPIPHANY, hours, "DE", "BE") == [("09:00", "18:00")]
    shop = "Mo-Fr 08:00-20:00; PH 10:00-14:00"
    assert hours_on(date(2026, 12, 25), shop, "GB", None) == [("10:00", "14:00")]
    assert hours_on(date(2026, 12, 22), shop, "GB", None) == [("08:00", "20:00")]
    # later rules win: the holiday rule counts only where it comes last
    assert hours_on(date(2026, 5, 1), "PH,Su 10:00-12:00; Mo-Sa 08:00-19:00", "FR") == [("08:00", "19:00")]
    assert hours_on(date(2026, 5, 1), "Mo-Sa 08:00-19:00; PH,Su 10:00-12:00", "FR") == [("10:00", "12:00")]


def test_dated_special_hours() -> None:
    text = "Mo-Su 08:00-18:00; Dec 24 08:00-13:00; Dec 25,Dec 26 off"
    assert hours_on(date(2026, 12, 24), text, "DE", None) == [("08:00", "13:00")]
    assert hours_on(date(2026, 12, 26), text, "DE", None) == []
    assert hours_on(date(2026, 12, 27), text, "DE", None) == [("08:00", "18:00")]


def _evidence(store: dict, fields: dict) -> Evidence:
    seen = {name: Seen(raw, value, "http://site.example/p") for name, (raw, value) in fields.items()}
    row = {"store_id": "S1", "status": "open", **store}
    # the run's day: before the roster's holiday dates, which a past holiday would not be judged on
    return Evidence(store=row, spec=None, observed={"site": {"p": seen}}, today=dt.date(2026, 1, 2))


def _rule(**fields) -> Rule:
    base = {"id": "t.hours", "message": "{observed} vs {expected}", "scope": "site"}
    return Rule.model_validate({**base, **fields})


def test_holiday_rule_reads_ph_off_on_the_page_against_the_store_region() -> None:
    rule = _rule(type="hours_match", field="holiday_hours", compare="holiday")
    page_hours = "Mo-Sa 09:00-18:00; PH off"
    store = {"hours": "Mo-Sa 09:00-18:00", "holiday_hours": "2026-01-06 closed", "country": "DE"}
    week = parse_hours(page_hours).as_dict()
    bavaria = check(rule, _evidence({**store, "state": "BY"}, {"hours": (page_hours, week)}))
    berlin = check(rule, _evidence({**store, "state": "BE"}, {"hours": (page_hours, week)}))
    assert [o.score for o in bavaria] == [1.0]
    assert [o.score for o in berlin] == [0.0]


def test_weekly_rule_compares_by_meaning_and_names_the_days() -> None:
    rule = _rule(type="hours_match", field="hours", compare="hours")
    store = {"hours": "Mo-Fr 09:00-17:00; Sa 10:00-14:00", "country": "FR"}
    same = "lundi au vendredi 9h-17h, samedi 10h-14h"
    other = "lundi au vendredi 9h-17h, samedi 10h-16h"
    ok = check(rule, _evidence(store, {"hours": (same, parse_hours(same).as_dict())}))
    bad = check(rule, _evidence(store, {"hours": (other, parse_hours(other).as_dict())}))
    assert [o.score for o in ok] == [1.0]
    assert bad[0].score == round(6 / 7, 3)
    assert bad[0].note == "differs on Sa"
    assert differing_days(parse_hours("Mo-Fr 9-17").as_dict(), parse_hours("Mo-Th 9-17").as_dict()) == ["fr"]


def test_dated_hours_as_written_in_europe() -> None:
    from auditor.normalise.hours import parse_holiday_hours

    assert parse_holiday_hours("24.12.2026: 9-14 Uhr; 25.12.2026 geschlossen") == {
        "2026-12-24": [["09:00", "14:00"]],
        "2026-12-25": [],
    }
