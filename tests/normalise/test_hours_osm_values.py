"""Real OSM opening_hours values, 78 of them read by hand (tests/data/hours/osm_spot_check.tsv).

A reading must be right or absent: a wrong one is a false finding downstream. The values still read
wrong, and the readable ones still refused, are listed here with their reason.
"""

from __future__ import annotations

from pathlib import Path

from auditor.quality.hours import judge, spot_check_rows

DATA = Path(__file__).parents[1] / "data" / "hours" / "osm_spot_check.tsv"

KNOWN_WRONG = {
    # 'and Fri p.m. by appointment': the morning's hours on Friday are lost, the day written as a note
    "Wed-Sat 8:00 a.m. - 3:00 p.m., and Fri p.m. by appointment",
    # 'zaterdag … 1x in de 2 weken geopend alle even weken': every other Saturday read as every Saturday
    "dinsdag 8.30-12.00 13.00-17.00 woensdag 8.30-12.00  18.00-20.00 's avonds knippen zonder afspraak "
    "donderdag 8.30-12.00  13.00-17.00 vrijdag  8.30-12.00  13.00-17.00 zaterdag  8.30-12.00 1x in de 2 "
    "weken geopend alle even weken",
}
# readable but refused: Hebrew day letters, 'Lu-Su' (two languages), 'T-F' (Tuesday or Thursday),
# 'Mo-Fa' (a slip), '2nd & 4th Sun.' (weekdays of the month), 'Su po naročilu' (Slovenian note)


def test_readings_are_right_or_absent() -> None:
    verdicts = [(value, judge(value, expected)) for value, expected in spot_check_rows(DATA)]
    claims = [v for v in verdicts if v[1] != "unread"]
    wrong = {value for value, verdict in claims if verdict == "wrong"}
    assert len(wrong) / len(claims) <= 0.05, sorted(wrong)
    assert wrong <= KNOWN_WRONG, sorted(wrong - KNOWN_WRONG)


def test_most_readable_values_are_read() -> None:
    rows = [(value, expected) for value, expected in spot_check_rows(DATA) if expected != "UNREAD"]
    found = sum(judge(value, expected) == "right" for value, expected in rows)
    assert found / len(rows) >= 0.85
