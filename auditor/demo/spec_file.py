"""The demo brand's brand.yaml: every source adapter kind, the identity and voice rules."""

from __future__ import annotations

BRAND_YAML = """\
# The demo brand: a furniture retailer with stores in five states.
version: 1
brand:
  name: Furn.Co
  variants: [FURN.CO, Furn Co, FurnCo]
  retired_names: [Furniture Barn]
  legal_name: Furn.Co Pty Ltd
  domains: [www.furnco.example]
  contact: audits@furnco.example
country: AU
regions: [NSW, VIC, QLD, WA, SA]
roster: roster.csv
identity:
  palette:
    - {name: primary, hex: "#1F4E5F"}
    - {name: accent, hex: "#E07A2E"}
  palette_tolerance: 3.0
  neutrals_allowed: true
  fonts: [Source Sans 3, Merriweather]
  logo: [assets/logo.png]
  logo_max_distance: 8
  tagline: Made for living.
voice:
  required_phrases:
    - {text: "Prices include GST.", scope: site}
  forbidden_phrases: [cheapest in town, guaranteed lowest price]
  preferred_terms:
    sofa: [couch, settee]
site:
  sitemap: http://www.furnco.example/sitemap.xml
  allow: ["/stores/"]
sources:
  - id: localpages
    kind: listing
    title: LocalPages
    allowed_domains: [localpages.example]
    start_urls: ["http://localpages.example/search?q=Furn.Co&page=1"]
    follow: "a.result-link::attr(href)"
    next_page: "a[rel=next]::attr(href)"
    adapter: {type: jsonld, types: [FurnitureStore, LocalBusiness, Store]}
  - id: mapdir
    kind: listing
    title: MapDir
    allowed_domains: [mapdir.example]
    start_urls: ["http://mapdir.example/places?brand=furnco&page=1"]
    follow: "a.place-link::attr(href)"
    next_page: "a.next::attr(href)"
    adapter: {type: microdata, types: [FurnitureStore, LocalBusiness, Store]}
  - id: yellowbook
    kind: listing
    title: YellowBook
    allowed_domains: [yellowbook.example]
    start_urls: ["http://yellowbook.example/furniture?q=Furn.Co&page=1"]
    follow: "a.listing-link::attr(href)"
    next_page: "a.next::attr(href)"
    adapter:
      type: css
      fields:
        name: "h1.biz-name::text"
        address: ".addr *::text"
        phone: ".phone::text"
        website: "a.website::attr(href)"
        hours: "table.hours tr"
        status: ".closed-banner::text"
        rating: ".rating::attr(data-value)"
  - id: placesdata
    kind: listing
    title: PlacesData API
    allowed_domains: [api.placesdata.example]
    start_urls: ["http://api.placesdata.example/v1/places.json?brand=furnco&page=1"]
    adapter:
      type: json_api
      records: results
      next: next
      fields:
        id: place_id
        name: name
        address: formatted_address
        phone: phone
        website: website
        hours: opening_hours.weekday_text
        rating: rating
        review_count: user_ratings_total
        status: business_status
  - id: reviewhub
    kind: reviews
    title: ReviewHub
    allowed_domains: [reviewhub.example]
    url_template: "http://reviewhub.example/furnco/{store_id}/reviews"
    sitemap: http://reviewhub.example/sitemap.xml
    next_page: "a.next::attr(href)"
    adapter:
      type: css
      review: article.review
      review_fields:
        key: "::attr(data-review-id)"
        stars: ".stars::attr(data-value)"
        author: ".author::text"
        date: "time::attr(datetime)"
        text: "p.review-body::text"
        reply: ".owner-reply p.reply-body::text"
        reply_date: ".owner-reply time::attr(datetime)"
journey:
  awareness: [listing]
  consideration: [listing, site]
  decision: [site, phone]
  delivery_and_use: [reviews]
  loyalty_and_advocacy: [reviews]
scoring:
  weights: {listings: 35, site: 25, reviews: 25, coverage: 15}
  grades: {A: 90, B: 80, C: 70, D: 60}
  alerts: {overall_drop: 5, sustained_runs: 2}
  rating_floor: 3.8
crawl:
  max_page_bytes: 2000000
  max_depth: 6
  concurrency: 16
  download_timeout: 10
  retries: 1
  proxy: null
  allow_private: [127.0.0.1]   # the demo world is served on this machine
rules: [default]
"""


def brand_yaml(proxy: str | None = None) -> str:
    """The spec text; with ``proxy`` the crawl goes through the demo server."""
    return BRAND_YAML.replace("  proxy: null", f"  proxy: {proxy}") if proxy else BRAND_YAML
