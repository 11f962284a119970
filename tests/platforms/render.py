# ruff: noqa: E501 (fixture tables, one record a line)
"""Each platform's answer for one listing, in the shape its reference documentation gives
(field names as documented; values from the world)."""

from __future__ import annotations

from typing import Any

from tests.platforms.world import DAYS, Listing, Store

ENGLISH = ("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")
FB = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _hm(text: str) -> tuple[int, int]:
    h, m = text.split(":")
    return int(h), int(m)


def _tod(text: str) -> dict[str, int]:
    h, m = _hm(text)
    out = {}
    if h:
        out["hours"] = h
    if m:
        out["minutes"] = m
    return out  # Google leaves zero fields out


def _overnight(start: str, end: str) -> bool:
    return end <= start


def _gdate(iso: str) -> dict[str, int]:
    y, m, d = iso.split("-")
    return {"year": int(y), "month": int(m), "day": int(d)}


def _ranges(listing: Listing):
    for i, day in enumerate(DAYS):
        for start, end in listing.week.get(day, []):
            yield i, start, end


def google_business_profile(store: Store, listing: Listing) -> dict[str, Any]:
    periods = []
    for i, start, end in _ranges(listing):
        close_day = ENGLISH[(i + 1) % 7] if _overnight(start, end) else ENGLISH[i]
        periods.append({"openDay": ENGLISH[i], "openTime": _tod(start), "closeDay": close_day,
                        "closeTime": _tod(end)})  # fmt: skip
    specials = [{"startDate": _gdate(d), "closed": True} if not r else
                {"startDate": _gdate(d), "openTime": _tod(r[0][0]), "endDate": _gdate(d), "closeTime": _tod(r[0][1])}
                for d, r in listing.specials.items()]  # fmt: skip
    status = {"open": "OPEN", "temporarily_closed": "CLOSED_TEMPORARILY", "closed": "CLOSED_PERMANENTLY"}
    return {
        "name": store.ids["google_location"],
        "title": listing.name,
        "storefrontAddress": {"regionCode": "GB", "languageCode": "en", "postalCode": listing.postcode,
                              "locality": listing.locality, "addressLines": [listing.street]},
        "phoneNumbers": {"primaryPhone": listing.phone, "additionalPhones": []},
        "categories": {"primaryCategory": {"name": "categories/gcid:coffee_shop", "displayName": listing.category}},
        "websiteUri": listing.website,
        "regularHours": {"periods": periods},
        "specialHours": {"specialHourPeriods": specials},
        "openInfo": {"status": status[listing.status], "canReopen": True},
        "metadata": {"hasGoogleUpdated": listing.google_updated, "hasPendingEdits": False,
                     "mapsUri": f"https://maps.google.com/maps?cid={store.ids['google_location'][10:]}"},
    }  # fmt: skip


def google_places(store: Store, listing: Listing) -> dict[str, Any]:
    periods = []
    for i, start, end in _ranges(listing):
        day = (i + 1) % 7  # Places counts from Sunday
        close_day = (day + 1) % 7 if _overnight(start, end) else day
        (oh, om), (ch, cm) = _hm(start), _hm(end)
        periods.append({"open": {"day": day, "hour": oh, "minute": om},
                        "close": {"day": close_day, "hour": ch, "minute": cm}})  # fmt: skip
    current: dict[str, Any] = {"openNow": True, "periods": [], "specialDays": []}
    for iso, ranges in listing.specials.items():
        current["specialDays"].append({"date": _gdate(iso)})
        for start, end in ranges:
            (oh, om), (ch, cm) = _hm(start), _hm(end)
            current["periods"].append({"open": {"day": 5, "hour": oh, "minute": om, "date": _gdate(iso)},
                                       "close": {"day": 5, "hour": ch, "minute": cm, "date": _gdate(iso)}})
    status = {"open": "OPERATIONAL", "temporarily_closed": "CLOSED_TEMPORARILY", "closed": "CLOSED_PERMANENTLY"}
    return {
        "id": store.ids["place_id"],
        "displayName": {"text": listing.name, "languageCode": "en"},
        "formattedAddress": f"{listing.street}, {listing.locality} {listing.postcode}, UK",
        "nationalPhoneNumber": store.phone,
        "internationalPhoneNumber": listing.phone,
        "regularOpeningHours": {"openNow": True, "periods": periods,
                                "weekdayDescriptions": ["(shown to people; not read)"]},
        "currentOpeningHours": current,
        "websiteUri": listing.website,
        "businessStatus": status[listing.status],
        "rating": 4.1,
        "userRatingCount": 317,
        "primaryTypeDisplayName": {"text": listing.category, "languageCode": "en"},
    }  # fmt: skip


def foursquare(store: Store, listing: Listing) -> dict[str, Any]:
    regular = [{"day": i + 1, "open": s.replace(":", ""),
                "close": ("+" if _overnight(s, e) else "") + e.replace(":", "")}
               for i, s, e in _ranges(listing)]  # fmt: skip
    out: dict[str, Any] = {
        "fsq_id": store.ids["fsq_id"], "name": listing.name,
        "location": {"address": listing.street, "locality": listing.locality, "postcode": listing.postcode,
                     "country": "GB", "formatted_address": f"{listing.street}, {listing.locality} {listing.postcode}"},
        "tel": listing.phone, "website": listing.website,
        "hours": {"display": "(shown to people; not read)", "is_local_holiday": False, "open_now": False,
                  "regular": regular},
        "categories": [{"id": 13035, "name": "Coffee Shop"}],
    }  # fmt: skip
    if listing.status != "open":
        out["date_closed"] = "2026-10-01"
    return out


def facebook(store: Store, listing: Listing) -> dict[str, Any]:
    hours: dict[str, str] = {}
    for i, day in enumerate(DAYS):
        for n, (start, end) in enumerate(listing.week.get(day, []), start=1):
            hours[f"{FB[i]}_{n}_open"], hours[f"{FB[i]}_{n}_close"] = start, end
    temporary = {"open": "operating_as_usual", "temporarily_closed": "temporarily_closed", "closed": "no_data"}
    return {
        "id": store.ids["facebook_page"], "name": listing.name,
        "single_line_address": f"{listing.street}, {listing.locality}, United Kingdom, {listing.postcode}",
        "location": {"street": listing.street, "city": listing.locality, "zip": listing.postcode,
                     "country": "United Kingdom", "latitude": store.lat, "longitude": store.lon},
        "phone": listing.phone, "website": listing.website, "hours": hours,
        "is_permanently_closed": listing.status == "closed", "temporary_status": temporary[listing.status],
        "overall_star_rating": 4.2, "rating_count": 88, "category_list": [{"id": "128673187201735",
                                                                          "name": "Coffee Shop"}],
    }  # fmt: skip


def apple_business_connect(store: Store, listing: Listing) -> dict[str, Any]:
    by_day = [{"day": ENGLISH[i], "times": [{"startTime": s, "endTime": e} for s, e in listing.week.get(d, [])]}
              for i, d in enumerate(DAYS) if listing.week.get(d)]  # fmt: skip
    specials = [{"startDate": d, "endDate": d, "closed": not r, "times": [{"startTime": a, "endTime": b}
                                                                         for a, b in r]}
                for d, r in listing.specials.items()]  # fmt: skip
    status = {"open": "OPEN", "temporarily_closed": "TEMPORARILY_CLOSED", "closed": "CLOSED"}
    return {
        "id": store.ids["apple_location"], "companyId": "990001", "state": "PUBLISHED",
        "locationDetails": {
            "partnersLocationId": store.store_id,
            "displayNames": [{"name": listing.name, "locale": "en-GB", "primary": True}],
            "mainAddress": {"structuredAddress": {"locality": listing.locality, "postCode": listing.postcode,
                                                  "countryCode": "GB", "fullThoroughfare": listing.street},
                            "locale": "en-GB"},
            "phoneNumbers": [{"phoneNumber": listing.phone, "type": "LANDLINE", "primary": True}],
            "urls": [{"url": listing.website, "type": "HOMEPAGE"}],
            "openingHoursByDay": by_day,
            "specialHours": specials,
            "locationStatus": {"status": status[listing.status]},
            "categories": ["food.coffee_shop"],
        },
    }  # fmt: skip


def osm_element(store: Store, listing: Listing) -> dict[str, Any]:
    from auditor.sources.convert.common import osm_text

    number, _, street = listing.street.partition(" ")
    if not number[:1].isdigit():
        number, street = "", listing.street
    tags = {"brand": "Starbucks", "brand:wikidata": "Q37158", "name": listing.name, "cuisine": "coffee_shop",
            "addr:street": street, "addr:city": listing.locality, "addr:postcode": listing.postcode,
            "phone": listing.phone, "website": listing.website, "opening_hours": osm_text(listing.week)}  # fmt: skip
    if number:
        tags["addr:housenumber"] = number
    tags["disused:amenity" if listing.status == "closed" else "amenity"] = "cafe"
    kind, ident = store.ids["osm_id"].split("/")
    return {"type": kind, "id": int(ident), "lat": store.lat, "lon": store.lon, "tags": tags}


def atp_feature(store: Store, listing: Listing) -> dict[str, Any]:
    from auditor.sources.convert.common import osm_text

    return {"type": "Feature", "id": f"atp-{store.store_id}",
            "properties": {"ref": store.store_id, "@spider": "starbucks_gb", "name": listing.name,
                           "brand": "Starbucks", "brand:wikidata": "Q37158", "addr:street_address": listing.street,
                           "addr:city": listing.locality, "addr:postcode": listing.postcode, "addr:country": "GB",
                           "phone": listing.phone, "website": listing.website,
                           "opening_hours": osm_text(listing.week)},
            "geometry": {"type": "Point", "coordinates": [store.lon, store.lat]}}  # fmt: skip


PER_STORE = {"google_business_profile": google_business_profile, "google_places": google_places,
             "foursquare": foursquare, "facebook": facebook, "apple_business_connect": apple_business_connect}


# (stars, days before 2026-12-01, text, owner reply or "")
REVIEWS = [
    (5, 3, "Friendly barista, my flat white was ready in two minutes.", "Thank you, see you soon!"),
    (2, 9, "Long queue and the milk was cold. Tables were not cleaned.", ""),
    (4, 20, "Good coffee, a bit noisy at lunchtime.", ""),
]
WORDS = {1: "ONE", 2: "TWO", 3: "THREE", 4: "FOUR", 5: "FIVE"}


def _when(days: int) -> str:
    import datetime as dt

    return (dt.datetime(2026, 12, 1, 10, 15, 30) - dt.timedelta(days=days)).isoformat()


def gbp_reviews(store: Store) -> dict[str, Any]:
    reviews = []
    for n, (stars, days, text, reply) in enumerate(REVIEWS):
        review = {"name": f"accounts/990001/{store.ids['google_location']}/reviews/r{n}", "reviewId": f"g-{store.store_id}-{n}",
                  "reviewer": {"displayName": f"Reviewer {n}", "isAnonymous": False}, "starRating": WORDS[stars],
                  "comment": text, "createTime": _when(days) + ".123Z", "updateTime": _when(days) + ".123Z"}
        if reply:
            review["reviewReply"] = {"comment": reply, "updateTime": _when(days - 1) + "Z"}
        reviews.append(review)
    return {"reviews": reviews, "averageRating": 3.7, "totalReviewCount": len(reviews)}

