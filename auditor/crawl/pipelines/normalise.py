"""Normalise every observed field; keep bad values with their problem and count them."""

from __future__ import annotations

import json
from typing import Any

from auditor.crawl.fields import normalise_field
from auditor.crawl.items import FieldValue, ObservedPage


class NormalisePipeline:
    """Fills ``ObservedPage.values``; stats ``field/<name>/invalid`` per unreadable value."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Any) -> NormalisePipeline:
        return cls(crawler)

    def process_item(self, item: Any, spider: Any = None) -> Any:
        if not isinstance(item, ObservedPage):
            return item
        country = item.country or getattr(self.crawler.spider, "country", None) or "AU"
        item.values = []
        for field, raw in item.raw.items():
            normalised, problem = normalise_field(field, raw, country)
            raw_text = raw if isinstance(raw, str) else json.dumps(raw)
            item.values.append(FieldValue(field, raw_text, normalised, problem))
            if problem:
                self.stats.inc_value(f"field/{field}/invalid")
                self.stats.inc_value(f"auditor/{item.source}/field_problems")
        return item
