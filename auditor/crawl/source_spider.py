"""Spiders over the spec's ``sources:`` blocks: discovery by index pages or one URL per store."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

from scrapy.http import Response

from auditor.crawl.adapters import adapter_for
from auditor.crawl.adapters.base import select
from auditor.crawl.base import AuditSpider
from auditor.crawl.items import ObservedPage
from auditor.crawl.roster import option, template_url


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
            if template:
                for store_id, row in self.roster.items():
                    url = template_url(template, row)
                    yield self.request(url, self.parse_page, sid, store_id, first=True)
            # start pages with links to follow are indexes; without, they hold the records
            first = self.parse_index if option(source, "follow", None) else self.parse_page
            for url in option(source, "start_urls", []):
                yield self.request(url, first, sid)

    # -- discovery ------------------------------------------------------------------------
    def parse_index(self, response: Response) -> Iterator[Any]:
        """An index page: follow its listing links and its next page."""
        sid = response.meta["source"]
        if response.status == 304:
            links = self.remembered_links(response.url)
        elif self.readable(response):
            source = self.sources[sid]
            links = self.index_links(response, source)
            yield self.memo(response.url, links)
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
        return list(dict.fromkeys(links))

    # -- one page -------------------------------------------------------------------------
    def parse_page(self, response: Response) -> Iterator[Any]:
        """A listing (or review) page; 304 reuses the last run's reading of it."""
        sid = response.meta["source"]
        if response.status == 304:
            yield from self.reused(response)
            for kind, url in self.remembered_links(response.url):
                yield self.request(url, self.parse_page, sid, response.meta.get("location_id"),
                                   first=kind == "first")  # fmt: skip
            return
        if not self.readable(response):
            return
        yield from self.read_page(response, sid)

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
                raw=dict(record),
                kind="listing",
                country=self.country_of(location_id) if location_id else None,
            )
        if extraction.next_urls:
            yield self.memo(response.url, [("page", u) for u in extraction.next_urls])
            for url in extraction.next_urls:
                yield self.request(url, self.parse_page, sid, location_id)
