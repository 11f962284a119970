"""One fetch record per request, with its final outcome (see auditor.crawl.fetchlog).

Runs first on the way out and last on the way back (the lowest priority number), so a
response or an exception it sees is what is left after retries, redirects and decompression;
what those drop on the way back (too many redirects, a decompression bomb) reaches the
request's errback, which finishes the record (``AuditSpider.on_failure``).
"""

from __future__ import annotations

import hashlib
from typing import Any
from urllib.parse import urlsplit

from scrapy import Request, signals
from scrapy.http import Response
from scrapy.utils.httpobj import urlparse_cached

from auditor.crawl.fetchlog import describe_error, fetch_log_for, finish
from auditor.crawl.items import FetchRecord
from auditor.crawl.netpolicy import REFUSED_NAMES


def _header(response: Response, name: str) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


REDIRECTS = (301, 302, 303, 307, 308)


def _scheme(response: Response) -> str:
    """The scheme of a redirect's Location ("" for a relative one or none)."""
    location = (response.headers.get("Location") or b"").decode("latin-1").strip()
    return urlsplit(location).scheme.lower()


def _robots_missing(request: Request, response: Response) -> bool:
    """A site without robots.txt is not a failure: everything is allowed."""
    return response.status == 404 and request.url.endswith("/robots.txt")


def record_for(crawler: Any, request: Request) -> FetchRecord:
    """The request's record, made (and logged) on first use; retries and redirects share it."""
    record = request.meta.get("fetch_record")
    if record is None:
        source = request.meta.get("source") or _source_of_host(crawler, request.url)
        record = FetchRecord(url=request.url, source=source, location_id=request.meta.get("location_id"))
        fetch_log_for(crawler).add(record)
        request.meta["fetch_record"] = record
    return record


def _source_of_host(crawler: Any, url: str) -> str:
    """A request made without a source (robots.txt): the source whose domains cover its host."""
    spider = getattr(crawler, "spider", None)
    lookup = getattr(spider, "source_of_host", None)
    return lookup(urlsplit(url).hostname or "") if lookup else "site"


def fail(crawler: Any, request: Request, exception: BaseException) -> FetchRecord | None:
    """Finish the request's record with ``exception`` unless it already has its outcome."""
    if request.meta.get("skip_fetch_log"):
        return None
    record = record_for(crawler, request)
    if not record.finished:
        maxsize = int(request.meta.get("download_maxsize") or crawler.settings.getint("DOWNLOAD_MAXSIZE"))
        refused = REFUSED_NAMES.get(urlparse_cached(request).hostname or "")
        if refused and ("DNS" in type(exception).__name__ or "Resolve" in type(exception).__name__):
            finish(record, "refused", refused)  # the resolver refused the address the name gave
        else:
            finish(record, *describe_error(exception, maxsize))
        record.elapsed_ms = (request.meta.get("download_latency") or 0.0) * 1000.0 or None
        crawler.stats.inc_value(f"auditor/{record.source}/gaps/{record.outcome}")
    return record


class FetchLogMiddleware:
    """Downloader middleware: the record of each request, finished by its last answer."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self.log = fetch_log_for(crawler)
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Any) -> FetchLogMiddleware:
        middleware = cls(crawler)
        crawler.signals.connect(middleware.request_dropped, signal=signals.request_dropped)
        return middleware

    def process_request(self, request: Request, spider: Any = None) -> None:
        if not request.meta.get("skip_fetch_log"):
            record_for(self.crawler, request)
        return None

    def process_response(self, request: Request, response: Response, spider: Any = None) -> Response:
        if request.meta.get("skip_fetch_log"):
            return response
        record = record_for(self.crawler, request)
        status = response.status
        ok = 200 <= status < 300
        record.status = status
        record.bytes = len(response.body)
        record.elapsed_ms = (request.meta.get("download_latency") or 0.0) * 1000.0
        record.etag = _header(response, "ETag")
        record.last_modified = _header(response, "Last-Modified")
        record.content_hash = hashlib.sha1(response.body).hexdigest() if ok else None
        record.reused = status == 304
        if "dataloss" in response.flags:
            finish(record, "truncated", "truncated: body shorter than announced")
        elif status in REDIRECTS and _scheme(response) not in ("http", "https", ""):
            # a redirect not followed: Scrapy follows only http(s) targets
            reason = f"policy: redirect to a {_scheme(response)}: URL (only http and https are fetched)"
            finish(record, "refused", reason)
        elif not ok and status != 304 and not _robots_missing(request, response):
            finish(record, "http_error", f"HTTP {status}")
        else:
            # A page the spider will read stays open so the spider can note what it found wrong.
            finish(record, None, request.meta.get("fetch_note") if ok else None, settled=not ok)
        if record.outcome:
            self.stats.inc_value(f"auditor/{record.source}/gaps/{record.outcome}")
        return response

    def process_exception(self, request: Request, exception: BaseException, spider: Any = None) -> None:
        fail(self.crawler, request, exception)
        return None

    def request_dropped(self, request: Request, spider: Any = None) -> None:
        """The scheduler refused a request it had seen: a redirect back to a page already
        requested is a loop (the page was not read); a plain repeat has the first one's record."""
        record = request.meta.get("fetch_record")
        if record is None or record.finished:
            self.stats.inc_value(f"auditor/{request.meta.get('source', 'site')}/duplicates")
            return
        first = (request.meta.get("redirect_urls") or [record.url])[0]
        finish(record, "redirect", f"redirect: loop, {first} leads back to {request.url}, already requested")
        self.stats.inc_value(f"auditor/{record.source}/gaps/redirect")
