"""Spiders over the spec's ``sources:`` blocks: discovery by index pages or one URL per store.

A source with a ``sitemap`` and a ``url_template`` reads the sitemap first: a store's page
listed with the lastmod it had when last read (within ``crawl.refresh_days``) is carried over
without a request, together with the pages it led to; every other page is fetched. When the
sitemap cannot be read, every store's page is fetched.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

from scrapy.http import Response

from auditor.crawl.adapters import adapter_for
from auditor.crawl.adapters.base import select
from auditor.crawl.base import AuditSpider
from auditor.crawl.items import CarriedPages, ObservedPage
from auditor.crawl.roster import UnfilledTemplate, option, record_unfilled, template_url


class SourceSpider(AuditSpider):
    """Visits every source whose ``kind`` is in ``kinds``; subclasses read the pages."""

    kinds: tuple[str, ...] = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.sources = {
            str(option(s, "id")): s
            for s in option(self.spec, "sources", [])
            if option(s, "kind", "listing") in self.kinds
        }
        self.adapters = {sid: adapter_for(sid, option(s, "adapter", {})) for sid, s in
                         self.sources.items()}  # fmt: skip
        self.allowed_domains = sorted(self.domains())

    def domains(self) -> set[str]:
        hosts = set(super().domains()) if hasattr(self, "sources") else set()
        for source in getattr(self, "sources", {}).values():
            hosts.update(option(source, "allowed_domains", []))
        return hosts

    async def start(self) -> AsyncIterator[Any]:
        for sid, source in self.sources.items():
            template = option(source, "url_template", None)
            sitemap = option(source, "sitemap", None)
            if template and sitemap:
                request = self.request(sitemap, self.parse_source_sitemap, sid)
                yield request.replace(errback=self.source_sitemap_failed)
            elif template:
                for item in self.store_pages(sid, {}):
                    yield item
            # start pages with links to follow are indexes; without, they hold the records
            first = self.parse_index if option(source, "follow", None) else self.parse_page
            for url in option(source, "start_urls", []):
                yield self.request(url, first, sid)

    def store_pages(self, sid: str, lastmods: dict[str, str]) -> Iterator[Any]:
        """Each store's page of a ``url_template`` source: carried over or requested."""
        template = option(self.sources[sid], "url_template", "")
        carried = CarriedPages(source=sid)
        covered = self.source_countries(sid)
        for store_id, row in self.roster.items():
            if covered and self.country_of(store_id).upper() not in covered:
                continue  # a store in a country the source does not cover has no page there
            try:
                url = template_url(template, row)
            except UnfilledTemplate as exc:
                record_unfilled(self.crawler, sid, store_id, template, exc, row)
                continue
            lastmod = lastmods.get(url)
            chain = self.carried_chain(url) if self.unchanged(url, lastmod) else None
            if chain is not None:
                carried.urls += [url, *chain]
            else:
                yield self.request(url, self.parse_page, sid, store_id, first=True, lastmod=lastmod)
        if carried.urls:
            yield carried

    def parse_source_sitemap(self, response: Response) -> Iterator[Any]:
        """The source's sitemap: its lastmods decide which store pages need a request."""
        read = self.read_sitemap(response)
        lastmods: dict[str, str] = {}
        if read is not None:
            _links, lastmods = read
        yield from self.store_pages(response.meta["source"], lastmods)

    def source_sitemap_failed(self, failure: Any) -> Iterator[Any]:
        """No sitemap (already recorded as a failed fetch): every store's page is fetched."""
        self.on_failure(failure)
        yield from self.store_pages(failure.request.meta["source"], {})

    def carried_chain(self, first_url: str) -> list[str] | None:
        """The pages an unchanged page led to (next pages), or None when one is due a re-check."""
        pages: list[str] = []
        seen, todo = {first_url}, [first_url]
        while todo:
            for _kind, url in self.remembered_links(todo.pop()):
                if url in seen:
                    continue
                if not self.recently_read(url):
                    return None
                seen.add(url)
                pages.append(url)
                todo.append(url)
        return pages

    # -- discovery ------------------------------------------------------------------------
    def parse_index(self, response: Response) -> Iterator[Any]:
        """An index page: follow its listing links and its next page."""
        sid = response.meta["source"]
        if response.status == 304:
            links = self.remembered_links(response.url)
        elif self.readable(response):
            source = self.sources[sid]
            links = self.index_links(response, source)
            self.remember(response.url, links)
        else:
            return
        for kind, url in links:
            callback = self.parse_index if kind == "index" else self.parse_page
            yield self.request(url, callback, sid, first=True)

    def index_links(self, response: Response, source: Any) -> list[tuple[str, str]]:
        links: list[tuple[str, str]] = []
        follow = option(source, "follow", None)
        if follow:
            links += [("page", response.urljoin(h)) for h in select(response, follow).getall()]
        next_page = option(source, "next_page", None)
        if next_page:
            links += [("index", response.urljoin(h)) for h in select(response, next_page).getall()]
        links = list(dict.fromkeys(links))
        most = self.crawler.settings.getint("AUDITOR_MAX_LINKS_PER_PAGE", 1000)
        if most and len(links) > most:
            note = f"links: {len(links):,} links on the page; the first {most:,} followed"
            self.note_problem(response, note)
            links = links[:most]
        return links

    # -- one page -------------------------------------------------------------------------
    def parse_page(self, response: Response) -> Iterator[Any]:
        """A listing (or review) page; 304 reuses the last run's reading of it."""
        sid = response.meta["source"]
        self.remember_lastmod(response)
        if response.status == 304:
            yield from self.unchanged_page(response, sid)
            return
        if not self.readable(response):
            return
        yield from self.read_page(response, sid)

    def unchanged_page(self, response: Response, sid: str) -> Iterator[Any]:
        """A 304: reuse the page and go on to the pages it led to last time."""
        yield from self.reused(response)
        for kind, url in self.remembered_links(response.url):
            yield self.request(url, self.parse_page, sid, response.meta.get("location_id"),
                               first=kind == "first")  # fmt: skip

    def read_page(self, response: Response, sid: str) -> Iterator[Any]:
        raise NotImplementedError

    def listing_items(self, response: Response, sid: str) -> Iterator[ObservedPage]:
        """The listings the source's adapter finds on the page, one item each."""
        extraction = self.adapters[sid].extract(response)
        for problem in extraction.errors:
            self.note_problem(response, problem)
        location_id = response.meta.get("location_id")
        many = len(extraction.records) > 1
        for index, record in enumerate(extraction.records):
            ident = record.pop("id", None)
            entity = response.url
            if ident or many:
                entity = f"{response.url}#{ident or index}"
            yield ObservedPage(
                url=response.url,
                source=sid,
                entity=entity,
                location_id=location_id,
                raw=record,
                kind="listing",
                country=self.country_of(location_id) if location_id else None,
            )
        if extraction.next_urls:
            self.remember(response.url, [("page", u) for u in extraction.next_urls])
            for url in extraction.next_urls:
                yield self.request(url, self.parse_page, sid, location_id)
