"""Plain HTML listing pages read with CSS or XPath selectors (see ``auditor.crawl.reading``)."""

from __future__ import annotations

from auditor.crawl.adapters.structured import PageAdapter


class CssAdapter(PageAdapter):
    """One listing per page, each field from its own selector."""
