"""A five-store brand world with one page per kind of fault, and its brand.yaml + roster.csv."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from tests.crawl.server import VirtualHosts

SITE = "http://www.furnco.example"
STORES = [
    {"store_id": f"FC-{i:05d}", "name": f"Furn.Co {town}", "region": "NSW",
     "street": f"{i} George Street", "locality": town, "state": "NSW", "postcode": "2000",
     "country": "AU", "phone": f"+61 2 9876 54{i:02d}", "hours": "Mo-Fr 09:00-17:00",
     "holiday_hours": "", "website": f"{SITE}/stores/{town.lower()}/", "status": "open",
     "opened": "2020-01-01"}
    for i, town in enumerate(["Parramatta", "Chatswood", "Penrith", "Bondi", "Manly"], 1)
]  # fmt: skip
FAULTY_SITE_PAGE = {"FC-00003": "slow", "FC-00004": "malformed"}
FAULTY_LISTING = {2: "server_error", 5: "truncated"}


def _site_page(store: dict, fault: str | None) -> str:
    data = {
        "@context": "https://schema.org", "@type": "FurnitureStore", "name": store["name"],
        "branchCode": store["store_id"], "telephone": store["phone"],
        "address": {"@type": "PostalAddress", "streetAddress": store["street"],
                    "addressLocality": store["locality"], "addressRegion": "NSW",
                    "postalCode": "2000"},
    }  # fmt: skip
    jsonld = json.dumps(data)
    if fault == "malformed":
        jsonld = jsonld[:-10]  # cut off: not JSON any more
    return (
        '<html><head><link rel="stylesheet" href="/static/brand.css">'
        "<style>h1 { color: #E07A2E }</style>"
        f'<script type="application/ld+json">{jsonld}</script></head>'
        f'<body><img class="logo" src="/static/logo.png" alt="Furn.Co">'
        f'<h1 style="color: #1F4E5F">{store["name"]}</h1><p>Prices include GST.</p>'
        '<a href="http://elsewhere.example/">partner</a></body></html>'
    )


def _listing_page(store: dict) -> str:
    return (
        f'<h1 class="biz-name">{store["name"]}</h1>'
        f'<div class="addr"><span>{store["street"]}</span>, '
        f"<span>{store['locality']} NSW 2000</span></div>"
        f'<span class="phone">{store["phone"]}</span>'
        '<table class="hours"><tr><th>Monday</th><td>9:00 - 17:00</td></tr></table>'
    )


def build_world(logo_png: bytes) -> VirtualHosts:
    """Every host of the world; faults planted on some pages."""
    world = VirtualHosts()
    world.add(f"{SITE}/robots.txt", "User-agent: *\nDisallow: /private/\n",
              content_type="text/plain")  # fmt: skip
    locs = [s["website"] for s in STORES] + [f"{SITE}/private/staff/"]
    sitemap = "".join(f"<url><loc>{u}</loc></url>" for u in locs)
    world.add(
        f"{SITE}/sitemap.xml",
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{sitemap}</urlset>',
        content_type="application/xml",
    )
    world.add(f"{SITE}/private/staff/", "<p>staff only</p>")
    world.add(f"{SITE}/static/brand.css",
              "body { color: #1F4E5F; font-family: 'Source Sans 3', sans-serif }",
              content_type="text/css")  # fmt: skip
    world.add(f"{SITE}/static/logo.png", logo_png, content_type="image/png")
    for store in STORES:
        fault = FAULTY_SITE_PAGE.get(store["store_id"])
        world.add(store["website"], _site_page(store, fault),
                  fault="slow" if fault == "slow" else None)  # fmt: skip
    index = "".join(f'<a class="listing-link" href="/listing/{i}">x</a>' for i in (1, 2, 3))
    world.add(
        "http://yellowbook.example/furniture?q=Furn.Co",
        index + '<a class="next" href="/furniture?q=Furn.Co&amp;page=2">next</a>',
    )
    world.add("http://yellowbook.example/furniture?q=Furn.Co&page=2",
              '<a class="listing-link" href="/listing/4">x</a>'
              '<a class="listing-link" href="/listing/5">x</a>')  # fmt: skip
    for i, store in enumerate(STORES, 1):
        fault = FAULTY_LISTING.get(i)
        world.add(f"http://yellowbook.example/listing/{i}", _listing_page(store),
                  status=500 if fault == "server_error" else 200,
                  fault="truncated" if fault == "truncated" else None)  # fmt: skip
        reviews = f"http://reviewhub.example/furnco/{store['store_id']}/reviews"
        world.add(reviews, (
            f'<article class="review" data-review-id="r-{i}-1"><span class="author">Ann</span>'
            '<span class="stars" data-value="5"></span><time datetime="2026-10-01"></time>'
            '<p class="body">Lovely sofa</p>'
            '<div class="owner-reply"><p class="text">Thank you</p>'
            '<time datetime="2026-10-02"></time></div></article>'
            '<a class="next" href="?page=2">older</a>'))  # fmt: skip
        world.add(f"{reviews}?page=2", (
            '<article class="review"><span class="author">Bob</span>'
            '<span class="stars" data-value="2"></span><time datetime="2026-09-01"></time>'
            '<p class="body">Delivery was late</p></article>'))  # fmt: skip
    return world


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
    - {name: accent, hex: "#E07A2E"}
  palette_tolerance: 3.0
  neutrals_allowed: true
  fonts: [Source Sans 3]
  logo: []
  logo_max_distance: 8
  tagline: Made for living.
voice:
  required_phrases:
    - {text: "Prices include GST.", scope: site}
  forbidden_phrases: []
  preferred_terms: {}
site:
  sitemap: http://www.furnco.example/sitemap.xml
  allow: ["/stores/", "/private/"]
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
        text: ":scope > .body::text"
        reply: ".owner-reply .text::text"
        reply_date: ".owner-reply time::attr(datetime)"
crawl:
  user_agent: "FurnCoAuditor/0.1"
  max_page_bytes: 2000000
  max_depth: 4
  concurrency: 8
  proxy: PROXY
  allow_private: [127.0.0.1]
rules: []
"""


def write_spec(folder: Path, proxy_url: str) -> Path:
    """brand.yaml and roster.csv for the world, crawled through ``proxy_url``."""
    with (folder / "roster.csv").open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(STORES[0]))
        writer.writeheader()
        writer.writerows(STORES)
    path = folder / "brand.yaml"
    path.write_text(BRAND_YAML.replace("PROXY", proxy_url))
    return path
