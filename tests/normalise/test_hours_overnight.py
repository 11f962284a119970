"""Nights past midnight, read as the people who write them mean them.

The OSM specification (and opening-hours-py) let a rule after ';' override its days whole, the hours
past midnight of the night before included ('22:00-02:00; Th 12:00-14:00' is closed at 01:00 on
Thursday). Rosters, pages and mappers writing 'Fr,Sa 11:00-02:00; Su 12:00-22:00' mean Saturday
night until 02:00, as the same hours written in words do, so the night is kept (see
``auditor.normalise.hours_spill``); a night whose own day a later rule overrides has gone with it.
Free text saying 'Friday 10pm-4am, Saturday 10am-6pm' is written with ',' by the front end.
"""

from __future__ import annotations

from auditor.normalise.hours import hours_to_osm, parse_hours


def test_an_osm_night_is_kept_when_a_later_rule_names_the_next_day() -> None:
    night = (("00:00", "04:00"), ("10:00", "18:00"))
    assert parse_hours("Fr 22:00-04:00; Sa 10:00-18:00")["sa"] == night
    assert parse_hours("Fr 22:00-04:00, Sa 10:00-18:00")["sa"] == night
    written = parse_hours("Mo-Th 11:00-23:00; Fr,Sa 11:00-02:00; Su 12:00-22:00")
    assert written == parse_hours("Mon-Thu 11am-11pm, Fri-Sat 11am-2am, Sun 12pm-10pm")
    assert hours_to_osm("Fr,Sa 11:00-02:00; Su 12:00-22:00") == "Fr,Sa 11:00-02:00; Su 12:00-22:00"



def test_free_text_night_runs_into_the_next_day() -> None:
    week = parse_hours("Friday 10pm-4am\nSaturday 10am-6pm")
    assert week["fr"] == (("22:00", "24:00"),)
    assert week["sa"] == (("00:00", "04:00"), ("10:00", "18:00"))


def test_every_night_of_a_bar() -> None:
    week = parse_hours("Mon-Thu 5pm-1am; Fri 5pm-3am; Sat 12pm-3am; Sun 12pm-11pm")
    assert week["mo"] == (("17:00", "24:00"),)  # Sunday closes at 23:00
    assert week["fr"] == (("00:00", "01:00"), ("17:00", "24:00"))
    assert week["su"] == (("00:00", "03:00"), ("12:00", "23:00"))


def test_a_night_before_a_closed_day_still_ends_after_midnight() -> None:
    assert parse_hours("Fri 6pm-2am, Sat closed")["sa"] == (("00:00", "02:00"),)


def test_a_later_rule_for_the_same_day_still_overrides_that_day() -> None:
    osm = hours_to_osm("Mo-Fr 18:00-02:00, Mi 18:00-24:00")
    assert parse_hours(osm)["we"] == (("00:00", "02:00"), ("18:00", "24:00"))  # Tuesday's night, then its own
