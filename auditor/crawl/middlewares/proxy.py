"""Send every request (robots.txt included) through the spec's HTTP proxy, if it names one, and
through no other: proxies named by the environment (``http_proxy``) are not used."""

from __future__ import annotations

from typing import Any

from scrapy import Request


class SpecProxyMiddleware:
    """Downloader middleware: ``meta['proxy']`` from the running spider's ``proxy`` attribute."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> SpecProxyMiddleware:
        return cls(crawler)

    def process_request(self, request: Request, spider: Any = None) -> None:
        if "proxy" not in request.meta:
            request.meta["proxy"] = getattr(self.crawler.spider, "proxy", None) or None
        return None
