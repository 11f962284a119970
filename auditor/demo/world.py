"""Generate the demo brand world: roster, spec, the sites' files and the ground truth.

The same seed (and night) gives byte-identical files whatever the machine or the port the
world is later served on: pages use ``.example`` host names, reached through the demo server
acting as an HTTP proxy.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

from auditor.demo import pages
from auditor.demo.logos import draw_logo
from auditor.demo.plan import (
    LISTING_SOURCES,
    REVIEW_SOURCE,
    SITE_TRAPS,
    Defect,
    Plan,
    Trap,
    listing_traps,
    plan_world,
)
from auditor.demo.reviews_text import compose_review
from auditor.demo.spec_file import brand_yaml
from auditor.demo.stores import Store, make_stores, phone_number

TODAY = dt.date(2026, 11, 20)
PER_INDEX_PAGE = 25
REVIEWS_PER_PAGE = 10
AUTHORS = (
    "Sam K.",
    "Olivia R.",
    "Nguyen T.",
    "Grace L.",
    "Ahmed S.",
    "Jess M.",
    "Peter W.",
    "Ling Z.",
    "Emily B.",
    "Daniel O.",
    "Zoe P.",
    "Harry F.",
    "Isla D.",
    "Mohammed A.",
    "Ruby C.",
)
FOREIGN = (
    ("de", "Das Sofa kam beschädigt an und niemand hat zurückgerufen.", "negative", 1),
    ("de", "Sehr freundliche Beratung, der Tisch ist wunderschön.", "positive", 5),
    ("zh", "送货很快，沙发质量很好。", "positive", 5),
)
HOSTILE = "Lovely sofa <script>alert('x')</script> and <img src=x onerror=alert(1)> great staff."


@dataclass(frozen=True)
class World:
    """Paths of a generated world."""

    root: Path
    world_dir: Path
    spec: Path
    roster: Path
    ground_truth: Path


def url_file(world_dir: Path, url: str) -> Path:
    """Where the file answering ``url`` lives: ``world/<host>/<path>[@<query>]``."""
    rest = url.split("://", 1)[1]
    host, _, path = rest.partition("/")
    path, _, query = ("/" + path).partition("?")
    if path.endswith("/"):
        path += "index.html"
    name = path.lstrip("/") + (f"@{query}" if query else "")
    return world_dir / host / name


class _Writer:
    def __init__(self, world_dir: Path) -> None:
        self.world_dir = world_dir

    def put(self, url: str, content: str | bytes) -> None:
        path = url_file(self.world_dir, url)
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)


def generate(out_dir: str | Path, locations: int = 40, seed: int = 7, night: int = 1) -> World:
    """Write the world for ``locations`` stores into ``out_dir``; returns its paths."""
    if locations < 1:
        raise ValueError("the demo brand needs at least one location")
    root = Path(out_dir)
    world_dir = root / "world"
    if world_dir.exists():
        shutil.rmtree(world_dir)
    world_dir.mkdir(parents=True)
    rng = random.Random(seed)
    stores = make_stores(rng, locations)
    plan = plan_world(rng, stores)
    changes = _next_night(random.Random(seed + 1), stores, plan) if night >= 2 else None
    writer = _Writer(world_dir)
    traps: list[Trap] = []
    review_truth: list[dict] = []
    _write_site(writer, stores, plan, rng, traps)
    for source in LISTING_SOURCES:
        _write_listings(writer, source, stores, plan, rng, traps)
    _write_reviews(writer, stores, plan, rng, review_truth)
    (world_dir / "faults.json").write_text(json.dumps(_fault_urls(stores, plan), indent=1, sort_keys=True))

    (root / "assets").mkdir(exist_ok=True)
    (root / "assets" / "logo.png").write_bytes(draw_logo(current=True))
    roster = root / "roster.csv"
    roster.write_text(_roster_csv(stores), encoding="utf-8")
    spec = root / "brand.yaml"
    spec.write_text(brand_yaml(), encoding="utf-8")
    truth = {
        "seed": seed,
        "locations": locations,
        "night": night,
        "today": TODAY.isoformat(),
        "defects": [d.as_dict() for d in plan.defects],
        "traps": [t.as_dict() for t in traps],
        "fetch_faults": plan.faults,
        "reviews": review_truth,
    }
    if changes is not None:
        truth["changes"] = changes
    ground_truth = root / "ground_truth.json"
    ground_truth.write_text(json.dumps(truth, indent=1, sort_keys=True), encoding="utf-8")
    return World(root, world_dir, spec, roster, ground_truth)


def _next_night(rng: random.Random, stores: list[Store], plan: Plan) -> dict:
    """Night 2: one listing phone defect fixed, one new phone defect on a clean listing."""
    fixable = [d for d in plan.defects if d.kind == "wrong_phone"]
    fixed = fixable[0]
    plan.defects.remove(fixed)
    busy = {(d.store_id, d.source) for d in plan.defects} | {
        (f["store_id"], f["source"]) for f in plan.faults
    }
    faulted = {f["store_id"] for f in plan.faults}
    candidates = [
        s
        for s in stores
        if s.status == "open"
        and s.store_id not in faulted
        and all((s.store_id, src) not in busy for src in LISTING_SOURCES)
    ]
    store = rng.choice(candidates)
    new = Defect(store.store_id, "wrong_phone", "mapdir", phone_number(rng, store.state), store.phone)
    plan.defects.append(new)
    return {"fixed": [fixed.as_dict()], "new": [new.as_dict()]}


def _lastmod(store: Store) -> str:
    """The date a store's page last changed, as its sitemap says (fixed per store, no rng draw).

    Night 2 changes listings only; a change to a site page would have to move its date."""
    days = int(hashlib.sha1(store.store_id.encode()).hexdigest()[:6], 16) % 180
    return (TODAY - dt.timedelta(days=days + 1)).isoformat()


def _roster_csv(stores: list[Store]) -> str:
    buffer = io.StringIO()
    rows = [s.roster_row() for s in stores]
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def _write_site(
    writer: _Writer, stores: list[Store], plan: Plan, rng: random.Random, traps: list[Trap]
) -> None:
    base = "http://www.furnco.example"
    broken = {f["store_id"] for f in plan.faults if f["fault"] == "malformed_jsonld"}
    listed = [s for s in stores if s.status != "closed"]
    writer.put(f"{base}/robots.txt", f"User-agent: *\nDisallow: /checkout/\nSitemap: {base}/sitemap.xml\n")
    writer.put(f"{base}/sitemap.xml", pages.sitemap([(s.website, _lastmod(s)) for s in listed]))
    writer.put(f"{base}/static/brand.css", pages.BRAND_CSS)
    writer.put(f"{base}/static/logo.png", draw_logo(current=True))
    writer.put(f"{base}/static/logo-2019.png", draw_logo(current=False))
    writer.put(f"{base}/", pages._page("Furn.Co", "<h1>Furn.Co</h1><p>Made for living.</p>"))
    for store in listed:
        kinds = plan.kinds_at(store.store_id, "site")
        store_traps = []
        for kind in SITE_TRAPS:
            if rng.random() < 0.3:
                field = "colours" if kind == "colour_other_notation" else "fonts"
                if not kinds & {"off_palette_colour", "wrong_font"}:
                    shown = "rgb(31, 78, 95)" if field == "colours" else "'MERRIWEATHER'"
                    store_traps.append(
                        Trap(
                            store.store_id,
                            kind,
                            "site",
                            field,
                            shown,
                            "#1F4E5F" if field == "colours" else "Merriweather",
                        )
                    )
        traps.extend(store_traps)
        writer.put(store.website, pages.site_page(store, kinds, store_traps, store.store_id in broken))


def _rating(rng: random.Random, store: Store, plan: Plan) -> tuple[float, int]:
    low = plan.defect(store.store_id, REVIEW_SOURCE, "falling_rating") is not None
    return (round(rng.uniform(2.6, 3.4), 1) if low else round(rng.uniform(3.9, 4.8), 1)), rng.randint(8, 240)


SOURCE_LAYOUT = {
    "localpages": (
        "http://localpages.example",
        "/search?q=Furn.Co&page={n}",
        "/biz/{id}",
        "result-link",
        'rel="next"',
    ),
    "mapdir": (
        "http://mapdir.example",
        "/places?brand=furnco&page={n}",
        "/place/{id}",
        "place-link",
        'class="next"',
    ),
    "yellowbook": (
        "http://yellowbook.example",
        "/furniture?q=Furn.Co&page={n}",
        "/listing/{id}",
        "listing-link",
        'class="next"',
    ),
}


def _write_listings(
    writer: _Writer, source: str, stores: list[Store], plan: Plan, rng: random.Random, traps: list[Trap]
) -> None:
    entries: list[tuple[Store, Defect | None, bool | str]] = []
    for store in stores:
        defect = plan.defect(store.store_id, source)
        if store.status == "closed":
            still = defect is not None and defect.kind == "closed_still_listed"
            if still:
                entries.append((store, None, False))
            elif source == "yellowbook" or source == "placesdata":
                entries.append((store, None, True))  # listed, correctly marked closed
            continue
        if defect is not None and defect.kind == "missing_listing":
            continue
        # a temporarily closed store is shown so where the source can show it (a banner, a status)
        entries.append((store, defect, "temporarily" if store.status == "temporarily_closed" else False))
        if defect is not None and defect.kind == "duplicate_listing":
            entries.append((store, None, False))
    order = list(range(len(entries)))
    rng.shuffle(order)
    records = []
    for position, idx in enumerate(order, start=1):
        store, defect, closed = entries[idx]
        listing_id = f"{source[:2]}{position:06d}"
        store_traps = [] if closed is True else listing_traps(rng, store, source)
        if defect is not None:
            store_traps = [t for t in store_traps if t.field != defect.field]
        traps.extend(store_traps)
        shown = pages.shown_values(store, store_traps, defect)
        rating, count = _rating(rng, store, plan)
        records.append((store.store_id, listing_id, shown, rating, count, closed))
    if source == "placesdata":
        _write_places(writer, records)
        return
    base, index_path, listing_path, link_class, next_attr = SOURCE_LAYOUT[source]
    faulted = {f["store_id"] for f in plan.faults if f["source"] == source}
    fault_urls = []
    links = []
    for store_id, listing_id, shown, rating, count, closed in records:
        url = base + listing_path.format(id=listing_id)
        links.append((url, shown.name))
        if source == "localpages":
            body = pages.localpages_listing(shown, rating, count)
        elif source == "mapdir":
            body = pages.mapdir_listing(shown, rating, count)
        else:
            body = pages.yellowbook_listing(shown, rating, closed)
        writer.put(url, body)
        if store_id in faulted:
            fault_urls.append(url)
    pages_count = max(1, -(-len(links) // PER_INDEX_PAGE))
    for n in range(1, pages_count + 1):
        chunk = links[(n - 1) * PER_INDEX_PAGE : n * PER_INDEX_PAGE]
        nxt = base + index_path.format(n=n + 1) if n < pages_count else None
        writer.put(
            base + index_path.format(n=n),
            pages.index_page(
                f"Furn.Co on {source}",
                [(href.removeprefix(base), text) for href, text in chunk],
                link_class,
                nxt and nxt.removeprefix(base),
                next_attr,
            ),
        )
    for f in plan.faults:
        if f["source"] == source and fault_urls:
            f["url"] = fault_urls[0]


def _write_places(writer: _Writer, records: list) -> None:
    base = "http://api.placesdata.example/v1/places.json"
    per_page = 50
    total = max(1, -(-len(records) // per_page))
    for n in range(1, total + 1):
        chunk = records[(n - 1) * per_page : n * per_page]
        body = {
            "results": [
                pages.places_record(lid, shown, rating, count, closed)
                for _store_id, lid, shown, rating, count, closed in chunk
            ],
            "next": f"{base}?brand=furnco&page={n + 1}" if n < total else None,
        }
        writer.put(f"{base}?brand=furnco&page={n}", json.dumps(body, ensure_ascii=False, indent=1))


def _review_dates(rng: random.Random, count: int, stale: bool) -> list[dt.date]:
    start = 200 if stale else 0
    return sorted(
        (TODAY - dt.timedelta(days=rng.randint(start + 1, start + 400)) for _ in range(count)), reverse=True
    )


def _write_reviews(
    writer: _Writer, stores: list[Store], plan: Plan, rng: random.Random, truth: list[dict]
) -> None:
    hostile_store = next((s for s in stores if s.status == "open"), None)
    sitemap: list[tuple[str, str]] = []
    for store in stores:
        kinds = plan.kinds_at(store.store_id, REVIEW_SOURCE)
        count = rng.randint(20, 40)
        dates = _review_dates(rng, count, "stale_reviews" in kinds)
        reviews = []
        # a steady store: a fixed share of complaints and lukewarm reviews, in random places
        complaints = set(rng.sample(range(count), max(1, round(0.06 * count))))
        lukewarm = set(rng.sample(sorted(set(range(count)) - complaints), round(0.05 * count)))
        for i, date in enumerate(dates):
            roll = rng.random()
            if "falling_rating" in kinds and i < int(count * 0.7):
                label = "negative" if roll < 0.85 else "neutral"
            elif "unanswered_negative_reviews" in kinds and i % 8 == 1:
                label = "negative"  # enough complaints to see that none is answered
            else:
                label = "negative" if i in complaints else "neutral" if i in lukewarm else "positive"
            stars = {"positive": rng.choice((4, 5, 5, 5)), "negative": rng.choice((1, 1, 2)), "neutral": 3}[
                label
            ]
            text = compose_review(rng, label)
            if store is hostile_store and i == 0:
                text, label, stars = HOSTILE, "positive", 5
            elif rng.random() < 0.03:
                _lang, text, label, stars = rng.choice(FOREIGN)
            key = f"r-{store.store_id[3:]}-{i:03d}"
            review = {
                "key": key,
                "stars": stars,
                "author": rng.choice(AUTHORS),
                "date": date.isoformat(),
                "text": text,
            }
            # stores reply to every complaint and to most other reviews; the planted defect
            # is a store that ignores complaints
            answer = "unanswered_negative_reviews" not in kinds if label == "negative" else rng.random() < 0.7
            if answer:
                review["reply"] = (
                    "Thanks for your feedback. We're sorry to hear this; our store manager "
                    "will call you today."
                    if label == "negative"
                    else "Thanks so much, we're glad you love it!"
                )
                review["reply_date"] = min(TODAY, date + dt.timedelta(days=rng.randint(0, 3))).isoformat()
            reviews.append(review)
            truth.append(
                {
                    "source": REVIEW_SOURCE,
                    "store_id": store.store_id,
                    "key": key,
                    "label": label,
                    "stars": stars,
                }
            )
        base = f"http://reviewhub.example/furnco/{store.store_id}/reviews"
        # the store's reviews last changed with its newest review or reply
        sitemap.append((base, max(max(r["date"], r.get("reply_date", "")) for r in reviews)))
        total = -(-len(reviews) // REVIEWS_PER_PAGE)
        for n in range(1, total + 1):
            url = base if n == 1 else f"{base}?page={n}"
            nxt = f"?page={n + 1}" if n < total else None
            writer.put(
                url, pages.review_page(store, reviews[(n - 1) * REVIEWS_PER_PAGE : n * REVIEWS_PER_PAGE], nxt)
            )
    writer.put("http://reviewhub.example/sitemap.xml", pages.sitemap(sitemap))


def _fault_urls(stores: list[Store], plan: Plan) -> dict[str, str]:
    """URL -> fault, for the server; also written into each fault's ground-truth entry."""
    by_id = {s.store_id: s for s in stores}
    out = {}
    for fault in plan.faults:
        store = by_id[fault["store_id"]]
        if fault["source"] == REVIEW_SOURCE:
            base = f"http://reviewhub.example/furnco/{store.store_id}/reviews"
            page = int(fault["page"].split()[-1])
            fault["url"] = f"{base}?page={page}" if page > 1 else base
        elif fault["source"] == "site":
            fault["url"] = store.website
        if fault.get("url") and fault["fault"] != "malformed_jsonld":
            out[fault["url"]] = fault["fault"]
    return out
