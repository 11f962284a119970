"""Any text: opening hours or a clear HoursError, never another exception, never slow."""

from __future__ import annotations

import contextlib
import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.normalise.hours import DAYS, HoursError, hours_to_osm, parse_holiday_hours, parse_hours
from auditor.normalise.hours_osm import OsmError, parse_osm

_PIECES = st.sampled_from([
    "Mo", "Fr", "Sa", "lundi", "Montag", "maandag", "lunes", "пн", "月", "周一", "9", "12", "24", "9:30",
    "18h", "7 Uhr", "am", "pm", "-", "–", "~", "〜", "to", "bis", "à", "t/m", ",", ";", "/", "|", ":",
    "(", ")",
    "closed", "geschlossen", "fermé", "daily", "24/7", "PH", "off", "Dec 25", "<br>", "\n", " ", "１０：００",
    '"', "「", "」", ".", "sauf", "except", "und", "y", "e",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=25))
def test_pieces_of_hours_never_raise_anything_else(pieces: list[str]) -> None:
    text = " ".join(pieces)
    try:
        osm = hours_to_osm(text)
    except HoursError:
        return
    assert isinstance(osm, str) and osm
    try:
        parse_osm(osm)
    except OsmError:
        # times of day (OSM points in time), optionally on a date
        assert re.fullmatch(r"(?:[A-Z][a-z]{2}[ \d,A-Za-z]* )?\d\d:\d\d(?:,\d\d:\d\d)*", osm), osm


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120))
def test_arbitrary_text_never_raises_anything_else(text: str) -> None:
    with contextlib.suppress(HoursError):
        parse_hours(text)


def _written(minutes: int, style: str) -> str:
    hour, minute = divmod(minutes, 60)
    if style == "24h":
        return f"{hour:02d}:{minute:02d}"
    if style == "uhr":
        return f"{hour}.{minute:02d} Uhr"
    if style == "fr":
        return f"{hour}h{minute:02d}"
    suffix = "am" if hour < 12 else "pm"
    return f"{hour % 12 or 12}:{minute:02d} {suffix}"


@settings(max_examples=300, deadline=None)
@given(
    st.integers(0, 23 * 60 + 59).map(lambda m: m - m % 5),
    st.integers(5, 16 * 60).map(lambda m: m - m % 5),
    st.sampled_from(["24h", "uhr", "fr", "12h"]),
    st.sampled_from(["Mo-Fr {a}-{b}", "Monday to Friday {a} - {b}", "lundi au vendredi de {a} à {b}",
                     "Mo-Fr: {a} – {b}", "Пн-Пт с {a} до {b}"]),
)
def test_times_in_every_clock_style(start: int, length: int, style: str, pattern: str) -> None:
    end = start + length
    if style == "uhr" and "Uhr" in pattern:
        return
    text = pattern.format(a=_written(start, style), b=_written(end % (24 * 60), style))
    hours = parse_hours(text)
    evening = (_hhmm(start), _hhmm(min(end, 24 * 60)))
    spill = (("00:00", _hhmm(end - 24 * 60)),) if end > 24 * 60 else ()
    assert all(hours[d][-1] == evening for d in DAYS[:5]), text
    assert hours["mo"] == (evening,), text
    assert all(hours[d] == (*spill, evening) for d in DAYS[1:5]), text
    assert hours["sa"] == spill and hours["su"] == (), text


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


@pytest.mark.parametrize(
    "text",
    [
        ";- ,/|:" * 30_000,  # 210 KB of separators
        "9" * 3_999,
        "-" * 3_999,
        "Mo " * 1_300,
        "9:00-" * 790,
        "a" * 3_999,
        "(" * 3_999,
        "1.1." * 990,
    ],
)
def test_long_and_repetitive_input_returns_fast(text: str) -> None:
    start = time.perf_counter()
    with contextlib.suppress(HoursError):
        hours_to_osm(text)
    assert time.perf_counter() - start < 2.0


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["2026-12-24", "24.12.2026", "-", "to", ";", "\n", ":"]) | _PIECES,
                max_size=12))
def test_holiday_hours_never_raise_anything_else(pieces: list[str]) -> None:
    with contextlib.suppress(HoursError):
        parse_holiday_hours(" ".join(pieces))
