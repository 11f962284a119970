"""The built-in schema.org mapping: a LocalBusiness-like object -> raw observation fields.

The address is kept as its parts (street, locality, state, postcode, country) when the object
gives parts; a plain string stays a string and is parsed later.
"""

from __future__ import annotations

import re
from typing import Any

from auditor.crawl.adapters.base import Record

_DAYS = {
    "monday": "Mo", "tuesday": "Tu", "wednesday": "We", "thursday": "Th",
    "friday": "Fr", "saturday": "Sa", "sunday": "Su", "publicholidays": "PH",
}  # fmt: skip
_ADDRESS_PARTS = (
    ("street", ("streetAddress",)),
    ("locality", ("addressLocality",)),
    ("state", ("addressRegion",)),
    ("postcode", ("postalCode",)),
    ("country", ("addressCountry",)),
)


def _text(value: Any) -> str:
    """A scalar as trimmed text; lists give their first scalar; objects their ``name``/``@id``."""
    if type(value) is str:
        return " ".join(value.split())
    if isinstance(value, list):
        return next((t for t in (_text(v) for v in value) if t), "")
    if isinstance(value, dict):
        return _text(value.get("name") or value.get("@id") or value.get("@value") or "")
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else " ".join(str(value).split())


def address_parts(value: Any) -> dict[str, str] | str:
    """A PostalAddress as its non-empty parts; a list gives its first non-empty address; a
    plain string stays a string."""
    if isinstance(value, list):
        for item in value:
            parts = address_parts(item)
            if parts:
                return parts
        return {}
    if not isinstance(value, dict):
        return _text(value)
    parts: dict[str, str] = {}
    for name, keys in _ADDRESS_PARTS:
        for key in keys:
            raw = value.get(key)
            if isinstance(raw, list):
                raw = ", ".join(_text(r) for r in raw if _text(r))
            text = _text(raw)
            if text:
                parts[name] = text
                break
    return parts


def address_text(value: Any) -> str:
    """A PostalAddress (or plain string) as one line: street, locality state postcode."""
    parts = address_parts(value)
    if isinstance(parts, str):
        return parts
    return one_line(parts)


def one_line(parts: dict[str, str]) -> str:
    """Address parts as the one line a person would write."""
    tail = " ".join(parts[k] for k in ("locality", "state", "postcode") if parts.get(k))
    return ", ".join(p for p in (parts.get("street", ""), tail, parts.get("country", "")) if p)


def _day_code(day: Any) -> str:
    name = _text(day).rsplit("/", 1)[-1].casefold()
    return _DAYS.get(name, name[:2].title())


def _spec_days(spec: dict) -> list[str]:
    """Day codes of a specification's ``dayOfWeek``: a list, one IRI or name, or text such as
    ``"Monday, Tuesday"`` or ``"Mo-Fr"``."""
    days = spec.get("dayOfWeek") or []
    out: list[str] = []
    for item in days if isinstance(days, list) else [days]:
        for piece in re.split(r"\s*[,;]\s*", _text(item)):
            first, dash, last = piece.partition("-")
            if dash and _day_code(first) in _WEEK[:7] and _day_code(last) in _WEEK[:7] and "/" not in piece:
                out.extend(_expand_days(f"{_day_code(first)}-{_day_code(last)}"))
            elif piece:
                out.append(_day_code(piece))
    return out


_HHMMSS = re.compile(r"^(\d{1,2}:\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$")


def _clock(value: Any) -> str:
    """``09:00:00``, ``09:00:00+01:00`` -> ``09:00``; other forms (``9:00 AM``) as written."""
    text = _text(value)
    match = _HHMMSS.match(text)
    return match.group(1) if match else text


def _interval(spec: dict) -> str | None:
    """``09:00-17:00``, ``off``, a quoted description, or None when the spec states nothing."""
    opens, closes = _clock(spec.get("opens")), _clock(spec.get("closes"))
    if not opens and not closes:
        note = _text(spec.get("description")).replace('"', "'")
        return f'"{note}"' if note else None
    if opens == closes == "00:00":
        return "off"
    if not opens or not closes:
        return None
    return f"{opens}-{closes}"


def _list(value: Any) -> list:
    if value in (None, ""):
        return []
    return value if isinstance(value, list) else [value]


_WEEK = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su", "PH")
_CODE = r"(?:Mo|Tu|We|Th|Fr|Sa|Su|PH)"
_TIMES = r"\d{1,2}:\d{2}\s*-\s*\d{1,2}:\d{2}"
_SIMPLE_RULE = re.compile(
    rf"^\s*({_CODE}(?:\s*[-,]\s*{_CODE})*)\s+({_TIMES}(?:\s*,\s*{_TIMES})*|off|closed)\s*$"
)


def _expand_days(text: str) -> list[str]:
    days: list[str] = []
    for part in re.split(r"\s*,\s*", text.strip()):
        first, _sep, last = (p.strip() for p in part.partition("-"))
        if not last:
            days.append(first)
        elif first in _WEEK[:7] and last in _WEEK[:7]:
            i, j = _WEEK.index(first), _WEEK.index(last)
            days.extend(_WEEK[(i + k) % 7] for k in range((j - i) % 7 + 1))
    return days


def _compress(days: list[str]) -> str:
    """Week-ordered day codes as OSM selectors: ``Mo,We-Sa``."""
    order = sorted(set(days), key=_WEEK.index)
    groups: list[list[str]] = []
    for day in order:
        last = groups[-1][-1] if groups else "PH"
        if day != "PH" and last != "PH" and _WEEK.index(day) == _WEEK.index(last) + 1:
            groups[-1].append(day)
        else:
            groups.append([day])
    return ",".join(g[0] if len(g) == 1 else f"{g[0]}-{g[-1]}" if len(g) > 2 else ",".join(g) for g in groups)


def _week_text(per_day: dict[str, list[str]]) -> str:
    """Day -> intervals (additive, as schema.org states them) as one OSM string in which no
    rule overrides another."""
    by_value: dict[str, list[str]] = {}
    for day in _WEEK:
        values = per_day.get(day)
        if not values:
            continue
        ranges = list(dict.fromkeys(v for v in values if v[0].isdigit()))
        value = ",".join(ranges) if ranges else values[-1]
        by_value.setdefault(value, []).append(day)
    rules = sorted(by_value.items(), key=lambda item: _WEEK.index(item[1][0]))
    return "; ".join(f"{_compress(days)} {value}" for value, days in rules)


def _merged_rules(rules: list[str]) -> str:
    """openingHours items (each additive in schema.org) as one OSM string; items that are not
    plain ``days times`` rules are joined as they are."""
    per_day: dict[str, list[str]] = {}
    for rule in rules:
        match = _SIMPLE_RULE.match(rule)
        if not match:
            return "; ".join(rules)
        value = re.sub(r"\s+", "", match.group(2)).replace("closed", "off")
        for day in _expand_days(match.group(1)):
            per_day.setdefault(day, []).extend(value.split(",") if value != "off" else ["off"])
    return _week_text(per_day)


def hours_text(obj: dict) -> tuple[str, str]:
    """(regular hours, holiday hours) as OSM opening_hours text from openingHoursSpecification
    or openingHours; holiday entries are the specifications with a validFrom date."""
    per_day: dict[str, list[str]] = {}
    holiday: list[str] = []
    specs: list = []
    for key in ("openingHoursSpecification", "specialOpeningHoursSpecification"):
        specs.extend(_list(obj.get(key)))
    for spec in specs:
        if not isinstance(spec, dict):
            continue
        interval = _interval(spec)
        valid_from = _text(spec.get("validFrom"))[:10]
        if valid_from:
            closed = interval in (None, "off") or interval.startswith('"')
            holiday.append(f"{valid_from} {'closed' if closed else interval}")
            continue
        for day in _spec_days(spec) if interval else []:
            if day in _WEEK:
                per_day.setdefault(day, []).append(interval)
    if per_day:
        return _week_text(per_day), "; ".join(holiday)
    rules = [_text(h) for h in _list(obj.get("openingHours")) if _text(h)]
    return (_merged_rules(rules) if len(rules) > 1 else "; ".join(rules)), "; ".join(holiday)


_LIFTED = ("telephone", "openingHours", "openingHoursSpecification", "url", "email")


def _lift(obj: dict) -> dict:
    """Business properties a page nested inside the address (an unclosed tag, a careless
    template) belong to the business."""
    address = obj.get("address")
    if not isinstance(address, dict) or not any(k in address for k in _LIFTED):
        return obj
    lifted = dict(obj)
    for key in _LIFTED:
        if key in address and not lifted.get(key):
            lifted[key] = address[key]
    return lifted


def fields_from_schema(obj: dict, origin: str = "json-ld") -> Record:
    """Raw field values a schema.org business object states (only those it states)."""
    out = Record()
    obj = _lift(obj)
    address = obj.get("address")
    parts = address_parts(address)
    name = _text(obj.get("name")) or _text(obj.get("legalName"))
    if not name:  # a name kept only inside the address
        first = next((a for a in _list(address) if isinstance(a, dict) and _text(a.get("name"))), None)
        name = _text(first.get("name")) if first else ""
    out.put("name", name, origin)
    out.put("address", parts, origin)
    out.put("phone", _text(obj.get("telephone")), origin)
    regular, holiday = hours_text(obj)
    out.put("hours", regular, origin)
    out.put("holiday_hours", holiday, origin)
    out.put("website", _text(obj.get("url")), origin)
    rating = obj.get("aggregateRating")
    if isinstance(rating, dict):
        out.put("rating", _text(rating.get("ratingValue")), origin)
        out.put("review_count", _text(rating.get("reviewCount") or rating.get("ratingCount")), origin)
    out.put("store_ref", _text(obj.get("branchCode") or obj.get("identifier")), origin)
    categories = obj.get("additionalType") or obj.get("keywords")
    if categories:
        values = categories if isinstance(categories, list) else str(categories).split(",")
        out.put("categories", "|".join(_text(v) for v in values if _text(v)), origin)
    closed = obj.get("permanentlyClosed") or obj.get("isClosed")
    if closed in (True, "true", "True"):
        out.put("status", "permanently closed", origin)
    else:
        out.put("status", _text(obj.get("status") or obj.get("businessStatus")), origin)
    return out
