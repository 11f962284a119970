"""Listing pages read by the page-reading machinery (``auditor.crawl.reading``): schema.org
data in one syntax (``jsonld``, ``microdata``, ``rdfa``, ``opengraph``) or all of them plus the
text reader (``auto``); optional selectors fill what the structured data lacks."""

from __future__ import annotations

from typing import Any

from scrapy.http import TextResponse

from auditor.crawl.adapters.base import Adapter, Extraction


class PageAdapter(Adapter):
    """One page, read by ``read_page`` with the options the adapter block gives."""

    def __init__(self, config: Any) -> None:
        from auditor.crawl.reading import adapter_options

        super().__init__(config)
        self.options = adapter_options(config)

    def extract(self, response: TextResponse) -> Extraction:
        from auditor.crawl.reading import read_page

        reading = read_page(response.selector.root, response.url, **self.options)
        extraction = Extraction(records=list(reading.locations), errors=list(reading.unread))
        extraction.reading = reading
        return extraction


class JsonLdAdapter(PageAdapter):
    """schema.org JSON-LD objects of the configured types (and their subtypes)."""


class MicrodataAdapter(PageAdapter):
    """schema.org microdata items of the configured types (and their subtypes)."""
