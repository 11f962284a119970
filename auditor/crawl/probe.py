"""``auditor probe``: the crawl machinery run over a small sample, and what it read, kept in memory.

The sample is the first N open stores of the roster: a ``url_template`` source (and the brand
site with one) fetches only their pages (two pages each, to show pagination); a discovered source
reads its first two index pages and N listing pages; a site sitemap gives the sample stores' own
pages and N others. Requests outside the sample are dropped before they are scheduled, so they
are neither fetched nor recorded. The crawl writes to a throw-away database; nothing of the
user's is touched.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from collections.abc import AsyncIterator, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scrapy import Request

from auditor.crawl.items import ObservedPage, ReviewPage
from auditor.crawl.roster import option

INDEX_PAGES = 2  # index pages read per discovered source
PAGES_PER_STORE = 2  # pages per sample store and source (first page and one more)
_COLLECTED: list[Any] = []  # items of the probe's crawl (one probe per process)


@dataclass
class Sample:
    """Which stores and how many pages the probe reads."""

    stores: list[str]
    pages: int
    websites: set[str] = field(default_factory=set)
    closed: list[str] = field(default_factory=list)  # closed for good in the roster: not probed

    @classmethod
    def of(cls, spec: Any, count: int) -> Sample:
        open_rows = [r for r in spec.roster if r.status != "closed"]
        rows = open_rows or list(spec.roster)
        chosen = rows[: max(count, 1)]
        sites = {r.website.rstrip("/") for r in chosen if r.website}
        closed = [r.store_id for r in spec.roster if r.status == "closed"] if open_rows else []
        return cls(stores=[r.store_id for r in chosen], pages=max(count, 1), websites=sites, closed=closed)


class ProbeSampleMiddleware:
    """Spider middleware: keeps only the requests of the sample (see the module docstring)."""

    def __init__(self, crawler: Any) -> None:
        settings = crawler.settings
        self.stores = set(settings.getlist("AUDITOR_PROBE_STORES"))
        self.pages = settings.getint("AUDITOR_PROBE_PAGES", 3)
        self.websites = set(settings.getlist("AUDITOR_PROBE_WEBSITES"))
        self.counts: Counter = Counter()

    @classmethod
    def from_crawler(cls, crawler: Any) -> ProbeSampleMiddleware:
        return cls(crawler)

    def keep(self, request: Any) -> bool:
        if not isinstance(request, Request):
            return True
        callback = getattr(request.callback, "__name__", "")
        if callback not in ("parse_page", "parse_index"):
            return True  # sitemaps, robots.txt, stylesheets, logos
        source = request.meta.get("source", "site")
        store = request.meta.get("location_id")
        if store:
            key, limit = (source, "store", store), PAGES_PER_STORE if store in self.stores else 0
        elif callback == "parse_index":
            key, limit = (source, "index"), INDEX_PAGES
        elif request.url.rstrip("/") in self.websites:
            return True
        else:
            key, limit = (source, "page"), self.pages
        self.counts[key] += 1
        return self.counts[key] <= limit

    async def process_start(self, start: AsyncIterator[Any]) -> AsyncIterator[Any]:
        async for item in start:
            if self.keep(item):
                yield item

    def process_spider_output(
        self, response: Any, result: Iterable[Any], spider: Any = None
    ) -> Iterator[Any]:
        for item in result:
            if self.keep(item):
                yield item

    async def process_spider_output_async(
        self, response: Any, result: AsyncIterator[Any], spider: Any = None
    ) -> AsyncIterator[Any]:
        async for item in result:
            if self.keep(item):
                yield item


class ProbeCollectPipeline:
    """Keeps every page and review page the probe's crawl read (after matching and storing)."""

    def process_item(self, item: Any, spider: Any = None) -> Any:
        if isinstance(item, ObservedPage | ReviewPage):
            _COLLECTED.append(item)
        return item


@dataclass
class ProbeCrawl:
    """What the probe's crawl fetched and read."""

    sample: Sample
    pages: list[ObservedPage]
    review_pages: list[ReviewPage]
    fetches: list[dict[str, Any]]
    stats: dict[str, Any]


def probe_settings(spec: Any, sample: Sample, overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """Crawl settings overrides that limit the crawl to the sample and collect what it reads."""
    from auditor.crawl.runner import crawl_settings

    base = crawl_settings(spec, overrides)
    spider_mw = dict(base.getdict("SPIDER_MIDDLEWARES"))
    spider_mw["auditor.crawl.probe.ProbeSampleMiddleware"] = 950
    pipelines = dict(base.getdict("ITEM_PIPELINES"))
    pipelines["auditor.crawl.probe.ProbeCollectPipeline"] = 950
    return {
        **(overrides or {}),
        "SPIDER_MIDDLEWARES": spider_mw,
        "ITEM_PIPELINES": pipelines,
        "AUDITOR_PROBE_STORES": sample.stores,
        "AUDITOR_PROBE_PAGES": sample.pages,
        "AUDITOR_PROBE_WEBSITES": sorted(sample.websites),
    }


def run_probe(spec: Any, stores: int, overrides: dict[str, Any] | None = None) -> ProbeCrawl:
    """Crawl the sample into a throw-away database; return what was fetched and read."""
    import json

    from sqlalchemy import text

    from auditor.crawl.runner import run_crawl
    from auditor.store.engine import make_engine

    sample = Sample.of(spec, stores)
    _COLLECTED.clear()
    with tempfile.TemporaryDirectory(prefix="auditor-probe-") as folder:
        engine = make_engine(Path(folder) / "probe.db")
        settings = probe_settings(spec, sample, overrides)
        run_id = run_crawl(spec, engine, progress=False, settings_overrides=settings)
        with engine.connect() as conn:
            query = text('SELECT * FROM "fetch" WHERE run_id = :run ORDER BY id')  # FETCH is reserved
            rows = conn.execute(query, {"run": run_id})
            fetches = [dict(r._mapping) for r in rows]
            stats = json.loads(conn.execute(text("SELECT stats FROM auditrun WHERE id = :run"),
                                            {"run": run_id}).scalar() or "{}")  # fmt: skip
        engine.dispose()
    pages = [i for i in _COLLECTED if isinstance(i, ObservedPage)]
    reviews = [i for i in _COLLECTED if isinstance(i, ReviewPage)]
    return ProbeCrawl(sample, pages, reviews, fetches, stats)


def source_ids(spec: Any) -> list[tuple[str, str]]:
    """(source id, kind) of the brand site (when the spec has one) and every source, in spec order."""
    out = [("site", "site")] if option(spec, "site", None) is not None else []
    return out + [(str(s.id), str(s.kind)) for s in option(spec, "sources", [])]
