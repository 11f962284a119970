"""JSON APIs: records and the next page found with JMESPath, fields mapped with JMESPath."""

from __future__ import annotations

import json
from typing import Any

import jmespath
from scrapy.http import Response

from auditor.crawl.adapters.base import Adapter, Extraction, Record, clean

_PART_KEYS = ("street", "locality", "state", "region", "postcode", "country", "house_number", "unit")


def as_text(value: Any) -> str:
    """A JSON value as the raw text an observation keeps."""
    if value is None:
        return ""
    if isinstance(value, dict):
        if any(k in value for k in ("streetAddress", "addressLocality", "postalCode")):
            from auditor.crawl.schema_org import address_text

            return address_text(value)
        return "; ".join(f"{k} {as_text(v)}" for k, v in value.items() if as_text(v))
    if isinstance(value, list):
        return "; ".join(t for t in (as_text(v) for v in value) if t)
    if isinstance(value, bool):
        return "true" if value else "false"
    return clean(str(value))


def address_value(value: Any) -> Any:
    """An address as parts when the record gives parts (a PostalAddress, or a JMESPath
    multi-select such as ``{street: addr.line1, locality: addr.city}``), else as text."""
    if isinstance(value, dict):
        if any(k in value for k in ("streetAddress", "addressLocality", "postalCode", "addressRegion")):
            from auditor.crawl.schema_org import address_parts  # (schema_org imports the adapters)

            return address_parts(value)
        parts = {("state" if k == "region" else k): as_text(v) for k, v in value.items() if k in _PART_KEYS}
        parts = {k: v for k, v in parts.items() if v}
        if parts:
            return parts
    return as_text(value)


class JsonApiAdapter(Adapter):
    """A paginated JSON API: ``records`` picks the list, ``fields`` map each record."""

    def __init__(self, config: Any) -> None:
        from auditor.crawl.adapters import option

        super().__init__(config)
        self.records = jmespath.compile(str(option(config, "records", "@")))
        nxt = option(config, "next", None)
        self.next = jmespath.compile(str(nxt)) if nxt else None
        self.compiled = {name: jmespath.compile(expr) for name, expr in self.fields.items()}

    def extract(self, response: Response) -> Extraction:
        try:
            data = json.loads(response.body)
        except ValueError as exc:
            return Extraction(errors=[f"malformed JSON: {str(exc)[:120]}"])
        found = self.records.search(data)
        records = []
        for record in found if isinstance(found, list) else []:
            fields = Record()
            for name, expr in self.compiled.items():
                value = expr.search(record)
                fields.put(name, address_value(value) if name == "address" else as_text(value), "json")
            if fields:
                records.append(fields)
        nexts = []
        if self.next is not None:
            link = self.next.search(data)
            if isinstance(link, str) and link:
                nexts.append(response.urljoin(link))
        return Extraction(records=records, next_urls=nexts)
