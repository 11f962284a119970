"""The built-in schema.org mapping: a LocalBusiness-like object -> raw observation fields."""

from __future__ import annotations

from typing import Any

_DAYS = {
    "monday": "Mo", "tuesday": "Tu", "wednesday": "We", "thursday": "Th",
    "friday": "Fr", "saturday": "Sa", "sunday": "Su",
}  # fmt: skip


def _text(value: Any) -> str:
    """A scalar as trimmed text; lists give their first scalar; objects their ``name``/``@id``."""
    if isinstance(value, list):
        return next((t for t in (_text(v) for v in value) if t), "")
    if isinstance(value, dict):
        return _text(value.get("name") or value.get("@id") or value.get("@value") or "")
    return "" if value is None else str(value).strip()


def address_text(value: Any) -> str:
    """A PostalAddress (or plain string) as one line: street, locality state postcode."""
    if not isinstance(value, dict):
        return _text(value)
    street = _text(value.get("streetAddress"))
    tail = " ".join(
        t
        for t in (
            _text(value.get("addressLocality")),
            _text(value.get("addressRegion")),
            _text(value.get("postalCode")),
        )
        if t
    )
    return ", ".join(t for t in (street, tail) if t)


def _day_code(day: Any) -> str:
    name = _text(day).rsplit("/", 1)[-1].casefold()
    return _DAYS.get(name, name[:2].title())


def _spec_days(spec: dict) -> list[str]:
    days = spec.get("dayOfWeek") or []
    return [_day_code(d) for d in (days if isinstance(days, list) else [days])]


def _interval(spec: dict) -> str:
    opens, closes = _text(spec.get("opens"))[:5], _text(spec.get("closes"))[:5]
    if not opens and not closes:
        return "closed"
    if opens == closes == "00:00":
        return "closed"
    return f"{opens}-{closes}"


def hours_text(obj: dict) -> tuple[str, str]:
    """(regular hours, holiday hours) as OSM-like text from openingHoursSpecification or
    openingHours; holiday entries are the specifications with a validFrom date."""
    regular: list[str] = []
    holiday: list[str] = []
    specs: list = []
    for key in ("openingHoursSpecification", "specialOpeningHoursSpecification"):
        value = obj.get(key) or []
        specs.extend(value if isinstance(value, list) else [value])
    for spec in specs:
        if not isinstance(spec, dict):
            continue
        valid_from = _text(spec.get("validFrom"))[:10]
        if valid_from:
            holiday.append(f"{valid_from} {_interval(spec)}")
            continue
        for day in _spec_days(spec):
            regular.append(f"{day} {_interval(spec)}")
    if not regular:
        hours = obj.get("openingHours")
        if isinstance(hours, list):
            regular = [_text(h) for h in hours if _text(h)]
        elif hours:
            regular = [_text(hours)]
    return "; ".join(regular), "; ".join(holiday)


def fields_from_schema(obj: dict) -> dict[str, str]:
    """Raw field values a schema.org business object states (only those it states)."""
    out: dict[str, str] = {}
    if name := _text(obj.get("name")):
        out["name"] = name
    if address := address_text(obj.get("address")):
        out["address"] = address
    phone = _text(obj.get("telephone"))
    if not phone and isinstance(obj.get("address"), dict):
        phone = _text(obj["address"].get("telephone"))
    if phone:
        out["phone"] = phone
    regular, holiday = hours_text(obj)
    if regular:
        out["hours"] = regular
    if holiday:
        out["holiday_hours"] = holiday
    if website := _text(obj.get("url")):
        out["website"] = website
    rating = obj.get("aggregateRating")
    if isinstance(rating, dict):
        if value := _text(rating.get("ratingValue")):
            out["rating"] = value
        if count := _text(rating.get("reviewCount") or rating.get("ratingCount")):
            out["review_count"] = count
    if ref := _text(obj.get("branchCode") or obj.get("identifier")):
        out["store_ref"] = ref
    categories = obj.get("additionalType") or obj.get("keywords")
    if categories:
        values = categories if isinstance(categories, list) else str(categories).split(",")
        out["categories"] = "|".join(_text(v) for v in values if _text(v))
    closed = obj.get("permanentlyClosed") or obj.get("isClosed")
    if closed in (True, "true", "True"):
        out["status"] = "permanently closed"
    elif status := _text(obj.get("status") or obj.get("businessStatus")):
        out["status"] = status
    return out
