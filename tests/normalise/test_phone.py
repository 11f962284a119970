"""Phone numbers keep their extension; two numbers that differ only in it differ."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.normalise import NormaliseError, normalise_phone, phone_extension

DATA = Path(__file__).parent.parent / "data"


@pytest.mark.parametrize(
    "raw",
    [
        "+61 2 9876 5432 ext. 12", "(02) 9876 5432 x12", "02 9876 5432 extension 12", "(02) 9876 5432 #12",
        "02 9876 5432 poste 12", "02 9876 5432 Durchwahl 12", "02 9876 5432 (Durchwahl: 12)",
        "02 9876 5432 Dw. 12", "tel:+61298765432;ext=12", "+61298765432;ext=12",
    ],
)
def test_extension_forms_are_kept(raw: str) -> None:
    assert normalise_phone(raw, "AU") == "+61298765432;ext=12"
    assert phone_extension(normalise_phone(raw, "AU")) == "12"


def test_numbers_differing_only_in_extension_differ() -> None:
    plain = normalise_phone("(02) 9876 5432", "AU")
    assert plain == "+61298765432" and phone_extension(plain) == ""
    assert normalise_phone("(02) 9876 5432 ext. 12", "AU") != normalise_phone("(02) 9876 5432 ext. 13", "AU")
    assert normalise_phone("(02) 9876 5432 ext. 12", "AU") != plain


def test_starbucks_numbers_with_an_extension_round_trip() -> None:
    """Real GB/CA numbers (Starbucks store locator) with an extension added, read and read again."""
    with (DATA / "locations" / "starbucks_gb_ca.csv").open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["Phone Number"]][:300]
    for row in rows:
        try:
            plain = normalise_phone(row["Phone Number"], row["Country"])
        except NormaliseError:
            continue
        value = normalise_phone(f"{row['Phone Number']} ext. 204", row["Country"])
        assert value == f"{plain};ext=204"
        assert normalise_phone(value, row["Country"]) == value


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200), st.sampled_from(["AU", "GB", "US", "DE", "", "ZZ"]))
def test_any_text_gives_a_number_or_a_clear_error(text: str, country: str) -> None:
    try:
        value = normalise_phone(text, country)
    except NormaliseError as exc:
        assert str(exc)
    else:
        assert value.startswith("+")
