"""Phone numbers to E.164 (phonenumbers), with the country taken from the roster."""

from __future__ import annotations

from functools import lru_cache

import phonenumbers

from auditor.normalise.errors import NormaliseError


@lru_cache(maxsize=65536)
def normalise_phone(raw: str, country: str) -> str:
    """``(02) 9876 5432`` and ``+61 2 9876 5432`` (country AU) both give ``+61298765432``."""
    text = (raw or "").strip()
    if text.lower().startswith("tel:"):
        text = text[4:]
    if not any(ch.isdigit() for ch in text):
        raise NormaliseError("no digits in phone number")
    try:
        number = phonenumbers.parse(text, (country or "").upper() or None)
    except phonenumbers.NumberParseException as exc:
        raise NormaliseError(f"not a phone number: {exc}") from None
    if not phonenumbers.is_valid_number(number):
        raise NormaliseError(f"not a valid {country} phone number")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
