"""What every adapter returns, and the selector helpers they share."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from parsel import Selector, SelectorList
from scrapy.http import TextResponse

_SPACE = re.compile(r"\s+")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,;])")


@dataclass
class Extraction:
    """Records (raw field dicts, one per listing) found on one page, plus what went wrong."""

    records: list[dict[str, str]] = field(default_factory=list)
    next_urls: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


class Adapter:
    """Reads one kind of page; subclasses implement ``extract``."""

    def __init__(self, config: Any) -> None:
        from auditor.crawl.adapters import option

        self.config = config
        self.fields: dict[str, str] = dict(option(config, "fields", {}) or {})

    def extract(self, response: TextResponse) -> Extraction:
        raise NotImplementedError


def clean(text: str) -> str:
    """Whitespace folded to single spaces, trimmed."""
    return _SPACE_BEFORE_PUNCT.sub(r"\1", _SPACE.sub(" ", text)).strip()


def select(node: Selector | TextResponse, query: str) -> SelectorList:
    """CSS by default, XPath with an ``xpath:`` prefix."""
    if query.startswith("xpath:"):
        return node.xpath(query[len("xpath:") :])
    return node.css(query)


def _element_text(element: Selector) -> str:
    cells = element.css("th, td")
    if cells:
        return ": ".join(clean(" ".join(c.css("::text").getall())) for c in cells)
    return clean(" ".join(element.css("::text").getall()))


def select_text(node: Selector | TextResponse, query: str, sep: str = " ") -> str:
    """The text a selector picks: strings joined, elements read as text (table rows as
    ``cell: cell``), several elements one per line."""
    found = select(node, query)
    if not found:
        return ""
    if all(isinstance(s.root, str) for s in found):
        return clean(sep.join(s.root for s in found))
    return "\n".join(t for t in (_element_text(s) for s in found) if t)


def css_fields(node: Selector | TextResponse, fields: dict[str, str]) -> dict[str, str]:
    """Each configured field's text, for the fields the page actually shows."""
    out: dict[str, str] = {}
    for name, query in fields.items():
        text = select_text(node, query)
        if text:
            out[name] = text
    return out
