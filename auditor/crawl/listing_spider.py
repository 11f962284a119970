"""The listing spider: directory pages and APIs read by each source's adapter."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from scrapy.http import Response

from auditor.crawl.source_spider import SourceSpider


class ListingSpider(SourceSpider):
    """Every ``kind: listing`` source of the spec."""

    kinds = ("listing",)

    def read_page(self, response: Response, sid: str) -> Iterator[Any]:
        yield from self.listing_items(response, sid)
