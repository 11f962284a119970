"""The whole crawl against a local world with planted faults, then an unchanged re-crawl."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from PIL import Image
from sqlmodel import Session, select

pytest.importorskip("auditor.spec", reason="needs the spec loader")
pytest.importorskip("auditor.normalise.phone", reason="needs the normalisers")

from auditor.store.engine import make_engine
from auditor.store.tables import AuditRun, Fetch, Observation, Review
from tests.crawl.fault_world import SITE, STORES, build_world, write_spec
from tests.crawl.server import ProxyServer

pytestmark = [pytest.mark.server, pytest.mark.slow]
ROOT = Path(__file__).resolve().parents[2]


def logo_png() -> bytes:
    image = Image.new("RGB", (64, 32), "#1F4E5F")
    image.paste(Image.new("RGB", (20, 12), "#E07A2E"), (8, 10))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def crawl(spec: Path, db: Path) -> int:
    done = subprocess.run(
        [sys.executable, "-m", "auditor.crawl.runner", str(spec), str(db), "--loopback",
         "--quiet", "--set", "DOWNLOAD_TIMEOUT=2", "--set", "RETRY_TIMES=0"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    return int(done.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    folder = tmp_path_factory.mktemp("world")
    world = build_world(logo_png())
    with ProxyServer(world) as server:
        spec = write_spec(folder, server.proxy_url)
        db = folder / "audit.db"
        first = crawl(spec, db)
        first_hits = Counter(world.hits)
        second = crawl(spec, db)
    return {"engine": make_engine(db), "first": first, "second": second, "world": world,
            "first_hits": first_hits}  # fmt: skip


def fetches(engine, run_id: int) -> dict[str, Fetch]:
    with Session(engine) as session:
        rows = session.exec(select(Fetch).where(Fetch.run_id == run_id)).all()
    return {f.url: f for f in rows}


def observations(engine, run_id: int) -> list[Observation]:
    with Session(engine) as session:
        return list(session.exec(select(Observation).where(Observation.run_id == run_id)))


def test_run_is_complete_with_counted_failures(crawled):
    with Session(crawled["engine"]) as session:
        run = session.get(AuditRun, crawled["first"])
    assert run.status == "complete" and run.finished is not None
    stats = json.loads(run.stats)
    assert stats["auditor/yellowbook/failures"] >= 2
    assert stats["auditor/site/failures"] >= 2
    # a page read with a note (the planted malformed JSON-LD) is counted as a note, not a failure
    assert sum(v for k, v in stats.items() if k.endswith("/notes")) >= 1


def test_each_fault_is_recorded_as_a_fetch_error(crawled):
    rows = fetches(crawled["engine"], crawled["first"])
    assert rows[f"{SITE}/stores/penrith/"].error.startswith("timeout")
    assert rows[f"{SITE}/stores/penrith/"].status is None
    assert "malformed JSON-LD" in rows[f"{SITE}/stores/bondi/"].error
    assert rows["http://yellowbook.example/listing/2"].status == 500
    assert rows["http://yellowbook.example/listing/2"].error == "HTTP 500"
    assert rows["http://yellowbook.example/listing/5"].error.startswith("truncated")
    assert rows["http://yellowbook.example/listing/5"].outcome == "truncated"
    assert rows[f"{SITE}/private/staff/"].outcome == "robots"
    assert rows[f"{SITE}/private/staff/"].error == (
        f"robots: Disallow: /private/ ({SITE}/robots.txt)")
    assert rows[f"{SITE}/stores/parramatta/"].error is None
    assert rows[f"{SITE}/stores/parramatta/"].bytes > 0


def test_failed_pages_give_no_observations_and_the_rest_are_stored(crawled):
    rows = observations(crawled["engine"], crawled["first"])
    by_source = Counter((o.source, o.location_id) for o in rows)
    assert ("yellowbook", "FC-00002") not in by_source  # 500
    assert ("yellowbook", "FC-00005") not in by_source  # truncated
    assert ("site", "FC-00003") not in by_source  # timed out
    for store in ("FC-00001", "FC-00003", "FC-00004"):
        assert by_source[("yellowbook", store)] >= 4
    site = {(o.location_id, o.field): o for o in rows if o.source == "site"}
    assert json.loads(site[("FC-00001", "phone")].normalised) == "+61298765401"
    assert json.loads(site[("FC-00001", "store_ref")].normalised) == "FC-00001"
    colours = {c.lower() for c in json.loads(site[("FC-00001", "colours")].normalised)}
    assert {"#1f4e5f", "#e07a2e"} <= colours
    assert "source sans 3" in json.loads(site[("FC-00001", "fonts")].normalised)  # casefolded
    assert json.loads(site[("FC-00001", "logo")].normalised)
    assert "Prices include GST." in json.loads(site[("FC-00001", "text")].normalised)
    # The page with broken JSON-LD still gives its text and look.
    assert ("FC-00004", "text") not in site or site[("FC-00004", "text")].normalised


def test_listings_found_by_discovery_are_matched_to_roster_stores(crawled):
    rows = observations(crawled["engine"], crawled["first"])
    listed = {o.location_id for o in rows if o.source == "yellowbook"}
    assert listed == {"FC-00001", "FC-00003", "FC-00004"}


def test_stylesheet_and_logo_fetched_once_robots_and_offsite_obeyed(crawled):
    hits = crawled["first_hits"]
    assert hits[f"{SITE}/static/brand.css"] == 1
    assert hits[f"{SITE}/static/logo.png"] == 1
    assert hits[f"{SITE}/private/staff/"] == 0
    assert not any("elsewhere.example" in url for url in hits)
    assert all("audits@furnco.example" in ua for ua in crawled["world"].user_agents)


def test_reviews_stored_with_replies_and_paginated(crawled):
    with Session(crawled["engine"]) as session:
        reviews = session.exec(select(Review)).all()
    assert len(reviews) == 2 * len(STORES)
    first = next(r for r in reviews if r.key == "r-1-1")
    assert first.stars == 5 and first.reply == "Thank you" and str(first.reply_date) == "2026-10-02"
    assert first.text == "Lovely sofa"


def test_recrawl_reuses_unchanged_pages(crawled):
    engine, first, second = crawled["engine"], crawled["first"], crawled["second"]
    rows = fetches(engine, second)
    page = rows[f"{SITE}/stores/parramatta/"]
    assert page.status == 304 and page.reused and page.bytes == 0
    old = Counter((o.source, o.location_id, o.field, o.normalised) for o in
                  observations(engine, first))  # fmt: skip
    new = Counter((o.source, o.location_id, o.field, o.normalised) for o in
                  observations(engine, second))  # fmt: skip
    assert new == old, (new - old, old - new)
    with Session(engine) as session:
        reviews = session.exec(select(Review)).all()
    assert len(reviews) == 2 * len(STORES)  # never re-inserted
    assert {r.last_seen_run_id for r in reviews} == {second}
    assert {r.first_run_id for r in reviews} == {first}
    first_bytes = sum(f.bytes for f in fetches(engine, first).values())
    second_bytes = sum(f.bytes for f in rows.values())
    assert second_bytes < first_bytes / 5
