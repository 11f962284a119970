"""Conditional requests: send the validators an earlier run stored; a 304 means reuse."""

from __future__ import annotations

from typing import Any

from scrapy import Request


class ConditionalRequestMiddleware:
    """Downloader middleware: If-None-Match / If-Modified-Since from the spider's memos.

    The spider's ``memos`` (url -> Memo) are loaded from the database when it opens; a
    request with ``meta['fresh']`` (or without a memo) is sent unconditionally.
    """

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> ConditionalRequestMiddleware:
        return cls(crawler)

    def process_request(self, request: Request, spider: Any = None) -> None:
        memos = getattr(self.crawler.spider, "memos", None)
        if not memos or request.meta.get("fresh"):
            return None
        if request.meta.get("dont_obey_robotstxt") or request.url.endswith("/robots.txt"):
            return None  # robots.txt is always read in full: a 304 would read as "allow all"
        memo = memos.get(request.url)
        if memo is None or memo.run_id is None:
            return None
        if memo.etag:
            request.headers.setdefault("If-None-Match", memo.etag)
        if memo.last_modified:
            request.headers.setdefault("If-Modified-Since", memo.last_modified)
        return None
