"""Record every fetch attempt (status, bytes, time, validators, error) in the crawler's log."""

from __future__ import annotations

import hashlib
from typing import Any

from scrapy import Request
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response

from auditor.crawl.fetchlog import fetch_log_for
from auditor.crawl.items import FetchRecord


def describe_error(exception: BaseException) -> str:
    """A short, stable name for a download failure."""
    name = type(exception).__name__
    text = str(exception).strip().splitlines()[0][:200] if str(exception).strip() else ""
    if "Timeout" in name or "timeout" in text.lower():
        return f"timeout: {text}" if text else "timeout"
    if "Refused" in name:
        return "connection refused"
    if "maxsize" in text.lower() or "Cancelled" in name:
        return f"too large or cancelled: {text or name}"
    return f"{name}: {text}" if text else name


def _header(response: Response, name: str) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


def _robots_missing(request: Request, response: Response) -> bool:
    """A site without robots.txt is not a failure: everything is allowed."""
    return response.status == 404 and request.url.endswith("/robots.txt")


class FetchLogMiddleware:
    """Downloader middleware: one FetchRecord per response or download exception."""

    def __init__(self, crawler: Any) -> None:
        self.log = fetch_log_for(crawler)
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Any) -> FetchLogMiddleware:
        return cls(crawler)

    def _record(self, request: Request, **values: Any) -> FetchRecord:
        record = FetchRecord(
            url=request.url,
            source=request.meta.get("source", "site"),
            location_id=request.meta.get("location_id"),
            elapsed_ms=(request.meta.get("download_latency") or 0.0) * 1000.0,
            **values,
        )
        self.log.add(record)
        return record

    def process_response(self, request: Request, response: Response) -> Response:
        if request.meta.get("skip_fetch_log"):
            return response
        ok = 200 <= response.status < 300
        record = self._record(
            request,
            status=response.status,
            bytes=len(response.body),
            etag=_header(response, "ETag"),
            last_modified=_header(response, "Last-Modified"),
            content_hash=hashlib.sha1(response.body).hexdigest() if ok else None,
        )
        if "dataloss" in response.flags:
            record.error = "truncated"
        elif not ok and response.status != 304 and not _robots_missing(request, response):
            record.error = f"HTTP {response.status}"
        # A page the spider will read stays open so the spider can note what it found wrong.
        record.settled = not (ok or response.status == 304)
        if response.status == 304:
            record.reused = True
        request.meta["fetch_record"] = record
        return response

    def process_exception(self, request: Request, exception: BaseException) -> None:
        if request.meta.get("skip_fetch_log"):
            return None
        if isinstance(exception, IgnoreRequest):  # robots.txt or offsite: nothing was fetched
            self.stats.inc_value(f"auditor/{request.meta.get('source', 'site')}/skipped")
            return None
        self._record(request, error=describe_error(exception), settled=True)
        return None
