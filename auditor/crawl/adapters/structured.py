"""Listing pages with schema.org JSON-LD or microdata; optional selectors fill the gaps."""

from __future__ import annotations

from scrapy.http import TextResponse

from auditor.crawl.adapters.base import Adapter, Extraction, css_fields
from auditor.crawl.schema_org import fields_from_schema
from auditor.crawl.structured import extract_structured, type_names

DEFAULT_TYPES = ("LocalBusiness", "Store", "Organization", "Place")


class _StructuredAdapter(Adapter):
    syntax = "json-ld"

    def __init__(self, config) -> None:
        from auditor.crawl.adapters import option

        super().__init__(config)
        self.types = set(option(config, "types", None) or DEFAULT_TYPES)

    def extract(self, response: TextResponse) -> Extraction:
        data = extract_structured(response.selector.root, response.url, (self.syntax,))
        objects = data.jsonld if self.syntax == "json-ld" else data.microdata
        records = [fields_from_schema(o) for o in objects if type_names(o) & self.types]
        records = [r for r in records if r]
        if self.fields:
            extra = css_fields(response, self.fields)
            if records:
                for record in records:
                    record.update({k: v for k, v in extra.items() if k not in record})
            elif extra:
                records = [extra]
        return Extraction(records=records, errors=data.errors)


class JsonLdAdapter(_StructuredAdapter):
    """schema.org JSON-LD blocks of the configured types."""

    syntax = "json-ld"


class MicrodataAdapter(_StructuredAdapter):
    """schema.org microdata items of the configured types."""

    syntax = "microdata"
