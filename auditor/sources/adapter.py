"""The ``platform`` adapter: a JSON API adapter whose fields may go through a platform's
converter (``adapter.convert: {hours: foursquare.hours}``) before the normalisers read them."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from scrapy.http import Response

from auditor.crawl.adapters.base import Extraction, Record
from auditor.crawl.adapters.json_api import JsonApiAdapter, address_value, as_text
from auditor.sources.convert import ConvertError, converter


class PlatformAdapter(JsonApiAdapter):
    """Records and fields by JMESPath; converted fields keep the platform's value as their raw
    text when the converter cannot read it, with the reason as the field's problem."""

    def __init__(self, config: Any) -> None:
        from auditor.crawl.adapters import option

        super().__init__(config)
        self.converters = {name: converter(str(path)) for name, path in
                           (option(config, "convert", {}) or {}).items()}  # fmt: skip
        self.next_param = option(config, "next_param", None)

    def extract(self, response: Response) -> Extraction:
        try:
            data = json.loads(response.body)
        except ValueError as exc:
            return Extraction(errors=[f"malformed JSON: {str(exc)[:120]}"])
        found = self.records.search(data)
        if not isinstance(found, list):
            return Extraction(errors=["no records: the answer has none where the preset looks for them"])
        records = [self.record(item) for item in found if isinstance(item, dict)]
        return Extraction(records=[r for r in records if r], next_urls=self.next_urls(response, data))

    def next_urls(self, response: Response, data: Any) -> list[str]:
        """The next page: a URL ``next`` finds, or a page token put in ``next_param``."""
        link = self.next.search(data) if self.next is not None else None
        if not isinstance(link, str) or not link:
            return []
        if self.next_param:
            parts = urlsplit(response.url)
            pairs = parse_qsl(parts.query, keep_blank_values=True)
            query = [(k, v) for k, v in pairs if k != self.next_param]
            return [urlunsplit(parts._replace(query=urlencode([*query, (self.next_param, link)])))]
        return [response.urljoin(link)]

    def record(self, item: dict[str, Any]) -> Record:
        """One platform record's fields."""
        fields = Record()
        for name, expr in self.compiled.items():
            value = expr.search(item)
            if name in self.converters:
                try:
                    fields.put(name, self.converters[name](value), "json")
                except ConvertError as exc:
                    fields.put(name, json.dumps(value, ensure_ascii=False)[:300], "json")
                    fields.problems[name] = str(exc)
                continue
            fields.put(name, address_value(value) if name == "address" else as_text(value), "json")
        return fields
