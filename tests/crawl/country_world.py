"""A furniture brand in Sweden, Norway and Denmark, and the sources a user would audit it on.

- ``katalog.example``: a national business directory, one section per country (``/se/``, ``/no/``),
  phones and addresses written as locals write them, with no country named; a competitor in each
  section. The spec gives one source per section with ``countries:``.
- ``guide.example``: a shopping guide with Swedish and Norwegian shops only; its block names no
  countries (the Danish store is simply not there).
- ``rate.example``: a rating site whose Malmö listing links to the Stockholm store's page while its
  phone and address are Malmö's.
- ``norden.example``: a Nordic directory of all three countries (``countries: [SE, NO, DK]``);
  Norwegian and Danish postcodes have the same form (``0159``, ``1620``).

Planted: the Oslo store's phone on the Norwegian section has two digits swapped (it is read as a
Norwegian number only when the section's country is used), the Malmö listing's wrong link.
"""

from __future__ import annotations

import csv
from pathlib import Path

from tests.crawl.server import VirtualHosts

SITE = "http://www.nordwood.example"
STORES = [
    {"store_id": "NW-SE-1", "name": "Nordwood Stockholm", "region": "SE", "street": "Drottninggatan 10",
     "locality": "Stockholm", "postcode": "111 51", "country": "SE", "phone": "+46 8 555 123 40",
     "local_phone": "08-555 123 40", "website": f"{SITE}/se/stockholm"},
    {"store_id": "NW-SE-2", "name": "Nordwood Malmö", "region": "SE", "street": "Storgatan 5",
     "locality": "Malmö", "postcode": "211 34", "country": "SE", "phone": "+46 40 555 76 00",
     "local_phone": "040-555 76 00", "website": f"{SITE}/se/malmo"},
    {"store_id": "NW-SE-3", "name": "Nordwood Göteborg", "region": "SE", "street": "Kungsgatan 40",
     "locality": "Göteborg", "postcode": "411 19", "country": "SE", "phone": "+46 31 555 88 10",
     "local_phone": "031-555 88 10", "website": f"{SITE}/se/goteborg"},
    {"store_id": "NW-NO-1", "name": "Nordwood Oslo", "region": "NO", "street": "Karl Johans gate 15",
     "locality": "Oslo", "postcode": "0159", "country": "NO", "phone": "+47 22 55 51 00",
     "local_phone": "22 55 51 00", "website": f"{SITE}/no/oslo"},
    {"store_id": "NW-NO-2", "name": "Nordwood Bergen", "region": "NO", "street": "Strandgaten 18",
     "locality": "Bergen", "postcode": "5013", "country": "NO", "phone": "+47 55 55 52 00",
     "local_phone": "55 55 52 00", "website": f"{SITE}/no/bergen"},
    {"store_id": "NW-DK-1", "name": "Nordwood København", "region": "DK", "street": "Vesterbrogade 32",
     "locality": "København", "postcode": "1620", "country": "DK", "phone": "+45 33 55 61 00",
     "local_phone": "33 55 61 00", "website": f"{SITE}/dk/kobenhavn"},
]  # fmt: skip
COMPETITORS = {
    "se": {"name": "Möbelhuset Uppsala", "street": "Kungsgatan 3", "postcode": "753 21",
           "locality": "Uppsala", "local_phone": "018-555 10 10"},
    "no": {"name": "Bohus Storo", "street": "Vitaminveien 7", "postcode": "0485", "locality": "Oslo",
           "local_phone": "22 55 90 10"},
}  # fmt: skip
SWAPPED = {"NW-NO-1": "22 55 15 00"}  # the directory's phone for the store, two digits swapped
ROSTER_COLUMNS = ("store_id", "name", "region", "street", "locality", "postcode", "country", "phone",
                  "website")  # fmt: skip


def _card(entry: dict, website: str = "") -> str:
    link = f'<p class="web"><a href="{website}">{website}</a></p>' if website else ""
    return (
        f'<html><body><h1 class="name">{entry["name"]}</h1>'
        f'<p class="addr">{entry["street"]}, {entry["postcode"]} {entry["locality"]}</p>'
        f'<p class="tel">{entry["local_phone"]}</p>{link}</body></html>'
    )


def _index(links: list[str]) -> str:
    return "<html><body>" + "".join(f'<a class="hit" href="{u}">x</a>' for u in links) + "</body></html>"


def build_world() -> VirtualHosts:
    world = VirtualHosts()
    sections = {"se": "butiker", "no": "butikker"}
    for code, word in sections.items():
        entries = [s for s in STORES if s["country"] == code.upper()] + [COMPETITORS[code]]
        links = []
        for n, entry in enumerate(entries):
            url = f"http://katalog.example/{code}/{word}/{n}"
            shown = {**entry, "local_phone": SWAPPED.get(entry.get("store_id", ""), entry["local_phone"])}
            world.add(url, _card(shown))
            links.append(url)
        world.add(f"http://katalog.example/{code}/{word}", _index(links))
    guide = []
    for n, store in enumerate(s for s in STORES if s["country"] in ("SE", "NO")):
        url = f"http://guide.example/shop/{n}"
        world.add(url, _card(store, store["website"]))
        guide.append(url)
    world.add("http://guide.example/furniture", _index(guide))
    rated = []
    for n, store in enumerate(STORES):
        url = f"http://rate.example/place/{n}"
        link = STORES[0]["website"] if store["store_id"] == "NW-SE-2" else store["website"]
        world.add(url, _card(store, link))
        rated.append(url)
    world.add("http://rate.example/brand/nordwood", _index(rated))
    nordic = []
    for n, store in enumerate(STORES):
        url = f"http://norden.example/hem/{n}"
        world.add(url, _card(store))
        nordic.append(url)
    world.add("http://norden.example/hem", _index(nordic))
    return world


def _source(sid: str, start: str, countries: str = "") -> str:
    return f"""\
  - id: {sid}
    kind: listing
    allowed_domains: [{start.split('/')[2]}]
    start_urls: ["{start}"]
    follow: "a.hit::attr(href)"
{countries}    adapter:
      type: css
      fields:
        name: "h1.name::text"
        address: ".addr::text"
        phone: ".tel::text"
        website: ".web a::attr(href)"
"""


def brand_yaml(proxy_url: str) -> str:
    sources = (
        _source("katalog-se", "http://katalog.example/se/butiker", "    countries: [SE]\n")
        + _source("katalog-no", "http://katalog.example/no/butikker", "    countries: ['NO']\n")
        + _source("guide", "http://guide.example/furniture")
        + _source("rate", "http://rate.example/brand/nordwood")
        + _source("norden", "http://norden.example/hem", "    countries: [SE, 'NO', DK]\n")
    )
    return f"""\
version: 1
brand:
  name: Nordwood
  domains: [www.nordwood.example]
  contact: audits@nordwood.example
country: SE
regions: [SE, 'NO', DK]
roster: roster.csv
sources:
{sources}crawl:
  user_agent: "NordwoodAuditor/0.1"
  concurrency: 4
  proxy: {proxy_url}
  allow_private: [127.0.0.1]
rules: [default]
"""


def write_spec(folder: Path, proxy_url: str) -> Path:
    with (folder / "roster.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(ROSTER_COLUMNS), extrasaction="ignore")
        writer.writeheader()
        writer.writerows(STORES)
    path = folder / "brand.yaml"
    path.write_text(brand_yaml(proxy_url), encoding="utf-8")
    return path
