"""What each source shows for each store: the truth, planted defects and equivalence traps.

A plan is data only; pages.py renders it. Defects never share a (store, source, field), a
listing carries at most one defect (so it can still be matched to its store), and fetch faults
never fall on a page that carries a defect.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from auditor.demo.stores import STATE_NAMES, Store, phone_number

LISTING_SOURCES = ("localpages", "mapdir", "yellowbook", "placesdata")
REVIEW_SOURCE = "reviewhub"

# kind -> (rule, where: "listing" | "site" | "reviews", field, share of stores)
DEFECT_KINDS: dict[str, tuple[str, str, str, float]] = {
    "wrong_phone": ("nap.phone", "listing", "phone", 0.04),
    "old_phone": ("nap.phone", "listing", "phone", 0.03),
    "wrong_address": ("nap.address", "listing", "address", 0.04),
    "retired_name_listing": ("nap.name", "listing", "name", 0.03),
    "wrong_website": ("nap.website", "listing", "website", 0.03),
    "wrong_hours": ("hours.regular", "listing", "hours", 0.04),
    "duplicate_listing": ("listing.duplicate", "listing", "listing", 0.03),
    "missing_listing": ("coverage.presence", "listing", "presence", 0.04),
    "off_palette_colour": ("identity.palette", "site", "colours", 0.03),
    "wrong_font": ("identity.font", "site", "fonts", 0.03),
    "old_logo": ("identity.logo", "site", "logo", 0.03),
    "missing_disclaimer": ("voice.disclaimer", "site", "text", 0.03),
    "forbidden_phrase": ("voice.forbidden", "site", "text", 0.03),
    "retired_name_site": ("voice.retired_name", "site", "text", 0.03),
    "discouraged_term": ("voice.preferred_term", "site", "text", 0.03),
    "missing_holiday_hours": ("hours.holiday", "site", "holiday_hours", 0.03),
    "falling_rating": ("reviews.rating_floor", "reviews", "rating", 0.04),
    "unanswered_negative_reviews": ("reviews.response_rate", "reviews", "replies", 0.04),
    "stale_reviews": ("reviews.recency", "reviews", "recency", 0.03),
}
# rules that may rightly fire on the same planted problem besides its own
RELATED_RULES = {
    "falling_rating": ["reviews.recent_rating", "reviews.sentiment_floor", "reviews.sentiment_year",
                       "reviews.theme_alert"]
}
# the site's text defects share the "text" field but are different problems: keyed by kind
TEXT_KINDS = {"missing_disclaimer", "forbidden_phrase", "retired_name_site", "discouraged_term"}
LISTING_TRAPS = (
    "street_type_abbrev",
    "unit_slash_form",
    "phone_national_format",
    "name_case_punctuation",
    "url_trailing_slash",
    "url_tracking_params",
    "state_full_name",
)
SITE_TRAPS = ("colour_other_notation", "font_stack_quoting")


@dataclass
class Defect:
    store_id: str
    kind: str
    source: str
    planted: str = ""
    truth: str = ""

    @property
    def rule(self) -> str:
        return DEFECT_KINDS[self.kind][0]

    @property
    def field(self) -> str:
        return DEFECT_KINDS[self.kind][2]

    def as_dict(self) -> dict:
        return {
            "store_id": self.store_id,
            "kind": self.kind,
            "rule": self.rule,
            "related_rules": RELATED_RULES.get(self.kind, []),
            "source": self.source,
            "field": self.field,
            "planted": self.planted,
            "truth": self.truth,
        }


@dataclass
class Trap:
    store_id: str
    kind: str
    source: str
    field: str
    shown: str = ""
    truth: str = ""

    def as_dict(self) -> dict[str, str]:
        return {
            "store_id": self.store_id,
            "kind": self.kind,
            "source": self.source,
            "field": self.field,
            "shown": self.shown,
            "truth": self.truth,
        }


@dataclass
class Plan:
    """Defects by (store, source), traps, fetch faults and which listings exist."""

    defects: list[Defect] = field(default_factory=list)
    traps: list[Trap] = field(default_factory=list)
    faults: list[dict[str, str]] = field(default_factory=list)

    def defect(self, store_id: str, source: str, kind: str | None = None) -> Defect | None:
        for d in self.defects:
            if d.store_id == store_id and d.source == source and (kind is None or d.kind == kind):
                return d
        return None

    def kinds_at(self, store_id: str, source: str) -> set[str]:
        return {d.kind for d in self.defects if d.store_id == store_id and d.source == source}


def _count(share: float, stores: int) -> int:
    return max(2, round(share * stores))


def plan_world(rng: random.Random, stores: list[Store]) -> Plan:
    """Plant every defect kind on a share of stores, and traps on every listing where they apply."""
    plan = Plan()
    open_stores = [s for s in stores if s.status == "open"]
    taken: set[tuple[str, str, str]] = set()  # (store, source, field or kind)
    listing_taken: set[tuple[str, str]] = set()
    index: dict[tuple[str, str], list[str]] = {}
    for kind, (_rule, where, fld, share) in DEFECT_KINDS.items():
        if not share:
            continue  # planted below, on the stores the roster says are closed
        wanted = _count(share, len(stores))
        attempts = 0
        while wanted and attempts < 50 * len(stores):
            attempts += 1
            store = rng.choice(open_stores)
            source = (
                rng.choice(LISTING_SOURCES)
                if where == "listing"
                else ("site" if where == "site" else REVIEW_SOURCE)
            )
            slot = (store.store_id, source, kind if kind in TEXT_KINDS else fld)
            if slot in taken or (where == "listing" and (store.store_id, source) in listing_taken):
                continue
            if where == "reviews" and any(
                k in index.get((store.store_id, source), [])
                for k in DEFECT_KINDS
                if DEFECT_KINDS[k][1] == "reviews"
            ):
                continue
            taken.add(slot)
            if where == "listing":
                listing_taken.add((store.store_id, source))
            index.setdefault((store.store_id, source), []).append(kind)
            plan.defects.append(_describe(rng, store, kind, source))
            wanted -= 1
    for position, store in enumerate(s for s in stores if s.status == "closed"):
        # a closed store still listed as open on one source (always for the first two)
        if position < 2 or rng.random() < 0.6:
            source = rng.choice(LISTING_SOURCES)
            plan.defects.append(
                Defect(store.store_id, "closed_still_listed", source, "listed as open", "closed")
            )
    _plant_faults(rng, stores, plan)
    return plan


DEFECT_KINDS["closed_still_listed"] = ("status.closed_listed", "listing", "status", 0.0)


def _describe(rng: random.Random, store: Store, kind: str, source: str) -> Defect:
    """The planted value and the truth it contradicts, for the ground truth."""
    if kind in ("wrong_phone", "old_phone"):
        planted = phone_number(rng, store.state)
        return Defect(store.store_id, kind, source, planted, store.phone)
    if kind == "wrong_address":
        number = str(int(store.number) + rng.randint(2, 40))
        return Defect(
            store.store_id, kind, source, f"{number} {store.street_name} {store.street_type}", store.street
        )
    if kind == "retired_name_listing":
        return Defect(store.store_id, kind, source, f"Furniture Barn {store.suburb}", store.name)
    if kind == "wrong_website":
        return Defect(store.store_id, kind, source, "http://www.furnco.example/stores/", store.website)
    if kind == "wrong_hours":
        return Defect(store.store_id, kind, source, "Sa-Su closed", store.hours)
    planted = {
        "off_palette_colour": "#C0392B",
        "wrong_font": "Comic Neue",
        "old_logo": "/static/logo-2019.png",
        "missing_disclaimer": "no 'Prices include GST.'",
        "forbidden_phrase": "Cheapest in town",
        "retired_name_site": "Furniture Barn",
        "discouraged_term": "couch",
        "missing_holiday_hours": "no holiday hours",
        "falling_rating": "recent reviews 1-2 stars",
        "unanswered_negative_reviews": "no owner reply to negative reviews",
        "stale_reviews": "no review in the last 180 days",
        "duplicate_listing": "listed twice",
        "missing_listing": "not listed",
    }.get(kind, "")
    return Defect(store.store_id, kind, source, planted, "")


def listing_traps(rng: random.Random, store: Store, source: str) -> list[Trap]:
    """Equivalent forms a listing shows instead of the roster's (never findings)."""
    traps = []
    for kind in LISTING_TRAPS:
        if rng.random() > 0.35:
            continue
        if kind == "street_type_abbrev":
            traps.append(
                Trap(
                    store.store_id,
                    kind,
                    source,
                    "address",
                    (f"Unit {store.unit}, " if store.unit else "")
                    + f"{store.number} {store.street_name} {store.street_abbrev}",
                    store.street,
                )
            )
        elif kind == "unit_slash_form" and store.unit:
            traps.append(
                Trap(
                    store.store_id,
                    kind,
                    source,
                    "address",
                    f"{store.unit}/{store.number} {store.street_name} {store.street_type}",
                    store.street,
                )
            )
        elif kind == "phone_national_format":
            digits = store.phone[1:3].lstrip("0") + " " + store.phone[5:]
            traps.append(Trap(store.store_id, kind, source, "phone", f"+61 {digits}", store.phone))
        elif kind == "name_case_punctuation":
            traps.append(Trap(store.store_id, kind, source, "name", store.name.upper(), store.name))
        elif kind == "url_trailing_slash":
            traps.append(
                Trap(store.store_id, kind, source, "website", store.website.rstrip("/"), store.website)
            )
        elif kind == "url_tracking_params":
            traps.append(
                Trap(
                    store.store_id,
                    kind,
                    source,
                    "website",
                    f"{store.website}?utm_source={source}&utm_medium=listing",
                    store.website,
                )
            )
        elif kind == "state_full_name":
            traps.append(Trap(store.store_id, kind, source, "address", STATE_NAMES[store.state], store.state))
    # two traps on one field would overwrite each other: keep the first per field
    seen: set[str] = set()
    return [t for t in traps if not (t.field in seen or seen.add(t.field))]


def _plant_faults(rng: random.Random, stores: list[Store], plan: Plan) -> None:
    """A few pages that time out, fail, are cut short or hold broken JSON-LD; none carry defects."""
    clean = [
        s for s in stores if s.status == "open" and not any(d.store_id == s.store_id for d in plan.defects)
    ]
    rng.shuffle(clean)
    faults = [
        ("timeout", REVIEW_SOURCE, "page 2"),
        ("status_500", REVIEW_SOURCE, "page 2"),
        ("truncated", REVIEW_SOURCE, "page 1"),
        ("malformed_jsonld", "site", "page"),
    ]
    for (fault, source, page), store in zip(faults, clean, strict=False):
        plan.faults.append({"store_id": store.store_id, "source": source, "fault": fault, "page": page})
