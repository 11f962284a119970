# ruff: noqa: E501 (fixture tables, one record a line)
"""A brand on eight platforms: six real Starbucks stores in Great Britain (tests/data/locations)
as the roster, each platform's answer for each store in that platform's documented shape, with
defects planted per platform and equivalent forms that must not be flagged."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from auditor.demo.platforms import HOSTS as DEMO_HOSTS

DATA = Path(__file__).resolve().parents[1] / "data" / "locations" / "starbucks_gb_ca.csv"
DAYS = ("mo", "tu", "we", "th", "fr", "sa", "su")
HOSTS = {
    **DEMO_HOSTS,
    "alltheplaces": "alltheplaces-data.openaddresses.io",
    "google_business_profile_reviews": "mybusiness.googleapis.com",
}
# hours the roster gives (not in the data set): a lunch break, a late night, an overnight Friday
WEEKS = [
    {d: [("07:00", "19:00")] for d in DAYS[:5]} | {"sa": [("08:00", "18:00")], "su": [("09:00", "17:00")]},
    {d: [("06:30", "12:00"), ("13:00", "20:00")] for d in DAYS[:5]} | {"sa": [("08:00", "17:00")], "su": []},
    {d: [("07:00", "22:00")] for d in DAYS[:4]} | {"fr": [("07:00", "02:00")], "sa": [("08:00", "18:00")],
                                                   "su": []},  # a range ending before it starts: overnight
]
OSM = {0: "Mo-Fr 07:00-19:00; Sa 08:00-18:00; Su 09:00-17:00",
       1: "Mo-Fr 06:30-12:00,13:00-20:00; Sa 08:00-17:00",
       2: "Mo-Th 07:00-22:00; Fr 07:00-02:00; Sa 08:00-18:00"}  # fmt: skip
HOLIDAY = "2026-12-25"


@dataclass
class Store:
    store_id: str
    name: str
    street: str
    locality: str
    postcode: str
    phone: str  # as the data set writes it
    e164: str
    lat: float
    lon: float
    week: dict[str, list[tuple[str, str]]]
    osm_hours: str
    website: str
    ids: dict[str, str] = field(default_factory=dict)


def _e164(phone: str) -> str:
    digits = "".join(c for c in phone if c.isdigit())
    return "+44" + digits.lstrip("0")


def load_stores(count: int = 6) -> list[Store]:
    """The first ``count`` GB stores with an 11-digit phone, street and postcode."""
    stores: list[Store] = []
    with DATA.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            digits = "".join(c for c in row["Phone Number"] if c.isdigit())
            if row["Country"] != "GB" or len(digits) != 11 \
                    or not digits.startswith("0"):
                continue
            if not row["Street Address"] or not row["Postcode"] or "," in row["Street Address"]:
                continue
            n = len(stores)
            sid = f"SB-{n + 1:03d}"
            stores.append(Store(
                store_id=sid, name=f"Starbucks {row['Store Name']}", street=row["Street Address"],
                locality=row["City"], postcode=row["Postcode"], phone=row["Phone Number"], e164=_e164(digits),
                lat=float(row["Latitude"]), lon=float(row["Longitude"]), week=WEEKS[n % 3], osm_hours=OSM[n % 3],
                website=f"https://www.starbucks.example/store/{sid.lower()}/",
                ids={"google_location": f"locations/{1000 + n}", "place_id": f"ChIJplace{n:03d}",
                     "fsq_id": f"4b{n:06d}", "facebook_page": f"{70000 + n}",
                     "apple_location": f"{880000 + n}", "osm_id": f"node/{5000 + n}"}))  # fmt: skip
            if len(stores) == count:
                break
    return stores


def write_roster(folder: Path, stores: list[Store], status: dict[str, str] | None = None) -> Path:
    path = folder / "roster.csv"
    columns = ["store_id", "name", "region", "street", "locality", "postcode", "country", "phone", "hours",
               "holiday_hours", "website", "status", *stores[0].ids]  # fmt: skip
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        for s in stores:
            writer.writerow([s.store_id, s.name, "ENG", s.street, s.locality, s.postcode, "GB", s.phone,
                             s.osm_hours, f"{HOLIDAY} closed", s.website, (status or {}).get(s.store_id, "open"),
                             *s.ids.values()])  # fmt: skip
    return path


@dataclass
class Listing:
    """What one platform shows for one store (the truth, then the planted changes)."""

    name: str
    street: str
    locality: str
    postcode: str
    phone: str
    website: str
    week: dict[str, list[tuple[str, str]]]
    specials: dict[str, list[tuple[str, str]]]
    status: str = "open"
    google_updated: bool = False
    category: str = "Coffee shop"


def truth(store: Store, international: bool = False) -> Listing:
    phone = store.e164 if international else store.phone
    return Listing(store.name, store.street, store.locality, store.postcode, phone, store.website,
                   {d: list(r) for d, r in store.week.items()}, {HOLIDAY: []})  # fmt: skip


# Planted defects: (platform, store index, kind) -> the rule and source a finding must name.
DEFECTS = {
    "wrong_phone": "nap.phone",
    "wrong_hours": "hours.regular",
    "shown_temporarily_closed": "status.shown_closed",
    "shown_closed": "status.shown_closed",
    "missing_holiday_hours": "hours.holiday",
    "google_updated": "listing.platform_edit",
    "wrong_category": "listing.category",
}
PLANTS: dict[str, list[tuple[int, str]]] = {
    "google_business_profile": [(1, "wrong_phone"), (2, "wrong_hours"), (3, "shown_temporarily_closed"),
                                (4, "missing_holiday_hours"), (0, "google_updated"), (5, "wrong_category")],
    "google_places": [(2, "wrong_phone"), (3, "wrong_hours"), (4, "shown_temporarily_closed"),
                      (0, "wrong_category")],  # its special days cover a week: not yet Christmas
    "foursquare": [(4, "wrong_phone"), (1, "wrong_hours"), (2, "shown_closed")],
    "facebook": [(1, "wrong_hours"), (2, "wrong_phone"), (4, "shown_temporarily_closed")],
    "apple_business_connect": [(2, "wrong_hours"), (3, "wrong_phone"), (1, "shown_temporarily_closed"),
                               (4, "missing_holiday_hours")],
    "osm_overpass": [(1, "wrong_phone"), (3, "wrong_hours"), (2, "shown_closed")],
    "alltheplaces": [(2, "wrong_phone"), (4, "wrong_hours")],
}  # fmt: skip


def plant(listing: Listing, kind: str) -> None:
    if kind == "wrong_phone":
        digits = listing.phone.replace(" ", "")
        listing.phone = digits[:-3] + str((int(digits[-3:]) + 111) % 1000).zfill(3)
    elif kind == "wrong_hours":
        listing.week["we"] = [("10:00", "16:00")]
    elif kind == "shown_temporarily_closed":
        listing.status = "temporarily_closed"
    elif kind == "shown_closed":
        listing.status = "closed"
    elif kind == "missing_holiday_hours":
        listing.specials = {}
    elif kind == "google_updated":
        listing.google_updated = True
    elif kind == "wrong_category":
        listing.category = "Café"


def listings_for(platform: str, stores: list[Store]) -> dict[str, Listing]:
    """Each store's listing on ``platform``: the truth (phones written the platform's way) with
    that platform's planted defects."""
    international = platform in ("google_places", "apple_business_connect", "facebook")
    shown = {s.store_id: truth(s, international) for s in stores}
    for index, kind in PLANTS[platform]:
        plant(shown[stores[index].store_id], kind)
    return shown


def expected_findings(platform: str, source: str, stores: list[Store]) -> set[tuple[str, str, str]]:
    return {(stores[i].store_id, DEFECTS[kind], source) for i, kind in PLANTS[platform]}
