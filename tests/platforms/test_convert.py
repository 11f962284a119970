# ruff: noqa: E501 (platform values, one a line)
"""Each platform's hours, special days and status values to the auditor's forms: several ranges a
day, overnight ranges, days left out (closed), dated special days, unknown values as reasons."""

from __future__ import annotations

import pytest

from auditor.normalise.hours import parse_holiday_hours, parse_hours
from auditor.sources.convert import (
    ConvertError,
    converter,
    facebook,
    foursquare,
    google_business_profile,
    google_places,
    osm,
)
from auditor.sources.convert import apple_business_connect as apple


def week(text: str) -> dict:
    return {d: list(r) for d, r in parse_hours(text).days.items()}


def test_google_business_profile_periods_overnight_and_split_days() -> None:
    value = {"periods": [
        {"openDay": "MONDAY", "openTime": {"hours": 9}, "closeDay": "MONDAY", "closeTime": {"hours": 12}},
        {"openDay": "MONDAY", "openTime": {"hours": 13, "minutes": 30}, "closeDay": "MONDAY",
         "closeTime": {"hours": 18}},
        {"openDay": "FRIDAY", "openTime": {"hours": 18}, "closeDay": "SATURDAY", "closeTime": {"hours": 2}},
        {"openDay": "SATURDAY", "openTime": {}, "closeDay": "SUNDAY", "closeTime": {}},
    ]}  # fmt: skip
    text = google_business_profile.hours(value)
    assert text == "Mo 09:00-12:00,13:30-18:00; Fr 18:00-02:00; Sa 00:00-24:00"
    assert week(text)["mo"] == [("09:00", "12:00"), ("13:30", "18:00")]


def test_google_business_profile_special_hours_and_status() -> None:
    value = {"specialHourPeriods": [
        {"startDate": {"year": 2026, "month": 12, "day": 24}, "openTime": {"hours": 9},
         "endDate": {"year": 2026, "month": 12, "day": 24}, "closeTime": {"hours": 13}},
        {"startDate": {"year": 2026, "month": 12, "day": 25}, "endDate": {"year": 2026, "month": 12, "day": 26},
         "closed": True},
    ]}  # fmt: skip
    text = google_business_profile.special_hours(value)
    assert parse_holiday_hours(text) == {"2026-12-24": [["09:00", "13:00"]], "2026-12-25": [], "2026-12-26": []}
    assert google_business_profile.status("CLOSED_TEMPORARILY") == "temporarily_closed"
    assert google_business_profile.status("OPEN_FOR_BUSINESS_UNSPECIFIED") is None
    with pytest.raises(ConvertError, match="status 'CLOSED_FOREVER'"):
        google_business_profile.status("CLOSED_FOREVER")
    assert google_business_profile.categories({"primaryCategory": {"displayName": "Café"},
                                               "additionalCategories": [{"displayName": "Bakery"}]}) == "Café; Bakery"


def test_places_sunday_first_days_special_days_and_round_the_clock() -> None:
    regular = {"periods": [{"open": {"day": 0, "hour": 10, "minute": 0}, "close": {"day": 0, "hour": 16, "minute": 0}},
                           {"open": {"day": 5, "hour": 20, "minute": 0}, "close": {"day": 6, "hour": 1, "minute": 30}}]}
    assert google_places.hours(regular) == "Fr 20:00-01:30; Su 10:00-16:00"
    assert google_places.hours({"periods": [{"open": {"day": 0, "hour": 0, "minute": 0}}]}) == "24/7"
    current = {"specialDays": [{"date": {"year": 2026, "month": 12, "day": 25}},
                               {"date": {"year": 2026, "month": 12, "day": 31}}],
               "periods": [{"open": {"day": 4, "hour": 9, "minute": 0, "date": {"year": 2026, "month": 12, "day": 31}},
                            "close": {"day": 4, "hour": 15, "minute": 0, "date": {"year": 2026, "month": 12, "day": 31}}},
                           {"open": {"day": 1, "hour": 7, "minute": 0, "date": {"year": 2026, "month": 12, "day": 28}},
                            "close": {"day": 1, "hour": 19, "minute": 0}}]}  # fmt: skip
    assert google_places.special_days(current) == "2026-12-25 closed; 2026-12-31 09:00-15:00"
    assert google_places.status("OPERATIONAL") == "open"
    assert google_places.status("CLOSED_TEMPORARILY") == "temporarily_closed"
    assert google_places.status("BUSINESS_STATUS_UNSPECIFIED") is None


def test_foursquare_facebook_apple_and_osm() -> None:
    assert foursquare.hours({"regular": [{"day": 1, "open": "0700", "close": "1900"},
                                         {"day": 2, "open": "0700", "close": "1900"},
                                         {"day": 6, "open": "2000", "close": "+0200"}]}) == "Mo,Tu 07:00-19:00; Sa 20:00-02:00"
    assert foursquare.status({"closed": "2025-03-01"}) == "closed" and foursquare.status({"closed": None}) == "open"
    assert foursquare.status({"closed": None, "bucket": "VeryLikelyClosed"}) == "closed"
    assert foursquare.status({"closed": None, "bucket": "Unsure"}) is None
    assert foursquare.status({"closed": None, "bucket": "LikelyOpen"}) == "open"
    hours = {"mon_1_open": "08:00", "mon_1_close": "12:00", "mon_2_open": "13:00", "mon_2_close": "17:00",
             "tue_1_open": "08:00", "tue_1_close": "12:00", "tue_2_open": "13:00", "tue_2_close": "17:00",
             "wed_1_open": "08:00", "wed_1_close": "12:00", "wed_2_open": "13:00", "wed_2_close": "17:00"}
    assert facebook.hours(hours) == "Mo-We 08:00-12:00,13:00-17:00"
    with pytest.raises(ConvertError, match="without the other"):
        facebook.hours({"mon_1_open": "08:00"})
    assert facebook.status({"permanently_closed": False, "temporary": "temporarily_closed"}) == "temporarily_closed"
    assert facebook.status({"permanently_closed": True, "temporary": "operating_as_usual"}) == "closed"
    assert facebook.status({"permanently_closed": False, "temporary": "differently_open"}) == "open"
    assert facebook.status({"temporary": "no_data"}) is None
    by_day = [{"day": "SUNDAY", "times": [{"startTime": "10:00", "endTime": "16:00"}]}]
    assert apple.hours(by_day) == "Su 10:00-16:00"
    assert apple.special_hours([{"startDate": "2026-12-24", "endDate": "2026-12-25", "closed": True}]) == \
        "2026-12-24 closed; 2026-12-25 closed"
    assert apple.status("TEMPORARILY_CLOSED") == "temporarily_closed"
    assert osm.status({"disused:shop": "furniture", "name": "X"}) == "closed"
    assert osm.status({"shop": "furniture"}) == "open" and osm.status({"name": "X"}) is None


def test_bad_values_say_why() -> None:
    with pytest.raises(ConvertError, match="'2561' is not a time of day"):
        foursquare.hours({"regular": [{"day": 1, "open": "2561", "close": "1700"}]})
    with pytest.raises(ConvertError, match="day 9"):
        foursquare.hours({"regular": [{"day": 9, "open": "0700", "close": "1900"}]})
    with pytest.raises(ValueError, match="no converter module 'tripbook'"):
        converter("tripbook.hours")
    assert converter("foursquare.hours") is foursquare.hours
