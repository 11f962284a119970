"""Normalise every observed field; keep bad values with their problem and count them.

The country that drives phone and address normalisation is the listing's own (its address
country), else its roster store's (``item.country``, set for pages of a known store), else the
source's (``countries:``, by postcode form among several), else the spec's default
(auditor.crawl.listing_country). A listing matched to a store later (MatchPipeline) is
normalised again with that store's country when it stated none and the store's country differs.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from auditor.crawl.field_stats import count
from auditor.crawl.fields import normalise_record
from auditor.crawl.items import FieldValue, ObservedPage
from auditor.crawl.listing_country import country_for


def reading_day(settings: Any) -> dt.date:
    """The day the crawl reads pages as of: ``AUDITOR_TODAY`` (a run given its day), else today."""
    given = settings.get("AUDITOR_TODAY") if settings is not None else None
    return dt.date.fromisoformat(str(given)) if given else dt.date.today()


def normalise_item(item: ObservedPage, country: str, today: dt.date | None = None) -> None:
    """Fill ``item.values`` with each field normalised for ``country`` as read on ``today``."""
    problems = getattr(item.raw, "problems", None) or {}
    rows = normalise_record(item.raw, country, problems, today)
    item.values = [FieldValue(field, raw, value, problem) for field, raw, value, problem in rows]


class NormalisePipeline:
    """Fills ``ObservedPage.values``; per-field counters per source (auditor.crawl.field_stats)."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.today = reading_day(crawler.settings)

    @classmethod
    def from_crawler(cls, crawler: Any) -> NormalisePipeline:
        return cls(crawler)

    def _roster_countries(self, spider: Any) -> tuple[str, ...]:
        countries = getattr(self, "_countries", None)
        if countries is None:
            rows = getattr(spider, "roster", {}) or {}
            default = getattr(spider, "country", None) or ""
            found = {str(r.get("country") or default).upper() for r in rows.values()} - {""}
            countries = self._countries = tuple(sorted(found))
        return countries

    def process_item(self, item: Any, spider: Any = None) -> Any:
        if not isinstance(item, ObservedPage):
            return item
        spider = self.crawler.spider
        default = getattr(spider, "country", None) or "AU"
        covered = spider.source_countries(item.source) if hasattr(spider, "source_countries") else ()
        item.country, item.country_stated = country_for(
            item.raw, covered, self._roster_countries(spider), default, item.country
        )
        normalise_item(item, item.country, self.today)
        for value in item.values:
            if value.field in ("text", "colours", "fonts", "logo"):
                continue
            count(self.stats, item.source, value.field, value.problem)
            if value.problem:
                self.stats.inc_value(f"auditor/{item.source}/field_problems")
        return item
