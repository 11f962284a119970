"""The review spider: paginated review pages per store, one item per page of reviews.

Incremental runs: review sites list the newest reviews first, so when a store's first page
answers 304 Not Modified nothing was added, and the pages behind it are carried over from the
run that last read them without a request, as long as that run is less than
``crawl.refresh_days`` old (default 7). Older pages are re-checked, which is how edits
deep in the list (an owner's late reply, a removed review) are picked up.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from scrapy.http import Response

from auditor.crawl.adapters.base import select
from auditor.crawl.adapters.reviews import count_review_fields, read_reviews
from auditor.crawl.items import CarriedPages, ObservedReview, ReviewPage
from auditor.crawl.roster import option
from auditor.crawl.source_spider import SourceSpider


class ReviewSpider(SourceSpider):
    """Every ``kind: reviews`` source; pages reached by ``url_template`` carry their store."""

    kinds = ("reviews",)

    def unchanged_page(self, response: Response, sid: str) -> Iterator[Any]:
        """A store's first page answered 304: nothing new, so the pages behind it are carried
        over unless one of them is due a re-check."""
        carried = self.carried_chain(response.url) if response.meta.get("first") else None
        if carried is None:
            yield from super().unchanged_page(response, sid)
            return
        yield from self.reused(response)
        if carried:
            yield CarriedPages(source=sid, urls=carried)

    def read_page(self, response: Response, sid: str) -> Iterator[Any]:
        source = self.sources[sid]
        adapter = option(source, "adapter", {})
        location_id = response.meta.get("location_id")
        if response.meta.get("first") and self.adapters[sid].fields:
            # Page-level fields (aggregate rating, review count) as listing observations.
            yield from self.listing_items(response, sid)
        if location_id:
            found = read_reviews(response, adapter, location_id, tuple(option(self.spec, "languages", [])),
                                 self.country_of(location_id))  # fmt: skip
            count_review_fields(self.crawler.stats, sid, found)
            reviews = [ObservedReview(url=response.url, source=sid, location_id=location_id, **r)
                       for r in found]  # fmt: skip
            yield ReviewPage(url=response.url, source=sid, location_id=location_id, reviews=reviews)
        else:
            self.note_problem(response, "review page without a store: use url_template")
        next_page = option(source, "next_page", None)
        links = [response.urljoin(h) for h in select(response, next_page).getall()] if (
            next_page) else []  # fmt: skip
        self.remember(response.url, [("page", u) for u in links])
        for url in links:
            yield self.request(url, self.parse_page, sid, location_id)
