"""Pages of the variant worlds: a place written as JSON-LD, JSON-LD ``@graph``, microdata, RDFa or
plain HTML, hours and dates in the page's language, stars in several written forms."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from html import escape, unescape

from auditor.demo.conventions import (
    AND,
    CLOSED,
    DAY_KEYS,
    DAY_NAMES,
    DAY_SHORT,
    MONTHS,
    NEXT,
)

Hours = dict[str, tuple[tuple[str, str], ...]]
SCHEMA_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass
class Place:
    """What one page shows about one store."""

    name: str
    street: str
    locality: str
    state: str
    postcode: str
    country: str
    phone: str
    website: str
    hours: Hours | None  # None: the page does not show hours
    language: str
    clock: str = "24h"
    status_text: str = ""  # a closed banner, in the page's language
    rating: float | None = None
    review_count: int | None = None
    store_ref: str = ""
    holidays: list[tuple[str, tuple[tuple[str, str], ...]]] = field(default_factory=list)
    reviews: list[dict] = field(default_factory=list)  # schema.org Review objects on the page


# --- hours as people write them ---------------------------------------------------------------


def clock_time(hhmm: str, language: str, clock: str) -> str:
    """``clock``: 24h, 12h, or 12h_dot (British: 9.30am)."""
    hour, minute = int(hhmm[:2]), hhmm[3:]
    if language == "en" and clock.startswith("12h"):
        suffix = "am" if hour < 12 else "pm"
        sep = "." if clock == "12h_dot" else ":"
        return f"{hour % 12 or 12}{'' if minute == '00' else sep + minute}{suffix}"
    if language == "fr":
        return f"{hour}h{'' if minute == '00' else minute}"
    if language == "de":  # "7–13 Uhr", "6:30–18:30 Uhr"
        return f"{hour}" if minute == "00" else f"{hour}:{minute}"
    if language == "it":  # "9.00–13.00"
        return f"{hour}.{minute}"
    if language == "es":
        return f"{hour}:{minute}"
    return hhmm


def ranges_text(ranges: tuple[tuple[str, str], ...], language: str, clock: str, closed: str = "") -> str:
    if not ranges:
        return closed or CLOSED[language]
    dash = " - " if language == "nl" else "–"
    parts = [f"{clock_time(a, language, clock)}{dash}{clock_time(b, language, clock)}" for a, b in ranges]
    joiner = {"en": ", ", "de": " und ", "fr": " / ", "nl": ", ", "es": " y ", "it": " / "}[language]
    text = joiner.join(parts)
    return f"{text} Uhr" if language == "de" else text


def hours_rows(hours: Hours, language: str, clock: str) -> list[tuple[str, str]]:
    """One (day name, hours) row per day."""
    return [(DAY_NAMES[language][i], ranges_text(hours[d], language, clock)) for i, d in enumerate(DAY_KEYS)]


def hours_grouped(hours: Hours, language: str, clock: str) -> list[tuple[str, str]]:
    """Runs of days with the same hours: ("Mo–Fr", "6:30–18:30 Uhr")."""
    out: list[tuple[str, str]] = []
    start = 0
    for i in range(1, 8):
        if i == 7 or hours[DAY_KEYS[i]] != hours[DAY_KEYS[start]]:
            names = DAY_SHORT[language]
            label = names[start] if i - 1 == start else f"{names[start]}–{names[i - 1]}"
            closed = "Ruhetag" if language == "de" else ""  # a day of rest, as German shops write it
            out.append((label, ranges_text(hours[DAY_KEYS[start]], language, clock, closed)))
            start = i
    return out


def osm_hours(hours: Hours) -> str:
    """The roster's form: ``Mo-Fr 06:30-18:30; Sa 07:00-13:00`` (days not named are closed)."""
    parts = []
    start = 0
    for i in range(1, 8):
        if i == 7 or hours[DAY_KEYS[i]] != hours[DAY_KEYS[start]]:
            if hours[DAY_KEYS[start]]:
                days = DAY_KEYS[start].title()
                if i - 1 > start:
                    days += "-" + DAY_KEYS[i - 1].title()
                parts.append(f"{days} {','.join(f'{a}-{b}' for a, b in hours[DAY_KEYS[start]])}")
            start = i
    return "; ".join(parts)


def _hours_spec(hours: Hours) -> list[dict]:
    return [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": f"https://schema.org/{SCHEMA_DAYS[i]}",
            "opens": a,
            "closes": b,
        }
        for i, d in enumerate(DAY_KEYS)
        for a, b in hours[d]
    ]


def _holiday_spec(holidays: list[tuple[str, tuple[tuple[str, str], ...]]]) -> list[dict]:
    out = []
    for day, ranges in holidays:
        if not ranges:
            out.append({"@type": "OpeningHoursSpecification", "validFrom": day, "validThrough": day})
        for a, b in ranges:
            out.append(
                {
                    "@type": "OpeningHoursSpecification",
                    "validFrom": day,
                    "validThrough": day,
                    "opens": a,
                    "closes": b,
                }
            )
    return out


# --- one place in each markup -------------------------------------------------------------------


def _jsonld_place(place: Place, business_type: str, grouped_strings: bool) -> dict:
    data: dict = {
        "@type": business_type,
        "name": place.name,
        "telephone": place.phone,
        "url": place.website,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": place.street,
            "addressLocality": place.locality,
            "postalCode": place.postcode,
            "addressCountry": place.country,
        },
    }
    if place.state:
        data["address"]["addressRegion"] = place.state
    if place.store_ref:
        data["branchCode"] = place.store_ref
    if place.hours is not None:
        if grouped_strings:
            data["openingHours"] = [p.strip() for p in osm_hours(place.hours).split(";")]
        else:
            data["openingHoursSpecification"] = _hours_spec(place.hours)
    if place.holidays:
        data["specialOpeningHoursSpecification"] = _holiday_spec(place.holidays)
    if place.rating is not None:
        data["aggregateRating"] = {
            "@type": "AggregateRating",
            "ratingValue": place.rating,
            "reviewCount": place.review_count,
        }
    if place.reviews:
        data["review"] = place.reviews
    return data


def schema_reviews(reviews: list[dict], dated: bool, best: int) -> list[dict]:
    """Reviews as schema.org ``Review`` objects, rated on a scale of ``best``; the owner's reply as
    a ``Comment``."""
    out = []
    for r in reviews:
        item: dict = {
            "@type": "Review",
            "author": {"@type": "Person", "name": r["author"]},
            "reviewBody": r["text"],
            "reviewRating": {
                "@type": "Rating",
                "ratingValue": str(r["stars"] * best // 5),
                "bestRating": str(best),
            },
        }
        if dated:
            item["datePublished"] = r["date"].isoformat()
        if r.get("reply"):
            item["comment"] = {"@type": "Comment", "text": r["reply"]}
            if dated:
                item["comment"]["dateCreated"] = r["reply_date"].isoformat()
        out.append(item)
    return out


def ld_script(data: dict) -> str:
    return f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>'


def jsonld_head(place: Place, business_type: str, graph: bool, site_name: str) -> str:
    item = _jsonld_place(place, business_type, grouped_strings=not graph)
    if not graph:
        return ld_script({"@context": "https://schema.org", **item})
    page = place.website if place.store_ref else ""
    item["@id"] = (page or place.name) + "#place"
    return ld_script(
        {
            "@context": "https://schema.org",
            "@graph": [
                {"@type": "WebSite", "@id": "#website", "name": site_name},
                {"@type": "WebPage", "@id": "#webpage", "name": place.name, "about": {"@id": item["@id"]}},
                item,
                {
                    "@type": "BreadcrumbList",
                    "itemListElement": [
                        {"@type": "ListItem", "position": 1, "name": site_name},
                        {"@type": "ListItem", "position": 2, "name": place.locality},
                    ],
                },
            ],
        }
    )


def _attrs(style: str, prop: str, typeof: str | None = None) -> str:
    """``itemprop``/``property`` (and ``itemscope itemtype``/``typeof``) for microdata or RDFa."""
    if style == "microdata":
        scope = f' itemscope itemtype="https://schema.org/{typeof}"' if typeof else ""
        return f' itemprop="{prop}"{scope}' if prop else scope
    scope = f' typeof="{typeof}"' if typeof else ""
    return (f' property="{prop}"' if prop else "") + scope


def _meta(style: str, prop: str, value: str) -> str:
    key = "itemprop" if style == "microdata" else "property"
    return f'<meta {key}="{prop}" content="{escape(value)}">'


def _link(style: str, prop: str, href: str) -> str:
    key = "itemprop" if style == "microdata" else "property"
    return f'<link {key}="{prop}" href="{escape(href)}">'


def inline_place(place: Place, business_type: str, style: str) -> str:
    """The place as microdata or RDFa on visible elements."""
    a = lambda prop, typeof=None: _attrs(style, prop, typeof)  # noqa: E731
    vocab = ' vocab="https://schema.org/"' if style == "rdfa" else ""
    parts = [
        f'<div class="place"{vocab}{a("", business_type)}>',
        f"<h1{a('name')}>{escape(place.name)}</h1>",
        f"<p{a('address', 'PostalAddress')}>",
        f"<span{a('streetAddress')}>{escape(place.street)}</span>, ",
        address_tail(place, lambda prop: a(prop)),
        _meta(style, "addressCountry", place.country),
        "</p>",
        f"<p><span{a('telephone')}>{escape(place.phone)}</span></p>",
        f'<p><a{a("url")} href="{escape(place.website)}">{escape(place.website)}</a></p>',
    ]
    if place.store_ref:
        parts.append(_meta(style, "branchCode", place.store_ref))
    if place.hours is not None:
        for i, d in enumerate(DAY_KEYS):
            for opens, closes in place.hours[d]:
                parts.append(
                    f"<div{a('openingHoursSpecification', 'OpeningHoursSpecification')}>"
                    + _link(style, "dayOfWeek", f"https://schema.org/{SCHEMA_DAYS[i]}")
                    + _meta(style, "opens", opens)
                    + _meta(style, "closes", closes)
                    + "</div>"
                )
    for day, ranges in place.holidays:
        for opens, closes in ranges or ((None, None),):
            inner = _meta(style, "validFrom", day) + _meta(style, "validThrough", day)
            if opens:
                inner += _meta(style, "opens", opens) + _meta(style, "closes", closes)
            parts.append(
                f"<div{a('specialOpeningHoursSpecification', 'OpeningHoursSpecification')}>{inner}</div>"
            )
    if place.rating is not None:
        parts.append(
            f"<p{a('aggregateRating', 'AggregateRating')}><span{a('ratingValue')}>{place.rating}</span> "
            f"(<span{a('reviewCount')}>{place.review_count}</span>)</p>"
        )
    parts.append("</div>")
    return "".join(parts)


def address_tail(place: Place, attrs=lambda prop: "") -> str:
    """Locality, state and postcode in the order the country writes them."""
    city = f"<span{attrs('addressLocality')}>{escape(place.locality)}</span>"
    code = f"<span{attrs('postalCode')}>{escape(place.postcode)}</span>"
    state = f"<span{attrs('addressRegion')}>{escape(place.state)}</span>" if place.state else ""
    if place.country in ("US", "CA"):
        return f"{city}, {state} {code}"
    if place.country == "AU":
        return f"{city} {state} {code}"
    if place.country == "GB":
        return f"{city} {code}"
    return f"{code} {city}"


def plain_place(place: Place, hours_style: str) -> str:
    """The place as plain HTML with classes (no markup): read with CSS selectors."""
    status = f'<div class="status">{escape(place.status_text)}</div>' if place.status_text else ""
    rows = ""
    if place.hours is not None:
        pairs = (hours_grouped if hours_style == "grouped" else hours_rows)(
            place.hours, place.language, place.clock
        )
        rows = (
            '<table class="hours">'
            + "".join(f"<tr><th>{escape(day)}</th><td>{escape(text)}</td></tr>" for day, text in pairs)
            + "</table>"
        )
    rating = (
        f'<p class="rating">{place.rating} ({place.review_count})</p>' if place.rating is not None else ""
    )
    tail = address_tail(place)
    return (
        f'<div class="biz">{status}<h1 class="biz-name">{escape(place.name)}</h1>'
        f'<p class="addr"><span>{escape(place.street)}</span>, {tail}</p>'
        f'<p class="tel">{escape(place.phone)}</p>'
        f'<p><a class="web" href="{escape(place.website)}">{escape(place.website)}</a></p>'
        f"{rows}{rating}</div>"
    )


def visible_hours(place: Place, hours_style: str) -> str:
    """The hours people read, beside the markup (structured pages show them too)."""
    if place.hours is None:
        return ""
    pairs = (hours_grouped if hours_style == "grouped" else hours_rows)(
        place.hours, place.language, place.clock
    )
    return (
        '<table class="opening">'
        + "".join(f"<tr><th>{escape(day)}</th><td>{escape(text)}</td></tr>" for day, text in pairs)
        + "</table>"
    )


def page(title: str, body: str, head: str = "", language: str = "en") -> str:
    return (
        f'<!doctype html>\n<html lang="{language}"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f"{head}</head>\n<body>\n{body}\n</body></html>\n"
    )


def listing_page(place: Place, markup: str, business_type: str, hours_style: str, site_name: str) -> str:
    """One directory listing in the directory's markup."""
    status = f'<div class="status">{escape(place.status_text)}</div>' if place.status_text else ""
    if markup == "css":
        return page(f"{place.name} | {site_name}", plain_place(place, hours_style), language=place.language)
    if markup in ("jsonld", "jsonld_graph"):
        head = jsonld_head(place, business_type, markup == "jsonld_graph", site_name)
        body = (
            f"{status}<h1>{escape(unescape(place.name))}</h1>"
            f"<p>{escape(place.street)}, {address_tail(place)}</p>"
            f"<p>{escape(place.phone)}</p>{visible_hours(place, hours_style)}"
        )
        return page(f"{place.name} | {site_name}", body, head, place.language)
    body = status + inline_place(place, business_type, markup) + visible_hours(place, hours_style)
    return page(f"{place.name} | {site_name}", body, language=place.language)


# --- index pages ----------------------------------------------------------------------------------


def index_page(
    title: str, links: list[tuple[str, str]], pagination: str, number: int, urls: list[str], language: str
) -> str:
    """An index page of listing links; how it points to the next page depends on ``pagination``."""
    items = "".join(f'<li><a class="entry" href="{escape(h)}">{escape(t)}</a></li>' for h, t in links)
    nxt = urls[number] if number < len(urls) else None
    head, nav = "", ""
    if pagination == "rel_next" and nxt:
        head = f'<link rel="next" href="{escape(nxt)}">'
        nav = f'<a rel="next" href="{escape(nxt)}">{NEXT[language]} »</a>'
    elif pagination == "next_class" and nxt:
        nav = f'<a class="next" href="{escape(nxt)}">{NEXT[language]}</a>'
    elif pagination == "numbered":
        nav = (
            '<nav class="pager">'
            + "".join(
                f"<span>{i}</span>" if i == number else f'<a href="{escape(u)}">{i}</a>'
                for i, u in enumerate(urls, start=1)
            )
            + "</nav>"
        )
    elif pagination == "offset" and nxt:
        nav = f'<a class="more" href="{escape(nxt)}">+</a>'
    return page(title, f'<h1>{escape(title)}</h1><ul class="results">{items}</ul>{nav}', head, language)


# --- reviews ------------------------------------------------------------------------------------------


def long_date(day: dt.date, language: str) -> str:
    month = MONTHS[language].split()[day.month - 1]
    if language == "en":
        return f"{month} {day.day}, {day.year}"
    if language == "de":
        return f"{day.day}. {month} {day.year}"
    if language in ("es",):
        return f"{day.day} de {month} de {day.year}"
    return f"{day.day} {month} {day.year}"


def stars_html(stars: int, form: str, language: str) -> str:
    if form == "none":
        return ""
    glyphs = "★" * stars + "☆" * (5 - stars)
    if form == "attr":
        return f'<span class="stars" data-rating="{stars}">{glyphs}</span>'
    if form == "fraction":
        return f'<span class="score">{stars}/5</span>'
    if form == "glyphs":
        return f'<span class="stars">{glyphs}</span>'
    if form == "class":
        return f'<span class="stars stars-{stars}"></span>'
    if form == "width":
        return f'<span class="stars-bar"><span class="stars-fill" style="width: {stars * 20}%"></span></span>'
    label = {
        "en": f"Rated {stars} out of 5",
        "de": f"{stars},0 von 5 Sternen",
        "fr": f"{stars} sur 5 étoiles",
        "nl": f"{stars} van de 5 sterren",
        "es": f"{stars} de 5 estrellas",
        "it": f"{stars} su 5 stelle",
    }[language]
    return f'<div class="rating" role="img" aria-label="{label}"></div>'


def numeric_date(day: dt.date, country: str) -> str:
    """The date in digits, in the order the country writes it."""
    if country == "US":
        return f"{day.month:02d}/{day.day:02d}/{day.year}"
    if country == "CA":
        return day.isoformat()
    if country in ("DE", "AT"):
        return f"{day.day:02d}.{day.month:02d}.{day.year}"
    if country == "NL":
        return f"{day.day:02d}-{day.month:02d}-{day.year}"
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def date_html(day: dt.date, form: str, language: str, country: str = "") -> str:
    if form == "iso":
        return f'<time datetime="{day.isoformat()}">{long_date(day, language)}</time>'
    if form == "text":
        return f'<span class="date">{long_date(day, language)}</span>'
    if form == "numeric":
        return f'<span class="date">{numeric_date(day, country)}</span>'
    return ""


def review_items(
    reviews: list[dict], stars_form: str, dates_form: str, language: str, country: str = ""
) -> str:
    out = []
    for r in reviews:
        reply = ""
        if r.get("reply"):
            when = date_html(r["reply_date"], dates_form, language, country)
            reply = f'<div class="reply">{when}<p class="reply-text">{escape(r["reply"])}</p></div>'
        out.append(
            f'<article class="review" data-id="{r["key"]}">'
            f'<div class="meta">{stars_html(r["stars"], stars_form, language)} '
            f'<span class="author">{escape(r["author"])}</span> '
            f"{date_html(r['date'], dates_form, language, country)}</div>"
            f'<p class="text">{escape(r["text"])}</p>{reply}</article>'
        )
    return "".join(out)


def review_nav(next_url: str | None, pagination: str, language: str) -> str:
    if not next_url:
        return ""
    if pagination == "rel_next":
        return f'<a rel="next" href="{escape(next_url)}">{NEXT[language]}</a>'
    return f'<a class="next" href="{escape(next_url)}">{NEXT[language]}</a>'


def and_word(language: str) -> str:
    return AND[language]


def api_record(place_id: str, place: Place) -> dict:
    """A places API record: address in parts, hours as one text line per day, a status code."""
    from auditor.demo.conventions import PERM_CLOSED, TEMP_CLOSED

    status = "OPERATIONAL"
    if place.status_text in TEMP_CLOSED.values():
        status = "CLOSED_TEMPORARILY"
    elif place.status_text in PERM_CLOSED.values():
        status = "CLOSED_PERMANENTLY"
    record: dict = {
        "place_id": place_id,
        "title": place.name,
        "location": {
            "line1": place.street,
            "city": place.locality,
            "region": place.state,
            "zip": place.postcode,
            "country": place.country,
        },
        "contact": {"phone": place.phone},
        "url": place.website,
        "status": status,
        "rating": place.rating,
    }
    if place.hours is not None:
        record["hours"] = [
            f"{day}: {text}" for day, text in hours_rows(place.hours, place.language, place.clock)
        ]
    return record
