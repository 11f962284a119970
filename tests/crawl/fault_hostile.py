"""A hostile world: one store per fault (and whole sources that misbehave), served by the fault
server as an HTTP proxy, with canaries that must never be read.

Every store's pages are consistent with the roster, so a clean crawl of the world has no finding;
a fault may only ever make a recorded gap. ``build_world(faults=False)`` serves the same world
with every fault replaced by its clean page (the baseline).
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import json
from dataclasses import dataclass
from pathlib import Path

from tests.crawl.server import VirtualHosts

SITE = "http://www.furnco.example"
LISTINGS = "http://yellowbook.example"
REVIEWS = "http://reviewhub.example"
METADATA = "http://169.254.169.254/latest/meta-data/"
INTRANET = "http://10.0.0.1/admin/"
BIG = 20_000_000  # the 20 MB page
MAX_PAGE = 2_000_000  # crawl.max_page_bytes of the spec
LINKS = 10_000


@dataclass(frozen=True)
class Fault:
    """A fault planted on one store's page of one source; ``outcome``/``reason`` are expected."""

    store: str
    source: str  # site | yellowbook | reviewhub
    name: str
    outcome: str | None
    reason: str  # the start of Fetch.error ("" when the page is read without a gap)
    page: str = ""  # the faulty page, after the store's page on the source ("?page=6")


FAULTS = [
    Fault("FC-00001", "site", "500", "http_error", "HTTP 500"),
    Fault("FC-00002", "yellowbook", "503", "http_error", "HTTP 503"),
    Fault("FC-00003", "site", "never-finishing response", "failed", "timeout"),
    Fault("FC-00004", "site", "1 byte/s drip", "failed", "timeout"),
    Fault("FC-00005", "yellowbook", "truncated body", "truncated", "truncated"),
    Fault("FC-00006", "site", "redirect loop", "redirect", "redirect: loop"),
    Fault("FC-00007", "site", "off-domain redirect", "offsite", "policy: host evil.example"),
    Fault("FC-00008", "site", "redirect to 169.254.169.254", "refused",
          "policy: 169.254.169.254, a link-local"),
    Fault("FC-00009", "site", "redirect to file://", "refused", "policy: redirect to a file: URL"),
    Fault("FC-00010", "site", "20 MB page", "too_large", "too large"),
    Fault("FC-00011", "site", "20 MB page, no Content-Length", "too_large", "too large"),
    Fault("FC-00012", "site", "gzip bomb", "too_large", "too large"),
    Fault("FC-00013", "site", "charset: utf-8 declared latin-1", None, "charset: declared iso8859-1"),
    Fault("FC-00014", "site", "charset: windows-1252 declared utf-8", None, "charset: declared utf-8"),
    Fault("FC-00015", "site", "malformed JSON-LD", None, ""),
    Fault("FC-00016", "site", "huge nested JSON-LD", None, ""),
    Fault("FC-00017", "site", "unexpected schema.org type", None, ""),
    Fault("FC-00018", "yellowbook", "hostile markup in every field", None, ""),
    Fault("FC-00019", "reviewhub", "redirect chain longer than the limit", "redirect", "redirect: more than"),
    Fault("FC-00020", "site", "request headers reflected", None, ""),
    Fault("FC-00021", "reviewhub", "500 on a review page", "http_error", "HTTP 500"),
    Fault("FC-00022", "reviewhub", "review pages deeper than crawl.max_depth", "depth",
          "depth: deeper than crawl.max_depth (4)", "?page=6"),
]
CONTROL = "FC-00023"  # no fault anywhere
# Faults that still give a finding, and why (the part of the product that must change).
KNOWN_FINDINGS: dict[str, str] = {}
TOWNS = ["Parramatta", "Chatswood", "Penrith", "Bondi", "Manly", "Ryde", "Hornsby", "Cronulla",
         "Epping", "Strathfield", "Burwood", "Ashfield", "Newtown", "Glebe", "Mosman", "Randwick",
         "Coogee", "Dee Why", "Miranda", "Liverpool", "Blacktown", "Castle Hill", "Kogarah"]  # fmt: skip
STORES = [
    {"store_id": f"FC-{i:05d}", "name": f"Furn.Co {town}", "region": "NSW",
     "street": f"{i} George Street", "locality": town, "state": "NSW", "postcode": "2000",
     "country": "AU", "phone": f"+61 2 9876 54{i:02d}", "hours": "Mo-Fr 09:00-17:00",
     "holiday_hours": "", "website": f"{SITE}/stores/FC-{i:05d}/", "status": "open",
     "opened": "2020-01-01"}
    for i, town in enumerate(TOWNS, 1)
]  # fmt: skip
# Whole sources that misbehave: (source id, outcome, reason) of their start page.
SOURCE_FAULTS = [
    ("mapdir", "robots", "robots: Disallow: / (http://mapdir.example/robots.txt)"),
    ("ghost", "http_error", "HTTP 502"),  # the proxy cannot resolve nxdomain.invalid
    ("metadata", "refused",
     "policy: 169.254.169.254, a link-local (cloud metadata) address (not in crawl.allow_private)"),
    ("intranet", "refused", "policy: 10.0.0.1, a private address (not in crawl.allow_private)"),
    ("localfile", "refused", "policy: a file: URL (only http and https are fetched)"),
]


def canaries(tag: str) -> dict[str, str]:
    """Secrets that must never reach the database, a log or the report."""
    return {"file": f"CANARY-FILE-{tag}", "env": f"CANARY-ENV-{tag}", "meta": f"CANARY-META-{tag}"}


def _jsonld(store: dict, **extra: object) -> str:
    data = {
        "@context": "https://schema.org", "@type": "FurnitureStore", "name": store["name"],
        "branchCode": store["store_id"], "telephone": store["phone"],
        "address": {"@type": "PostalAddress", "streetAddress": store["street"],
                    "addressLocality": store["locality"], "addressRegion": "NSW",
                    "postalCode": "2000", "addressCountry": "AU"},
        **extra,
    }  # fmt: skip
    return json.dumps(data, ensure_ascii=False)


def site_page(store: dict, jsonld: str | None = None, head: str = "", body: str = "") -> str:
    """A clean location page: JSON-LD, the brand's colours and font, the required phrase."""
    jsonld = _jsonld(store) if jsonld is None else jsonld
    return (
        f'<html><head><meta charset="utf-8"><link rel="stylesheet" href="/static/brand.css">{head}'
        f'<script type="application/ld+json">{jsonld}</script></head>'
        f'<body><h1 style="color: #1F4E5F">{store["name"]}</h1><p>Prices include GST.</p>{body}'
        "</body></html>"
    )


def listing_page(store: dict, hostile: bool = False) -> str:
    """A directory listing that agrees with the roster (payloads in markup only when hostile)."""
    x = {k: "" for k in ("name", "street", "town", "phone", "hours")}
    if hostile:
        x = {"name": '<img src=x onerror="alert(1)"><!-- <script>alert(2)</script> -->',
             "street": '<svg onload="alert(3)"></svg>', "town": "<style>*{color:red}</style>",
             "phone": '<a href="javascript:alert(4)"></a>',
             "hours": '<iframe src="javascript:alert(5)"></iframe>'}  # fmt: skip
    days = "".join(f"<tr><th>{d}</th><td>9:00 - 17:00{x['hours']}</td></tr>"
                   for d in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday"))  # fmt: skip
    return (
        f'<h1 class="biz-name">{store["name"]}{x["name"]}</h1>'
        f'<div class="addr"><span>{store["street"]}{x["street"]}</span>, '
        f"<span>{store['locality']}{x['town']} NSW 2000</span></div>"
        f'<span class="phone">{store["phone"]}{x["phone"]}</span>'
        f'<table class="hours">{days}<tr><th>Saturday</th><td>Closed</td></tr>'
        "<tr><th>Sunday</th><td>Closed</td></tr></table>"
    )


def review_page(store: dict, number: int, today: dt.date, first: int = 0) -> str:
    reviews = "".join(
        f'<article class="review" data-review-id="r-{store["store_id"]}-{k}">'
        f'<span class="author">Guest {k}</span><span class="stars" data-value="5"></span>'
        f'<time datetime="{today - dt.timedelta(days=3 + k)}"></time>'
        '<p class="body">Lovely sofa, friendly and helpful staff, quick delivery.</p>'
        '<div class="owner-reply"><p class="text">Thank you!</p>'
        f'<time datetime="{today - dt.timedelta(days=2 + k)}"></time></div></article>'
        for k in range(first, first + number)
    )
    return f"<html><body>{reviews}</body></html>"


def build_world(tag: str, secret_file: Path, faults: bool = True,
                today: dt.date | None = None) -> VirtualHosts:  # fmt: skip
    """Every host of the world; with ``faults`` each fault is planted on its store's page."""
    today = today or dt.date.today()
    secret = canaries(tag)
    world = VirtualHosts()
    by_store = {f.store: f for f in FAULTS} if faults else {}
    world.add(f"{SITE}/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    world.add(f"{SITE}/static/brand.css",
              "body { color: #1F4E5F; font-family: 'Source Sans 3', sans-serif }",
              content_type="text/css")  # fmt: skip
    # canaries on hosts the policy must never reach (the proxy would serve them)
    world.add(METADATA, f"<p>{secret['meta']}</p>")
    world.add(f"{METADATA}logo.png", secret["meta"], content_type="image/png")
    world.add(INTRANET, f"<p>{secret['meta']}</p>")
    world.add("http://evil.example/steal", f"<p>{secret['meta']}</p>")
    index = "".join(f'<a class="listing-link" href="/listing/{s["store_id"]}">x</a>' for s in STORES)
    world.add(f"{LISTINGS}/furniture?q=Furn.Co",
              index + '<a class="next" href="/furniture?q=Furn.Co&amp;page=2">next</a>')  # fmt: skip
    junk = "".join(f'<a class="listing-link" href="/listing/x{i}">x</a>' for i in range(LINKS))
    world.add(f"{LISTINGS}/furniture?q=Furn.Co&page=2", junk if faults else "<p>no more</p>")
    world.add("http://mapdir.example/robots.txt", "User-agent: *\nDisallow: /\n", content_type="text/plain")
    world.add("http://mapdir.example/places", index)
    for store in STORES:
        sid = store["store_id"]
        fault = by_store.get(sid)
        name = fault.name if fault else None
        _site(world, store, name if fault and fault.source == "site" else None, secret_file, secret)
        listing = f"{LISTINGS}/listing/{sid}"
        if name == "503":
            world.add(listing, listing_page(store), status=503)
        elif name == "truncated body":
            world.add(listing, listing_page(store), fault="truncated")
        else:
            world.add(listing, listing_page(store, hostile=name == "hostile markup in every field"))
        reviews = f"{REVIEWS}/furnco/{sid}/reviews"
        if name == "500 on a review page":
            world.add(reviews, review_page(store, 3, today), status=500)
        elif name == "redirect chain longer than the limit":
            for hop in range(8):
                source = reviews if hop == 0 else f"{REVIEWS}/hop/{sid}/{hop}"
                world.add(source, "", status=302, headers={"Location": f"{REVIEWS}/hop/{sid}/{hop + 1}"})
        elif name == "review pages deeper than crawl.max_depth":
            for number in range(1, 8):
                url = reviews if number == 1 else f"{reviews}?page={number}"
                more = f'<a class="next" href="?page={number + 1}">older</a></body>'
                world.add(url, review_page(store, 1, today, first=number).replace("</body>", more))
        else:
            world.add(reviews, review_page(store, 3, today))
    return world


def _site(world: VirtualHosts, store: dict, fault: str | None, secret_file: Path, secret: dict) -> None:
    """The store's brand site page, with ``fault`` planted (None: clean)."""
    url = f"{SITE}/stores/{store['store_id']}/"
    page = site_page(store)
    if fault is None:
        world.add(url, page)
    elif fault == "500":
        world.add(url, page, status=500)
    elif fault == "never-finishing response":
        world.add(url, page, fault="never")
    elif fault == "1 byte/s drip":
        world.add(url, page, fault="drip")
    elif fault == "redirect loop":
        world.add(url, "", status=302, headers={"Location": f"{SITE}/loop/a"})
        world.add(f"{SITE}/loop/a", "", status=302, headers={"Location": f"{SITE}/loop/b"})
        world.add(f"{SITE}/loop/b", "", status=301, headers={"Location": f"{SITE}/loop/a"})
    elif fault == "off-domain redirect":
        world.add(url, "", status=302, headers={"Location": "http://evil.example/steal"})
    elif fault == "redirect to 169.254.169.254":
        world.add(url, "", status=302, headers={"Location": METADATA})
    elif fault == "redirect to file://":
        world.add(url, "", status=302, headers={"Location": secret_file.as_uri()})
    elif fault == "20 MB page":
        world.add(url, page + "<p>" + "x" * BIG + "</p>")
    elif fault == "20 MB page, no Content-Length":
        world.add(url, page + "<p>" + "x" * BIG + "</p>", fault="unsized")
    elif fault == "gzip bomb":
        bomb = gzip.compress(page.encode() + b" " * (3 * BIG), compresslevel=9)
        world.add(url, bomb, headers={"Content-Encoding": "gzip"})
    elif fault == "charset: utf-8 declared latin-1":
        world.add(url, site_page(store, body="<p>Café — déjà vu</p>"),
                  content_type="text/html; charset=iso-8859-1")  # fmt: skip
    elif fault == "charset: windows-1252 declared utf-8":
        body = site_page(store, body="<p>Café — déjà vu</p>").replace('<meta charset="utf-8">', "")
        world.add(url, body.encode("cp1252"), content_type="text/html; charset=utf-8")
    elif fault == "malformed JSON-LD":
        world.add(url, site_page(store, jsonld=_jsonld(store)[:-12]))
    elif fault == "huge nested JSON-LD":
        nested = "[" * 100_000 + "]" * 100_000
        world.add(url, site_page(store, jsonld=_jsonld(store)[:-1] + f', "x": {nested}}}'))
    elif fault == "unexpected schema.org type":
        event = json.dumps({"@context": "https://schema.org", "@type": "Event", "name": "Winter Sale",
                            "startDate": "2026-07-01", "location": {"@type": "Place", "name": "Online"}})
        world.add(url, site_page(store, jsonld=event))
    elif fault == "request headers reflected":
        head = (f'<link rel="stylesheet" href="{secret_file.as_uri()}">'
                f'<link rel="stylesheet" href="{METADATA}style.css">')  # fmt: skip
        body = (f'<img class="logo" src="{METADATA}logo.png" alt="logo">'
                "<p>&lt;script&gt;alert(6)&lt;/script&gt;</p>")  # fmt: skip
        world.add(url, site_page(store, head=head, body=body), fault="echo")
    else:
        raise ValueError(fault)


BRAND_YAML = """\
version: 1
brand:
  name: Furn.Co
  variants: [FURN.CO]
  retired_names: [Furniture Barn]
  legal_name: Furn.Co Pty Ltd
  domains: [www.furnco.example]
  contact: audits@furnco.example
country: AU
regions: [NSW]
roster: roster.csv
identity:
  palette:
    - {name: primary, hex: "#1F4E5F"}
  palette_tolerance: 3.0
  neutrals_allowed: true
  fonts: [Source Sans 3]
  logo: []
voice:
  required_phrases:
    - {text: "Prices include GST.", scope: site}
  forbidden_phrases: [cheapest in town]
site:
  url_template: "http://www.furnco.example/stores/{store_id}/"
sources:
  - id: yellowbook
    kind: listing
    title: YellowBook
    allowed_domains: [yellowbook.example]
    start_urls: ["http://yellowbook.example/furniture?q=Furn.Co"]
    follow: "a.listing-link::attr(href)"
    next_page: "a.next::attr(href)"
    adapter:
      type: css
      fields:
        name: "h1.biz-name::text"
        address: ".addr *::text"
        phone: ".phone::text"
        hours: "table.hours tr"
  - id: reviewhub
    kind: reviews
    title: ReviewHub
    allowed_domains: [reviewhub.example]
    url_template: "http://reviewhub.example/furnco/{store_id}/reviews"
    next_page: "a.next::attr(href)"
    adapter:
      type: css
      review: article.review
      review_fields:
        author: ".author::text"
        stars: ".stars::attr(data-value)"
        date: ":scope > time::attr(datetime)"
        text: ":scope > .body::text"
        reply: ".owner-reply .text::text"
        reply_date: ".owner-reply time::attr(datetime)"
SOURCES
crawl:
  user_agent: "FurnCoAuditor/0.1"
  max_page_bytes: 2000000
  max_depth: 4
  concurrency: 16
  download_timeout: 5
  retries: 0
  proxy: PROXY
  allow_private: [127.0.0.1]
rules: [default]
"""

FAULTY_SOURCES = """\
  - id: mapdir
    kind: listing
    allowed_domains: [mapdir.example]
    start_urls: ["http://mapdir.example/places"]
    follow: "a.listing-link::attr(href)"
    adapter: {type: css, fields: {name: "h1::text"}}
  - id: ghost
    kind: listing
    allowed_domains: [nxdomain.invalid]
    start_urls: ["http://nxdomain.invalid/places"]
    adapter: {type: css, fields: {name: "h1::text"}}
  - id: metadata
    kind: listing
    allowed_domains: [169.254.169.254]
    start_urls: ["http://169.254.169.254/latest/meta-data/"]
    adapter: {type: css, fields: {name: "p::text"}}
  - id: intranet
    kind: listing
    allowed_domains: [10.0.0.1]
    start_urls: ["http://10.0.0.1/admin/"]
    adapter: {type: css, fields: {name: "p::text"}}
  - id: localfile
    kind: listing
    start_urls: ["SECRET_URI"]
    adapter: {type: css, fields: {name: "p::text"}}
"""


def write_spec(folder: Path, proxy_url: str, secret_file: Path, faults: bool = True) -> Path:
    """brand.yaml and roster.csv for the world, crawled through ``proxy_url``."""
    with (folder / "roster.csv").open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(STORES[0]))
        writer.writeheader()
        writer.writerows(STORES)
    sources = FAULTY_SOURCES.replace("SECRET_URI", secret_file.as_uri()) if faults else ""
    path = folder / "brand.yaml"
    path.write_text(BRAND_YAML.replace("SOURCES\n", sources).replace("PROXY", proxy_url))
    return path
