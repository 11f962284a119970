"""A variant world whose brand is also listed on the platforms (``auditor.sources`` presets).

``generate_platform_world(out, seed)`` writes variant world ``seed`` and then, on the same
local server, each platform's API answers for each store (``platform_answers``, at the very URLs
the presets request), the platforms' ids as roster columns, one preset block per platform in
the spec, and the platforms' part of the ground truth: planted listing defects (an hours edit
Google made itself, a temporarily closed store shown open, missing holiday hours, a wrong
category, an OpenStreetMap phone...), equivalent forms each platform writes its own way (traps)
and the fields a platform does not carry (absent). The demo credentials are in ``CREDENTIALS``:
the audit reads them from the environment like any other secret.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import phonenumbers

from auditor.demo import platform_answers as answers
from auditor.demo.conventions import international
from auditor.demo.variant import TODAY, VStore, generate_variant, make_stores, plan_variant
from auditor.demo.world import World, _Writer

DEFAULT_SEED = 8  # a brand in GB, the US and Canada: a regional holiday (California) comes up soon
HOSTS = {
    "google_business_profile": "mybusinessbusinessinformation.googleapis.com",
    "google_places": "places.googleapis.com",
    "foursquare": "api.foursquare.com",
    "facebook": "graph.facebook.com",
    "apple_business_connect": "businessconnect.apple.com",
    "osm_overpass": "overpass-api.de",
}
ID_COLUMNS = {
    "google_business_profile": "google_location",
    "google_places": "place_id",
    "foursquare": "fsq_id",
    "facebook": "facebook_page",
    "apple_business_connect": "apple_location",
}
CREDENTIALS = {
    "GBP_ACCESS_TOKEN": "demo-gbp-token",
    "GOOGLE_PLACES_API_KEY": "demo-places-key",
    "FOURSQUARE_API_KEY": "demo-foursquare-key",
    "FACEBOOK_PAGE_TOKEN": "demo-facebook-token",
    "APPLE_BC_ACCESS_TOKEN": "demo-apple-token",
}
CATEGORY = "Coffee shop"  # the category the brand chose on Google
WIKIDATA = "Q4875901"  # the demo brand's (made-up) Wikidata item, as OSM tags it
COMPANY = "990001"  # the brand's company id in Apple Business Connect
# what each platform's answer shows (fields the world's truth expects read)
_LISTING = ["name", "address", "phone", "website", "hours"]
SHOWN = {
    "google_business_profile": [*_LISTING, "holiday_hours", "status", "categories", "platform_updated"],
    "google_places": [*_LISTING, "holiday_hours", "status", "categories"],
    "foursquare": [*_LISTING, "status"],
    "facebook": [*_LISTING, "status"],
    "apple_business_connect": [*_LISTING, "holiday_hours", "status"],
    "osm_overpass": [*_LISTING, "status"],
}
DAYS_AHEAD = 14  # how far ahead hours.holiday_ahead looks (rules/hours.yml)
PLACES_WEEK = 7  # Places shows special days for the coming week only (its preset's holiday_window_days)
FINDINGS_ONLY = ("google_places",)  # presets with `store: findings_only`: no observation is kept
HOLIDAY_RULES = ["hours.holiday", "hours.holiday_ahead"]
# kind -> (rule, field, related rules)
KINDS = {
    "wrong_phone": ("nap.phone", "phone", ()),
    "wrong_hours": ("hours.regular", "hours", ()),
    "google_updated": ("listing.platform_edit", "platform_updated", ()),
    "google_edited_hours": ("hours.regular", "hours", ()),
    "wrong_category": ("listing.category", "categories", ()),
    "missing_holiday_hours": ("hours.holiday", "holiday_hours", ("hours.holiday_ahead",)),
    "upcoming_holiday_unset": ("hours.holiday_ahead", "holiday_hours", ("hours.holiday",)),
    "shown_temporarily_closed": ("status.shown_closed", "status", ()),
    "shown_closed": ("status.shown_closed", "status", ()),
    "temporarily_closed_shown_open": ("status.closed_listed", "status", ()),
}


def _digits_changed(number: phonenumbers.PhoneNumber) -> phonenumbers.PhoneNumber:
    """The same number with its last three digits moved on (a wrong number, still a valid form)."""
    changed = phonenumbers.PhoneNumber()
    changed.merge_from(number)
    last = number.national_number % 1000
    changed.national_number = number.national_number - last + (last + 111) % 1000
    return changed


def phone_as(platform: str, number: phonenumbers.PhoneNumber) -> str:
    """The number the way the platform writes it (the roster writes it nationally)."""
    from auditor.demo.conventions import national

    if platform in ("google_places", "facebook"):
        return international(number)  # +1 415-505-3944
    if platform == "apple_business_connect":
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if platform == "osm_overpass":  # OSM's convention: international with spaces only
        return international(number).replace("-", " ")
    return national(number)


def website_as(platform: str, url: str) -> str:
    """The store page's URL as the platform shows it: Google Business Profile links tagged for
    analytics, a Facebook page with the address as its owner typed it."""
    if platform == "google_business_profile":
        return f"{url}?utm_source=gbp&utm_medium=organic"
    if platform == "facebook":
        return url.split("://", 1)[1].rstrip("/")
    return url


def listing_of(platform: str, store: VStore, ids: dict[str, str]) -> answers.Listing:
    """The store as the platform shows it when nothing is wrong."""
    return answers.Listing(
        ids=ids,
        name=store.name,
        number=store.number,
        street_name=store.street_name,
        unit=store.unit,
        street=store.street,
        locality=store.locality,
        state=store.state,
        postcode=store.postcode,
        country=store.country,
        phone=phone_as(platform, store.phone),
        website=website_as(platform, store.website),
        week={d: list(r) for d, r in store.hours.items()},
        specials={d: list(r) for d, r in store.holidays},
        status=store.status,
    )


def plan(stores: list[VStore]) -> list[tuple[str, VStore, str]]:
    """(platform, store, kind) of every planted defect: each a different open store where it can be."""
    open_ = [s for s in stores if s.status == "open"]
    resting = [s for s in stores if s.status == "temporarily_closed"]
    week_end = (TODAY + dt.timedelta(days=PLACES_WEEK - 1)).isoformat()
    this_week = [s for s in open_ if any(TODAY.isoformat() <= d <= week_end for d, _r in s.holidays)]

    def pick(n: int) -> VStore:
        return open_[n % len(open_)]

    plants = [
        ("google_business_profile", pick(0), "google_updated"),
        ("google_business_profile", pick(0), "google_edited_hours"),
        ("google_business_profile", pick(1), "wrong_category"),
        ("google_business_profile", (this_week or open_)[0], "missing_holiday_hours"),
        ("google_places", pick(2), "wrong_phone"),
        ("google_places", pick(3), "shown_temporarily_closed"),
        *[("google_places", store, "missing_holiday_hours") for store in this_week[-1:]],  # within its week
        ("foursquare", pick(4), "wrong_hours"),
        ("foursquare", pick(5), "shown_closed"),
        ("facebook", pick(6), "shown_temporarily_closed"),
        ("facebook", pick(7), "wrong_phone"),
        ("apple_business_connect", pick(8), "wrong_hours"),
        ("apple_business_connect", pick(9), "missing_holiday_hours"),
        ("osm_overpass", pick(1), "wrong_phone"),
        ("osm_overpass", pick(10), "shown_closed"),
    ]
    planted = {(p, s.store_id) for p, s, k in plants if k == "missing_holiday_hours"}
    for store in open_:  # a regional holiday soon that the roster has no hours for
        for p in HOSTS:
            ahead = PLACES_WEEK - 1 if p == "google_places" else DAYS_AHEAD  # what Places shows yet
            if "holiday_hours" in SHOWN[p] and (p, store.store_id) not in planted:
                plants += (
                    [(p, store, "upcoming_holiday_unset")] if upcoming_holidays(store, TODAY, ahead) else []
                )
    for store in resting:  # a temporary closure: Google and Facebook shown open; Foursquare and OSM
        plants.append(("google_business_profile", store, "temporarily_closed_shown_open"))
        plants.append(("facebook", store, "temporarily_closed_shown_open"))
        plants.append(("foursquare", store, "temporarily_closed_shown_open"))  # have no word for it
        plants.append(("osm_overpass", store, "temporarily_closed_shown_open"))
    return plants


def upcoming_holidays(store: VStore, today: dt.date, days: int = DAYS_AHEAD) -> list[str]:
    """Public holidays of the store's country and state (the ``holidays`` library) in the next
    ``days`` days that the roster gives no hours for: a listing that shows holiday hours should."""
    import holidays

    try:
        calendar = holidays.country_holidays(store.country, subdiv=store.state or None, years=today.year)
    except NotImplementedError:
        calendar = holidays.country_holidays(store.country, years=today.year)
    listed = {d for d, _r in store.holidays}
    return sorted(
        d.isoformat()
        for d in calendar
        if today <= d <= today + dt.timedelta(days=days) and d.isoformat() not in listed
    )


def _apply(listing: answers.Listing, store: VStore, kind: str, platform: str) -> str:
    """Plant ``kind`` on the listing; what it now shows."""
    if kind == "wrong_phone":
        listing.phone = phone_as(platform, _digits_changed(store.phone))
        return listing.phone
    if kind in ("wrong_hours", "google_edited_hours"):
        listing.week["we"] = [("10:00", "16:00")]
        return "We 10:00-16:00"
    if kind == "google_updated":
        listing.google_updated = True
        return "metadata.hasGoogleUpdated: true"
    if kind == "wrong_category":
        listing.category = "Bakery"
        return listing.category
    if kind == "upcoming_holiday_unset":
        ahead = PLACES_WEEK - 1 if platform == "google_places" else DAYS_AHEAD
        return "no hours for " + ", ".join(upcoming_holidays(store, TODAY, ahead))
    if kind == "missing_holiday_hours":
        listing.specials = {}
        return "no special hours"
    if kind == "shown_temporarily_closed":
        listing.status = "temporarily_closed"
    elif kind == "shown_closed":
        listing.status = "closed"
    elif kind == "temporarily_closed_shown_open":
        listing.status = "open"
    return listing.status


def _traps(platform: str, store: VStore, listing: answers.Listing) -> list[dict[str, Any]]:
    """The forms this platform writes differently from the roster, each one the same fact."""
    found = []

    def trap(kind: str, field: str, shown: str, truth: str) -> None:
        found.append(
            {
                "store_id": store.store_id,
                "source": platform,
                "kind": kind,
                "field": field,
                "shown": shown,
                "truth": truth,
            }
        )

    roster_phone = phone_as("google_business_profile", store.phone)
    if listing.phone != roster_phone and "phone" not in _planted_fields(listing):
        trap("phone_international", "phone", listing.phone, roster_phone)
    if platform == "google_places" and any(
        d > (TODAY + dt.timedelta(days=PLACES_WEEK - 1)).isoformat() for d, _r in store.holidays
    ):
        later = "; ".join(
            d for d, _r in store.holidays if d > (TODAY + dt.timedelta(days=PLACES_WEEK - 1)).isoformat()
        )
        trap("special_days_next_week_only", "holiday_hours", "currentOpeningHours: the next 7 days", later)
    if platform == "google_places":
        trap("formatted_address", "address", answers.formatted_address(listing), store.street)
    if platform == "google_business_profile":
        trap("hours_periods_per_day", "hours", "regularHours.periods, one per day", "grouped days")
        if store.unit:
            trap("address_lines", "address", " | ".join(listing.street.split(", ", 1)), store.street)
    if platform == "osm_overpass":
        trap(
            "address_tags",
            "address",
            f"addr:housenumber={store.number}, addr:street={store.street_name}",
            store.street,
        )
    if listing.website != store.website:
        trap("website_form", "website", listing.website, store.website)
    if platform == "foursquare":
        trap("hours_hhmm", "hours", "open 0700 / close 1800", "07:00-18:00")
    return found


def _planted_fields(listing: answers.Listing) -> set[str]:
    return set(listing.extra.get("planted", ()))


def platform_ids(store: VStore, n: int) -> dict[str, str]:
    return {
        "google_location": f"locations/{4_100_000 + n}",
        "place_id": f"ChIJdemo{n:04d}BeanLeaf",
        "fsq_id": f"5a{n:022d}",
        "facebook_page": f"{108_000_000 + n}",
        "apple_location": f"{77_000 + n}",
    }


def request_url(block: dict[str, Any], row: dict[str, Any] | None = None) -> str:
    """The URL the crawl asks for a preset block (and a roster row, for per-store presets)."""
    from scrapy import Request

    from auditor.crawl.roster import template_url
    from auditor.sources.presets import expand

    source = expand(dict(block))
    url = template_url(source["url_template"], row) if row is not None else source["start_urls"][0]
    return Request(url).url


def preset_blocks(brand: str) -> list[dict[str, Any]]:
    """One preset block per platform, as a user copies it from docs/sources.md; the demo serves
    every API over plain HTTP on 127.0.0.1, so each block names its ``base_url``."""
    blocks = []
    for platform, host in HOSTS.items():
        block: dict[str, Any] = {"preset": platform, "base_url": f"http://{host}"}
        if platform == "google_business_profile":
            block["categories"] = [CATEGORY]
        if platform == "apple_business_connect":
            block["company_id"] = COMPANY
        if platform == "osm_overpass":
            block["wikidata"] = WIKIDATA
        blocks.append(block)
    return blocks


def _spec_with_blocks(text: str, blocks: list[dict[str, Any]]) -> str:
    lines = ["  # the listing platforms (auditor.sources presets; see docs/sources.md)"]
    for block in blocks:
        items = list(block.items())
        lines.append(f"  - {items[0][0]}: {json.dumps(items[0][1])}")
        lines += [f"    {k}: {json.dumps(v, ensure_ascii=False)}" for k, v in items[1:]]
    head, marker, tail = text.partition("\nscoring:")
    return head.rstrip("\n") + "\n" + "\n".join(lines) + "\n" + marker + tail


def _roster_with_ids(roster: Path, ids: dict[str, dict[str, str]]) -> None:
    rows = list(csv.DictReader(io.StringIO(roster.read_text(encoding="utf-8"))))
    columns = [*rows[0], *ID_COLUMNS.values()]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({**row, **ids[row["store_id"]]})
    roster.write_text(buffer.getvalue(), encoding="utf-8")


def generate_platform_world(out_dir: str | Path, seed: int = DEFAULT_SEED) -> World:
    """Variant world ``seed`` with the listing platforms served and in its spec and truth."""
    import random

    from auditor.demo.conventions import choose

    world = generate_variant(out_dir, seed)
    truth = json.loads(world.ground_truth.read_text(encoding="utf-8"))
    conv = choose(seed)  # the very stores the variant wrote: same seed, same draws, same plan
    rng = random.Random(f"variant-{seed}")
    stores = make_stores(rng, conv, rng.randint(14, 18))
    plan_variant(rng, conv, stores)
    rows = {r["store_id"]: r for r in csv.DictReader(io.StringIO(world.roster.read_text(encoding="utf-8")))}
    assert [s.store_id for s in stores] == list(rows), "the platform world lost track of the variant's stores"
    ids = {s.store_id: platform_ids(s, n) for n, s in enumerate(stores)}
    _roster_with_ids(world.roster, ids)
    blocks = preset_blocks(conv.brand.name)
    writer = _Writer(world.world_dir)
    shown = {p: {s.store_id: listing_of(p, s, ids[s.store_id]) for s in stores} for p in HOSTS}
    defects = []
    for platform, store, kind in plan(stores):
        listing = shown[platform][store.store_id]
        rule, field, related = KINDS[kind]
        listing.extra.setdefault("planted", []).append(field)
        planted = _apply(listing, store, kind, platform)
        defects.append(
            {
                "store_id": store.store_id,
                "kind": kind,
                "source": platform,
                "field": field,
                "rule": rule,
                "related_rules": list(related),
                "shown": planted,
                "planted": planted,
                "truth": rows[store.store_id].get(field, "") if field in rows[store.store_id] else "",
            }
        )
    traps = [t for p in HOSTS for s in stores for t in _traps(p, s, shown[p][s.store_id])]
    by_platform = dict(zip(HOSTS, blocks, strict=True))
    places_week = (TODAY.isoformat(), (TODAY + dt.timedelta(days=PLACES_WEEK - 1)).isoformat())
    for store in stores:
        row = {**rows[store.store_id], **ids[store.store_id]}
        listing = shown["google_business_profile"][store.store_id]
        writer.put(
            request_url(by_platform["google_business_profile"], row),
            json.dumps(answers.google_business_profile(listing)),
        )
        listing = shown["google_places"][store.store_id]
        writer.put(
            request_url(by_platform["google_places"], row),
            json.dumps(answers.google_places(listing, phone_as("foursquare", store.phone), places_week)),
        )
        writer.put(
            request_url(by_platform["foursquare"], row),
            json.dumps(answers.foursquare(shown["foursquare"][store.store_id])),
        )
        writer.put(
            request_url(by_platform["facebook"], row),
            json.dumps(answers.facebook(shown["facebook"][store.store_id])),
        )
        writer.put(
            request_url(by_platform["apple_business_connect"], row),
            json.dumps(answers.apple_business_connect(shown["apple_business_connect"][store.store_id])),
        )
    elements = [
        answers.overpass_element(shown["osm_overpass"][s.store_id], n, WIKIDATA, conv.brand.name)
        for n, s in enumerate(stores)
    ]
    overpass = {
        "version": 0.6,
        "generator": "Overpass API 0.7.62 (demo)",
        "osm3s": {
            "timestamp_osm_base": "2026-11-20T05:00:00Z",
            "copyright": "The data included in this document is from www.openstreetmap.org. "
            "The data is made available under ODbL.",
        },
        "elements": elements,
    }
    writer.put(request_url(by_platform["osm_overpass"]), json.dumps(overpass))
    world.spec.write_text(_spec_with_blocks(world.spec.read_text(encoding="utf-8"), blocks), encoding="utf-8")
    truth["world"] = "variant+platforms"
    truth["platforms"] = list(HOSTS)
    truth["defects"] += defects
    truth["traps"] += traps
    truth["absent"] += [
        {"source": p, "field": "holiday_hours", "rules": HOLIDAY_RULES}
        for p in HOSTS
        if "holiday_hours" not in SHOWN[p]
    ]
    truth["shown"].update({p: list(SHOWN[p]) for p in HOSTS if p not in FINDINGS_ONLY})
    truth["findings_only"] = list(FINDINGS_ONLY)  # read and judged, but kept only in findings
    truth["credentials"] = sorted(CREDENTIALS)
    world.ground_truth.write_text(
        json.dumps(truth, indent=1, sort_keys=True, ensure_ascii=False), encoding="utf-8"
    )
    return world
