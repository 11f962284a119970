"""Incremental crawls: what is carried over without a request, and what is fetched again."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from sqlmodel import Session, select

from auditor.store.engine import make_engine
from auditor.store.tables import Fetch, Observation, Review
from tests.crawl.fault_world import SITE, STORES, build_world, write_spec
from tests.crawl.server import ProxyServer
from tests.crawl.test_crawl_world import crawl, logo_png

pytestmark = [pytest.mark.server, pytest.mark.slow]

REVIEWS = "http://reviewhub.example/furnco/FC-00001/reviews"
REVIEW_SITEMAP = "http://reviewhub.example/sitemap.xml"


def _review_sitemap(lastmod: str) -> str:
    urls = "".join(
        f"<url><loc>http://reviewhub.example/furnco/{s['store_id']}/reviews</loc>"
        f"<lastmod>{lastmod if s['store_id'] == 'FC-00001' else '2026-10-01'}</lastmod></url>"
        for s in STORES
    )
    return f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'


def _with_review_sitemap(spec: Path, refresh_days: float | None = None) -> Path:
    text = spec.read_text(encoding="utf-8").replace(
        '    url_template: "http://reviewhub.example/furnco/{store_id}/reviews"\n',
        '    url_template: "http://reviewhub.example/furnco/{store_id}/reviews"\n'
        f"    sitemap: {REVIEW_SITEMAP}\n",
    )
    if refresh_days is not None:
        text = re.sub(r"^crawl:\n", f"crawl:\n  refresh_days: {refresh_days}\n", text, flags=re.M)
    spec.write_text(text, encoding="utf-8")
    return spec


def _reviews(engine) -> list[Review]:
    with Session(engine) as session:
        return list(session.exec(select(Review)))


def _fetched(engine, run_id: int) -> set[str]:
    with Session(engine) as session:
        return set(session.exec(select(Fetch.url).where(Fetch.run_id == run_id)))


def _observed(engine, run_id: int) -> Counter:
    with Session(engine) as session:
        rows = session.exec(select(Observation).where(Observation.run_id == run_id))
        return Counter((o.source, o.location_id, o.field, o.normalised) for o in rows)


def _sitemapped_world():
    """The fault world with a review sitemap dating every store's reviews."""
    world = build_world(logo_png())
    world.add(REVIEW_SITEMAP, _review_sitemap("2026-10-02"))
    return world


def _first_crawl(tmp_path, server):
    """(spec, engine, run id) of a first crawl of the sitemapped world."""
    spec = _with_review_sitemap(write_spec(tmp_path, server.proxy_url))
    return spec, make_engine(tmp_path / "audit.db"), crawl(spec, tmp_path / "audit.db")


def test_unchanged_review_pages_are_carried_and_a_new_review_is_fetched(tmp_path):
    world = _sitemapped_world()
    with ProxyServer(world) as server:
        spec, engine, first = _first_crawl(tmp_path, server)
        world.hits.clear()
        second = crawl(spec, tmp_path / "audit.db")
        # the sitemap dates every store's reviews as before: no review page is requested
        assert not [u for u in world.hits if u.startswith("http://reviewhub.example/furnco/")]
        assert _observed(engine, second) == _observed(engine, first)
        assert {r.last_seen_run_id for r in _reviews(engine)} == {second}

        # a new review on store 1's first page, and the sitemap says so
        page = world.pages[REVIEWS].body.decode()
        world.add(REVIEWS, page.replace('<article class="review" data-review-id="r-1-1">', (
            '<article class="review" data-review-id="r-1-0"><span class="author">Cy</span>'
            '<span class="stars" data-value="1"></span><time datetime="2026-11-20"></time>'
            '<p class="body">Rude staff</p></article>'
            '<article class="review" data-review-id="r-1-1">'), 1))  # fmt: skip
        world.add(REVIEW_SITEMAP, _review_sitemap("2026-11-20"))
        world.hits.clear()
        third = crawl(spec, tmp_path / "audit.db")
    assert world.hits[REVIEWS] == 1
    assert world.hits[f"{REVIEWS}?page=2"] == 1  # page 1 changed: the pages behind it are checked
    assert not [u for u in world.hits if "FC-00002/reviews" in u]
    reviews = _reviews(engine)
    (new,) = [r for r in reviews if r.text == "Rude staff"]
    assert new.first_run_id == third and new.stars == 1
    assert {r.last_seen_run_id for r in reviews} == {third}
    assert len(reviews) == 2 * len(STORES) + 1
    assert REVIEWS in _fetched(engine, third)


def test_refresh_days_zero_checks_every_page_every_run(tmp_path):
    world = build_world(logo_png())
    world.add(REVIEW_SITEMAP, _review_sitemap("2026-10-02"))
    with ProxyServer(world) as server:
        spec = _with_review_sitemap(write_spec(tmp_path, server.proxy_url), refresh_days=0)
        crawl(spec, tmp_path / "audit.db")
        world.hits.clear()
        crawl(spec, tmp_path / "audit.db")
    for store in STORES:
        base = f"http://reviewhub.example/furnco/{store['store_id']}/reviews"
        assert world.hits[base] == 1 and world.hits[f"{base}?page=2"] == 1
        assert world.conditional_hits[base] == 1  # asked with validators, answered 304
    assert world.hits[f"{SITE}/robots.txt"] == 1


def test_a_store_whose_page_cannot_be_addressed_is_a_gap_and_a_closed_one_is_left_alone(tmp_path):
    import csv

    world = build_world(logo_png())
    with ProxyServer(world) as server:
        spec = write_spec(tmp_path, server.proxy_url)
        roster = tmp_path / "roster.csv"
        rows = list(csv.DictReader(roster.open(encoding="utf-8")))
        for row in rows:  # a roster column the review source's address is built from
            row["review_slug"] = "" if row["store_id"] in ("FC-00001", "FC-00002") else row["store_id"]
        rows[1]["status"] = "closed"
        with roster.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
        text = spec.read_text(encoding="utf-8")
        spec.write_text(text.replace("/furnco/{store_id}/reviews", "/furnco/{review_slug}/reviews"), "utf-8")
        engine = make_engine(tmp_path / "audit.db")
        run = crawl(spec, tmp_path / "audit.db")
        with Session(engine) as session:
            gaps = session.exec(select(Fetch).where(Fetch.run_id == run, Fetch.outcome == "no_url")).all()
        assert [(g.location_id, g.source) for g in gaps] == [("FC-00001", "reviewhub")]
        assert "review_slug" in (gaps[0].error or "")
        assert not [u for u in world.hits if "{review_slug}" in u]


def test_pages_read_by_another_version_of_the_readers_are_read_afresh(tmp_path):
    from sqlalchemy import update

    from auditor.crawl.reader_version import reader_fingerprint
    from auditor.store.tables import AuditRun

    world = _sitemapped_world()
    with ProxyServer(world) as server:
        spec, engine, first = _first_crawl(tmp_path, server)
        with Session(engine) as session:
            assert session.get(AuditRun, first).reader == reader_fingerprint()
            session.exec(update(AuditRun).where(AuditRun.id == first).values(reader="0.1.0+older"))
            session.commit()
        world.hits.clear()
        crawl(spec, tmp_path / "audit.db")
        # the sitemap dates every review page as before, but an older reader read them: fetched again
        assert [u for u in world.hits if u.startswith("http://reviewhub.example/furnco/")]
