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


def expected_value(store: dict[str, Any], field: str, country: str) -> Any:
    """Normalised roster value, or None when the roster has none (the rule does not apply)."""
    try:
        if field == "phone":
            return normalise_phone(store["phone"], country) if store.get("phone") else None
        if field == "address":
            parts = {k: store.get(k, "") for k in ("street", "locality", "state", "postcode")}
            return normalise_address(parts, country) if parts["street"] else None
        if field == "website":
            return normalise_url(store["website"]) if store.get("website") else None
        if field == "name":
            return normalise_name(store["name"])
        if field == "hours":
            return _hours(store["hours"]) if store.get("hours") else None
        if field == "holiday_hours":
            return parse_holiday_hours(store["holiday_hours"]) if store.get("holiday_hours") else None
    except NormaliseError:
        return None
    return store.get(field) or None


@lru_cache(maxsize=4096)
def _hours(text: str) -> dict:
    return parse_hours(text).as_dict()
