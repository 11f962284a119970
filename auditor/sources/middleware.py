"""Downloader middlewares for platform sources (a source block with ``platform:``).

``PlatformMiddleware`` (before robots.txt and the proxy): the credential from its environment
variable into the request's headers with the platform's fixed headers (``X-Goog-FieldMask``),
one download slot per source at the source's ``rate_limit``, no robots.txt (these are APIs,
governed by their terms), and each refusal turned into one gap with its reason: a missing,
rejected or expired credential stops the source (one log line naming the variable and the
platform), an id the platform no longer knows is ``not_found``, a body that is not JSON is
``malformed``. ``RetryAfterMiddleware`` (before Scrapy's retry): HTTP 429 waits as long as
``Retry-After`` says, then asks again; when that does not help the request is a ``quota`` gap.
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from scrapy import Request
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response

from auditor.crawl.fetchlog import finish
from auditor.crawl.middlewares.fetch_log import record_for
from auditor.sources.errors import read_error
from auditor.sources.secrets import auth_headers, credential, redact
from auditor.sources.settings import PlatformSettings

log = logging.getLogger("auditor.sources")


def say(line: str) -> None:
    """One line for whoever runs the audit (stderr), whatever the crawl's log settings."""
    log.info(line)
    print(line, file=sys.stderr, flush=True)


def platforms_of(spec: Any) -> dict[str, PlatformSettings]:
    """source id -> platform settings, for the spec's platform sources."""
    found = {}
    for source in getattr(spec, "sources", None) or []:
        platform = getattr(source, "platform", None)
        if platform is not None:
            found[str(source.id)] = platform
    return found


class PlatformGap(IgnoreRequest):
    """A platform request that ends as a gap whose reason is already on its fetch record."""


class PlatformMiddleware:
    """Credentials, headers, slots and refusals of platform sources."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self._platforms: dict[str, PlatformSettings] | None = None
        self.secrets: dict[str, str | None] = {}
        self.stopped: dict[str, tuple[str, str]] = {}  # source -> (outcome, reason)

    @classmethod
    def from_crawler(cls, crawler: Any) -> PlatformMiddleware:
        return cls(crawler)

    @property
    def platforms(self) -> dict[str, PlatformSettings]:
        if self._platforms is None:
            self._platforms = platforms_of(getattr(self.crawler.spider, "spec", None))
            for sid, platform in self._platforms.items():
                self.secrets[sid] = credential(platform)
                if self.secrets[sid] == "":
                    self.stop(sid, "credential", f"credential: {platform.label}: environment variable "
                              f"{platform.credential} is not set; source '{sid}' not read")  # fmt: skip
        return self._platforms

    def stop(self, sid: str, outcome: str, reason: str) -> None:
        """The source asks no more this run; one line says why."""
        if sid not in self.stopped:
            self.stopped[sid] = (outcome, reason)
            say(reason)
            self.crawler.stats.set_value(f"auditor/{sid}/stopped", reason)

    def gap(self, request: Request, outcome: str, reason: str,
            response: Response | None = None) -> PlatformGap:  # fmt: skip
        """Finish the request's fetch record as a gap; the exception to raise."""
        record = record_for(self.crawler, request)
        if response is not None:
            record.status, record.bytes = response.status, len(response.body)
        finish(record, outcome, reason)
        self.crawler.stats.inc_value(f"auditor/{record.source}/gaps/{outcome}")
        return PlatformGap(reason)

    def process_request(self, request: Request, spider: Any = None) -> None:
        sid = request.meta.get("source")
        platform = self.platforms.get(sid or "")
        if platform is None:
            return None
        if sid in self.stopped:
            raise self.gap(request, *self.stopped[sid])
        request.meta["dont_obey_robotstxt"] = True
        request.meta["autothrottle_dont_adjust_delay"] = True
        slot = f"platform:{sid}"
        request.meta["download_slot"] = slot
        downloader = getattr(getattr(self.crawler, "engine", None), "downloader", None)
        if downloader is not None:
            downloader.per_slot_settings.setdefault(
                slot, {"delay": 1.0 / platform.rate_limit, "concurrency": 1, "randomize_delay": False})
        for name, value in auth_headers(platform, self.secrets.get(sid)).items():
            request.headers[name] = value
        return None

    def process_response(self, request: Request, response: Response, spider: Any = None) -> Response:
        sid = request.meta.get("source")
        platform = self.platforms.get(sid or "")
        if platform is None or response.status in (304, 429) or "dataloss" in response.flags:
            return response
        secret = self.secrets.get(sid)
        if 200 <= response.status < 300:
            try:
                json.loads(response.body)
            except ValueError as exc:
                what = "JSON cut short (truncated)" if unclosed(response.body) else "malformed JSON"
                reason = f"malformed: {platform.label} answered with {what}: {exc}"
                raise self.gap(request, "malformed", redact(reason, secret)[:300], response) from None
            return response
        error = read_error(response.status, response.body)
        problem = error.credential_problem
        if problem and platform.credential:
            reason = (f"credential: {platform.label} {problem} the credential in {platform.credential} "
                      f"({redact(error.line(), secret)}); source '{sid}' not read further")  # fmt: skip
            self.stop(sid, "credential", reason)
            raise self.gap(request, "credential", reason, response)
        if error.not_found:
            reason = (f"not_found: {platform.label} has no listing at this id any more "
                      f"({redact(error.line(), secret)}); check the store's id in the roster")  # fmt: skip
            # a gap, not the judge's "not listed": the roster's id may be stale (status kept in the reason)
            raise self.gap(request, "not_found", reason)
        return response


def unclosed(body: bytes) -> bool:
    """Whether a JSON text stops inside a string, object or array (cut short, not misspelt)."""
    depth, in_string, escaped = 0, False, False
    for char in body.decode("utf-8", "replace"):
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
            continue
        if char == '"':
            in_string = True
        elif char in "{[":
            depth += 1
        elif char in "}]":
            depth -= 1
    return in_string or depth > 0


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """``Retry-After`` as seconds: a number, or an HTTP date; None when absent or unreadable."""
    if not value:
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class RetryAfterMiddleware:
    """HTTP 429 from a platform: wait ``Retry-After`` (at most ``AUDITOR_MAX_RETRY_AFTER``
    seconds, default 60), ask again up to ``AUDITOR_RETRIES_429`` times (default 3), then the
    request is a ``quota`` gap. Other requests of the source go on at its ``rate_limit``."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self.longest = crawler.settings.getfloat("AUDITOR_MAX_RETRY_AFTER", 60.0)
        self.tries = crawler.settings.getint("AUDITOR_RETRIES_429", 3)

    @classmethod
    def from_crawler(cls, crawler: Any) -> RetryAfterMiddleware:
        return cls(crawler)

    async def process_response(self, request: Request, response: Response, spider: Any = None) -> Any:
        sid = request.meta.get("source")
        if response.status != 429 or not str(request.meta.get("download_slot", "")).startswith("platform:"):
            return response
        platforms = platforms_of(getattr(self.crawler.spider, "spec", None))
        label = platforms[sid].label if sid in platforms else str(sid)
        wait = retry_after_seconds(response.headers.get("Retry-After", b"").decode("latin-1"))
        tried = int(request.meta.get("retries_429", 0))
        if tried >= self.tries or (wait is not None and wait > self.longest):
            said = f"Retry-After {wait:g} s" if wait is not None else "no Retry-After"
            reason = (f"quota: {label} answered 429 Too Many Requests {tried + 1} times ({said}); "
                      "not read this run")  # fmt: skip
            record = record_for(self.crawler, request)
            record.status = 429
            finish(record, "quota", reason)
            self.crawler.stats.inc_value(f"auditor/{sid}/gaps/quota")
            say(reason)
            raise PlatformGap(reason)
        await _sleep(wait if wait is not None else 2.0 ** tried)
        self.crawler.stats.inc_value(f"auditor/{sid}/retry_after")
        retry = request.replace(dont_filter=True)
        retry.meta["retries_429"] = tried + 1
        return retry


async def _sleep(seconds: float) -> None:
    from scrapy.utils.defer import maybe_deferred_to_future
    from twisted.internet import reactor, task

    await maybe_deferred_to_future(task.deferLater(reactor, seconds, lambda: None))
