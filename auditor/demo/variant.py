"""Variant demo worlds: one brand per seed, written in the conventions the seed draws.

``generate_variant(out, seed)`` writes, like ``generate``, the served files, roster, a spec
written as a user would write it from the docs, and ``ground_truth.json``. The truth lists planted
defects, equivalent forms that must not be flagged (traps), and data a source does not carry
(``absent``: no reply markup, undated reviews, a directory without hours) that must give coverage
notes, never findings. The default world (``generate``, seed 7) is not touched by any of this.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import phonenumbers

from auditor.demo import variant_pages as vp
from auditor.demo.conventions import (
    COUNTRIES,
    FORBIDDEN,
    PERM_CLOSED,
    STORES_PATH,
    TEMP_CLOSED,
    Conventions,
    SourceStyle,
    choose,
    international,
    languages_of,
    national,
    phone,
)
from auditor.demo.conventions import HOURS_PATTERNS as PATTERNS
from auditor.demo.logos import draw_brand_logo
from auditor.demo.reviews_i18n import reply_text, review_text
from auditor.demo.variant_spec import spec_text
from auditor.demo.world import World, _Writer

TODAY = dt.date(2026, 11, 20)
PER_INDEX = 5
REVIEWS_PER_PAGE = 8
REVIEW_HOSTS = {
    "en": "ratewise.example",
    "de": "kundenstimmen.example",
    "fr": "avisclients.example",
    "nl": "klantoordeel.example",
    "es": "opiniones.example",
}
AUTHORS = ("Sam K.", "Anna M.", "Luca B.", "Sophie D.", "Jan V.", "Marta G.", "Tom H.", "Léa P.", "Ben R.")
COPY = {
    "en": "Fresh bakes and good coffee at {brand} {label}, every day.",
    "de": "Frisches Brot und guter Kaffee bei {brand} {label}, jeden Tag.",
    "fr": "Du bon pain et du café chez {brand} {label}, tous les jours.",
    "nl": "Vers brood en goede koffie bij {brand} {label}, elke dag.",
    "es": "Pan recién hecho y buen café en {brand} {label}, todos los días.",
    "it": "Pane fresco e buon caffè da {brand} {label}, ogni giorno.",
}
FORMERLY = {
    "en": "Formerly",
    "de": "Früher",
    "fr": "Anciennement",
    "nl": "Voorheen",
    "es": "Antes",
    "it": "Già",
}
HOLIDAY_WORD = {
    "en": "Holiday hours",
    "de": "Feiertage",
    "fr": "Jours fériés",
    "nl": "Feestdagen",
    "es": "Festivos",
    "it": "Festività",
}

HOTLINES = {
    "AU": "1800 123 456",
    "GB": "0800 046 1234",
    "US": "1-800-232-5623",
    "CA": "1-800-232-5623",
    "DE": "0800 7234567",
    "AT": "0800 123456",
    "FR": "0 800 12 34 56",
    "NL": "0800 1234",
    "BE": "0800 12 345",
    "ES": "900 123 456",
    "IT": "800 123 456",
}
CLOSED_NOW = {
    "en": "Closed now · Opens {} tomorrow",
    "de": "Jetzt geschlossen · Öffnet morgen um {} Uhr",
    "fr": "Fermé actuellement · Ouvre demain à {}",
    "nl": "Nu gesloten · Opent morgen om {}",
    "es": "Cerrado ahora · Abre mañana a las {}",
    "it": "Chiuso ora · Apre domani alle {}",
}
SERVICE = {
    "en": "Customer service",
    "de": "Kundenservice",
    "fr": "Service client",
    "nl": "Klantenservice",
    "es": "Atención al cliente",
    "it": "Servizio clienti",
}

# kind -> (rule, where, field, related rules)
KINDS: dict[str, tuple[str, str, str, tuple[str, ...]]] = {
    "wrong_phone": ("nap.phone", "listing", "phone", ()),
    "wrong_address": ("nap.address", "listing", "address", ()),
    "retired_name_listing": ("nap.name", "listing", "name", ()),
    "wrong_website": ("nap.website", "listing", "website", ()),
    "wrong_hours": ("hours.regular", "listing", "hours", ()),
    "missing_listing": ("coverage.presence", "listing", "presence", ()),
    "duplicate_listing": ("listing.duplicate", "listing", "listing", ()),
    "closed_still_listed": ("status.closed_listed", "status", "status", ()),
    "open_while_temporarily_closed": ("status.closed_listed", "status", "status", ()),
    "closed_while_open": ("status.closed_listed", "listing", "status", ()),
    "listing_wrong_holiday_hours": ("hours.holiday", "listing", "holiday_hours", ()),
    "site_wrong_phone": ("nap.phone", "site", "phone", ()),
    "site_wrong_hours": ("hours.site", "site", "hours", ("hours.regular",)),
    "site_wrong_address": ("nap.address", "site", "address", ()),
    "missing_holiday_hours": ("hours.holiday", "site", "holiday_hours", ()),
    "off_palette_colour": ("identity.palette", "site", "colours", ()),
    "wrong_font": ("identity.font", "site", "fonts", ()),
    "old_logo": ("identity.logo", "site", "logo", ()),
    "missing_disclaimer": ("voice.disclaimer", "site", "text", ("voice.required_phrase",)),
    "forbidden_phrase": ("voice.forbidden", "site", "text", ()),
    "retired_name_site": ("voice.retired_name", "site", "text", ()),
    "unreadable_source": ("coverage.source", "source", "source", ()),
    "falling_rating": (
        "reviews.rating_floor",
        "reviews",
        "rating",
        ("reviews.recent_rating", "reviews.sentiment_floor", "reviews.sentiment_year", "reviews.theme_alert"),
    ),
    "falling_sentiment": (
        "reviews.sentiment_floor", "reviews", "sentiment", ("reviews.sentiment_year", "reviews.theme_alert")
    ),
    "unanswered_negative_reviews": ("reviews.response_rate", "reviews", "replies", ()),
    "stale_reviews": ("reviews.recency", "reviews", "recency", ()),
}


@dataclass
class VStore:
    store_id: str
    name: str
    label: str
    country: str
    language: str
    locality: str
    state: str
    postcode: str
    region: str
    street_name: str
    street_abbrev: str
    number: str
    phone: phonenumbers.PhoneNumber
    hours: vp.Hours
    holidays: list[tuple[str, tuple[tuple[str, str], ...]]]
    slug: str
    website: str = ""
    status: str = "open"
    opened: str = ""
    unit: str = ""  # a suite or unit in the building, where the country writes one
    roster_website: str = ""  # the store page's URL as the roster writes it, when not as served

    def street_as(self, street_name: str, number: str | None = None, unit_form: str = "") -> str:
        """The street line; ``unit_form`` writes the unit another way (``Ste``, ``#``, ``slash``)."""
        number = number or self.number
        country = COUNTRIES[self.country]
        if country.number_first:
            line = f"{number} {street_name}"
        else:
            line = f"{street_name}, {number}" if country.number_comma else f"{street_name} {number}"
        if not self.unit:
            return line
        if self.country == "AU":
            return f"{self.unit}/{line}" if unit_form == "slash" else f"Unit {self.unit}, {line}"
        if unit_form == "#":
            return f"{line} #{self.unit}"
        return f"{line}, {unit_form or 'Suite'} {self.unit}"

    @property
    def street(self) -> str:
        return self.street_as(self.street_name)

    def roster_row(self) -> dict[str, str]:
        return {
            "store_id": self.store_id,
            "name": self.name,
            "region": self.region,
            "street": self.street,
            "locality": self.locality,
            "state": self.state,
            "postcode": self.postcode,
            "country": self.country,
            "phone": national(self.phone),
            "hours": vp.osm_hours(self.hours),
            "holiday_hours": "; ".join(
                f"{d} {','.join(f'{a}-{b}' for a, b in r) if r else 'closed'}" for d, r in self.holidays
            ),
            "website": self.roster_website or self.website,
            "status": self.status,
            "opened": self.opened,
        }


@dataclass
class Entry:
    """A defect, trap or absent field in the ground truth."""

    store_id: str
    kind: str
    source: str
    field: str
    shown: str = ""
    truth: str = ""
    extra: dict = field(default_factory=dict)


def _holidays(country: str) -> list[tuple[str, tuple[tuple[str, str], ...]]]:
    days: list[tuple[str, tuple[tuple[str, str], ...]]] = [("2026-12-25", ()), ("2027-01-01", ())]
    if country in ("DE", "AT"):
        days = [
            ("2026-12-24", (("07:00", "12:00"),)),
            ("2026-12-25", ()),
            ("2026-12-26", ()),
            ("2027-01-01", ()),
        ]
    elif country == "US":
        days = [("2026-11-26", ()), *days]
    elif country in ("GB", "AU", "CA"):
        days = [("2026-12-25", ()), ("2026-12-26", ()), ("2027-01-01", ())]
    return days


def _language(country: str, locality: str) -> str:
    if country == "BE":
        return "nl" if locality in ("Antwerpen", "Gent") else "fr"
    return COUNTRIES[country].languages[0]


def site_base(conv: Conventions) -> str:
    return f"http://www.{conv.brand.slug}.example"


def make_stores(rng: random.Random, conv: Conventions, count: int) -> list[VStore]:
    stores: list[VStore] = []
    used: dict[str, int] = {}
    prefix = "".join(w[0] for w in conv.brand.name.replace("&", " ").split()).upper()
    multilingual = len(languages_of(conv.countries)) > 1
    for index in range(1, count + 1):
        country = (
            conv.countries[(index - 1) % len(conv.countries)]
            if index <= len(conv.countries)
            else (rng.choice(conv.countries))
        )
        spec = COUNTRIES[country]
        locality, state, postcode, area, region = rng.choice(spec.cities)
        used[locality] = used.get(locality, 0) + 1
        label = locality if used[locality] == 1 else f"{locality} {used[locality]}"
        street_name, abbrev = rng.choice(spec.streets)
        language = _language(country, locality)
        pattern = rng.choice(PATTERNS[language])
        slug = (
            label.lower()
            .replace(" ", "-")
            .replace("ü", "ue")
            .replace("ö", "oe")
            .replace("é", "e")
            .replace("è", "e")
            .replace("î", "i")
            .replace("ä", "ae")
            .replace("ß", "ss")
        )  # labels are unique ("Hamburg", "Hamburg 2"), so are their slugs
        store = VStore(
            store_id=f"{prefix}-{index:03d}",
            name=f"{conv.brand.name} {label}",
            label=label,
            country=country,
            language=language,
            locality=locality,
            state=state,
            postcode=postcode,
            region=region,
            street_name=street_name,
            street_abbrev=abbrev,
            number=str(rng.randint(1, 180)),
            unit=(
                str(rng.randint(1, 12))
                if country == "AU"
                else str(rng.randint(1, 4) * 100 + rng.randint(0, 20))
            )
            if country in ("AU", "US", "CA") and rng.random() < 0.35
            else "",
            phone=phone(rng, country, area),
            hours=dict(pattern),
            holidays=_holidays(country),
            slug=slug,
            opened=f"{rng.randint(2008, 2024)}-{rng.randint(1, 12):02d}-01",
        )
        lang_part = f"/{language}" if multilingual else ""
        store.website = f"{site_base(conv)}{lang_part}/{STORES_PATH[language]}/{slug}/"
        stores.append(store)
    closed, temporary = rng.sample(stores[len(conv.countries) :], 2)
    closed.status = "closed"
    temporary.status = "temporarily_closed"
    return stores


# --- the plan: defects, traps, absent fields -------------------------------------------------------


@dataclass
class VPlan:
    defects: list[Entry] = field(default_factory=list)
    traps: list[Entry] = field(default_factory=list)
    absent: list[dict] = field(default_factory=list)

    def at(self, store_id: str, source: str) -> set[str]:
        return {d.kind for d in self.defects if d.store_id == store_id and d.source == source}

    def get(self, store_id: str, source: str, kind: str) -> Entry | None:
        return next(
            (d for d in self.defects if d.store_id == store_id and d.source == source and d.kind == kind),
            None,
        )


def review_source_id(conv: Conventions) -> str:
    if conv.reviews_where == "embedded":
        return "storereviews"
    return REVIEW_HOSTS.get(conv.language, REVIEW_HOSTS["en"]).split(".")[0]


def plan_variant(rng: random.Random, conv: Conventions, stores: list[VStore]) -> VPlan:
    plan = VPlan()
    open_stores = [s for s in stores if s.status == "open"]
    dirs = [d.id for d in conv.directories]
    with_hours = [d.id for d in conv.directories if d.hours != "none"]
    reviews = review_source_id(conv)
    listing_busy: set[tuple[str, str]] = set()
    for kind in (
        "wrong_phone",
        "wrong_address",
        "retired_name_listing",
        "wrong_website",
        "wrong_hours",
        "missing_listing",
        "duplicate_listing",
        "closed_while_open",
        "listing_wrong_holiday_hours",
    ):
        choices = with_hours if kind == "wrong_hours" else dirs
        if kind == "listing_wrong_holiday_hours":
            choices = [d.id for d in conv.directories if d.holidays]
            if not choices:
                continue
        for _ in range(500):
            store, source = rng.choice(open_stores), rng.choice(choices)
            if (store.store_id, source) not in listing_busy:
                listing_busy.add((store.store_id, source))
                plan.defects.append(_describe(rng, conv, store, kind, source))
                break
    closed = next(s for s in stores if s.status == "closed")
    temporary = next(s for s in stores if s.status == "temporarily_closed")
    # on different directories: each shows the other store's closure, so both show statuses at all
    still_listed, shown_open = rng.sample(dirs, 2)
    plan.defects.append(
        Entry(closed.store_id, "closed_still_listed", still_listed, "status", "open", "closed")
    )
    plan.defects.append(
        Entry(
            temporary.store_id,
            "open_while_temporarily_closed",
            shown_open,
            "status",
            "open",
            "temporarily_closed",
        )
    )
    site_kinds = [
        "site_wrong_phone",
        "site_wrong_address",
        "site_wrong_hours",
        "missing_holiday_hours",
        "off_palette_colour",
        "wrong_font",
        "old_logo",
        "missing_disclaimer",
        "forbidden_phrase",
        "retired_name_site",
    ]
    pages = rng.sample(open_stores, len(site_kinds)) if len(open_stores) >= len(site_kinds) else open_stores
    for kind, store in zip(site_kinds, pages, strict=False):
        plan.defects.append(_describe(rng, conv, store, kind, "site"))
    # without stars a falling reputation shows in the words only, and "1-2 star reviews" do not exist
    review_kinds = ["falling_rating" if conv.stars != "none" else "falling_sentiment"]
    if conv.replies and conv.stars != "none":
        review_kinds.append("unanswered_negative_reviews")
    if conv.dates != "none":
        review_kinds.append("stale_reviews")
    for kind, store in zip(review_kinds, rng.sample(open_stores, len(review_kinds)), strict=True):
        plan.defects.append(_describe(rng, conv, store, kind, reviews))
    if conv.script_directory is not None:
        source = conv.script_directory.id
        plan.defects.append(Entry("", "unreadable_source", source, "source", "0 listings read", "listings"))
        plan.absent.append(
            {
                "source": source,
                "field": "*",
                "rules": ["*"],
                "reason": "the directory shows its listings only through a script: nothing about a store",
            }
        )
    for style in conv.directories:
        if style.hours == "none":
            plan.absent.append(
                {
                    "source": style.id,
                    "field": "hours",
                    "rules": ["hours.regular"],
                    "reason": "the directory does not show opening hours",
                }
            )
    if conv.stars == "none":
        plan.absent.append(
            {
                "source": reviews,
                "field": "rating",
                "rules": ["reviews.rating_floor"],
                "reason": "the reviews show no star rating",
            }
        )
    if not conv.replies:
        plan.absent.append(
            {
                "source": reviews,
                "field": "replies",
                "rules": ["reviews.response_rate"],
                "reason": "the review pages carry no owner-reply markup",
            }
        )
    if conv.dates == "none":
        plan.absent.append(
            {
                "source": reviews,
                "field": "recency",
                "rules": ["reviews.recency"],
                "reason": "the reviews are undated",
            }
        )
    return plan


def _describe(rng: random.Random, conv: Conventions, store: VStore, kind: str, source: str) -> Entry:
    fld = KINDS[kind][2]
    if kind in ("wrong_phone", "site_wrong_phone"):
        area = next(c[3] for c in COUNTRIES[store.country].cities if c[0] == store.locality)
        other = phone(rng, store.country, area)
        return Entry(store.store_id, kind, source, fld, national(other), national(store.phone))
    if kind in ("wrong_address", "site_wrong_address"):
        number = str(int(store.number) + rng.randint(2, 40))
        return Entry(
            store.store_id, kind, source, fld, store.street_as(store.street_name, number), store.street
        )
    if kind == "retired_name_listing":
        return Entry(store.store_id, kind, source, fld, f"{conv.brand.retired} {store.label}", store.name)
    if kind == "wrong_website":
        return Entry(store.store_id, kind, source, fld, store.website.rsplit("/", 2)[0] + "/", store.website)
    if kind == "listing_wrong_holiday_hours":
        return Entry(store.store_id, kind, source, fld, "2026-12-25 08:00-12:00", "2026-12-25 closed")
    if kind == "closed_while_open":
        return Entry(store.store_id, kind, source, fld, "temporarily_closed", "open")
    if kind in ("wrong_hours", "site_wrong_hours"):
        return Entry(store.store_id, kind, source, fld, "Saturday closed", vp.osm_hours(store.hours))
    return Entry(store.store_id, kind, source, fld, kind.replace("_", " "), "")


LISTING_TRAPS = (
    "street_abbrev",
    "unit_other_form",
    "state_full_name",
    "postcode_no_space",
    "phone_international",
    "phone_trunk_bracket",
    "phone_dotted",
    "name_and_word",
    "name_legal_suffix",
    "name_upper",
    "name_dash",
    "url_no_trailing_slash",
    "url_https",
    "url_no_www",
    "url_tracking",
    "phone_label",
    "building_line",
)


def listing_traps(
    rng: random.Random, conv: Conventions, store: VStore, source: str, markup: str = ""
) -> list[Entry]:
    country = COUNTRIES[store.country]
    out: list[Entry] = []
    kinds = list(LISTING_TRAPS) + (["name_html_entity"] if markup in ("jsonld", "jsonld_graph") else [])
    rng.shuffle(kinds)  # one form per field: every form gets its turn
    for kind in kinds:
        if rng.random() > 0.4:
            continue
        if kind == "street_abbrev" and store.street_abbrev != store.street_name:
            out.append(
                Entry(
                    store.store_id,
                    kind,
                    source,
                    "address",
                    store.street_as(store.street_abbrev),
                    store.street,
                )
            )
        elif kind == "unit_other_form" and store.unit:
            form = "slash" if store.country == "AU" else rng.choice(("Ste", "#"))
            out.append(
                Entry(
                    store.store_id,
                    kind,
                    source,
                    "address",
                    store.street_as(store.street_name, unit_form=form),
                    store.street,
                )
            )
        elif kind == "state_full_name" and store.state in country.state_names:
            out.append(
                Entry(store.store_id, kind, source, "address", country.state_names[store.state], store.state)
            )
        elif kind == "postcode_no_space" and " " in store.postcode:
            out.append(
                Entry(
                    store.store_id, kind, source, "address", store.postcode.replace(" ", ""), store.postcode
                )
            )
        elif kind == "phone_international":
            out.append(
                Entry(
                    store.store_id, kind, source, "phone", international(store.phone), national(store.phone)
                )
            )
        elif kind == "phone_trunk_bracket" and store.country in ("DE", "AT", "GB", "NL", "BE", "IT"):
            intl = international(store.phone)
            code, _, rest = intl.partition(" ")
            trunk = "" if store.country == "IT" else "(0)"
            if trunk:
                out.append(
                    Entry(
                        store.store_id, kind, source, "phone", f"{code} {trunk}{rest}", national(store.phone)
                    )
                )
        elif kind == "phone_label":  # the label printed with the number
            label = {"en": "Tel:", "de": "Tel.", "fr": "Tél. :", "nl": "Tel:", "es": "Tel.:", "it": "Tel."}
            shown = f"{label[store.language]} {national(store.phone)}"
            out.append(Entry(store.store_id, kind, source, "phone", shown, national(store.phone)))
        elif kind == "building_line" and store.country in ("AU", "GB", "US", "CA"):
            centre = f"{store.locality} {'Shopping Centre' if store.country in ('AU', 'GB') else 'Mall'}"
            out.append(
                Entry(store.store_id, kind, source, "address", f"{centre}, {store.street}", store.street)
            )
        elif kind == "phone_dotted" and store.country == "FR":
            out.append(
                Entry(
                    store.store_id,
                    kind,
                    source,
                    "phone",
                    national(store.phone).replace(" ", "."),
                    national(store.phone),
                )
            )
        elif kind == "name_and_word":
            word = {"en": "and", "de": "und", "fr": "et", "nl": "en", "es": "y", "it": "e"}[store.language]
            out.append(Entry(store.store_id, kind, source, "name", store.name.replace("&", word), store.name))
        elif kind == "name_legal_suffix":
            shown = f"{conv.brand.name} {country.legal_suffix} {store.label}"
            out.append(Entry(store.store_id, kind, source, "name", shown, store.name))
        elif kind == "name_html_entity":  # "&amp;" left escaped inside JSON-LD, as many CMSs write it
            out.append(
                Entry(store.store_id, kind, source, "name", store.name.replace("&", "&amp;"), store.name)
            )
        elif kind == "name_dash":
            shown = store.name.replace(f" {store.label}", f" – {store.label}")
            out.append(Entry(store.store_id, kind, source, "name", shown, store.name))
        elif kind == "url_https":
            shown = store.website.replace("http://", "https://", 1)
            out.append(Entry(store.store_id, kind, source, "website", shown, store.website))
        elif kind == "url_no_www":
            shown = store.website.replace("://www.", "://", 1)
            out.append(Entry(store.store_id, kind, source, "website", shown, store.website))
        elif kind == "name_upper":
            out.append(Entry(store.store_id, kind, source, "name", store.name.upper(), store.name))
        elif kind == "url_no_trailing_slash":
            out.append(
                Entry(store.store_id, kind, source, "website", store.website.rstrip("/"), store.website)
            )
        elif kind == "url_tracking":
            out.append(
                Entry(
                    store.store_id,
                    kind,
                    source,
                    "website",
                    f"{store.website}?utm_source={source}&utm_medium=listing",
                    store.website,
                )
            )
    seen: set[str] = set()
    return [t for t in out if not (t.field in seen or seen.add(t.field))]


# --- rendering -----------------------------------------------------------------------------------


def _clock(clock: str, store: VStore) -> str:
    """12 h clocks are English only; British pages write 9.30am."""
    if store.language != "en" or clock == "24h":
        return "24h"
    return "12h_dot" if store.country == "GB" else "12h"


def _place(store: VStore, language: str, clock: str, hours: bool) -> vp.Place:
    return vp.Place(
        name=store.name,
        street=store.street,
        locality=store.locality,
        state=store.state,
        postcode=store.postcode,
        country=store.country,
        phone=national(store.phone),
        website=store.website,
        hours=dict(store.hours) if hours else None,
        language=language,
        clock=clock,
    )


def _apply(place: vp.Place, store: VStore, traps: list[Entry], defect: Entry | None) -> None:
    for trap in traps:
        if trap.kind in ("street_abbrev", "unit_other_form", "building_line"):  # the street line
            place.street = trap.shown
        elif trap.kind == "state_full_name":
            place.state = trap.shown
        elif trap.kind == "postcode_no_space":
            place.postcode = trap.shown
        elif trap.field in ("phone", "name", "website"):
            setattr(place, trap.field, trap.shown)
    if defect is None:
        return
    if defect.kind in ("wrong_phone", "site_wrong_phone"):
        place.phone = defect.shown
    elif defect.kind in ("wrong_address", "site_wrong_address"):
        place.street = defect.shown
    elif defect.kind == "retired_name_listing":
        place.name = defect.shown
    elif defect.kind == "wrong_website":
        place.website = defect.shown
    elif defect.kind in ("wrong_hours", "site_wrong_hours") and place.hours is not None:
        place.hours = {**place.hours, "sa": ()}


SITE_CSS = """:root {{ --primary: {p}; --accent: {a}; }}
body {{ font-family: "{f0}", {fb0}; color: #222222; background: #FFFFFF; margin: 0; }}
h1, h2 {{ font-family: "{f1}", {fb1}; color: {p}; }}
header {{ background: {p}; color: #FFFFFF; padding: 12px 24px; }}
a {{ color: {a}; }}
footer {{ border-top: 4px solid {a}; color: #555555; padding: 12px 24px; }}
"""
LEGACY_CSS = """body { font-family: "Comic Neue", cursive; color: #222222; background: #FFFFFF; }
h1, h2 { font-family: "Comic Neue", cursive; }
"""


def _hex_hsl(value: str) -> str:
    from coloraide import Color

    return Color(value).convert("hsl").to_string(precision=4, comma=True)


def _hex_rgb(value: str) -> str:
    return f"rgb({int(value[1:3], 16)}, {int(value[3:5], 16)}, {int(value[5:7], 16)})"


class VariantWriter:
    """Renders one variant world from its conventions, stores and plan."""

    def __init__(
        self, writer: _Writer, conv: Conventions, stores: list[VStore], plan: VPlan, rng: random.Random
    ) -> None:
        self.w, self.conv, self.stores, self.plan, self.rng = writer, conv, stores, plan, rng
        self.reviews: dict[str, list[dict]] = {}
        self.review_truth: list[dict] = []

    # reviews first: listings show the rating they add up to, store pages may embed them
    def make_reviews(self) -> None:
        source = review_source_id(self.conv)
        for store in self.stores:
            kinds = self.plan.at(store.store_id, source)
            count = self.rng.randint(10, 16)
            start = 220 if "stale_reviews" in kinds else 0
            dates = sorted(
                (TODAY - dt.timedelta(days=self.rng.randint(start + 1, start + 300)) for _ in range(count)),
                reverse=True,
            )
            if "stale_reviews" not in kinds:  # a steady store was reviewed lately
                dates = sorted([TODAY - dt.timedelta(days=self.rng.randint(1, 20)), *dates[1:]], reverse=True)
            complaints = set(self.rng.sample(range(count), 1))
            out = []
            for i, date in enumerate(dates):
                if kinds & {"falling_rating", "falling_sentiment"} and i < int(count * 0.75):
                    label = "negative"
                elif "unanswered_negative_reviews" in kinds:
                    # complaints left unanswered, among otherwise glowing reviews (mean stays >= 4)
                    label = "negative" if i % 4 == 1 else "positive"
                elif i in complaints:
                    label = "negative"
                else:
                    label = "positive" if self.rng.random() < 0.9 else "neutral"
                stars = {
                    "positive": 5 if "unanswered_negative_reviews" in kinds else self.rng.choice((4, 5, 5)),
                    "negative": self.rng.choice((1, 2)),
                    "neutral": 3,
                }[label]
                review = {
                    "key": f"{store.store_id}-{i:03d}",
                    "stars": stars,
                    "author": self.rng.choice(AUTHORS),
                    "date": date,
                    # visitors write in their own language now and then
                    "text": review_text(self.rng, "en" if self.rng.random() < 0.1 else store.language, label),
                }
                if self.conv.replies:
                    negative = label == "negative"
                    answer = (
                        "unanswered_negative_reviews" not in kinds if negative else self.rng.random() < 0.6
                    )
                    if answer:
                        review["reply"] = reply_text(store.language, negative)
                        review["reply_date"] = min(TODAY, date + dt.timedelta(days=self.rng.randint(0, 3)))
                out.append(review)
                self.review_truth.append(
                    {
                        "source": source,
                        "store_id": store.store_id,
                        "key": review["key"],
                        "label": label,
                        "stars": stars,
                    }
                )
            self.reviews[store.store_id] = out

    def rating(self, store: VStore) -> tuple[float, int]:
        stars = [r["stars"] for r in self.reviews[store.store_id]]
        return round(sum(stars) / len(stars), 1), len(stars)

    def write_site(self) -> None:
        conv, base = self.conv, site_base(self.conv)
        brand = conv.brand
        listed = [s for s in self.stores if s.status != "closed"]
        self.w.put(f"{base}/robots.txt", f"User-agent: *\nDisallow: /cart/\nSitemap: {base}/sitemap.xml\n")
        self.w.put(f"{base}/sitemap.xml", _sitemap([(s.website, "2026-10-01") for s in listed]))
        self.w.put(
            f"{base}/static/site.css",
            SITE_CSS.format(
                p=brand.palette[0],
                a=brand.palette[1],
                f0=brand.fonts[0],
                f1=brand.fonts[1],
                fb0=brand.fallbacks[0],
                fb1=brand.fallbacks[1],
            ),
        )
        self.w.put(f"{base}/static/legacy.css", LEGACY_CSS)
        self.w.put(f"{base}/static/logo.png", draw_brand_logo(*brand.palette, current=True))
        self.w.put(f"{base}/static/logo-old.png", draw_brand_logo(*brand.palette, current=False))
        self.w.put(f"{base}/", vp.page(brand.name, f"<h1>{brand.name}</h1>"))
        for store in self.stores:
            self.w.put(store.website, self.site_page(store))

    def site_page(self, store: VStore) -> str:
        conv, brand, lang = self.conv, self.conv.brand, store.language
        kinds = self.plan.at(store.store_id, "site")
        clock = _clock(conv.site_clock, store)
        place = _place(store, lang, clock, hours=True)
        place.store_ref = store.store_id if conv.site_store_ref else ""
        defect = next(
            (
                d
                for d in self.plan.defects
                if d.store_id == store.store_id
                and d.source == "site"
                and d.kind in ("site_wrong_phone", "site_wrong_address", "site_wrong_hours")
            ),
            None,
        )
        _apply(place, store, [], defect)
        if "missing_holiday_hours" not in kinds:
            place.holidays = list(store.holidays)
        if conv.reviews_where == "embedded" and conv.review_markup == "jsonld":
            place.reviews = vp.schema_reviews(
                self.reviews[store.store_id], conv.dates != "none", 10 if conv.seed % 8 == 7 else 5
            )
        head = (
            '<link rel="stylesheet" href="/static/legacy.css">'
            if "wrong_font" in kinds
            else '<link rel="stylesheet" href="/static/site.css">'
        )
        inline = []
        if "off_palette_colour" in kinds:
            inline.append(".promo { background: #C0392B; color: #FFFFFF; }")
        if store.status != "closed":
            if "wrong_font" not in kinds:
                self.plan.traps.append(
                    Entry(
                        store.store_id,
                        "font_fallback_stack",
                        "site",
                        "fonts",
                        f'"{brand.fonts[0]}", {brand.fallbacks[0]}',
                        brand.fonts[0],
                    )
                )
            if not kinds & {"off_palette_colour"} and self.rng.random() < 0.5:
                colour = self.rng.choice(brand.palette)
                shown = self.rng.choice((_hex_rgb(colour), _hex_hsl(colour), colour.lower()))
                inline.append(f".cta {{ background: {shown}; }}")
                self.plan.traps.append(
                    Entry(store.store_id, "colour_other_notation", "site", "colours", shown, colour)
                )
            if "wrong_font" not in kinds and self.rng.random() < 0.3:
                shown = f"'{brand.fonts[1].upper()}', serif"
                inline.append(f"h2 {{ font-family: {shown}; }}")
                self.plan.traps.append(
                    Entry(store.store_id, "font_stack_quoting", "site", "fonts", shown, brand.fonts[1])
                )
        if inline:
            head += f"<style>{' '.join(inline)}</style>"
        if conv.site_markup in ("jsonld", "jsonld_graph"):
            head += vp.jsonld_head(place, brand.business_type, conv.site_markup == "jsonld_graph", brand.name)
            block = (
                f'<h1>{place.name}</h1><p class="address">{place.street}, {vp.address_tail(place)}</p>'
                f'<p class="phone">{place.phone}</p>'
            )
        else:
            block = vp.inline_place(place, brand.business_type, conv.site_markup)
        logo = "/static/logo-old.png" if "old_logo" in kinds else "/static/logo.png"
        notice = ""
        if store.status == "temporarily_closed":
            notice = f'<p class="notice">{TEMP_CLOSED[lang]}</p>'
        elif store.status == "closed":
            notice = f'<p class="notice">{PERM_CLOSED[lang]}</p>'
        copy = [COPY[lang].format(brand=brand.name, label=store.label)]
        if "forbidden_phrase" in kinds:
            copy.append(f"{FORBIDDEN[lang]}!")
        if "retired_name_site" in kinds:
            copy.append(f"{FORMERLY[lang]} {brand.retired}.")
        holiday = ""
        if place.holidays:
            holiday = (
                f'<section class="holidays"><h2>{HOLIDAY_WORD[lang]}</h2><ul>'
                + "".join(
                    f"<li>{vp.long_date(dt.date.fromisoformat(d), lang)}: "
                    f"{vp.ranges_text(r, lang, clock)}</li>"
                    for d, r in place.holidays
                )
                + "</ul></section>"
            )
        country = COUNTRIES[store.country]
        disclaimer = "" if "missing_disclaimer" in kinds else f"{country.disclaimer[lang]} "
        hotline = ""
        if conv.seed % 2 == 0 and store.status != "closed":  # the brand's service line beside the store's
            hotline = f'<p class="service">{SERVICE[lang]}: <a href="tel:{HOTLINES[store.country]}">'
            hotline += f"{HOTLINES[store.country]}</a></p>"
            self.plan.traps.append(
                Entry(
                    store.store_id,
                    "service_line_on_page",
                    "site",
                    "phone",
                    HOTLINES[store.country],
                    national(store.phone),
                )
            )
        reviews = ""
        if conv.reviews_where == "embedded" and conv.review_markup == "html":
            reviews = (
                '<section class="reviews">'
                + vp.review_items(self.reviews[store.store_id], conv.stars, conv.dates, lang, store.country)
                + "</section>"
            )
        body = (
            f'<header><img class="logo" src="{logo}" alt="{brand.name}" width="160" height="48"></header>\n'
            f'<main>{notice}{block}<p class="tagline">{brand.tagline.get(lang, "")}'
            f"</p>{vp.visible_hours(place, 'rows')}{holiday}"
            + "".join(f"<p>{c}</p>" for c in copy)
            + f'<p class="cta promo"><a href="/">{brand.name}</a></p>{reviews}</main>\n'
            f"<footer><p>{disclaimer}&copy; 2026 {brand.name} {country.legal_suffix}</p>{hotline}</footer>"
        )
        return vp.page(f"{store.name}", body, head, lang)

    def write_directory(self, style: SourceStyle) -> None:
        conv = self.conv
        entries: list[tuple[VStore, Entry | None, str]] = []
        for store in self.stores:
            defect = next(
                (d for d in self.plan.defects if d.store_id == store.store_id and d.source == style.id), None
            )
            lang = store.language
            if store.status == "closed":
                if defect is not None and defect.kind == "closed_still_listed":
                    entries.append((store, None, ""))
                else:  # directories keep a closed store's listing, marked closed
                    entries.append((store, None, PERM_CLOSED[lang]))
                continue
            if store.status == "temporarily_closed":
                still = defect is not None and defect.kind == "open_while_temporarily_closed"
                entries.append((store, None, "" if still else TEMP_CLOSED[lang]))
                continue
            if defect is not None and defect.kind == "missing_listing":
                continue
            shown_closed = defect is not None and defect.kind == "closed_while_open"
            entries.append((store, defect, TEMP_CLOSED[lang] if shown_closed else ""))
            if defect is not None and defect.kind == "duplicate_listing":
                entries.append((store, None, ""))
        self.rng.shuffle(entries)
        links: list[tuple[str, str]] = []
        records: list[dict] = []
        for position, (store, defect, status) in enumerate(entries, start=1):
            url = f"http://{style.host}/listing/{style.id[:2]}{position:04d}"
            clock = _clock(style.clock, store)
            place = _place(store, store.language, clock, hours=style.hours != "none")
            place.status_text = status
            place.rating, place.review_count = self.rating(store)
            if style.holidays:
                place.holidays = list(store.holidays)
                if defect is not None and defect.kind == "listing_wrong_holiday_hours":
                    place.holidays = [
                        (day, (("08:00", "12:00"),) if day == "2026-12-25" else ranges)
                        for day, ranges in store.holidays
                    ]
            traps = [] if status else listing_traps(self.rng, conv, store, style.id, style.markup)
            if defect is not None:
                traps = [t for t in traps if t.field != defect.field]
            open_store = store.status == "open" and not status and defect is None
            if open_store and style.markup != "json_api" and self.rng.random() < 0.3:
                # "closed now" outside opening hours: the time of day, not a closure
                opens = next(r[0][0] for r in store.hours.values() if r)
                notice = CLOSED_NOW[store.language].format(vp.clock_time(opens, store.language, clock))
                place.status_text = notice
                traps.append(Entry(store.store_id, "closed_now_notice", style.id, "status", notice, "open"))
            if (
                style.markup in ("css", "json_api")
                and place.hours is not None
                and not status
                and (defect is None or defect.field != "hours")
            ):
                traps.append(
                    Entry(
                        store.store_id,
                        f"hours_text_{store.language}_{clock}",
                        style.id,
                        "hours",
                        vp.ranges_text(store.hours["mo"] or store.hours["tu"], store.language, clock),
                        vp.osm_hours(store.hours),
                    )
                )
            self.plan.traps.extend(traps)
            _apply(place, store, traps, defect)
            if style.markup == "json_api":
                records.append(vp.api_record(f"{style.id[:2]}-{position:04d}", place))
                continue
            hours_style = "grouped" if style.hours == "grouped" else "rows"
            self.w.put(
                url,
                vp.listing_page(place, style.markup, conv.brand.business_type, hours_style, style.id.title()),
            )
            links.append((url, place.name))
        if style.markup == "json_api":
            self._write_api(style, records)
            return
        pages = [links[i : i + PER_INDEX] for i in range(0, len(links), PER_INDEX)] or [[]]
        urls = [index_url(style, conv, n) for n in range(1, len(pages) + 1)]
        for n, chunk in enumerate(pages, start=1):
            self.w.put(
                urls[n - 1],
                vp.index_page(
                    f"{conv.brand.name} – {style.id.title()}",
                    [(h.split(style.host, 1)[1], t) for h, t in chunk],
                    style.pagination,
                    n,
                    [u.split(style.host, 1)[1] for u in urls],
                    conv.language,
                ),
            )

    def _write_api(self, style: SourceStyle, records: list[dict]) -> None:
        """A JSON API: PER_INDEX records a page, the next page's path under ``paging.next``."""
        pages = [records[i : i + PER_INDEX] for i in range(0, len(records), PER_INDEX)] or [[]]
        for n, chunk in enumerate(pages, start=1):
            nxt = index_url(style, self.conv, n + 1).split(style.host, 1)[1] if n < len(pages) else None
            body = {"results": chunk, "paging": {"next": nxt, "page": n}}
            self.w.put(index_url(style, self.conv, n), json.dumps(body, ensure_ascii=False, indent=1))

    def write_script_directory(self, style: SourceStyle) -> None:
        """Index pages linking to listing pages whose data only a script would fill in."""
        conv = self.conv
        listed = [s for s in self.stores if s.status != "closed"]
        links = []
        for position, store in enumerate(listed, start=1):
            url = f"http://{style.host}/listing/{style.id[:2]}{position:04d}"
            body = (
                f'<div id="app" data-listing="{style.id[:2]}{position:04d}"></div>'
                f"<noscript>{style.id.title()} needs JavaScript.</noscript>"
                '<script src="/static/app.js"></script>'
            )
            self.w.put(url, vp.page(style.id.title(), body, language=conv.language))
            links.append((url, store.name))
        self.w.put(f"http://{style.host}/static/app.js", "/* fetches the listing from the API */\n")
        pages = [links[i : i + PER_INDEX] for i in range(0, len(links), PER_INDEX)]
        urls = [index_url(style, conv, n) for n in range(1, len(pages) + 1)]
        for n, chunk in enumerate(pages, start=1):
            self.w.put(
                urls[n - 1],
                vp.index_page(
                    f"{conv.brand.name} – {style.id.title()}",
                    [(h.split(style.host, 1)[1], t) for h, t in chunk],
                    style.pagination,
                    n,
                    [u.split(style.host, 1)[1] for u in urls],
                    conv.language,
                ),
            )

    def write_review_site(self) -> None:
        conv = self.conv
        if conv.reviews_where == "embedded":
            return
        host = REVIEW_HOSTS.get(conv.language, REVIEW_HOSTS["en"])
        for store in self.stores:
            reviews = self.reviews[store.store_id]
            base = f"http://{host}/{conv.brand.slug}/{store.store_id}"
            total = -(-len(reviews) // REVIEWS_PER_PAGE)
            for n in range(1, total + 1):
                url = base if n == 1 else f"{base}?page={n}"
                nxt = f"{base}?page={n + 1}" if n < total else None
                chunk = reviews[(n - 1) * REVIEWS_PER_PAGE : n * REVIEWS_PER_PAGE]
                body = (
                    f"<h1>{store.name}</h1>"
                    + vp.review_items(chunk, conv.stars, conv.dates, store.language, store.country)
                    + vp.review_nav(nxt and nxt.split(host, 1)[1], conv.review_pagination, store.language)
                )
                self.w.put(url, vp.page(f"{store.name} – {host}", body, language=store.language))


def index_url(style: SourceStyle, conv: Conventions, n: int) -> str:
    if style.markup == "json_api":
        return f"http://{style.host}/v2/places.json?brand={conv.brand.slug}&page={n}"
    if style.pagination == "offset":
        return f"http://{style.host}/search?brand={conv.brand.slug}&start={(n - 1) * PER_INDEX}"
    return f"http://{style.host}/search?brand={conv.brand.slug}&page={n}"


def _sitemap(urls: list[tuple[str, str]]) -> str:
    entries = "".join(f"<url><loc>{u}</loc><lastmod>{d}</lastmod></url>" for u, d in urls)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>\n'
    )


def _roster_csv(stores: list[VStore], house_number_column: bool = False) -> str:
    """The roster; with ``house_number_column`` the number has its own column (as many ERP exports
    keep it) and the street column holds the street alone."""
    buffer = io.StringIO()
    rows = [s.roster_row() for s in stores]
    if house_number_column:
        for store, row in zip(stores, rows, strict=True):
            row["street"] = store.street_name
        rows = [
            {k: v for k, v in [*list(r.items())[:3], ("house_number", s.number), *list(r.items())[3:]]}
            for s, r in zip(stores, rows, strict=True)
        ]
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def _entry_dict(e: Entry) -> dict:
    out = {
        "store_id": e.store_id,
        "kind": e.kind,
        "source": e.source,
        "field": e.field,
        "shown": e.shown,
        "truth": e.truth,
    }
    if e.kind in KINDS:
        rule, _where, _field, related = KINDS[e.kind]
        out.update({"rule": rule, "related_rules": list(related), "planted": e.shown})
    return out


def shown_fields(conv: Conventions) -> dict[str, list[str]]:
    """Per source, the fields its pages show (what a reader could read)."""
    out = {
        "site": [
            "name",
            "address",
            "phone",
            "hours",
            "holiday_hours",
            "colours",
            "fonts",
            "logo",
            "text",
        ]
    }
    for style in conv.directories:
        out[style.id] = (
            ["name", "address", "phone", "website"]
            + ([] if style.hours == "none" else ["hours"])
            + (["holiday_hours"] if style.holidays else [])
        )
    out[review_source_id(conv)] = (
        (["stars"] if conv.stars != "none" else [])
        + ["text"]
        + (["date"] if conv.dates != "none" else [])
        + (["reply"] if conv.replies else [])
    )
    return out


def generate_variant(out_dir: str | Path, seed: int, locations: int | None = None) -> World:
    """Write variant world ``seed`` (12-18 stores unless ``locations``) into ``out_dir``."""
    conv = choose(seed)
    root = Path(out_dir)
    world_dir = root / "world"
    if world_dir.exists():
        shutil.rmtree(world_dir)
    world_dir.mkdir(parents=True)
    rng = random.Random(f"variant-{seed}")
    stores = make_stores(rng, conv, locations or rng.randint(14, 18))
    plan = plan_variant(rng, conv, stores)
    if not conv.site_store_ref:  # pages matched by URL: the roster leaves some trailing slashes off
        for store in stores:
            if store.status != "closed" and rng.random() < 0.5:
                store.roster_website = store.website.rstrip("/")
                plan.traps.append(
                    Entry(
                        store.store_id,
                        "roster_url_form",
                        "site",
                        "presence",
                        store.roster_website,
                        store.website,
                    )
                )
    writer = VariantWriter(_Writer(world_dir), conv, stores, plan, rng)
    writer.make_reviews()
    writer.write_site()
    for style in conv.directories:
        writer.write_directory(style)
    if conv.script_directory is not None:
        writer.write_script_directory(conv.script_directory)
    writer.write_review_site()
    (world_dir / "faults.json").write_text("{}")
    (root / "assets").mkdir(exist_ok=True)
    (root / "assets" / "logo.png").write_bytes(draw_brand_logo(*conv.brand.palette, current=True))
    roster = root / "roster.csv"
    roster.write_text(_roster_csv(stores, conv.roster_house_number), encoding="utf-8")
    spec = root / "brand.yaml"
    spec.write_text(spec_text(conv, stores), encoding="utf-8")
    truth = {
        "seed": seed,
        "world": "variant",
        "conventions": conv.as_dict(),
        "locations": len(stores),
        "night": 1,
        "today": TODAY.isoformat(),
        "defects": [_entry_dict(d) for d in plan.defects],
        "traps": [_entry_dict(t) for t in plan.traps],
        "absent": plan.absent,
        "shown": shown_fields(conv),
        "fetch_faults": [],
        "reviews": writer.review_truth,
    }
    ground_truth = root / "ground_truth.json"
    ground_truth.write_text(json.dumps(truth, indent=1, sort_keys=True, ensure_ascii=False), encoding="utf-8")
    return World(root, world_dir, spec, roster, ground_truth)


def write_served_variant_spec(world: World, proxy_url: str) -> Path:
    """A copy of the world's spec whose crawl goes through ``proxy_url``; returns its path."""
    path = world.root / "brand.served.yaml"
    path.write_text(
        world.spec.read_text(encoding="utf-8").replace(
            "  proxy: null",
            f"  proxy: {proxy_url}\n  allow_private: [127.0.0.1]  # the world is served on this machine",
        ),
        encoding="utf-8",
    )
    return path
