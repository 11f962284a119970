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
