"""The review spider: paginated review pages per store, each review an item."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from scrapy.http import Response

from auditor.crawl.adapters.base import select
from auditor.crawl.adapters.reviews import extract_reviews
from auditor.crawl.items import ObservedReview
from auditor.crawl.roster import option
from auditor.crawl.source_spider import SourceSpider


class ReviewSpider(SourceSpider):
    """Every ``kind: reviews`` source; pages reached by ``url_template`` carry their store."""

    kinds = ("reviews",)

    def read_page(self, response: Response, sid: str) -> Iterator[Any]:
        source = self.sources[sid]
        adapter = option(source, "adapter", {})
        location_id = response.meta.get("location_id")
        if response.meta.get("first") and self.adapters[sid].fields:
            # Page-level fields (aggregate rating, review count) as listing observations.
            yield from self.listing_items(response, sid)
        if location_id:
            for review in extract_reviews(
                response,
                location_id,
                str(option(adapter, "review", "article.review")),
                dict(option(adapter, "review_fields", {}) or {}),
            ):
                yield ObservedReview(url=response.url, source=sid, location_id=location_id,
                                     **review)  # fmt: skip
        else:
            self.note_problem(response, "review page without a store: use url_template")
        next_page = option(source, "next_page", None)
        links = [response.urljoin(h) for h in select(response, next_page).getall()] if (
            next_page) else []  # fmt: skip
        yield self.memo(response.url, [("page", u) for u in links])
        for url in links:
            yield self.request(url, self.parse_page, sid, location_id)
