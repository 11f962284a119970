"""The roster's value of a field, normalised the way observations are."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from auditor.normalise import (
    NormaliseError,
    normalise_address,
    normalise_name,
    normalise_phone,
    normalise_url,
    parse_holiday_hours,
    parse_hours,
)

_ROSTER_COLUMNS = {
    "phone": ("phone",),
    "address": ("street", "locality", "state", "postcode"),
    "website": ("website",),
    "name": ("name",),
    "hours": ("hours",),
    "holiday_hours": ("holiday_hours",),
}


def expected_value(store: dict[str, Any], field: str, country: str) -> Any:
    """Normalised roster value, or None when the roster has none (the rule does not apply).

    The result is shared between stores with the same roster values: treat it as read-only.
    """
    columns = _ROSTER_COLUMNS.get(field)
    if columns is None:
        return store.get(field) or None
    return _normalised(field, tuple(str(store.get(c) or "") for c in columns), country)


@lru_cache(maxsize=16384)
def _normalised(field: str, values: tuple[str, ...], country: str) -> Any:
    try:
        if field == "address":
            parts = dict(zip(_ROSTER_COLUMNS["address"], values, strict=True))
            return normalise_address(parts, country) if parts["street"] else None
        (value,) = values
        if not value:
            return None
        if field == "phone":
            return normalise_phone(value, country)
        if field == "website":
            return normalise_url(value)
        if field == "name":
            return normalise_name(value)
        if field == "hours":
            return parse_hours(value).as_dict()
        return parse_holiday_hours(value)
    except NormaliseError:
        return None
