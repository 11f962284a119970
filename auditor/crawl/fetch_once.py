"""Fetch one page (and, for a brand page, its stylesheets and logo) the way the crawl does.

``auditor check`` and ``auditor extract`` fetch through here, so a single page obeys the same
network policy, robots.txt, proxy, time and size limits and redirect checks as the nightly crawl:
it is a one-page Scrapy crawl with the crawl's settings and middlewares. Scrapy's reactor starts
once per process, so the crawl runs in a child process (``python -m auditor.crawl.fetch_once``)
that prints what it fetched as JSON.
"""

from __future__ import annotations

import base64
import json
import logging
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.http import Response, TextResponse

from auditor.crawl.fetchlog import fetch_log_for


@dataclass(frozen=True)
class Fetched:
    """One URL's answer: the body when it was read, else the reason it was not."""

    url: str  # as asked for
    final_url: str = ""
    status: int | None = None
    content_type: str = ""
    body: bytes = b""
    error: str | None = None  # None: read; else the fetch record's reason

    @property
    def ok(self) -> bool:
        return self.error is None and self.status is not None and 200 <= self.status < 300


class FetchError(ValueError):
    """The fetch could not run at all (the child process failed)."""


def fetch(url: str, spec: Any = None, resources: bool = False, timeout: float = 120.0,
          source: str | None = None) -> dict[str, Fetched]:  # fmt: skip
    """``url`` (and with ``resources`` the stylesheets and logo it uses), by URL asked for;
    ``source``: the platform source it is asked as (its credential and headers go with it).

    Without a spec only ``url``'s own host may be fetched, and no private address."""
    job = {"url": url, "spec": str(spec.path) if spec is not None else None, "resources": resources,
           "source": source}  # fmt: skip
    try:
        done = subprocess.run([sys.executable, "-m", "auditor.crawl.fetch_once"], input=json.dumps(job),
                              capture_output=True, text=True, timeout=timeout)  # fmt: skip
    except subprocess.TimeoutExpired:
        raise FetchError(f"{url}: no answer within {timeout:.0f} s") from None
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise FetchError(f"{url}: the fetch failed ({last})")
    out: dict[str, Fetched] = {}
    for item in json.loads(lines[-1]):
        item["body"] = base64.b64decode(item.get("body") or "")
        out[item["url"]] = Fetched(**item)
    return out


class OnePageSpider(scrapy.Spider):
    """The page, then (for an HTML page, when asked) its stylesheets and logo."""

    name = "fetch_once"

    def __init__(self, url: str, spec: Any = None, resources: bool = False, source: str | None = None,
                 **kwargs: Any) -> None:  # fmt: skip
        super().__init__(**kwargs)
        self.spec = spec
        self.url = url
        self.source = source or "check"
        self.want_resources = resources
        self.proxy = getattr(getattr(spec, "crawl", None), "proxy", None) if spec is not None else None
        self.allowed_domains = list(spec.allowed_domains()) if spec is not None else [urlsplit(url).hostname]
        self.answers: dict[str, Fetched] = {}

    def source_of_host(self, host: str) -> str:
        return "check"

    async def start(self) -> Any:
        yield self._request(self.url, self.parse_page)

    def _request(self, url: str, callback: Any) -> scrapy.Request:
        return scrapy.Request(url, callback=callback, errback=self.on_failure, dont_filter=True,
                              meta={"source": self.source, "asked": url})  # fmt: skip

    def _keep(self, response: Response) -> None:
        record = response.meta.get("fetch_record")
        asked = response.meta.get("asked", response.url)
        error = record.error if record is not None and record.outcome else None  # a note is no gap
        if error is None and not (200 <= response.status < 300):
            error = f"HTTP {response.status}"
        content_type = (response.headers.get("Content-Type") or b"").decode("latin-1")
        body = response.body
        if isinstance(response, TextResponse) and response.encoding.lower() not in ("utf-8", "utf8"):
            body = response.text.encode("utf-8")  # re-encoded as read (a mislabelled charset fixed)
            content_type = content_type.split(";")[0] + "; charset=utf-8" if content_type else content_type
        self.answers[asked] = Fetched(asked, response.url, response.status, content_type, body, error)

    def parse_page(self, response: Response) -> Iterator[Any]:
        self._keep(response)
        if not (self.want_resources and isinstance(response, TextResponse) and 200 <= response.status < 300):
            return
        from auditor.crawl.pagestyle import page_style

        try:
            style = page_style(response)
        except Exception:  # not HTML after all: nothing to fetch for it
            return
        for url in [*style.stylesheets, *([style.logo] if style.logo else [])]:
            yield self._request(url, self._keep)

    def on_failure(self, failure: Any) -> None:
        from auditor.crawl.middlewares.fetch_log import fail

        request = failure.request
        record = fail(self.crawler, request, failure.value)
        asked = request.meta.get("asked", request.url)
        reason = getattr(record, "error", None) or failure.getErrorMessage() or type(failure.value).__name__
        self.answers[asked] = Fetched(asked, error=reason)


def _run(job: dict[str, Any]) -> list[dict[str, Any]]:
    from scrapy.crawler import CrawlerProcess

    from auditor.crawl.runner import crawl_settings
    from auditor.crawl.settings import LOOPBACK_OVERRIDES

    spec = None
    if job.get("spec"):
        from auditor.spec import load_spec

        spec = load_spec(job["spec"])
    overrides = {"ITEM_PIPELINES": {}, "LOG_LEVEL": "ERROR", "RETRY_TIMES": 0, "AUTOTHROTTLE_ENABLED": False,
                 "CONCURRENT_REQUESTS": LOOPBACK_OVERRIDES["CONCURRENT_REQUESTS"], "DEPTH_LIMIT": 0,
                 "LOG_INSTALL_ROOT_HANDLER": False,
                 "AUDITOR_DB": "sqlite://"}  # fmt: skip  (one page writes no database: one in memory)
    if spec is None:
        host = urlsplit(job["url"]).hostname or ""
        overrides.update(AUDITOR_ALLOWED_HOSTS=[host], AUDITOR_ALLOW_PRIVATE=[])
    settings = crawl_settings(spec, overrides)
    process = CrawlerProcess(settings, install_root_handler=False)
    logging.getLogger("scrapy").setLevel(logging.ERROR)
    crawler = process.create_crawler(OnePageSpider)
    process.crawl(crawler, url=job["url"], spec=spec, resources=bool(job.get("resources")),
                  source=job.get("source"))
    process.start()
    spider = crawler.spider
    answers = dict(spider.answers)
    for record in fetch_log_for(crawler).drain(everything=True):  # asked for, never answered
        if not record.url.endswith("/robots.txt"):
            answers.setdefault(record.url, Fetched(record.url, error=record.error or "no answer"))
    return [{**a.__dict__, "body": base64.b64encode(a.body).decode("ascii")} for a in answers.values()]


def main() -> int:
    job = json.loads(sys.stdin.read())
    print(json.dumps(_run(job)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
