"""Review sites: every ``kind: reviews`` source block, paginated per store."""

from auditor.crawl.review_spider import ReviewSpider


class ReviewsSpider(ReviewSpider):
    """Review pages -> one ObservedReview per review (plus page-level rating fields)."""

    name = "reviews"
