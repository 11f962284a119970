"""Source adapters: one per ``adapter.type`` of a source block, looked up in ADAPTERS."""

from __future__ import annotations

from auditor.crawl.adapters.base import Adapter, Extraction
from auditor.crawl.adapters.css import CssAdapter
from auditor.crawl.adapters.json_api import JsonApiAdapter
from auditor.crawl.adapters.structured import JsonLdAdapter, MicrodataAdapter, PageAdapter
from auditor.sources.adapter import PlatformAdapter

ADAPTERS: dict[str, type[Adapter]] = {
    "auto": PageAdapter,
    "jsonld": JsonLdAdapter,
    "microdata": MicrodataAdapter,
    "rdfa": PageAdapter,
    "opengraph": PageAdapter,
    "css": CssAdapter,
    "json_api": JsonApiAdapter,
    "platform": PlatformAdapter,  # json_api with a platform's converters (auditor.sources)
}


class UnknownAdapterError(ValueError):
    """A source block names an adapter type that does not exist."""


def adapter_for(source_id: str, config: object) -> Adapter:
    """The adapter a source block's ``adapter:`` asks for."""
    kind = option(config, "type", "")
    if kind not in ADAPTERS:
        raise UnknownAdapterError(
            f"source {source_id!r}: unknown adapter type {kind!r}; use one of {sorted(ADAPTERS)}"
        )
    return ADAPTERS[kind](config)


def option(config: object, name: str, default: object = None) -> object:
    """An adapter option, whether the block is a mapping or a model."""
    if isinstance(config, dict):
        return config.get(name, default)
    value = getattr(config, name, default)
    return default if value is None else value


__all__ = ["ADAPTERS", "Adapter", "Extraction", "adapter_for", "option"]
