"""The per-crawler list of fetch records, and the outcome and reason of each.

Every request the crawl meant to make ends in exactly one record: the record is made when the
request first enters the downloader (or when it is dropped before that) and travels in
``request.meta`` through retries and redirects, so its outcome is the last thing that happened.

``Fetch.outcome`` is None when the page was fetched (2xx, 304); otherwise it names the gap and
``Fetch.error`` gives the reason (a fetched page's ``error`` notes what could not be read on it,
such as ``malformed JSON-LD``). A request dropped as a duplicate of one already made in this crawl
has no record of its own: the first one's record is its outcome (counted in the run's stats).

| outcome    | error (reason)                                                                |
|------------|-------------------------------------------------------------------------------|
| None       | None, or what could not be read on the page                                   |
| http_error | ``HTTP 503``                                                                  |
| failed     | ``timeout: ...``, ``dns: ...``, ``connection refused``, ``connection lost: ...`` |
| truncated  | ``truncated: body shorter than announced``                                    |
| too_large  | ``too large: body over max_page_bytes (N bytes) ...`` (also when decompressing) |
| refused    | ``policy: ...`` (a scheme or an address the network policy refuses)           |
| offsite    | ``policy: host x is not one of the spec's domains``                           |
| robots     | ``robots: Disallow: / (http://x/robots.txt)``                                 |
| redirect   | ``redirect: more than ... redirects`` or ``redirect: loop ...``                |
| depth      | ``depth: deeper than crawl.max_depth (N)``                                    |
| unfinished | ``unfinished: the crawl ended before an answer``                              |
"""

from __future__ import annotations

from typing import Any

from scrapy.exceptions import IgnoreRequest

from auditor.crawl.items import FetchRecord


def _first_line(exception: BaseException) -> str:
    text = str(exception).strip()
    return text.splitlines()[0][:300] if text else ""


def describe_error(exception: BaseException, maxsize: int = 0) -> tuple[str, str]:
    """(outcome, reason) of a request that ended in ``exception``."""
    from auditor.crawl.middlewares.robots import RobotsDenied
    from auditor.crawl.netpolicy import BlockedAddress, PolicyRefused

    name = type(exception).__name__
    text = _first_line(exception)
    low = text.lower()
    if isinstance(exception, RobotsDenied):
        return "robots", text
    if isinstance(exception, PolicyRefused):
        return ("offsite" if "not one of the spec's domains" in text else "refused"), text
    if isinstance(exception, BlockedAddress):
        return "refused", getattr(exception, "reason", "") or text
    if isinstance(exception, IgnoreRequest):
        if "redirection" in low:
            return "redirect", f"redirect: more than the allowed number of redirects ({text})"
        if "max size" in low or "maxsize" in low:
            return "too_large", f"too large: body over max_page_bytes ({maxsize} bytes) when decompressed"
        if "offsite" in low:
            return "offsite", f"policy: {text}"
        return "refused", f"ignored: {text or name}"
    if "Timeout" in name or "took longer than" in low:
        return "failed", f"timeout: {text}" if text else "timeout"
    if "Cancelled" in name or "max size" in low:
        return "too_large", f"too large: body over max_page_bytes ({maxsize} bytes), download stopped"
    if "DNS" in name or "Resolve" in name:
        return "failed", f"dns: {text}" if text else "dns: host not found"
    if "Refused" in name:
        return "failed", "connection refused"
    if "DataLoss" in name:
        return "truncated", "truncated: body shorter than announced"
    if "ResponseFailed" in name or "ResponseNeverReceived" in name or "ConnectionLost" in name:
        return "failed", f"connection lost: {text or name}"
    return "failed", f"{name}: {text}" if text else name


class FetchLog:
    """Fetch records of one crawler; the store pipeline drains the settled ones."""

    def __init__(self) -> None:
        self.records: list[FetchRecord] = []

    def add(self, record: FetchRecord) -> None:
        self.records.append(record)

    def fail_pending(self, path: str, netloc: str, exception: BaseException, maxsize: int = 0) -> None:
        """End the open record of ``netloc`` + ``path`` (robots.txt) with ``exception``."""
        for record in self.records:
            if not record.finished and record.url.endswith(netloc + path):
                finish(record, *describe_error(exception, maxsize))

    def drain(self, everything: bool = False) -> list[FetchRecord]:
        """Take the records that are final (or all of them, at the end of the crawl)."""
        if everything:
            out, self.records = self.records, []
            for record in out:
                if not record.finished:
                    finish(record, "unfinished", "unfinished: the crawl ended before an answer")
            return out
        out = [r for r in self.records if r.settled]
        self.records = [r for r in self.records if not r.settled]
        return out


def finish(record: FetchRecord, outcome: str | None, error: str | None = None,
           settled: bool = True) -> FetchRecord:  # fmt: skip
    """Give a record its final outcome (None: fetched); settled records go with the next batch."""
    record.outcome = outcome
    record.finished = True
    if error:
        record.error = error
    record.settled = settled
    return record


def fetch_log_for(crawler: Any) -> FetchLog:
    """The crawler's fetch log, created on first use."""
    log = getattr(crawler, "_auditor_fetch_log", None)
    if log is None:
        log = FetchLog()
        crawler._auditor_fetch_log = log
    return log
