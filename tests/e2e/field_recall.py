"""What the crawl of a demo world stored, judged against the world itself and its ground truth.

``page_coverage``: every location page, listing page and review page in the world was fetched
(faulted URLs excepted: they must be recorded as failures). ``field_recall``: for every store on
every source, each NAP-and-hours field the source shows was read and normalises to the roster's
value (fields with a planted defect excepted). ``trap_values``: each equivalence trap's shown
form normalises to the same value as its truth.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

from auditor.crawl.fields import normalise_field
from auditor.normalise.colours import colours_from_css
from auditor.normalise.fonts import fonts_from_css

FIELDS = ("name", "address", "phone", "website", "hours")
SOURCES = ("site", "localpages", "mapdir", "yellowbook", "placesdata")
NOT_PAGES = ("/robots.txt", "/sitemap.xml", "/")  # crawl aids and the brand's home page


def world_urls(world: Path) -> set[str]:
    """Every URL the demo world answers (inverse of ``auditor.demo.world.url_file``)."""
    urls = set()
    for file in world.rglob("*"):
        if not file.is_file() or file.parent == world:
            continue
        host, *parts = file.relative_to(world).parts
        path = "/".join(parts)
        path = path[: -len("index.html")] if path.endswith("index.html") else path
        urls.add(f"http://{host}/{path}".replace("@", "?", 1))
    return urls


def _unreachable(faulted: set[str], urls: set[str]) -> set[str]:
    """Review pages behind a faulted page of the same store: no link to them was read."""
    out = set()
    for fault in faulted:
        base, _, query = fault.partition("?page=")
        if "/reviews" in base:
            after = int(query or 1)
            out |= {u for u in urls if u.startswith(base + "?page=") and int(u.rsplit("=", 1)[1]) > after}
    return out


def page_coverage(out: Path) -> tuple[set[str], set[str]]:
    """(world pages never fetched, faulted pages not recorded as failures) for run 1."""
    truth = json.loads((out / "ground_truth.json").read_text())
    faulted = {f["url"] for f in truth["fetch_faults"] if f.get("url")}
    with sqlite3.connect(out / "demo.db") as db:
        rows = db.execute("SELECT url, status, error FROM fetch WHERE run_id = 1").fetchall()
    ok = {url for url, status, error in rows if status == 200 and not error}
    failed = {url for url, status, error in rows if error}
    pages = {u for u in world_urls(out / "world") if not u.endswith(NOT_PAGES)}
    pages.discard("http://www.furnco.example/static/logo-2019.png")  # only planted defects use it
    return pages - faulted - ok - failed - _unreachable(faulted, pages), faulted - failed


def _roster(out: Path) -> dict[str, dict[str, str]]:
    with (out / "roster.csv").open(encoding="utf-8") as handle:
        return {row["store_id"]: row for row in csv.DictReader(handle)}


def _expected(row: dict[str, str], field: str) -> object:
    raw = row[field] if field != "address" else (
        f"{row['street']}, {row['locality']} {row['state']} {row['postcode']}")  # fmt: skip
    value, _problem = normalise_field(field, raw, row["country"])
    return _key(field, value)


def _key(field: str, value: object) -> object:
    if field == "address" and isinstance(value, dict):
        return value.get("key")
    return json.dumps(value, sort_keys=True)


def field_recall(out: Path) -> tuple[int, int, list[tuple]]:
    """(fields read right, fields expected, the misses) over every store and source."""
    truth = json.loads((out / "ground_truth.json").read_text())
    roster = _roster(out)
    touched = {(d["store_id"], d["source"]) for d in truth["defects"]}
    faulted = {(f["store_id"], f["source"]) for f in truth["fetch_faults"]}
    seen: dict[tuple[str, str, str], list[object]] = {}
    with sqlite3.connect(out / "demo.db") as db:
        rows = db.execute(
            "SELECT location_id, source, field, normalised FROM observation "
            "WHERE run_id = 1 AND location_id IS NOT NULL"
        ).fetchall()
    for store, source, field, normalised in rows:
        if field in FIELDS and normalised is not None:
            seen.setdefault((store, source, field), []).append(_key(field, json.loads(normalised)))
    right, total, misses = 0, 0, []
    for store, row in roster.items():
        if row["status"] == "closed":
            continue
        for source in SOURCES:
            if (store, source) in touched or (store, source) in faulted:
                continue
            for field in FIELDS:
                expected = _expected(row, field)
                total += 1
                if seen.get((store, source, field)) == [expected]:
                    right += 1
                else:
                    misses.append((store, source, field, expected, seen.get((store, source, field))))
    return right, total, misses


def _normalised(field: str, raw: str, country: str) -> object:
    if field == "colours":
        return colours_from_css(f"a {{ color: {raw} }}")
    if field == "fonts":
        return fonts_from_css(f"a {{ font-family: {raw} }}")
    value, _problem = normalise_field(field, raw, country)
    return _key(field, value)


def trap_values(out: Path, misses: list[tuple]) -> list[dict]:
    """Equivalence traps read as something other than their truth: the stored value differs
    from the roster's (``misses`` of ``field_recall``), or, for fields given whole (phone,
    website, name, colour, font stack), the shown form and the truth normalise differently."""
    truth = json.loads((out / "ground_truth.json").read_text())
    roster = _roster(out)
    missed = {(store, source, field) for store, source, field, *_ in misses}
    split = []
    for trap in truth["traps"]:
        if (trap["store_id"], trap["source"], trap["field"]) in missed:
            split.append(trap)
            continue
        if trap["field"] == "address":  # shown as a fragment ("Western Australia" for "WA")
            continue
        country = roster[trap["store_id"]]["country"]
        shown = _normalised(trap["field"], trap["shown"], country)
        meant = _normalised(trap["field"], trap["truth"], country)
        if shown != meant or shown in (None, []):
            split.append({**trap, "shown_as": shown, "truth_as": meant})
    return split
