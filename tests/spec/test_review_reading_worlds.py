"""Review stars and dates read on the eight variant demo worlds (written in other conventions than
the readers': glyphs, fractions, aria labels, attributes; ISO, written and no dates; reviews on a
review site or embedded on the brand's pages): each store's stars equal the world's truth (as a
multiset: some reviews carry no id), and no shown date is unreadable."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from scrapy.http import HtmlResponse

from auditor.crawl.adapters.reviews import read_reviews
from auditor.demo.variant import generate_variant
from auditor.spec import load_spec

pytestmark = [pytest.mark.slow]


def _pages(world: Path, host: str) -> list[tuple[str, Path]]:
    """(URL, file) of every page the world serves on ``host``."""
    out = []
    for path in sorted((world / host).rglob("*")):
        if path.is_dir():
            continue
        rel = path.relative_to(world / host).as_posix().removesuffix("index.html")
        out.append((f"http://{host}/{rel.replace('@', '?')}", path))
    return out


def _store_of(url: str, spec) -> object:
    """The roster store a review page belongs to: its id in the URL, or its website."""
    segments = set(url.split("?")[0].rstrip("/").split("/"))
    page = url.split("?")[0].rstrip("/")
    return next((e for e in spec.roster if e.store_id in segments
                 or (e.website and e.website.rstrip("/") == page)), None)  # fmt: skip


@pytest.mark.parametrize("seed", range(8))
def test_stars_and_dates_on_variant_world(tmp_path: Path, seed: int) -> None:
    made = generate_variant(tmp_path, seed=seed)
    spec = load_spec(made.spec)
    truth = json.loads(made.ground_truth.read_text())
    source = next(s for s in spec.sources if s.kind == "reviews")
    expected: dict[str, list[float]] = {}
    for review in truth["reviews"]:
        if review["source"] == source.id:
            expected.setdefault(review["store_id"], []).append(float(review["stars"]))
    today = dt.date.fromisoformat(str(truth["today"])[:10])
    read: dict[str, dict[str, dict]] = {}  # store -> review key -> review
    for host in source.allowed_domains:
        for url, path in _pages(made.world_dir, host):
            store = _store_of(url, spec)
            if store is None:
                continue
            page = HtmlResponse(url, body=path.read_bytes(), encoding="utf-8")
            languages = tuple(spec.languages)
            found = read_reviews(page, source.adapter, store.store_id, languages, store.country, today)
            for review in found:
                read.setdefault(store.store_id, {}).setdefault(review["key"], review)
    assert expected and set(expected) <= set(read)
    for store_id, stars in expected.items():
        reviews = list(read[store_id].values())
        got = sorted(r["stars"] for r in reviews if r["stars"] is not None)
        if truth["conventions"].get("stars") == "none":  # the world shows no stars: none may be made up
            assert got == [], store_id
        else:
            assert got == sorted(stars), (truth["conventions"].get("stars"), store_id)
        unreadable = [r["problems"]["date"] for r in reviews if r["problems"].get("date", "no date shown")
                      != "no date shown"]  # fmt: skip
        assert not unreadable, unreadable[:3]
        if truth["conventions"].get("dates") == "none":
            assert all(r["date"] is None for r in reviews)
