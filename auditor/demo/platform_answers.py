"""What each listing platform answers for one store of a demo world, in the shape its public API
reference gives (field names as documented; values from the world): Business Profile v1
``Location``, Places API (New) ``Place``, Foursquare place details, a Graph API Page, an Apple
Business Connect location, an Overpass ``elements`` entry."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

DAYS = ("mo", "tu", "we", "th", "fr", "sa", "su")
ENGLISH = ("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")
GRAPH_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
COUNTRY_NAMES = {
    "GB": "UK",
    "US": "USA",
    "CA": "Canada",
    "AU": "Australia",
    "DE": "Germany",
    "AT": "Austria",
    "FR": "France",
    "BE": "Belgium",
    "NL": "Netherlands",
    "ES": "Spain",
    "IT": "Italy",
}
# Google's formatted addresses abbreviate the street type in these countries
STREET_TYPES = {"Street": "St", "Road": "Rd", "Avenue": "Ave", "Boulevard": "Blvd", "Drive": "Dr"}
Ranges = list[tuple[str, str]]


@dataclass
class Listing:
    """What one platform shows for one store: the roster's facts, then the planted changes."""

    ids: dict[str, str]
    name: str
    number: str
    street_name: str
    unit: str
    street: str  # the line as the roster writes it
    locality: str
    state: str
    postcode: str
    country: str
    phone: str  # as this platform writes it
    website: str
    week: dict[str, Ranges]
    specials: dict[str, Ranges]
    status: str = "open"  # open / temporarily_closed / closed
    google_updated: bool = False
    category: str = "Coffee shop"
    extra: dict[str, Any] = field(default_factory=dict)


def _hm(text: str) -> tuple[int, int]:
    hours, minutes = text.split(":")
    return int(hours), int(minutes)


def _time_of_day(text: str) -> dict[str, int]:
    """A Google ``TimeOfDay``: fields that are zero are left out."""
    hours, minutes = _hm(text)
    return {k: v for k, v in (("hours", hours), ("minutes", minutes)) if v}


def _google_date(iso: str) -> dict[str, int]:
    year, month, day = iso.split("-")
    return {"year": int(year), "month": int(month), "day": int(day)}


def _overnight(start: str, end: str) -> bool:
    return end <= start


def _ranges(listing: Listing):
    for index, day in enumerate(DAYS):
        for start, end in listing.week.get(day, []):
            yield index, start, end


def google_business_profile(listing: Listing) -> dict[str, Any]:
    """``locations/{id}`` of the Business Information API v1 (readMask as the preset asks)."""
    periods = [
        {
            "openDay": ENGLISH[i],
            "openTime": _time_of_day(start),
            "closeDay": ENGLISH[(i + 1) % 7] if _overnight(start, end) else ENGLISH[i],
            "closeTime": _time_of_day(end),
        }
        for i, start, end in _ranges(listing)
    ]
    specials = [
        {"startDate": _google_date(d), "closed": True}
        if not r
        else {
            "startDate": _google_date(d),
            "openTime": _time_of_day(r[0][0]),
            "endDate": _google_date(d),
            "closeTime": _time_of_day(r[0][1]),
        }
        for d, r in sorted(listing.specials.items())
    ]
    status = {"open": "OPEN", "temporarily_closed": "CLOSED_TEMPORARILY", "closed": "CLOSED_PERMANENTLY"}
    lines = (
        listing.street.split(", ", 1) if listing.unit else [listing.street]
    )  # the unit on a line of its own
    address = {
        "regionCode": listing.country,
        "languageCode": "en",
        "postalCode": listing.postcode,
        "administrativeArea": listing.state,
        "locality": listing.locality,
        "addressLines": lines,
    }
    return {
        "name": listing.ids["google_location"],
        "title": listing.name,
        "storefrontAddress": {k: v for k, v in address.items() if v},
        "phoneNumbers": {"primaryPhone": listing.phone},
        "categories": {
            "primaryCategory": {"name": "categories/gcid:coffee_shop", "displayName": listing.category}
        },
        "websiteUri": listing.website,
        "regularHours": {"periods": periods},
        "specialHours": {"specialHourPeriods": specials},
        "openInfo": {"status": status[listing.status], "canReopen": True},
        "metadata": {
            "hasGoogleUpdated": listing.google_updated,
            "hasPendingEdits": False,
            "mapsUri": f"https://maps.google.com/maps?cid={listing.ids['google_location'][10:]}",
        },
    }


def formatted_address(listing: Listing) -> str:
    """Google's one-line address in the country's order: in English-speaking countries the street
    type abbreviated and the unit after the street (``5/12 King St`` in Australia), the region
    before the postcode; elsewhere the postcode before the locality."""
    if listing.country not in ("GB", "US", "CA", "AU"):
        return f"{listing.street}, {listing.postcode} {listing.locality}, {COUNTRY_NAMES[listing.country]}"
    line, unit = listing.street, ""
    if listing.unit and ", " in listing.street:
        first, second = listing.street.split(", ", 1)
        # the street line starts with its number ("Unit 2, 120 Church Road", "174 Main St, Suite 211")
        line, unit = (second, first) if second[:1].isdigit() and not first[:1].isdigit() else (first, second)
    line = " ".join(STREET_TYPES.get(word, word) for word in line.split())
    if unit:
        line = f"{listing.unit}/{line}" if listing.country == "AU" else f"{line} {unit}"
    tail = f"{listing.state} {listing.postcode}" if listing.state else listing.postcode
    comma = "," if listing.state and listing.country != "AU" else ""
    return f"{line}, {listing.locality}{comma} {tail}, {COUNTRY_NAMES[listing.country]}"


def google_places(listing: Listing, national_phone: str, week: tuple[str, str]) -> dict[str, Any]:
    """``places/{id}`` of Places API (New): day 0 is Sunday; ``currentOpeningHours`` covers the
    seven days from the first to the last ISO date of ``week``, and only its special days."""
    periods = []
    for i, start, end in _ranges(listing):
        day = (i + 1) % 7
        (oh, om), (ch, cm) = _hm(start), _hm(end)
        periods.append(
            {
                "open": {"day": day, "hour": oh, "minute": om},
                "close": {"day": (day + 1) % 7 if _overnight(start, end) else day, "hour": ch, "minute": cm},
            }
        )
    current: dict[str, Any] = {"openNow": listing.status == "open", "periods": [], "specialDays": []}
    for iso, ranges in sorted(listing.specials.items()):
        if not week[0] <= iso <= week[1]:
            continue
        current["specialDays"].append({"date": _google_date(iso)})
        for start, end in ranges:
            (oh, om), (ch, cm) = _hm(start), _hm(end)
            current["periods"].append(
                {
                    "open": {"day": 0, "hour": oh, "minute": om, "date": _google_date(iso)},
                    "close": {"day": 0, "hour": ch, "minute": cm, "date": _google_date(iso)},
                }
            )
    status = {
        "open": "OPERATIONAL",
        "temporarily_closed": "CLOSED_TEMPORARILY",
        "closed": "CLOSED_PERMANENTLY",
    }
    return {
        "id": listing.ids["place_id"],
        "displayName": {"text": listing.name, "languageCode": "en"},
        "formattedAddress": formatted_address(listing),
        "nationalPhoneNumber": national_phone,
        "internationalPhoneNumber": listing.phone,
        "regularOpeningHours": {
            "openNow": listing.status == "open",
            "periods": periods,
            "weekdayDescriptions": ["(shown to people; not read)"],
        },
        "currentOpeningHours": current,
        "websiteUri": listing.website,
        "businessStatus": status[listing.status],
        "rating": 4.5,
        "userRatingCount": 212,
        "primaryTypeDisplayName": {"text": listing.category, "languageCode": "en"},
    }


def foursquare(listing: Listing) -> dict[str, Any]:
    """``places/{fsq_id}``: ``hours.regular`` with day 1 as Monday and ``HHMM`` times."""
    regular = [
        {
            "day": i + 1,
            "open": s.replace(":", ""),
            "close": ("+" if _overnight(s, e) else "") + e.replace(":", ""),
        }
        for i, s, e in _ranges(listing)
    ]
    out: dict[str, Any] = {
        "fsq_id": listing.ids["fsq_id"],
        "name": listing.name,
        "location": {
            "address": listing.street,
            "locality": listing.locality,
            "region": listing.state,
            "postcode": listing.postcode,
            "country": listing.country,
            "formatted_address": f"{listing.street}, {listing.locality} {listing.postcode}",
        },
        "tel": listing.phone,
        "website": listing.website,
        "hours": {
            "display": "(shown to people; not read)",
            "is_local_holiday": False,
            "open_now": listing.status == "open",
            "regular": regular,
        },
        "categories": [{"id": 13035, "name": "Coffee Shop"}],
        "closed_bucket": "VeryLikelyOpen" if listing.status == "open" else "VeryLikelyClosed",
    }
    if listing.status != "open":
        out["date_closed"] = "2026-10-01"
    return out


def facebook(listing: Listing) -> dict[str, Any]:
    """A Graph API Page with the fields the preset asks for (``hours`` as ``mon_1_open`` keys)."""
    hours: dict[str, str] = {}
    for i, day in enumerate(DAYS):
        for n, (start, end) in enumerate(listing.week.get(day, []), start=1):
            hours[f"{GRAPH_DAYS[i]}_{n}_open"], hours[f"{GRAPH_DAYS[i]}_{n}_close"] = start, end
    temporary = {
        "open": "operating_as_usual",
        "temporarily_closed": "temporarily_closed",
        "closed": "no_data",
    }
    return {
        "id": listing.ids["facebook_page"],
        "name": listing.name,
        "single_line_address": f"{listing.street}, {listing.locality}, {listing.postcode}",
        "location": {
            "street": listing.street,
            "city": listing.locality,
            "state": listing.state,
            "zip": listing.postcode,
            "country": COUNTRY_NAMES[listing.country],
        },
        "phone": listing.phone,
        "website": listing.website,
        "hours": hours,
        "is_permanently_closed": listing.status == "closed",
        "temporary_status": temporary[listing.status],
        "overall_star_rating": 4.6,
        "rating_count": 57,
        "category_list": [{"id": "128673187201735", "name": "Coffee Shop"}],
    }


def apple_business_connect(listing: Listing) -> dict[str, Any]:
    """A Business Connect location: ``locationDetails`` with hours by day and special hours."""
    by_day = [
        {"day": ENGLISH[i], "times": [{"startTime": s, "endTime": e} for s, e in listing.week[d]]}
        for i, d in enumerate(DAYS)
        if listing.week.get(d)
    ]
    specials = [
        {
            "startDate": d,
            "endDate": d,
            "closed": not r,
            "times": [{"startTime": a, "endTime": b} for a, b in r],
        }
        for d, r in sorted(listing.specials.items())
    ]
    status = {"open": "OPEN", "temporarily_closed": "TEMPORARILY_CLOSED", "closed": "CLOSED"}
    address = {
        "fullThoroughfare": listing.street,
        "locality": listing.locality,
        "administrativeArea": listing.state,
        "postCode": listing.postcode,
        "countryCode": listing.country,
    }
    return {
        "id": listing.ids["apple_location"],
        "state": "PUBLISHED",
        "locationDetails": {
            "displayNames": [{"name": listing.name, "locale": "en", "primary": True}],
            "mainAddress": {"structuredAddress": {k: v for k, v in address.items() if v}, "locale": "en"},
            "phoneNumbers": [{"phoneNumber": listing.phone, "type": "LANDLINE", "primary": True}],
            "urls": [{"url": listing.website, "type": "HOMEPAGE"}],
            "openingHoursByDay": by_day,
            "specialHours": specials,
            "locationStatus": {"status": status[listing.status]},
            "categories": ["food.coffee_shop"],
        },
    }


def overpass_element(listing: Listing, number: int, wikidata: str, brand: str) -> dict[str, Any]:
    """One ``elements`` entry of an Overpass ``[out:json]`` answer (``out tags center``): OSM keeps
    the house number, street and unit apart; a closed shop keeps its tag under ``disused:``."""
    from auditor.sources.convert.common import osm_text

    tags = {
        "brand": brand,
        "brand:wikidata": wikidata,
        "name": listing.name,
        "cuisine": "coffee_shop",
        "addr:housenumber": listing.number,
        "addr:street": listing.street_name,
        "addr:city": listing.locality,
        "addr:postcode": listing.postcode,
        "addr:country": listing.country,
        "phone": listing.phone,
        "website": listing.website,
        "opening_hours": osm_text(listing.week),
    }
    if listing.unit:
        tags["addr:unit"] = listing.unit
    if listing.state:
        tags["addr:state"] = listing.state
    tags["disused:amenity" if listing.status == "closed" else "amenity"] = "cafe"
    return {"type": "node", "id": 9_100_000_000 + number, "tags": tags}
