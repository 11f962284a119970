"""What a person cannot place in the week stays unread, with its reason: a wrong reading is a false claim."""

from __future__ import annotations

import pytest

from auditor.normalise.hours import HoursError, hours_to_osm, parse_hours


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("10:00 - 18:00 (Summer), 10:00 - 16:00 (Winter)", "seasonal hours without their dates"),
        ("Horaires d'été : 9h-19h", "seasonal hours without their dates"),
        ("4th Wed. 11:00 AM - 12:00 PM", "a weekday of the month"),
        ("1er samedi du mois 9h-12h", "a weekday of the month"),
        ("Fr 09-00:17:30", "unreadable clock time"),
        ("18:00-22:30 Su-Tu, Fr-Sa", "no times read for Fr-Sa"),
        ("Mo-Fr: 8:00; Sa: 8:00-12:00", "no time range read for Mo-Fr"),
        ("M-F 9-5, S 10-2", "days not read: 's'"),
        ("Jen-Nov 12:00-23:00", "days not read: 'jen'"),
        ("11:00-21:30(20:00 on weekend)", "a time in brackets for some days"),
        ("Mo-Fr 8:00-17:00; Sa 9:00-1?:?0", "unreadable clock time"),
        ("März-Anfang Januar: Di-So 10:00-17:00; Mo geschlossen", "dates not read"),
        ("Даваа-Баасан 10.00-19.00, Бямба 11.00-18.00", "days not read"),
        ("Mo-Fr 9-17, Sa open", "Sa said open with no hours"),
        ("WD 9:00-19:00; Sa,Su 8:30-18:00; Mo,Tu[3] OFF", "a weekday of the month"),
        ("Mo-Sa ?; Su 09:00-17:00", "hours written as unknown"),
        ("Mo - Fr 8:00 - 20:00?Sut 9:00 - 15:00", "days not read: 'sut'"),
        ("12:00-14:00, 19:30-21:30 sauf Mardi soir et Mercredi", "a part of a day in an exception"),
        ("Mo-Fr 9-18, Mi nachmittags geschlossen", "where We closes for the afternoon is not said"),
        ("closed Wednesday afternoon", "closed for the afternoon on We, with no hours said"),
        ("H-P: 9-17 Sz: 9-12", "days not read"),
        ("Mo-Th 9:00-16:00; Pt 9:00-15:00", "days not read: 'pt'"),
        ("Tu-Su ??:00-15:00", "unreadable clock time"),
        ("9.00-13.00 16.20.00", "unreadable clock time"),
        ("Mo-Fo 06:00-23:00", "days not read: 'fo'"),
        ("9 AM - 5 PM, M T Th F Sa", "days not read"),
        ("5.00pm - 9.00pm T - Su, Closed M", "days not read: 't'"),
    ],
)
def test_refused_with_reason(text: str, reason: str) -> None:
    with pytest.raises(HoursError, match=reason):
        hours_to_osm(text)


@pytest.mark.parametrize("text", ["Saturdays", "Giorno di chiusura: mercoledì", "Mo-Fr"])
def test_days_without_hours_give_no_weekly_hours(text: str) -> None:
    with pytest.raises(HoursError, match="days named without their hours"):
        parse_hours(text)


def test_closed_days_alone_give_no_weekly_hours() -> None:
    with pytest.raises(HoursError, match="only closed days named"):
        parse_hours("Closed Sunday and Monday")
    assert parse_hours("Geschlossen").as_dict()["mo"] == []  # closed, every day


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Horario de verano, del 29 de marzo al 15 de septiembre, de 9 a 20 h", "Mar 29-Sep 15 09:00-20:00"),
        ("Sa-Su 24/7", "Sa,Su 00:00-24:00"),
        ("10 am - 9 pm; Close on Wednesday", "Mo,Tu,Th-Su 10:00-21:00"),
        ("Mon-Wed 9.30-18.30, Fri 09-00-18-00", "Mo-We 09:30-18:30; Fr 09:00-18:00"),
        ("Sa 09::00-17:00", "Sa 09:00-17:00"),
        ("пн-чт с 7.00 до 24.00. Пт-сб с 7.00 до 2.00", "Mo-Th 07:00-24:00, Fr,Sa 07:00-02:00"),
        ("11h a 15h 18h a 1h", "11:00-15:00,18:00-01:00"),
        ("AM9:00-PM10:00", "09:00-22:00"),
        ("11am-9pm M-Sat;11am-8pm Sun", "Mo-Sa 11:00-21:00; Su 11:00-20:00"),
        ("Jeudi-vendredi 9h12h + 14h-18h", "Th,Fr 09:00-12:00,14:00-18:00"),
        ("(一)~(五)8:30~12:00/16:00~21:00 (六)8:30~12:00", "Mo-Fr 08:30-12:00,16:00-21:00; Sa 08:30-12:00"),
        ("11h30/15h (fecha dom.)", "Mo-Sa 11:30-15:00"),
        ("9-3:30 M - F, Closed Sat & Sun", "Mo-Fr 09:00-15:30"),
        ("H-P: 8:00-17:00, Szo: 8:00-12:00, V: zárva", "Mo-Fr 08:00-17:00; Sa 08:00-12:00"),
        ("E-R 9-17, L 9-15", "Mo-Fr 09:00-17:00; Sa 09:00-15:00"),
        ("07:30 - 16;30", "07:30-16:30"),
        ("Будні - 07:00-22:00. Вихідні 09:00-22:00", "Mo-Fr 07:00-22:00; Sa,Su 09:00-22:00"),
        ("Lunes a Viernes9:00 a.m. - 5:00 p.m.Sábado9:00 a.m. - 12:30 p.m",
         "Mo-Fr 09:00-17:00; Sa 09:00-12:30"),
        ("8am - Midnite Daily", "Mo-Su 08:00-24:00"),
        ("Lunch Mon to Fri, 12:00nn – 3:00pm", "Mo-Fr 12:00-15:00"),
        ("We 16:00-20:00 Jul-Sep", "Jul-Sep We 16:00-20:00"),
        ("Mon-Sat 09:00 -Midnight, Sunday 10:00 - Midnight", "Mo-Sa 09:00-24:00; Su 10:00-24:00"),
        ("10:00-18:00 Apr-Sep; Mo closed", "Apr-Sep Tu-Su 10:00-18:00"),
        ("Mo-Fr 09:00-13:00,16:30.20:30; Sa 09:00-13:00", "Mo-Fr 09:00-13:00,16:30-20:30; Sa 09:00-13:00"),
        ("Dec-Feb 08:30-20:30 Mo-Fr; Jun-Aug 08:30-14:30 Mo-Su",
         "Dec-Feb Mo-Fr 08:30-20:30; Jun-Aug 08:30-14:30"),
        ("Domingos: 10:00-14:00 sólo julio, agosto y septiembre", "Jul-Sep Su 10:00-14:00"),
        ("De segunda feira a Sexta Feira de 10:00hs as 15:00hs.", "Mo-Fr 10:00-15:00"),
        ("11:30～15:00 17:30～23:30頃 Lunch（休）火曜日", "Mo,We-Su 11:30-15:00,17:30-23:30"),
        ("11:00～15:00 18:00～23:00,月曜定休,日曜営業", "Tu-Su 11:00-15:00,18:00-23:00"),
        ("Lunch: Mon-Fri 11:00 - 14:00 Dinner: Tue-Sun 17:00 - late",
         "Mo-Fr 11:00-14:00, Tu-Su 17:00+"),
        ("Mon - Fri7:00 am - 7:00 pmSat8:00 am - 5:00 pm", "Mo-Fr 07:00-19:00; Sa 08:00-17:00"),
        ("lundi après-midi au samedi soir de 09:00-12:00,14:00-19:00", "Mo-Sa 09:00-12:00,14:00-19:00"),
        ("９：００～１８：００（土・日・祝日除く）", "Mo-Fr 09:00-18:00; PH off"),
        ("Mondays to Fridays - 09:00 to 18:00 excl. Public Holidays", "Mo-Fr 09:00-18:00; PH off"),
        ("Czynne całą dobę", "24/7"),
        ("10:00～21:00（土日祝は9:00～）", "Mo-Fr 10:00-21:00; Sa,Su,PH 09:00-21:00"),
        ("11:00～22:00（日曜は21時まで）", "Mo-Sa 11:00-22:00; Su 11:00-21:00"),
        ("Mo-Fr 9.00-12.00 Uhr & 14.00-18.00 Uhr, Mi nachmittags geschlossen",
         "Mo,Tu,Th,Fr 09:00-12:00,14:00-18:00; We 09:00-12:00"),
        ("11H à 14H 18H à 23H fermé le dimanche midi", "Mo-Sa 11:00-14:00,18:00-23:00; Su 18:00-23:00"),
        ("Mon-Fri 9am-5pm, Saturday morning 9-12", "Mo-Fr 09:00-17:00; Sa 09:00-12:00"),
        ("Mo-Fr:8:00:17:00; Sa:8:00-12:00", "Mo-Fr 08:00-17:00; Sa 08:00-12:00"),
        ("Mo-Fr 9-12;14-18", "Mo-Fr 09:00-12:00,14:00-18:00"),
        ("土日祝 10-21", "Sa,Su,PH 10:00-21:00"),
        ("Mardi à vendredi 9h-12h, samedi 9h-12h et lundi sur rendez-vous",
         "Tu-Sa 09:00-12:00; Mo \"sur rendez-vous\""),
        ("Mo-Sa 09:00-17:30; Su 10:00-16:00; BH 10:00-16:00", "Mo-Sa 09:00-17:30; Su,PH 10:00-16:00"),
        ("Tuesday-Sunday 11am-3pm & 4pm-9pm; until 10pm on Fri+Sat",
         "Tu-Th,Su 11:00-15:00,16:00-21:00; Fr,Sa 11:00-15:00,16:00-22:00"),
        ("Monday to Saturday 9 to 6 - Friday open til 9pm", "Mo-Th,Sa 09:00-18:00; Fr 09:00-21:00"),
        ("Mo-Th 09:00-18:00 hrs; Fr hasta las 17:00 hrs", "Mo-Th 09:00-18:00; Fr 09:00-17:00"),
        ("11:00 - 19:00, saturday 14:00 - 18:00, sunday closed", "Mo-Fr 11:00-19:00; Sa 14:00-18:00"),
        ("10AM to 3PM, Fri-10AM to 1PM, Sat:Closed", "Mo-Th,Su 10:00-15:00; Fr 10:00-13:00"),
        ("9-5 Mon-Fri, 10-2 Sat", "Mo-Fr 09:00-17:00; Sa 10:00-14:00"),
        ("Mo-Th 8:00-12:00;13:00-19:00 Fr 8:00-12:00;13:00-20:00",
         "Mo-Th 08:00-12:00,13:00-19:00; Fr 08:00-12:00,13:00-20:00"),
        ("10:00 – 13:0014:00 – 19:00", "10:00-13:00,14:00-19:00"),
        ("Dienstag und Freitag 08:00 - 12:00 Uhr 14:00 - 18:30 Uhr", "Tu,Fr 08:00-12:00,14:00-18:30"),
        ("Mo-Fr 8-17, details: https://example.org/fr/horaires", "Mo-Fr 08:00-17:00"),
    ],
)
def test_read(text: str, expected: str) -> None:
    from auditor.normalise.hours_osm import same_meaning

    assert same_meaning(hours_to_osm(text), expected), hours_to_osm(text)
