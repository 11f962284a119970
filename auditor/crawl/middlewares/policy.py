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
        self._origins: dict[tuple[str, str, str], str | None] = {}  # (scheme, host, port) -> refusal

    @classmethod
    def from_crawler(cls, crawler: Any) -> NetPolicyMiddleware:
        return cls(crawler)

    def process_request(self, request: Request, spider: Any = None) -> None:
        parts = urlparse_cached(request)
        origin = (parts.scheme, parts.hostname or "", parts.netloc)
        refusal = self._origins[origin] if origin in self._origins else self._origin_refusal(request)
        if refusal is None:
            spider = self.crawler.spider
            proxy = request.meta.get("proxy") or getattr(spider, "proxy", None)
            if proxy:
                if proxy not in self._proxies:
                    self._proxies[proxy] = self.policy.proxy_refusal(proxy)
                refusal = self._proxies[proxy]
        if refusal is not None:
            raise PolicyRefused(refusal)
        return None

    def _origin_refusal(self, request: Request) -> str | None:
        """The policy's answer for the request's scheme and host, kept per origin."""
        parts = urlparse_cached(request)
        refusal = self.policy.url_refusal(request.url)
        domains = getattr(self.crawler.spider, "allowed_domains", None)
        if refusal is None and domains and not host_allowed(parts.hostname or "", domains):
            refusal = f"policy: host {parts.hostname} is not one of the spec's domains for this source"
        self._origins[(parts.scheme, parts.hostname or "", parts.netloc)] = refusal
        return refusal
