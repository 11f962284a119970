"""The site spider: the brand's own location pages, their text, look and structured data.

Incremental runs: a page the sitemap lists with the same ``lastmod`` it had when the spider
last read it is carried over without a request, while that read is less than
``crawl.refresh_days`` old; any other page is fetched with a conditional request.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator, Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from auditor.crawl.adapters.base import Record
from auditor.crawl.base import AuditSpider
from auditor.crawl.items import CarriedPages, ObservedPage, ObservedReview, ReviewPage
from auditor.crawl.memo import memo_data
from auditor.crawl.pagestyle import page_style
from auditor.crawl.reading import read_page, site_adapter_options
from auditor.crawl.roster import UnfilledTemplate, option, record_unfilled, template_url
from auditor.crawl.site_look import css_look, logo_look, merge_looks, page_text


class SiteSpider(AuditSpider):
    """Location pages from the sitemap (``site.sitemap``) or ``site.url_template``."""

    name = "site"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        site = option(self.spec, "site", {})
        self.sitemap = option(site, "sitemap", None)
        self.url_template = option(site, "url_template", None)
        self.allow = [re.compile(p) for p in option(site, "allow", [])]
        self.resources: dict[str, asyncio.Future] = {}
        self.reading = site_adapter_options(self.spec)  # how the pages are read (site.adapter)

    async def start(self) -> AsyncIterator[Any]:
        if self.url_template:
            for store_id, row in self.roster.items():
                try:
                    url = template_url(self.url_template, row)
                except UnfilledTemplate as exc:
                    record_unfilled(self.crawler, "site", store_id, self.url_template, exc, row)
                    continue
                yield self.request(url, self.parse_page, "site", store_id)
        if self.sitemap:
            yield self.request(self.sitemap, self.parse_sitemap, "site")

    def allowed(self, url: str) -> bool:
        return not self.allow or any(p.search(url) for p in self.allow)

    def parse_sitemap(self, response: Response):
        """A sitemap or sitemap index; 304 follows what it listed last time."""
        read = self.read_sitemap(response)
        if read is None:
            return
        links, lastmods = read
        carried = CarriedPages(source="site")
        for kind, url in links:
            if kind == "index":
                yield self.request(url, self.parse_sitemap, "site")
            elif not self.allowed(url):
                continue
            elif self.unchanged(url, lastmods.get(url)):
                carried.urls.append(url)
            else:
                yield self.request(url, self.parse_page, "site", lastmod=lastmods.get(url))
        if carried.urls:
            yield carried

    async def parse_page(self, response: Response) -> AsyncIterator[Any]:
        """One location page: structured data, visible text, colours, fonts, logo."""
        self.remember_lastmod(response)
        if response.status == 304:
            for item in self.reused(response):
                yield item
            return
        if not self.readable(response):
            return
        country = self.country_of(response.meta.get("location_id"))  # the store's, else the spec's
        reading = read_page(response.selector.root, response.url, country=country, **self.reading)
        for problem in reading.unread:
            self.note_problem(response, problem)
        raw: Any = reading.locations[0] if reading.locations else Record()
        raw["text"] = page_text(response.selector.root)
        style = page_style(response)
        looks = [css_look("\n".join(style.inline_css))]
        for url in style.stylesheets:
            looks.append(await self.resource(url, "css"))
        if style.logo:
            looks.append(await self.resource(style.logo, "logo"))
        raw.update(merge_looks(looks))
        location_id = response.meta.get("location_id")
        yield ObservedPage(
            url=response.url,
            source="site",
            entity=response.url,
            location_id=location_id,
            raw=raw,
            kind="site",
            country=self.country_of(location_id) if location_id else None,
        )
        for page in self.page_reviews(response, location_id):
            yield page
        for index, other in enumerate(reading.locations[1:], start=1):  # a page of several stores
            yield ObservedPage(url=response.url, source="site", entity=f"{response.url}#{index}",
                               location_id=None, raw=other, kind="site")  # fmt: skip

    def page_reviews(self, response: Response, location_id: str | None) -> Iterator[ReviewPage]:
        """Reviews embedded in the store's own page, when ``site.adapter`` names their selectors."""
        adapter = option(option(self.spec, "site", None), "adapter", None)
        if adapter is None or not option(adapter, "review", None):
            return
        if not location_id:
            self.note_problem(response, "reviews on a page of no known store: use site.url_template")
            return
        from auditor.crawl.adapters.reviews import count_review_fields, read_reviews

        languages = tuple(option(self.spec, "languages", []) or [])
        found = read_reviews(response, adapter, location_id, languages, self.country_of(location_id))
        count_review_fields(self.crawler.stats, "site", found)
        reviews = [ObservedReview(url=response.url, source="site", location_id=location_id, **r)
                   for r in found]  # fmt: skip
        yield ReviewPage(url=response.url, source="site", location_id=location_id, reviews=reviews)

    async def resource(self, url: str, kind: str) -> dict:
        """A stylesheet's or logo's look, fetched once per crawl however many pages use it."""
        future = self.resources.get(url)
        if future is None:
            future = asyncio.ensure_future(self._fetch_resource(url, kind))
            self.resources[url] = future
        return await asyncio.shield(future)

    async def _fetch_resource(self, url: str, kind: str) -> dict:
        request = scrapy.Request(url, meta={"source": "site", "resource": True})
        try:
            response = await self.crawler.engine.download_async(request)
        except Exception as exc:  # recorded by the fetch log; the page goes on without it
            from auditor.crawl.middlewares.fetch_log import fail

            fail(self.crawler, request, exc)
            self.logger.info("resource %s failed: %s", url, exc)
            return {}
        record = request.meta.get("fetch_record")
        try:
            if response.status == 304:
                return memo_data(self.memos.get(url))
            if not self.readable(response):
                return {}
            look = css_look(response.text) if kind == "css" else logo_look(response.body)
            problem = look.pop("problem", None)
            if problem and record is not None:
                record.error = problem
            self.remember(url, data=look)
            return look
        finally:
            if record is not None:
                record.settled = True
