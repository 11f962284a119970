"""Nights past midnight: OSM's rule, and free text read as a person reads it.

The OSM specification (and opening-hours-py) let a rule after ';' override its days whole, the hours
past midnight of the night before included ('22:00-02:00; Th 12:00-14:00' is closed at 01:00 on
Thursday); ',' adds a rule without overriding. An OSM value is read by that rule. Free text saying
'Friday 10pm-4am, Saturday 10am-6pm' means the Friday night runs to 4 on Saturday morning, so the
front end writes the later days with ','.
"""

from __future__ import annotations

from auditor.normalise.hours import hours_to_osm, parse_hours


def test_osm_value_keeps_the_specification() -> None:
    week = parse_hours("Fr 22:00-04:00; Sa 10:00-18:00")
    assert week["sa"] == (("10:00", "18:00"),)
    assert parse_hours("Fr 22:00-04:00, Sa 10:00-18:00")["sa"] == (("00:00", "04:00"), ("10:00", "18:00"))


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


def test_a_later_rule_for_the_same_day_still_overrides() -> None:
    osm = hours_to_osm("Mo-Fr 18:00-02:00, Mi 18:00-24:00")
    assert parse_hours(osm)["we"] == (("18:00", "24:00"),)
