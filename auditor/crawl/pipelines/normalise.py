"""Normalise every observed field; keep bad values with their problem and count them.

The country that drives phone and address normalisation is the listing's own (its address
country), else its roster store's (``item.country``, set for pages of a known store), else the
spec's default. A listing matched to a store later (MatchPipeline) is normalised again with that
store's country when it stated none and the store's country differs.
"""

from __future__ import annotations

from typing import Any

from auditor.crawl.field_stats import count
from auditor.crawl.fields import normalise_record
from auditor.crawl.items import FieldValue, ObservedPage
from auditor.crawl.reading import record_country
from auditor.normalise.address_postcodes import country_of_postcode


def _address_text(raw: Any) -> str:
    address = raw.get("address") if isinstance(raw, dict) else None
    if isinstance(address, dict):
        return " ".join(str(v) for v in address.values() if isinstance(v, str | int))
    return str(address or "")


def normalise_item(item: ObservedPage, country: str) -> None:
    """Fill ``item.values`` with each field normalised for ``country``."""
    problems = getattr(item.raw, "problems", None) or {}
    rows = normalise_record(item.raw, country, problems)
    item.values = [FieldValue(field, raw, value, problem) for field, raw, value, problem in rows]


class NormalisePipeline:
    """Fills ``ObservedPage.values``; per-field counters per source (auditor.crawl.field_stats)."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Any) -> NormalisePipeline:
        return cls(crawler)

    def _by_postcode(self, item: ObservedPage, spider: Any) -> str | None:
        """In a roster of several countries, the one a listing's postcode form fits alone
        (``5611AH``: NL, not the spec's default DE), so its phone and address read right."""
        countries = getattr(self, "_roster_countries", None)
        if countries is None:
            rows = getattr(spider, "roster", {}) or {}
            default = getattr(spider, "country", None) or ""
            found = {str(r.get("country") or default).upper() for r in rows.values()} - {""}
            countries = self._roster_countries = tuple(sorted(found))
        text = _address_text(item.raw)
        return country_of_postcode(text, countries) if text else None

    def process_item(self, item: Any, spider: Any = None) -> Any:
        if not isinstance(item, ObservedPage):
            return item
        stated = record_country(item.raw) if isinstance(item.raw, dict) else None
        spider = self.crawler.spider
        default = getattr(spider, "country", None) or "AU"
        item.country_stated = bool(stated)
        item.country = stated or item.country or self._by_postcode(item, spider) or default
        normalise_item(item, item.country)
        for value in item.values:
            if value.field in ("text", "colours", "fonts", "logo"):
                continue
            count(self.stats, item.source, value.field, value.problem)
            if value.problem:
                self.stats.inc_value(f"auditor/{item.source}/field_problems")
        return item
