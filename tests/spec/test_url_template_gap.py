"""A URL template over an empty roster field: `validate` warns, the crawl skips that store with a
coverage gap naming the field and goes on with the other stores."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlmodel import Session, select

from auditor.store.engine import make_engine
from auditor.store.tables import AuditRun, Fetch, Review
from tests.crawl.fault_world import SITE, STORES, build_world, write_spec
from tests.crawl.server import ProxyServer

pytestmark = [pytest.mark.server]
ROOT = Path(__file__).resolve().parents[2]


def test_empty_field_skips_one_store_and_the_crawl_goes_on(tmp_path: Path) -> None:
    world = build_world(b"")
    unrated = "http://reviewhub.example/furnco/FC-00003/reviews?page=2"
    world.pages[unrated].body = world.pages[unrated].body.replace(b'data-value="2"', b'data-value="great"')
    for store in STORES:  # the brand's pages addressed by postcode and store id
        world.add(f"{SITE}/loc/{store['postcode']}-{store['store_id']}/", f"<h1>{store['name']}</h1>")
    with ProxyServer(world) as server:
        spec = write_spec(tmp_path, server.proxy_url)
        text = spec.read_text().replace(
            "  sitemap: http://www.furnco.example/sitemap.xml",
            '  url_template: "http://www.furnco.example/loc/{postcode}-{store_id}/"',
        )
        spec.write_text(text)
        roster = tmp_path / "roster.csv"
        roster.write_text(roster.read_text().replace("Chatswood,NSW,2000,", "Chatswood,NSW,,"))
        done = subprocess.run(
            [sys.executable, "-m", "auditor.crawl.runner", str(spec), str(tmp_path / "a.db"), "--loopback",
             "--quiet", "--set", "DOWNLOAD_TIMEOUT=2", "--set", "RETRY_TIMES=0"],
            cwd=ROOT, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    run_id = int(done.stdout.split()[-1])
    with Session(make_engine(tmp_path / "a.db")) as session:
        run = session.get(AuditRun, run_id)
        site = session.exec(select(Fetch).where(Fetch.run_id == run_id, Fetch.source == "site")).all()
        reviews = session.exec(select(Review).where(Review.location_id == "FC-00003")).all()
    assert run.status == "complete"
    stats = json.loads(run.stats)  # review fields are counted like listing fields, per source
    stars = {k.rsplit("/", 1)[-1]: v for k, v in stats.items() if k.count("/") == 3 and "review_stars" in k}
    assert stars["read"] == stars["normalised"] + 1 and stars["unreadable"] == 1
    assert stats["field/reviewhub/review_date/read"] > 0
    unread = [r for r in reviews if r.stars is None]  # kept as no rating, with the reason
    assert len(unread) == 1 and len(reviews) == 2
    reason = "'great' shows no star rating in a form the auditor reads"
    assert json.loads(unread[0].problems) == {"stars": reason}
    by_store = {f.location_id: f for f in site if f.location_id}
    assert sorted(by_store) == [s["store_id"] for s in STORES]
    gap = by_store["FC-00002"]
    assert gap.status is None and "roster field 'postcode' is empty" in gap.error
    fetched = [f for sid, f in by_store.items() if sid != "FC-00002"]
    assert all(f.status == 200 and f.url.endswith(f"-{f.location_id}/") for f in fetched)
