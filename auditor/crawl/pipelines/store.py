"""Write what the crawl saw (fetches, observations, reviews, reuse of 304 pages) in batches."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import UTC, datetime
from typing import Any

from scrapy import signals
from sqlalchemy import insert, literal, select, update

from auditor.crawl.context import engine_for, run_id_for
from auditor.crawl.fetchlog import fetch_log_for
from auditor.crawl.items import (
    CarriedPages,
    FetchRecord,
    ObservedPage,
    ObservedReview,
    PageMemo,
    ReusedPage,
    ReviewPage,
)
from auditor.crawl.memo import CrawlMemo, Memo, load_memos
from auditor.crawl.upsert import upsert
from auditor.store.engine import session_scope
from auditor.store.tables import AuditRun, Fetch, Observation, Review
from auditor.store.writes import insert_new

_CHUNK = 400
# Core tables: rows go in by executemany, without the ORM's per-row bookkeeping.
_OBSERVATIONS = Observation.__table__  # type: ignore[attr-defined]
_REVIEWS = Review.__table__  # type: ignore[attr-defined]
_FETCHES = Fetch.__table__  # type: ignore[attr-defined]
_OBS_COLUMNS = ("location_id", "source", "entity", "field", "raw", "normalised", "problem", "url")


def crawl_stats(stats: dict[str, Any]) -> dict[str, Any]:
    """The crawler stats worth keeping on the run: counts per source, field problems, statuses."""
    keep = ("auditor/", "field/", "match/", "downloader/response_status_count/", "retry/count")
    return {k: v for k, v in sorted(stats.items()) if k.startswith(keep) and
            isinstance(v, int | float)}  # fmt: skip


def finish_run(engine: Any, run_id: int, status: str, stats: dict[str, Any]) -> None:
    """Mark the run complete / interrupted / failed and keep its stats."""
    with session_scope(engine) as session:
        run = session.get(AuditRun, run_id)
        if run is None:
            return
        run.status = status
        run.finished = datetime.now(UTC)
        merged = json.loads(run.stats or "{}")
        for key, value in stats.items():
            merged[key] = merged.get(key, 0) + value if isinstance(value, int | float) else value
        run.stats = json.dumps(merged, sort_keys=True)


class StorePipeline:
    """Buffers rows and writes them in one transaction per batch (and at the end)."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.batch_size = int(crawler.settings.getint("AUDITOR_BATCH_SIZE", 500))
        self.fetch_log = fetch_log_for(crawler)
        self.observations: list[dict[str, Any]] = []
        self.new_reviews: list[dict[str, Any]] = []
        self.seen_reviews: set[int] = set()
        self.reused: list[tuple[str, str]] = []  # (url, source) of pages current as last read
        self.dirty_memos: set[str] = set()
        self.pending = 0

    @classmethod
    def from_crawler(cls, crawler: Any) -> StorePipeline:
        pipeline = cls(crawler)
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        return pipeline

    def open_spider(self, spider: Any = None) -> None:
        spider = self.crawler.spider
        self.engine = engine_for(self.crawler)
        self.run_id, self.owns_run = run_id_for(self.crawler, spider.spec)
        self.memos: dict[str, Memo] = load_memos(self.engine)
        self.previous_run = {url: m.run_id for url, m in self.memos.items()}
        self._review_ids: dict[tuple[str, str], int | None] | None = None

    @property
    def review_ids(self) -> dict[tuple[str, str], int | None]:
        """(source, key) -> id of every stored review, loaded when the first review arrives."""
        if self._review_ids is None:
            with self.engine.connect() as conn:
                rows = conn.execute(select(_REVIEWS.c.source, _REVIEWS.c.key, _REVIEWS.c.id))
                self._review_ids = {(s, k): i for s, k, i in rows}
        return self._review_ids

    # -- items ----------------------------------------------------------------------------
    def process_item(self, item: Any, spider: Any = None) -> Any:
        if isinstance(item, ObservedPage):
            self._add_page(item)
        elif isinstance(item, ReviewPage):
            self.stats.inc_value(f"auditor/{item.source}/items", len(item.reviews))
            for review in item.reviews:
                self._add_review(review)
        elif isinstance(item, ObservedReview):
            self.stats.inc_value(f"auditor/{item.source}/items")
            self._add_review(item)
        elif isinstance(item, ReusedPage):
            self.reused.append((item.url, item.source))
            self.stats.inc_value(f"auditor/{item.source}/reused")
        elif isinstance(item, CarriedPages):
            self.reused.extend((url, item.source) for url in item.urls)
            self.stats.inc_value(f"auditor/{item.source}/carried", len(item.urls))
        elif isinstance(item, PageMemo):
            self._keep_memo(item)
        self.pending += 1
        if self.pending >= self.batch_size:
            self.flush()
        return item

    def _keep_memo(self, item: PageMemo) -> None:
        memo = self._memo(item.url)
        if item.links is not None:
            memo.links = json.dumps(item.links)
        if item.data is not None:
            memo.data = json.dumps(item.data, sort_keys=True)

    def _memo(self, url: str) -> Memo:
        memo = self.memos.get(url)
        if memo is None:
            memo = self.memos[url] = Memo(url=url)
        self.dirty_memos.add(url)
        return memo

    def _add_page(self, item: ObservedPage) -> None:
        self.stats.inc_value(f"auditor/{item.source}/items")
        for value in item.values:
            self.observations.append(
                {
                    "run_id": self.run_id,
                    "location_id": item.location_id,
                    "source": item.source,
                    "entity": item.entity,
                    "field": value.field,
                    "raw": value.raw,
                    "normalised": None
                    if value.normalised is None
                    else json.dumps(value.normalised, sort_keys=True),
                    "problem": value.problem,
                    "url": item.url,
                }
            )

    def _add_review(self, item: ObservedReview) -> None:
        key = (item.source, item.key)
        if key in self.review_ids:
            review_id = self.review_ids[key]
            if review_id is not None:
                self.seen_reviews.add(review_id)
            return
        self.review_ids[key] = None  # stored below; a second copy in this run is skipped
        self.new_reviews.append(
            {
                "source": item.source,
                "location_id": item.location_id,
                "key": item.key,
                "first_run_id": self.run_id,
                "last_seen_run_id": self.run_id,
                "author": item.author,
                "stars": item.stars,
                "text": item.text,
                "date": item.date,
                "reply": item.reply,
                "reply_date": item.reply_date,
                "problems": json.dumps(item.problems, sort_keys=True) if item.problems else None,
                "url": item.url,
            }
        )

    # -- writing --------------------------------------------------------------------------
    def flush(self, everything: bool = False) -> None:
        """Write the buffered rows in one transaction."""
        spider_memos = getattr(self.crawler.spider, "pending_memos", [])
        for item in spider_memos:
            self._keep_memo(item)
        spider_memos.clear()
        fetches = self.fetch_log.drain(everything)
        for record in fetches:
            self._count_fetch(record)
        with session_scope(self.engine) as session:
            self._copy_reused(session)
            if self.observations:
                session.execute(insert(_OBSERVATIONS), self.observations)
            if self.new_reviews:
                insert_new(session, _REVIEWS, self.new_reviews)  # a copy stored already is kept
            if self.seen_reviews:
                ids = sorted(self.seen_reviews)
                for start in range(0, len(ids), _CHUNK):
                    session.execute(
                        update(_REVIEWS)
                        .where(_REVIEWS.c.id.in_(ids[start : start + _CHUNK]))
                        .values(last_seen_run_id=self.run_id)
                    )
            if fetches:
                session.execute(insert(_FETCHES), [self._fetch_row(r) for r in fetches])
            upsert(
                session,
                CrawlMemo.__table__,  # type: ignore[attr-defined]
                [self.memos[u].row() for u in sorted(self.dirty_memos)],
                "url",
            )
        self.observations, self.new_reviews, self.reused = [], [], []
        self.seen_reviews, self.dirty_memos = set(), set()
        self.pending = 0

    def _count_fetch(self, record: FetchRecord) -> None:
        self.stats.inc_value(f"auditor/{record.source}/pages")
        if record.reused:
            pass
        elif record.outcome or (record.error and not record.status):
            self.stats.inc_value(f"auditor/{record.source}/failures")
        elif record.error:  # fetched and read, with a note (malformed JSON-LD, a mislabelled charset)
            self.stats.inc_value(f"auditor/{record.source}/notes")
        if record.status == 304 or (record.status and 200 <= record.status < 300):
            memo = self._memo(record.url)
            memo.run_id = self.run_id
            if record.status != 304 or record.etag or record.last_modified:
                memo.etag, memo.last_modified = record.etag, record.last_modified

    def _fetch_row(self, record: FetchRecord) -> dict[str, Any]:
        return {
            "run_id": self.run_id,
            "source": record.source,
            "location_id": record.location_id,
            "url": record.url,
            "status": record.status,
            "bytes": record.bytes,
            "elapsed_ms": record.elapsed_ms,
            "etag": record.etag,
            "last_modified": record.last_modified,
            "content_hash": record.content_hash,
            "error": record.error,
            "reused": record.reused,
            "fetched_at": record.fetched_at,
            "outcome": record.outcome,
        }

    def _copy_reused(self, session: Any) -> None:
        """304 pages: copy the observations of the run that last read them; reviews seen."""
        by_run: dict[int, list[str]] = defaultdict(list)
        review_urls: dict[str, list[str]] = defaultdict(list)
        for url, source in self.reused:
            old = self.previous_run.get(url)
            if old is not None and old != self.run_id:
                by_run[old].append(url)
            if source != "site":
                review_urls[source].append(url)
        obs = _OBSERVATIONS.c
        columns = [obs[c] for c in _OBS_COLUMNS]
        for old, urls in by_run.items():
            for start in range(0, len(urls), _CHUNK):
                chunk = urls[start : start + _CHUNK]
                copied = select(literal(self.run_id), *columns).where(
                    obs.run_id == old, obs.url.in_(chunk)
                )
                session.execute(
                    insert(_OBSERVATIONS).from_select(["run_id", *_OBS_COLUMNS], copied)
                )
        for source, urls in review_urls.items():
            for start in range(0, len(urls), _CHUNK):
                session.execute(
                    update(_REVIEWS)
                    .where(_REVIEWS.c.source == source, _REVIEWS.c.url.in_(urls[start : start + _CHUNK]))
                    .values(last_seen_run_id=self.run_id)
                )

    def close_spider(self, spider: Any = None) -> None:
        self.flush(everything=True)

    def spider_closed(self, spider: Any, reason: str) -> None:
        """A lone spider (``scrapy crawl``) owns its run and finishes it."""
        if getattr(self, "owns_run", False):
            status = "complete" if reason == "finished" else "interrupted"
            finish_run(self.engine, self.run_id, status, crawl_stats(self.stats.get_stats()))
