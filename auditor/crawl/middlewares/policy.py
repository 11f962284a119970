"""Downloader middleware: every request (robots.txt, redirects, stylesheets, logos) checked by
the network policy before it is sent; a refused one raises PolicyRefused with the reason."""

from __future__ import annotations

from typing import Any

from scrapy import Request
from scrapy.utils.httpobj import urlparse_cached

from auditor.crawl.netpolicy import NetPolicy, PolicyRefused, host_allowed


class NetPolicyMiddleware:
    """Scheme, host and address checks of auditor.crawl.netpolicy, and the spider's own domains."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self.policy = NetPolicy.from_settings(crawler.settings)
        self._proxies: dict[str, str | None] = {}

    @classmethod
    def from_crawler(cls, crawler: Any) -> NetPolicyMiddleware:
        return cls(crawler)

    def process_request(self, request: Request, spider: Any = None) -> None:
        refusal = self.policy.url_refusal(request.url)
        spider = self.crawler.spider
        if refusal is None:
            domains = getattr(spider, "allowed_domains", None)
            host = urlparse_cached(request).hostname or ""
            if domains and not host_allowed(host, domains):
                refusal = f"policy: host {host} is not one of the spec's domains for this source"
        if refusal is None:
            proxy = request.meta.get("proxy") or getattr(spider, "proxy", None)
            if proxy:
                if proxy not in self._proxies:
                    self._proxies[proxy] = self.policy.proxy_refusal(proxy)
                refusal = self._proxies[proxy]
        if refusal is not None:
            raise PolicyRefused(refusal)
        return None
