"""Opening hours as people write them in many languages -> one OSM expression, compared by meaning."""

from __future__ import annotations

import pytest

from auditor.normalise.hours import HoursError, hours_to_osm, parse_hours
from auditor.normalise.hours_osm import same_meaning


def reads_as(text: str, expected: str) -> None:
    osm = hours_to_osm(text)
    assert same_meaning(osm, expected), f"{text!r} read as {osm!r}, expected {expected!r}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # English: 12 h clocks, words for days and ranges, noon and midnight
        ("Mon - Fri: 8:00 AM - 6:00 PM\nSat: 9:00 AM - 5:00 PM\nSun: Closed",
         "Mo-Fr 08:00-18:00; Sa 09:00-17:00"),
        ("Tues thru Thurs 10am to 6pm, weekends noon-midnight", "Tu-Th 10:00-18:00; Sa,Su 12:00-24:00"),
        ("Open daily 7 a.m. - 11 p.m.", "Mo-Su 07:00-23:00"),
        ("M-F 9-5", "Mo-Fr 09:00-17:00"),
        # German: Uhr, abbreviations with dots, Ruhetag, täglich
        ("Mo. - Fr. 7:00 - 18:00 Uhr | Sa. 7:00 - 12:00 Uhr", "Mo-Fr 07:00-18:00; Sa 07:00-12:00"),
        ("Dienstag bis Sonntag 11.30–14.30 und 17.30–22 Uhr, Montag Ruhetag",
         "Tu-Su 11:30-14:30,17:30-22:00"),
        ("täglich 10–22 Uhr", "Mo-Su 10:00-22:00"),
        # French: 9h30, du ... au, fermé
        ("Du lundi au vendredi de 8h30 à 12h et de 14h à 18h, le samedi de 9h à 12h",
         "Mo-Fr 08:30-12:00,14:00-18:00; Sa 09:00-12:00"),
        ("lun.-ven. 9h-18h ; sam. 10h-17h ; dim. fermé", "Mo-Fr 09:00-18:00; Sa 10:00-17:00"),
        # Dutch: t/m, uur, gesloten
        ("ma t/m za 9.00 - 18.00 uur, zondag gesloten", "Mo-Sa 09:00-18:00"),
        ("Dagelijks geopend van 10:00 tot 22:00", "Mo-Su 10:00-22:00"),
        # Spanish
        ("Lunes a viernes de 9:00 a 14:00 y de 17:00 a 20:00", "Mo-Fr 09:00-14:00,17:00-20:00"),
        ("Lunes a Sábado: 10:00 - 22:00 h. Domingos y festivos: cerrado", "Mo-Sa 10:00-22:00; Su,PH off"),
        # Italian
        ("Dal lunedì al venerdì dalle 9 alle 18", "Mo-Fr 09:00-18:00"),
        ("Lunedì chiuso, martedì-domenica 12:00-15:00 19:00-23:00", "Tu-Su 12:00-15:00,19:00-23:00"),
        # Portuguese
        ("Segunda a sexta das 9h às 18h", "Mo-Fr 09:00-18:00"),
        ("Seg-Sex: 08:00-18:00 | Sáb: 08:00-12:00", "Mo-Fr 08:00-18:00; Sa 08:00-12:00"),
        # Russian: с ... до, выходной, круглосуточно
        ("Пн-Пт с 9 до 21, Сб-Вс с 10 до 20", "Mo-Fr 09:00-21:00; Sa,Su 10:00-20:00"),
        ("Пн-Пт: 9:00-18:00, Сб-Вс: выходной", "Mo-Fr 09:00-18:00"),
        ("круглосуточно", "24/7"),
        # Japanese: full-width digits, 〜, 定休日, 祝日
        ("月～金 １０：００～１９：００ 土日祝 10:00～17:00", "Mo-Fr 10:00-19:00; Sa,Su,PH 10:00-17:00"),
        ("営業時間 11:00～22:00 定休日 水曜日", "Mo,Tu,Th-Su 11:00-22:00"),
        # Chinese: 周一至周五, 上午/下午, 点
        ("周一至周五 9:00-18:00", "Mo-Fr 09:00-18:00"),
        ("星期一至星期五：上午9点至下午6点", "Mo-Fr 09:00-18:00"),
    ],
)
def test_languages(text: str, expected: str) -> None:
    reads_as(text, expected)


def test_overnight_ranges_continue_into_the_next_day() -> None:
    hours = parse_hours("Friday 11pm - 3am, Sunday 10pm - 4am")
    assert hours["fr"] == (("23:00", "24:00"),)
    assert hours["sa"] == (("00:00", "03:00"),)
    assert hours["su"] == (("22:00", "24:00"),)
    assert hours["mo"] == (("00:00", "04:00"),)
    assert parse_hours("Пт-Сб 22:00-06:00")["su"] == (("00:00", "06:00"),)


def test_lunch_breaks_and_meal_labels() -> None:
    reads_as("Mo-Fr 9-12, 14-18", "Mo-Fr 09:00-12:00,14:00-18:00")
    reads_as("Mon - Fri: 9:00am - 5:00pm (closed for lunch 12-1)", "Mo-Fr 09:00-12:00,13:00-17:00")
    reads_as("Пн-Пт 9:00-18:00, перерыв 13:00-14:00", "Mo-Fr 09:00-13:00,14:00-18:00")
    reads_as("Lunch: Mon-Fri 11:30am-2:30pm; Dinner: Mon-Sat 5pm-10pm",
             "Mo-Fr 11:30-14:30,17:00-22:00; Sa 17:00-22:00")


def test_later_osm_rules_override_earlier_ones() -> None:
    hours = parse_hours("Mo-Sa 10:00-20:00; Tu off")
    assert hours["tu"] == ()
    assert hours["we"] == (("10:00", "20:00"),)
    assert parse_hours("Mo-Su 08:00-18:00; Su 10:00-12:00")["su"] == (("10:00", "12:00"),)


def test_html_breaks_and_newlines_separate_rules() -> None:
    text = "Monday: Closed<br>Tuesday: 11:30 AM – 9:00 PM<br/>Sunday: 11:30 AM – 9:00 PM"
    reads_as(text, "Tu,Su 11:30-21:00")


def test_equivalent_forms_have_one_canonical_string() -> None:
    forms = ["Mo-Fr 09:00-17:00", "Mo,Tu,We,Th,Fr 09:00-17:00", "Monday to Friday 9am-5pm",
             "lundi au vendredi 9h-17h", "Mo-Fr 09:00-17:00; Sa,Su off"]
    assert len({hours_to_osm(f) for f in forms}) == 1


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("banana", "unknown word 'banana'"),
        ("whenever we like", "unknown word 'whenever'"),
        ("Mo 25:00-26:00", "impossible time '25:00'"),
        ("", "empty opening hours"),
    ],
)
def test_unreadable_text_says_why(text: str, reason: str) -> None:
    with pytest.raises(HoursError) as error:
        hours_to_osm(text)
    assert str(error.value) == reason


def test_words_around_the_hours_are_skipped() -> None:
    reads_as("Die Filiale hat dienstags von 8.30 bis 12 Uhr geöffnet.", "Tu 08:30-12:00")
    reads_as("la boulangerie est ouverte tous les jours sauf le mercredi de 6h30 à 19h",
             "Mo,Tu,Th-Su 06:30-19:00")


def test_days_on_one_line_and_times_on_the_next() -> None:
    text = "Monday\n9 AM–5 PM\nTuesday\n9 AM–12 PM, 1–5 PM\nWednesday\nClosed"
    reads_as(text, "Mo 09:00-17:00; Tu 09:00-12:00,13:00-17:00")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mån-Fre 10-18, Lör 10-15, Sön stängt", "Mo-Fr 10:00-18:00; Sa 10:00-15:00"),
        ("pon.-pt. 8:00-16:00, sob. 9:00-13:00", "Mo-Fr 08:00-16:00; Sa 09:00-13:00"),
        ("Senin - Jumat 08.00 - 17.00 WIB", "Mo-Fr 08:00-17:00"),
    ],
)
def test_day_names_of_other_locales_come_from_cldr(text: str, expected: str) -> None:
    reads_as(text, expected)


def test_closing_periods_and_notes() -> None:
    reads_as("Mo-Fr 8:00-12:00 und 13:00-17:00, Sa geschlossen, Betriebsferien im August",
             "Mo-Fr 08:00-12:00,13:00-17:00; Aug off")
    reads_as("Mon-Fri 9-5, closed Christmas Day and New Year's Day", "Mo-Fr 09:00-17:00")
    reads_as("11:00～15:00（L.O.14:30）、17:00～22:00（L.O.21:30）", "11:00-15:00,17:00-22:00")


def test_open_from_a_time_with_no_end() -> None:
    reads_as("Mo-Fr ab 18 Uhr, Sa ab 12 Uhr", "Mo-Fr 18:00+; Sa 12:00+")
    reads_as("Open daily from 10am until late", "10:00+")
    reads_as("from 9 to 5", "09:00-17:00")


def test_a_later_closing_on_some_days() -> None:
    reads_as("Open 7 days: 8am to 8pm (Thursday until 9pm)", "Mo-Su 08:00-20:00; Th 08:00-21:00")
    reads_as("Mo-Fr 9-18 Uhr, Do bis 20 Uhr", "Mo-Fr 09:00-18:00; Th 09:00-20:00")
    reads_as("lundi au samedi 9h-19h, jeudi jusqu'à 21h", "Mo-Sa 09:00-19:00; Th 09:00-21:00")


def test_one_letter_days_where_the_language_makes_them_unambiguous() -> None:
    reads_as("Horario: de L a V de 9:00 a 14:00", "Mo-Fr 09:00-14:00")


def test_a_later_opening_on_some_days() -> None:
    reads_as("11時~19時(土曜・日曜・祝日は10時から)", "Mo-Su 11:00-19:00; Sa,Su,PH 10:00-19:00")
    reads_as("Mo-Fr 9-17, Sa ab 10 Uhr", "Mo-Fr 09:00-17:00; Sa 10:00+")


def test_by_appointment_is_a_note_not_open_hours() -> None:
    assert hours_to_osm("Mo-Fr 9-17, Sa nach Vereinbarung") == 'Mo-Fr 09:00-17:00; Sa "nach vereinbarung"'
    assert parse_hours("Mo-Fr 9-17, Sa nach Vereinbarung")["sa"] == ()
    with pytest.raises(HoursError):
        parse_hours("By appointment only")


def test_a_short_day_name_that_is_also_a_word() -> None:
    assert hours_to_osm("We are open from 10am until late") == "10:00+"
    reads_as("Пн-Пт с 9 до 21, Сб-Вс с 10 до 20", "Mo-Fr 09:00-21:00; Sa,Su 10:00-20:00")
    reads_as("So 10-12", "Su 10:00-12:00")
    reads_as("So hat die Filiale dienstags von 8.30 bis 12 Uhr geöffnet.", "Tu 08:30-12:00")
