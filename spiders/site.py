"""The brand's own location pages (``site:`` in brand.yaml)."""

from auditor.crawl.site_spider import SiteSpider


class BrandSiteSpider(SiteSpider):
    """Sitemap or URL template -> one ObservedPage per location page."""

    name = "site"
