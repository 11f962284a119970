"""Observed field -> normalised form, with the project's normalisers (see docs/architecture.md)."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

_NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?")


class FieldProblem(ValueError):
    """A raw value that has no normalised form."""


def _as_dict(value: Any) -> Any:
    return value.as_dict() if hasattr(value, "as_dict") else value


def _name(raw: str, country: str) -> str:
    from auditor.normalise.names import normalise_name

    return normalise_name(raw)


def _address(raw: str | dict, country: str) -> dict:
    key = tuple(sorted((str(k), str(v)) for k, v in raw.items())) if isinstance(raw, dict) else raw
    return dict(_address_of(key, country))


@lru_cache(maxsize=65536)
def _address_of(raw: str | tuple[tuple[str, str], ...], country: str) -> dict:
    """Normalised once per address and country: a store's address is shown by every source."""
    from auditor.normalise.address import normalise_address

    address = normalise_address(raw if isinstance(raw, str) else dict(raw), country)
    data = dict(_as_dict(address))
    data.setdefault("key", getattr(address, "key", None))
    return data


def _phone(raw: str, country: str) -> str:
    from auditor.normalise.phone import normalise_phone

    return normalise_phone(raw, country)


def _hours(raw: str, country: str) -> Any:
    from auditor.normalise.hours import parse_hours

    return _as_dict(parse_hours(raw))


def _holiday_hours(raw: str, country: str, today: dt.date | None = None) -> Any:
    from auditor.normalise.hours import parse_holiday_hours

    return _as_dict(parse_holiday_hours(raw, country or None, today))


def _website(raw: str, country: str) -> str:
    from auditor.normalise.urls import normalise_url

    return normalise_url(raw)


def _number(raw: str, country: str) -> float:
    match = _NUMBER.search(raw)
    if not match:
        raise FieldProblem(f"not a number: {raw[:40]!r}")
    return float(match.group().replace(",", "."))


def _rating(raw: str, country: str) -> float:
    """A listing's aggregate rating in any written form (``4,5 von 5``, ``★★★★☆``, ``8.6/10``),
    as stars out of 5."""
    from auditor.normalise.stars import read_stars

    value, problem = read_stars(raw)
    if value is None:
        raise FieldProblem(problem or f"not a rating: {raw[:40]!r}")
    return value


def _categories(raw: str, country: str) -> list[str]:
    parts = re.split(r"[|,;]", raw)
    return sorted({p.strip().casefold() for p in parts if p.strip()})


def _status(raw: str, country: str) -> str:
    from auditor.normalise.status import normalise_status

    return normalise_status(raw)


def _text(raw: Any, country: str) -> Any:
    return raw


def _store_ref(raw: str, country: str) -> str:
    return raw.strip()


NORMALISERS: dict[str, Callable[[Any, str], Any]] = {
    "name": _name,
    "address": _address,
    "phone": _phone,
    "hours": _hours,
    "holiday_hours": _holiday_hours,
    "website": _website,
    "categories": _categories,
    "rating": _rating,
    "review_count": _number,
    "status": _status,
    "store_ref": _store_ref,
    "text": _text,
    "colours": _text,
    "fonts": _text,
    "logo": _text,
}


def raw_text(raw: Any) -> str:
    """The text an observation keeps of a raw value (address parts as one line)."""
    if isinstance(raw, str):
        return raw
    if isinstance(raw, dict) and any(k in raw for k in ("street", "locality", "postcode", "state")):
        from auditor.crawl.schema_org import one_line

        return one_line(raw)
    return json.dumps(raw, ensure_ascii=False, default=str)


def normalise_record(
    raw: dict[str, Any], country: str, problems: dict[str, str] | None = None, today: dt.date | None = None
) -> list[tuple[str, str, Any, str | None]]:
    """(field, raw text, normalised, problem) for each field of one location; a value the reader
    did not trust (``problems``) keeps its reason and gets no normalised form."""
    out = []
    for field, value in raw.items():
        problem = (problems or {}).get(field)
        if problem:
            out.append((field, raw_text(value), None, problem))
            continue
        normalised, problem = normalise_field(field, value, country, today)
        out.append((field, raw_text(value), normalised, problem))
    return out


def normalise_field(
    field: str, raw: Any, country: str, today: dt.date | None = None
) -> tuple[Any, str | None]:
    """(normalised value, None), or (None, problem) when the value cannot be read. ``today`` is
    the day the value was read (a holiday date written without its year is the next one after)."""
    from auditor.normalise.errors import NormaliseError

    normaliser = NORMALISERS.get(field)
    if normaliser is None:
        return (raw if not isinstance(raw, str) else raw.strip()), None
    try:
        value = _holiday_hours(raw, country, today) if field == "holiday_hours" else normaliser(raw, country)
    except (NormaliseError, FieldProblem, ValueError, TypeError) as exc:
        return None, str(exc) or type(exc).__name__
    if value is None or value == "":
        return None, "empty after normalisation"
    return value, None
