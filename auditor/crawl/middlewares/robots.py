"""robots.txt obeyed as Scrapy does, with the rule that blocks each refused request named."""

from __future__ import annotations

from typing import Any

from protego import Protego
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, Response
from scrapy.utils.httpobj import urlparse_cached

MAX_RULES = 500  # lines of a robots.txt looked at to name the blocking rule


class RobotsDenied(IgnoreRequest):
    """robots.txt disallows the request; the message names the rule and the robots.txt URL."""


def blocking_rule(robots: str, url: str, agent: str) -> str:
    """The ``Disallow:`` line that refuses ``url`` to ``agent`` (the longest that matches)."""
    best = ""
    for line in robots.splitlines()[:MAX_RULES]:
        name, _, value = line.split("#", 1)[0].partition(":")
        if name.strip().lower() != "disallow" or not value.strip():
            continue
        pattern = value.strip()
        if len(pattern) > len(best) and not Protego.parse(f"User-agent: *\nDisallow: {pattern}\n").can_fetch(
            url, agent
        ):
            best = pattern
    return f"Disallow: {best}" if best else "Disallow"


class RuleNamingRobotsMiddleware(RobotsTxtMiddleware):
    """Downloader middleware: a refused request raises RobotsDenied with the blocking rule, e.g.
    ``robots: Disallow: / (http://x.example/robots.txt)``."""

    def __init__(self, crawler: Any) -> None:
        super().__init__(crawler)
        self._bodies: dict[str, str] = {}

    async def _parse_robots(self, response: Response, netloc: str, request: Request) -> None:
        self._bodies[netloc] = response.body[:500_000].decode("utf-8", "replace")
        await super()._parse_robots(response, netloc, request)

    def process_request_2(self, rp: Any, request: Request) -> None:
        try:
            super().process_request_2(rp, request)
        except IgnoreRequest:
            parts = urlparse_cached(request)
            agent = self._robotstxt_useragent or request.headers.get(b"User-Agent", self._default_useragent)
            if isinstance(agent, bytes):
                agent = agent.decode("latin-1")
            rule = blocking_rule(self._bodies.get(parts.netloc, ""), request.url, str(agent))
            raise RobotsDenied(f"robots: {rule} ({parts.scheme}://{parts.netloc}/robots.txt)") from None

    def _robots_error(self, exc: Exception, netloc: str) -> None:
        """robots.txt could not be fetched: its fetch record says why; the site is crawled."""
        super()._robots_error(exc, netloc)
        log = getattr(self.crawler, "_auditor_fetch_log", None)
        if log is not None:
            log.fail_pending("/robots.txt", netloc, exc, self.crawler.settings.getint("DOWNLOAD_MAXSIZE"))
