"""Plain HTML listing pages read with CSS or XPath selectors."""

from __future__ import annotations

from scrapy.http import TextResponse

from auditor.crawl.adapters.base import Adapter, Extraction, css_fields


class CssAdapter(Adapter):
    """One listing per page, each field from its own selector."""

    def extract(self, response: TextResponse) -> Extraction:
        record = css_fields(response, self.fields)
        return Extraction(records=[record] if record else [])
