"""Holiday hours with their dates written in words, in a country's numeric order, as ranges, or as
the public holiday's name."""

from __future__ import annotations

import datetime as dt

import pytest

from auditor.normalise import NormaliseError, parse_holiday_hours

TODAY = dt.date(2026, 12, 1)


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        ("Thursday, December 24 (Christmas Eve): 11am–4pm", "US", {"2026-12-24": [["11:00", "16:00"]]}),
        ("December 24, 2026: 11am–4pm", "US", {"2026-12-24": [["11:00", "16:00"]]}),
        ("12/24/2026: 11am-4pm", "US", {"2026-12-24": [["11:00", "16:00"]]}),
        ("24/12: 9h-12h", "FR", {"2026-12-24": [["09:00", "12:00"]]}),
        ("Le 24 décembre : 11 h à 16 h", "FR", {"2026-12-24": [["11:00", "16:00"]]}),
        ("31 dicembre 9:00-13:00", "IT", {"2026-12-31": [["09:00", "13:00"]]}),
        ("Heiligabend, 24.12.: 8-12 Uhr", "DE", {"2026-12-24": [["08:00", "12:00"]]}),
        ("1 januari: gesloten", "NL", {"2027-01-01": []}),
        ("Dec 24–26: closed", "US", {"2026-12-24": [], "2026-12-25": [], "2026-12-26": []}),
        ("24.–26.12. geschlossen", "DE", {"2026-12-24": [], "2026-12-25": [], "2026-12-26": []}),
        ("Dec 31 - Jan 2: closed", "US", {"2026-12-31": [], "2027-01-01": [], "2027-01-02": []}),
        ("Christmas Day: closed", "US", {"2026-12-25": []}),
        ("New Year’s Day (Jan 1): closed", "US", {"2027-01-01": []}),
        ("Neujahr: geschlossen", "DE", {"2027-01-01": []}),
        ("Thanksgiving: 10am-2pm", "US", {"2026-11-26": [["10:00", "14:00"]]}),
        ("2026-12-25 closed", "US", {"2026-12-25": []}),
    ],
)
def test_holiday_dates_as_people_write_them(text: str, country: str, expected: dict) -> None:
    assert parse_holiday_hours(text, country, TODAY) == expected


def test_a_date_without_a_year_is_the_next_one_after_the_page_was_read() -> None:
    assert parse_holiday_hours("Jan 6: closed", "US", dt.date(2026, 12, 1)) == {"2027-01-06": []}
    just_past = parse_holiday_hours("Nov 20: closed", "US", dt.date(2026, 12, 1))
    assert just_past == {"2026-11-20": []}


@pytest.mark.parametrize(
    "text", ["Sometime soon: 10-12", "Our baker's day: closed", "Eerste en laatste dag: gesloten"]
)
def test_a_line_naming_no_day_the_auditor_can_place_is_unread(text: str) -> None:
    with pytest.raises(NormaliseError, match="no date"):
        parse_holiday_hours(text, "US", TODAY)


def test_a_festive_list_with_usual_hours_lines_and_saints_days() -> None:
    text = "Christmas Eve: usual hours\nChristmas Day: closed\nSt Stephen's Day: 12pm – 11pm"
    assert parse_holiday_hours(text, "IE", TODAY) == {"2026-12-25": [], "2026-12-26": [["12:00", "23:00"]]}


MORNING, SHORT_DAY = ["08:00", "12:00"], ["09:00", "15:00"]


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        ("Eerste en Tweede Kerstdag gesloten.", "NL", {"2026-12-25": [], "2026-12-26": []}),
        ("Gesloten op 1e en 2e Kerstdag", "NL", {"2026-12-25": [], "2026-12-26": []}),
        ("Geschlossen am 25.12. und 26.12.", "DE", {"2026-12-25": [], "2026-12-26": []}),
        ("Am 2. Weihnachtstag geschlossen", "DE", {"2026-12-26": []}),
        ("Heiligabend und Silvester geschlossen", "DE", {"2026-12-24": [], "2026-12-31": []}),
        ("24. und 31.12.: 8-12 Uhr", "DE", {"2026-12-24": [MORNING], "2026-12-31": [MORNING]}),
        ("Fermé le 25 décembre et le 1er janvier.", "FR", {"2026-12-25": [], "2027-01-01": []}),
        ("Fermé les 25 et 26 décembre", "FR", {"2026-12-25": [], "2026-12-26": []}),
        ("Closed on Christmas Day and New Year's Day", "GB", {"2026-12-25": [], "2027-01-01": []}),
        ("December 24 and 31: 9am-3pm", "US", {"2026-12-24": [SHORT_DAY], "2026-12-31": [SHORT_DAY]}),
        ("Christmas Eve: closed", "US", {"2026-12-24": []}),
    ],
)
def test_several_days_given_one_status(text: str, country: str, expected: dict) -> None:
    assert parse_holiday_hours(text, country, TODAY) == expected


def test_a_list_with_a_day_that_cannot_be_read_is_no_reading() -> None:
    with pytest.raises(NormaliseError):
        parse_holiday_hours("Geschlossen am 25.12. und am Tag danach", "DE", TODAY)


def test_closed_on_every_public_holiday_names_the_countrys_holidays() -> None:
    reading = parse_holiday_hours("Fermé les jours fériés", "FR", TODAY)
    assert reading["2026-12-25"] == [] and reading["2027-07-14"] == []
    assert "2026-12-24" not in reading
    german = parse_holiday_hours("An Feiertagen geschlossen; 24.12.: 8-12 Uhr", "DE", TODAY)
    assert german["2026-12-26"] == [] and german["2026-12-24"] == [["08:00", "12:00"]]
    with pytest.raises(NormaliseError):
        parse_holiday_hours("Closed on holidays", None, TODAY)  # whose holidays?


def test_a_holiday_opening_without_a_closing_time_keeps_its_end_unknown() -> None:
    assert parse_holiday_hours("ANZAC Day: from 1pm", "AU", TODAY) == {"2027-04-25": [["13:00", "+"]]}
