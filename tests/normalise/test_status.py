"""A listing's state in the wording of ten languages and the platforms' enum values."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.normalise import StatusError, normalise_status


@pytest.mark.parametrize(
    ("raw", "status"),
    [
        ("Permanently closed", "closed"),
        ("Temporarily closed", "temporarily_closed"),
        ("Open now", "open"),
        ("Vorübergehend geschlossen", "temporarily_closed"),
        ("Dauerhaft geschlossen", "closed"),
        ("Geöffnet", "open"),
        ("Fermé temporairement", "temporarily_closed"),
        ("Fermé définitivement", "closed"),
        ("Tijdelijk gesloten", "temporarily_closed"),
        ("Permanent gesloten", "closed"),
        ("Cerrado temporalmente", "temporarily_closed"),
        ("Chiuso definitivamente", "closed"),
        ("Временно закрыто", "temporarily_closed"),
        ("臨時休業", "temporarily_closed"),
        ("閉店", "closed"),
        ("暂停营业", "temporarily_closed"),
        ("CLOSED_TEMPORARILY", "temporarily_closed"),
        ("CLOSED_PERMANENTLY", "closed"),
        ("OPERATIONAL", "open"),
        ("temporarily_closed", "temporarily_closed"),
    ],
)
def test_states_in_many_wordings(raw: str, status: str) -> None:
    assert normalise_status(raw) == status


def test_a_word_inside_another_word_is_not_read() -> None:
    with pytest.raises(StatusError, match="unknown status: 'contemporary design'"):
        normalise_status("contemporary design")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_a_state_or_a_clear_error_quickly(text: str) -> None:
    started = time.perf_counter()
    try:
        assert normalise_status(text) in ("open", "temporarily_closed", "closed")
    except StatusError as exc:
        assert str(exc)
    assert time.perf_counter() - started < 0.05


@pytest.mark.parametrize(
    "notice",
    [
        "Closed now · Opens 9:00 tomorrow",
        "Jetzt geschlossen · Öffnet morgen um 9 Uhr",
        "Fermé actuellement · Ouvre demain à 9h30",
        "Nu gesloten · Opent morgen om 9:00",
        "Cerrado ahora · Abre mañana a las 9:00",
        "Chiuso ora · Apre domani alle 9:00",
        "Closed - opens 9am",
    ],
)
def test_a_closed_now_notice_is_the_time_of_day_not_a_closure(notice: str) -> None:
    with pytest.raises(StatusError, match="a notice of the hour"):
        normalise_status(notice)


def test_closures_with_a_date_are_still_closures() -> None:
    assert normalise_status("Temporarily closed until 3 March") == "temporarily_closed"
    assert normalise_status("Permanently closed since 2024") == "closed"
