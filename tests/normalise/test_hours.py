"""Opening hours: every written form a listing uses -> one weekly structure."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from auditor.normalise.hours import (
    DAYS,
    HoursError,
    WeeklyHours,
    format_hours,
    parse_holiday_hours,
    parse_hours,
)

DATA = Path(__file__).parent.parent / "data" / "hours"
WEEKDAYS_9_5 = {**{d: [["09:00", "17:00"]] for d in DAYS[:5]}, "sa": [], "su": []}


@pytest.mark.parametrize(
    "text",
    [
        "Mo-Fr 09:00-17:00",
        "Mon-Fri 9am-5pm",
        "Monday - Friday: 9am – 5pm",
        "Weekdays 9:00 AM to 5:00 PM, weekends closed",
        "Mo-Fr 09H00-17H00",
        "Mo,Tu,We,Th,Fr 9-5",
        "monday to friday 0900-1700",
    ],
)
def test_equivalent_forms_give_one_value(text: str) -> None:
    assert parse_hours(text).as_dict() == WEEKDAYS_9_5


def test_schema_org_specification() -> None:
    spec = [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": ["https://schema.org/Monday", "Tuesday"],
            "opens": "09:00:00",
            "closes": "17:30:00",
        },
        {"dayOfWeek": "http://schema.org/Saturday", "opens": "00:00", "closes": "00:00"},
    ]
    assert parse_hours(spec) == parse_hours("Mo-Tu 09:00-17:30")


def test_overnight_splits_at_midnight_and_24_hours() -> None:
    hours = parse_hours("Fr-Sa 22:00-02:00")
    assert hours["fr"] == (("22:00", "24:00"),)
    assert hours["sa"] == (("00:00", "02:00"), ("22:00", "24:00"))
    assert hours["su"] == (("00:00", "02:00"),)
    assert parse_hours("Open 24 hours") == parse_hours("Mo-Su 00:00-24:00")


def test_split_days_and_closed_days() -> None:
    hours = parse_hours("Mo-Fr 08:00-12:00,13:00-17:30; Sa 09:00-12:00; Su closed")
    assert hours["mo"] == (("08:00", "12:00"), ("13:00", "17:30"))
    assert hours["su"] == ()


@pytest.mark.parametrize("bad", ["", "banana", "Mo 25:00-26:00", "whenever we like"])
def test_unreadable_hours_raise(bad: str) -> None:
    with pytest.raises(HoursError):
        parse_hours(bad)


def test_holiday_hours_text_and_schema_org() -> None:
    assert parse_holiday_hours("2026-12-25 closed; 2026-12-26 10:00-16:00") == {
        "2026-12-25": [],
        "2026-12-26": [["10:00", "16:00"]],
    }
    special = [{"validFrom": "2026-12-24", "validThrough": "2026-12-25"}]
    assert parse_holiday_hours(special) == {"2026-12-24": [], "2026-12-25": []}
    with pytest.raises(HoursError):
        parse_holiday_hours("Christmas closed")


def test_real_osm_values_never_crash() -> None:
    """14,057 messy OpenStreetMap values: each is read or refused with HoursError, nothing else."""
    read = refused = 0
    with (DATA / "osm_opening_hours_failing_values.tsv").open() as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            try:
                parse_hours(row["value"])
                read += 1
            except HoursError:
                refused += 1
    print(f"OSM values read: {read}, refused: {refused}")
    assert read + refused == 14057
    assert read > 3000


@given(
    st.lists(st.tuples(st.integers(0, 23), st.integers(1, 24)), min_size=1, max_size=3),
    st.sets(st.sampled_from(DAYS), min_size=1),
)
def test_format_then_parse_round_trips(ranges: list[tuple[int, int]], days: set[str]) -> None:
    spec = {d: [[f"{a:02d}:00", f"{b:02d}:00"] for a, b in ranges if b > a] for d in days}
    hours = WeeklyHours.from_dict(spec)
    normal = parse_hours(format_hours(parse_hours(hours)))
    assert normal == parse_hours(format_hours(normal))
