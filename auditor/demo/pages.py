"""HTML, JSON and XML of the demo world's sites, rendered from stores and the plan."""

from __future__ import annotations

import json
from dataclasses import dataclass
from html import escape

from auditor.demo.plan import Defect, Trap
from auditor.demo.stores import Store
from auditor.normalise.hours import DAYS, parse_hours

DAY_NAMES = {
    "mo": "Monday",
    "tu": "Tuesday",
    "we": "Wednesday",
    "th": "Thursday",
    "fr": "Friday",
    "sa": "Saturday",
    "su": "Sunday",
}
WRONG_HOURS_OVERRIDE = {"sa": (), "su": ()}


@dataclass
class Shown:
    """The values one listing shows (after traps and defects)."""

    name: str
    street: str
    locality: str
    state: str
    postcode: str
    phone: str
    website: str
    hours: dict[str, tuple[tuple[str, str], ...]]
    status: str = "open"


def shown_values(store: Store, traps: list[Trap], defect: Defect | None) -> Shown:
    hours = {d: parse_hours(store.hours)[d] for d in DAYS}
    shown = Shown(
        store.name,
        store.street,
        store.locality,
        store.state,
        store.postcode,
        store.phone,
        store.website,
        hours,
    )
    for trap in traps:
        if trap.field == "address" and trap.kind == "state_full_name":
            shown.state = trap.shown
        elif trap.field == "address":
            shown.street = trap.shown
        elif trap.field in ("phone", "name", "website"):
            setattr(shown, trap.field, trap.shown)
    if defect is not None:
        if defect.kind in ("wrong_phone", "old_phone"):
            shown.phone = defect.planted
        elif defect.kind == "wrong_address":
            shown.street = defect.planted
        elif defect.kind == "retired_name_listing":
            shown.name = defect.planted
        elif defect.kind == "wrong_website":
            shown.website = defect.planted
        elif defect.kind == "wrong_hours":
            shown.hours = {**hours, **WRONG_HOURS_OVERRIDE}
    return shown


def _h12(hhmm: str) -> str:
    hour, minute = int(hhmm[:2]), hhmm[3:]
    suffix = "am" if hour < 12 or hour == 24 else "pm"
    hour = hour % 12 or 12
    return f"{hour}{'' if minute == '00' else ':' + minute}{suffix}"


def osm_ranges(hours: dict[str, tuple]) -> list[str]:
    """schema.org openingHours strings, one per day with hours: ``Mo 09:00-17:30``."""
    return [f"{d.title()} {','.join(f'{a}-{b}' for a, b in hours[d])}" for d in DAYS if hours[d]]


def _spec(hours: dict[str, tuple]) -> list[dict]:
    return [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": f"https://schema.org/{DAY_NAMES[d]}",
            "opens": a,
            "closes": b,
        }
        for d in DAYS
        for a, b in hours[d]
    ]


def _holiday_spec(store: Store) -> list[dict]:
    out = []
    for part in store.holiday_hours.split(";"):
        day, _, rest = part.strip().partition(" ")
        if rest.strip() == "closed":
            out.append({"@type": "OpeningHoursSpecification", "validFrom": day, "validThrough": day})
        else:
            opens, closes = rest.strip().split("-")
            out.append(
                {
                    "@type": "OpeningHoursSpecification",
                    "validFrom": day,
                    "validThrough": day,
                    "opens": opens,
                    "closes": closes,
                }
            )
    return out


def _page(title: str, body: str, head: str = "") -> str:
    return (
        f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f"{head}</head>\n<body>\n{body}\n</body></html>\n"
    )


def _ld(data: dict) -> str:
    return f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>'


# --- the brand site ----------------------------------------------------------------------------

BRAND_CSS = """:root { --primary: #1F4E5F; --accent: #E07A2E; }
body { font-family: "Source Sans 3", sans-serif; color: #222222; background: #FFFFFF; margin: 0; }
h1, h2 { font-family: Merriweather, serif; color: #1F4E5F; }
header { background: #1F4E5F; color: #FFFFFF; padding: 12px 24px; }
a { color: #E07A2E; }
.hours th { text-align: left; padding-right: 12px; }
footer { border-top: 4px solid #E07A2E; color: #555555; padding: 12px 24px; font-size: 14px; }
"""

COPY = (
    "Visit our {suburb} showroom to try every sofa, bed and dining setting in the range.",
    "Our team in {suburb} can plan delivery and assembly at a time that suits you.",
    "Free design advice in store, and fabric samples to take home for your new sofa.",
)


def site_page(store: Store, kinds: set[str], traps: list[Trap], broken_jsonld: bool = False) -> str:
    """One location page of the brand site, with its defects and traps applied."""
    hours = {d: parse_hours(store.hours)[d] for d in DAYS}
    data = {
        "@context": "https://schema.org",
        "@type": "FurnitureStore",
        "name": store.name,
        "branchCode": store.store_id,
        "url": store.website,
        "telephone": store.phone,
        "brand": {"@type": "Brand", "name": "Furn.Co"},
        "address": {
            "@type": "PostalAddress",
            "streetAddress": store.street,
            "addressLocality": store.locality,
            "addressRegion": store.state,
            "postalCode": store.postcode,
            "addressCountry": "AU",
        },
        "openingHoursSpecification": _spec(hours),
    }
    if "missing_holiday_hours" not in kinds:
        data["specialOpeningHoursSpecification"] = _holiday_spec(store)
    inline = []
    if "off_palette_colour" in kinds:
        inline.append(".promo { background: #C0392B; color: #FFFFFF; }")
    if "wrong_font" in kinds:
        inline.append('body { font-family: "Comic Neue", cursive; }')
    for trap in traps:
        if trap.kind == "colour_other_notation":
            inline.append(".cta { background: rgb(31, 78, 95); border-color: hsl(26, 73%, 53%); }")
        elif trap.kind == "font_stack_quoting":
            inline.append("h2 { font-family: 'MERRIWEATHER', serif; }")
    head = '<link rel="stylesheet" href="/static/brand.css">'
    if inline:
        head += f"<style>{' '.join(inline)}</style>"
    ld = _ld(data)
    if broken_jsonld:
        ld = ld.replace('"branchCode"', '"branchCode" "', 1)  # a stray quote: invalid JSON
    head += ld
    copy = [c.format(suburb=store.suburb) for c in COPY]
    if "discouraged_term" in kinds:
        copy[2] = "Free design advice in store, and fabric samples to take home for your new couch."
    if "forbidden_phrase" in kinds:
        copy.append("Cheapest in town, every day!")
    if "retired_name_site" in kinds:
        copy.append("Formerly Furniture Barn, serving the area since 1998.")
    logo = "/static/logo-2019.png" if "old_logo" in kinds else "/static/logo.png"
    rows = "".join(
        f"<tr><th>{DAY_NAMES[d]}</th><td>{', '.join(f'{a}-{b}' for a, b in hours[d]) or 'Closed'}</td></tr>"
        for d in DAYS
    )
    holiday = (
        ""
        if "missing_holiday_hours" in kinds
        else (
            '<section class="holiday"><h2>Holiday hours</h2><p>Christmas Day closed; Boxing Day 10am-4pm; '
            "New Year's Day closed.</p></section>"
        )
    )
    disclaimer = "" if "missing_disclaimer" in kinds else "Prices include GST. "
    body = (
        f'<header><img class="logo" src="{logo}" alt="Furn.Co" width="160" height="48"></header>\n'
        f'<main><h1>{escape(store.name)}</h1><p class="tagline">Made for living.</p>\n'
        f'<p class="address">{escape(store.street)}, {escape(store.locality)} '
        f"{store.state} {store.postcode}</p>\n"
        f'<p>Call us on <a href="tel:{store.phone}">{store.phone}</a></p>\n'
        f'<h2>Opening hours</h2><table class="hours">{rows}</table>\n{holiday}\n'
        + "".join(f"<p>{escape(c)}</p>" for c in copy)
        + '\n<p class="cta promo"><a href="/catalogue/">Browse the catalogue</a></p></main>\n'
        f"<footer><p>{disclaimer}&copy; 2026 Furn.Co Pty Ltd. ABN 12 345 678 901.</p></footer>"
    )
    return _page(f"{store.name} | Furniture store", body, head)


def sitemap(urls: list[tuple[str, str]]) -> str:
    """A sitemap of (url, lastmod) pairs."""
    entries = "".join(f"<url><loc>{escape(u)}</loc><lastmod>{d}</lastmod></url>" for u, d in urls)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>\n'
    )


# --- listings ------------------------------------------------------------------------------------


def localpages_listing(shown: Shown, rating: float, count: int) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "FurnitureStore",
        "name": shown.name,
        "telephone": shown.phone,
        "url": shown.website,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": shown.street,
            "addressLocality": shown.locality,
            "addressRegion": shown.state,
            "postalCode": shown.postcode,
            "addressCountry": "AU",
        },
        "openingHours": osm_ranges(shown.hours),
        "aggregateRating": {"@type": "AggregateRating", "ratingValue": rating, "reviewCount": count},
    }
    body = (
        f"<h1>{escape(shown.name)}</h1><p>{escape(shown.street)}, {escape(shown.locality)}</p>"
        f'<p>{escape(shown.phone)}</p><p class="cat">Furniture store</p>'
    )
    return _page(f"{shown.name} - LocalPages", body, _ld(data))


def mapdir_listing(shown: Shown, rating: float, count: int) -> str:
    metas = "".join(f'<meta itemprop="openingHours" content="{escape(r)}">' for r in osm_ranges(shown.hours))
    body = (
        '<div itemscope itemtype="https://schema.org/FurnitureStore">'
        f'<h1 itemprop="name">{escape(shown.name)}</h1>'
        '<div itemprop="address" itemscope itemtype="https://schema.org/PostalAddress">'
        f'<span itemprop="streetAddress">{escape(shown.street)}</span>, '
        f'<span itemprop="addressLocality">{escape(shown.locality)}</span> '
        f'<span itemprop="addressRegion">{escape(shown.state)}</span> '
        f'<span itemprop="postalCode">{shown.postcode}</span></div>'
        f'<span itemprop="telephone">{escape(shown.phone)}</span>'
        f'<a itemprop="url" href="{escape(shown.website)}">Website</a>{metas}'
        '<div itemprop="aggregateRating" itemscope itemtype="https://schema.org/AggregateRating">'
        f'<span itemprop="ratingValue">{rating}</span> from <span itemprop="reviewCount">{count}</span></div>'
        "</div>"
    )
    return _page(f"{shown.name} on MapDir", body)


def yellowbook_listing(shown: Shown, rating: float, closed: bool | str) -> str:
    rows = "".join(
        f"<tr><th>{DAY_NAMES[d]}</th><td>"
        f"{', '.join(f'{_h12(a)} - {_h12(b)}' for a, b in shown.hours[d]) or 'Closed'}</td></tr>"
        for d in DAYS
    )
    notice = {True: "Permanently closed", "temporarily": "Temporarily closed"}.get(closed)
    banner = f'<div class="closed-banner">{notice}</div>' if notice else ""
    body = (
        f'<div class="listing">{banner}<h1 class="biz-name">{escape(shown.name)}</h1>'
        f'<div class="addr"><span>{escape(shown.street)}</span>, <span>{escape(shown.locality)}</span> '
        f"<span>{escape(shown.state)}</span> <span>{shown.postcode}</span></div>"
        f'<p>Phone: <span class="phone">{escape(shown.phone)}</span></p>'
        f'<p><a class="website" href="{escape(shown.website)}">Visit website</a></p>'
        f'<table class="hours">{rows}</table>'
        f'<span class="rating" data-value="{rating}">{rating} stars</span></div>'
    )
    return _page(f"{shown.name} | YellowBook", body)


PLACES_STATUS = {True: "CLOSED_PERMANENTLY", "temporarily": "CLOSED_TEMPORARILY"}


def places_record(listing_id: str, shown: Shown, rating: float, count: int, closed: bool | str) -> dict:
    weekday = [
        f"{DAY_NAMES[d]}: "
        + (", ".join(f"{_h12(a).upper()} – {_h12(b).upper()}" for a, b in shown.hours[d]) or "Closed")
        for d in DAYS
    ]
    return {
        "place_id": listing_id,
        "name": shown.name,
        "formatted_address": f"{shown.street}, {shown.locality} {shown.state} {shown.postcode}, Australia",
        "phone": shown.phone,
        "website": shown.website,
        "opening_hours": {"weekday_text": weekday},
        "rating": rating,
        "user_ratings_total": count,
        "business_status": PLACES_STATUS.get(closed, "OPEN"),
        "types": ["furniture_store", "home_goods_store"],
    }


def index_page(
    title: str, links: list[tuple[str, str]], link_class: str, next_url: str | None, next_attr: str
) -> str:
    items = "".join(
        f'<li><a class="{link_class}" href="{escape(href)}">{escape(text)}</a></li>' for href, text in links
    )
    nxt = f'<a {next_attr} href="{escape(next_url)}">Next page</a>' if next_url else ""
    return _page(title, f"<h1>{escape(title)}</h1><ul>{items}</ul>{nxt}")


# --- reviews -------------------------------------------------------------------------------------


def review_page(store: Store, reviews: list[dict], next_url: str | None) -> str:
    parts = []
    for r in reviews:
        reply = ""
        if r.get("reply"):
            reply = (
                f'<div class="owner-reply"><time datetime="{r["reply_date"]}">{r["reply_date"]}</time>'
                f'<p class="reply-body">{escape(r["reply"])}</p></div>'
            )
        parts.append(
            f'<article class="review" data-review-id="{r["key"]}">'
            f'<span class="stars" data-value="{r["stars"]}">{"★" * r["stars"]}</span> '
            f'<span class="author">{escape(r["author"])}</span> '
            f'<time datetime="{r["date"]}">{r["date"]}</time>'
            f'<p class="review-body">{escape(r["text"])}</p>{reply}</article>'
        )
    nxt = f'<a class="next" href="{escape(next_url)}">Next</a>' if next_url else ""
    return _page(
        f"{store.name} reviews - ReviewHub", f"<h1>{escape(store.name)} reviews</h1>{''.join(parts)}{nxt}"
    )
