"""The base spider every audit spider shares: spec loading, roster, requests, 304 handling."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.http import Response
from scrapy.utils.sitemap import Sitemap

from auditor.crawl.context import engine_for
from auditor.crawl.items import PageMemo, ReusedPage
from auditor.crawl.memo import Memo, load_memos, memo_data, memo_links, run_start_times
from auditor.crawl.roster import option, roster_rows


def load_spec_arg(spec: Any) -> Any:
    """A Spec as given, or loaded from a path (``scrapy crawl site -a spec=brand.yaml``)."""
    if spec is None:
        raise ValueError("no brand spec given: run with -a spec=brand.yaml")
    if isinstance(spec, str):
        from auditor.spec import load_spec

        return load_spec(spec)
    return spec


class AuditSpider(scrapy.Spider):
    """Reads the spec, knows the roster, tags every request with its source and store."""

    name = "audit"
    incremental = True  # send conditional requests with the validators of earlier runs

    def __init__(self, spec: Any = None, incremental: Any = True, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.spec = load_spec_arg(spec)
        self.roster = roster_rows(self.spec)
        self.country = str(option(self.spec, "country", "AU"))
        self.proxy = option(option(self.spec, "crawl", {}), "proxy", None)
        self.incremental = str(incremental).lower() not in ("0", "false", "no", "off")
        self.memos: dict[str, Memo] = {}
        self.pending_memos: list[PageMemo] = []  # drained by the store pipeline
        self.run_started: dict[int, datetime] = {}
        days = float(option(option(self.spec, "crawl", {}), "refresh_days", 7.0))
        self.refresh_after = timedelta(days=days)
        self.allowed_domains = sorted(self.domains())

    def domains(self) -> set[str]:
        """Hosts this spider may visit (the spec's allowed domains by default)."""
        return {d for d in self.spec.allowed_domains() if d}

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> AuditSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        if spider.incremental:
            spider.memos = load_memos(engine_for(crawler))
            if spider.memos:
                spider.run_started = run_start_times(engine_for(crawler))
        return spider

    def recently_read(self, url: str) -> bool:
        """Whether the run that last read ``url`` started within ``crawl.refresh_days``."""
        memo = self.memos.get(url)
        if self.refresh_after <= timedelta(0) or memo is None or memo.run_id is None:
            return False
        started = self.run_started.get(memo.run_id)
        return started is not None and datetime.now(UTC) - started <= self.refresh_after

    def country_of(self, location_id: str | None) -> str:
        row = self.roster.get(location_id or "")
        return str((row or {}).get("country") or self.country)

    def source_countries(self, source: str) -> tuple[str, ...]:
        """The countries a source covers (``countries:`` of its block); () for every country."""
        for block in option(self.spec, "sources", []) or []:
            if str(option(block, "id")) == source:
                return tuple(str(c) for c in option(block, "countries", []) or ())
        return ()

    def request(
        self, url: str, callback: Any, source: str, location_id: str | None = None, **meta: Any
    ) -> scrapy.Request:
        """A request tagged with its source and store; failures are counted, never fatal."""
        meta.update(source=source, location_id=location_id)
        return scrapy.Request(
            url, callback=callback, errback=self.on_failure, meta=meta, dont_filter=False
        )

    def on_failure(self, failure: Any) -> None:
        """The request ended without a page (after retries): its fetch record gets the reason
        if the downloader did not give it one (too many redirects, a decompression bomb)."""
        from auditor.crawl.middlewares.fetch_log import fail

        request = getattr(failure, "request", None)
        if request is not None:
            fail(self.crawler, request, failure.value)
        self.logger.info("fetch failed: %s", failure.getErrorMessage())

    def source_of_host(self, host: str) -> str:
        """The source whose domains cover ``host`` (the brand's own: ``site``)."""
        from auditor.crawl.netpolicy import host_allowed

        if host_allowed(host, option(option(self.spec, "brand", {}), "domains", []) or []):
            return "site"
        for source in option(self.spec, "sources", []) or []:
            if host_allowed(host, option(source, "allowed_domains", []) or []):
                return str(option(source, "id"))
        return "site"

    def readable(self, response: Response) -> bool:
        """Whether a body can be read (2xx, complete); anything else is a recorded gap."""
        return 200 <= response.status < 300 and "dataloss" not in response.flags

    def note_problem(self, response: Response, problem: str) -> None:
        """Put a parse problem on the page's fetch record (malformed JSON-LD, bad JSON...)."""
        record = response.meta.get("fetch_record")
        if record is not None:
            record.error = problem if not record.error else f"{record.error}; {problem}"

    def reused(self, response: Response) -> Iterator[ReusedPage]:
        """A 304: what the last run saw at this URL is current."""
        yield ReusedPage(
            url=response.url,
            source=response.meta.get("source", "site"),
            location_id=response.meta.get("location_id"),
        )

    def remembered_links(self, url: str) -> list[tuple[str, str]]:
        """(kind, url) links a page led to when it was last read."""
        return [(kind, link) for kind, link in memo_links(self.memos.get(url))]

    def remember(self, url: str, links: list[tuple[str, str]] | None = None,
                 data: dict | None = None) -> None:  # fmt: skip
        """Keep what a page led to (links) or yielded (data) for later runs. Written with the
        store pipeline's next batch, not yielded: an item per page costs Scrapy more."""
        pairs = None if links is None else [[k, u] for k, u in links]
        self.pending_memos.append(PageMemo(url=url, links=pairs, data=data))

    # -- sitemaps and lastmod -------------------------------------------------------------
    def read_sitemap(
        self, response: Response
    ) -> tuple[list[tuple[str, str]], dict[str, str]] | None:
        """(kind, url) links and lastmod by URL of a sitemap response (from memory on 304);
        None when it could not be read (noted on its fetch record)."""
        if response.status == 304:
            lastmods = memo_data(self.memos.get(response.url)).get("lastmod", {})
            return self.remembered_links(response.url), lastmods
        if not self.readable(response):
            return None
        try:
            sitemap = Sitemap(response.body)
            entries = [e for e in sitemap if e.get("loc")]
        except Exception as exc:  # lxml raises several kinds on broken XML
            self.note_problem(response, f"unreadable sitemap: {type(exc).__name__}")
            return None
        kind = "index" if sitemap.type == "sitemapindex" else "page"
        links = [(kind, e["loc"]) for e in entries]
        lastmods = {e["loc"]: e["lastmod"] for e in entries if e.get("lastmod")}
        self.remember(response.url, links, {"lastmod": lastmods})
        return links, lastmods

    def unchanged(self, url: str, lastmod: str | None) -> bool:
        """A sitemap dates the page as it was when last read, recently enough to trust."""
        if not lastmod or not self.recently_read(url):
            return False
        return memo_data(self.memos.get(url)).get("lastmod") == lastmod

    def remember_lastmod(self, response: Response) -> None:
        """Remember the sitemap lastmod a page had when it was read (or answered 304)."""
        lastmod = response.meta.get("lastmod")
        if lastmod and (response.status == 304 or self.readable(response)):
            self.remember(response.url, data={"lastmod": lastmod})


def host_of(url: str) -> str:
    return urlsplit(url).hostname or ""
