"""Directory listings: every ``kind: listing`` source block, each read by its adapter."""

from auditor.crawl.listing_spider import ListingSpider


class ListingsSpider(ListingSpider):
    """Index-page discovery or URL templates -> one ObservedPage per listing."""

    name = "listings"
