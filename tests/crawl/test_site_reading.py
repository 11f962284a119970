"""A crawl of a brand whose pages carry no schema.org data (read by ``site.adapter`` selectors,
reviews embedded in the store pages) and whose roster spans three countries."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlmodel import Session, select

from auditor.crawl.field_stats import field_quality
from auditor.store.engine import make_engine
from auditor.store.tables import AuditRun, Observation, Review
from tests.crawl.server import ProxyServer, VirtualHosts

pytestmark = [pytest.mark.server, pytest.mark.slow]
ROOT = Path(__file__).resolve().parents[2]
SITE = "http://www.bakery.example"
STORES = [
    {"store_id": "B-1", "name": "Korn Berlin", "region": "BE", "street": "Torstraße 12", "locality": "Berlin",
     "state": "", "postcode": "10119", "country": "DE", "phone": "030 12345678"},
    {"store_id": "B-2", "name": "Korn Wien", "region": "W", "street": "Kärntner Straße 3", "locality": "Wien",
     "state": "", "postcode": "1010", "country": "AT", "phone": "01 5128 123"},
    {"store_id": "B-3", "name": "Korn Lille", "region": "HDF", "street": "12 Rue Nationale",
     "locality": "Lille", "state": "", "postcode": "59000", "country": "FR", "phone": "03 20 12 34 56"},
]  # fmt: skip
SPEC = """\
version: 1
brand: {name: Korn, domains: [www.bakery.example], contact: audits@bakery.example}
country: DE
regions: [BE, W, HDF]
roster: roster.csv
site:
  url_template: "http://www.bakery.example/filiale/{store_id}/"
  adapter:
    type: css
    fields:
      name: "h1::text"
      address: ".anschrift::text"
      phone: ".tel::text"
      hours: "table.zeiten tr"
    review: "div.bewertung"
    review_fields: {stars: ".sterne::attr(data-wert)", text: "p::text", date: "time::attr(datetime)"}
sources:
  - id: verzeichnis
    kind: listing
    allowed_domains: [verzeichnis.example]
    start_urls: ["http://verzeichnis.example/korn"]
    follow: "a.eintrag::attr(href)"
    adapter: {type: auto}
crawl: {proxy: PROXY, allow_private: [127.0.0.1], concurrency: 4}
rules: []
"""


def store_page(store: dict) -> str:
    return (
        f"<html><body><h1>{store['name']}</h1>"
        f"<p class='anschrift'>{store['street']}, {store['postcode']} {store['locality']}</p>"
        f"<p class='tel'>{store['phone']}</p>"
        "<table class='zeiten'><tr><td>Montag</td><td>07:00-18:00</td></tr>"
        "<tr><td>Dienstag</td><td>kommen Sie einfach vorbei</td></tr></table>"
        "<div class='bewertung'><span class='sterne' data-wert='4'></span><p>Gutes Brot</p>"
        "<time datetime='2026-10-01'></time></div></body></html>"
    )


def listing_page(store: dict) -> str:
    """A directory entry in schema.org JSON-LD with no country: the phone in national form."""
    address = {"@type": "PostalAddress", "streetAddress": store["street"],
               "addressLocality": store["locality"], "postalCode": store["postcode"]}  # fmt: skip
    data = {"@context": "https://schema.org", "@type": "Bakery", "name": store["name"],
            "telephone": store["phone"], "address": address}  # fmt: skip
    return f'<html><head><script type="application/ld+json">{json.dumps(data)}</script></head></html>'


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> dict:
    folder = tmp_path_factory.mktemp("bakery")
    world = VirtualHosts()
    for host in (SITE, "http://verzeichnis.example"):
        world.add(f"{host}/robots.txt", "User-agent: *\nAllow: /\n", content_type="text/plain")
    links = ""
    for store in STORES:
        world.add(f"{SITE}/filiale/{store['store_id']}/", store_page(store))
        world.add(f"http://verzeichnis.example/eintrag/{store['store_id']}", listing_page(store))
        links += f'<a class="eintrag" href="/eintrag/{store["store_id"]}">x</a>'
    world.add("http://verzeichnis.example/korn", f"<html><body>{links}</body></html>")
    with (folder / "roster.csv").open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(STORES[0]))
        writer.writeheader()
        writer.writerows(STORES)
    with ProxyServer(world) as server:
        spec = folder / "brand.yaml"
        spec.write_text(SPEC.replace("PROXY", server.proxy_url))
        db = folder / "audit.db"
        done = subprocess.run(
            [sys.executable, "-m", "auditor.crawl.runner", str(spec), str(db), "--loopback", "--quiet",
             "--set", "DOWNLOAD_TIMEOUT=3", "--set", "RETRY_TIMES=0"],
            cwd=ROOT, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    engine = make_engine(db)
    with Session(engine) as session:
        observations = list(session.exec(select(Observation)))
        reviews = list(session.exec(select(Review)))
        stats = json.loads(session.exec(select(AuditRun)).first().stats or "{}")
    return {"observations": observations, "reviews": reviews, "stats": stats}


def seen(crawled: dict, source: str, field: str) -> dict[str, object]:
    return {o.location_id: json.loads(o.normalised) if o.normalised else None
            for o in crawled["observations"] if o.source == source and o.field == field}  # fmt: skip


def test_site_pages_read_by_their_selectors_with_each_store_country(crawled: dict) -> None:
    phones = seen(crawled, "site", "phone")
    assert phones == {"B-1": "+493012345678", "B-2": "+4315128123", "B-3": "+33320123456"}
    assert seen(crawled, "site", "name")["B-3"] == "korn lille"


def test_listings_without_a_country_take_their_store_country(crawled: dict) -> None:
    phones = seen(crawled, "verzeichnis", "phone")
    assert phones == {"B-1": "+493012345678", "B-2": "+4315128123", "B-3": "+33320123456"}


def test_reviews_embedded_in_store_pages(crawled: dict) -> None:
    site_reviews = [r for r in crawled["reviews"] if r.source == "site"]
    assert {r.location_id for r in site_reviews} == {"B-1", "B-2", "B-3"}
    assert all(r.stars == 4 and r.text == "Gutes Brot" for r in site_reviews)


def test_field_counters_per_source(crawled: dict) -> None:
    rows = {(r["source"], r["field"]): r for r in field_quality(crawled["stats"])}
    assert rows[("site", "phone")]["normalised"] == 3 and rows[("site", "phone")]["unreadable"] == 0
    assert rows[("verzeichnis", "address")]["read"] == 3
