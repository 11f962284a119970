"""What every adapter returns, and the selector helpers they share.

Queries are CSS (with parsel's ``::text`` and ``::attr(name)``) or XPath after an ``xpath:``
prefix. Each is translated and compiled to an lxml XPath once per process and evaluated on the
page's lxml tree directly: a review page runs seven queries per review, and wrapping every
match in a parsel Selector cost more than the rest of the crawl's parsing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from lxml import etree
from parsel import Selector, SelectorList
from parsel.csstranslator import HTMLTranslator
from scrapy.http import TextResponse

_SPACE = re.compile(r"\s+")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,;])")
_TRANSLATOR = HTMLTranslator()
_CELLS = etree.XPath("descendant-or-self::*[self::th or self::td]")
_TEXTS = etree.XPath("descendant-or-self::text()", smart_strings=False)


class Record(dict):
    """The raw field values of one location (field -> text, or address parts), with where each
    came from (``origins``: json-ld, microdata, rdfa, opengraph, selector, heuristic) and why a
    value is not trusted (``problems``: placeholder, conflicting values...)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.origins: dict[str, str] = {}
        self.problems: dict[str, str] = {}

    def put(self, name: str, value: Any, origin: str) -> None:
        """Set a field the record does not have yet."""
        if value in (None, "", {}, []) or name in self:
            return
        self[name] = value
        self.origins[name] = origin


@dataclass
class Extraction:
    """Records (raw field dicts, one per listing) found on one page, plus what went wrong."""

    records: list[dict[str, Any]] = field(default_factory=list)
    next_urls: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    reading: Any = None  # the page's full reading (auditor.crawl.reading.PageReading), when read


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
    folded = " ".join(text.split())
    return _SPACE_BEFORE_PUNCT.sub(r"\1", folded) if " ," in folded or " ;" in folded else folded


def select(node: Selector | TextResponse, query: str) -> SelectorList:
    """CSS by default, XPath with an ``xpath:`` prefix (parsel selectors, for links)."""
    if query.startswith("xpath:"):
        return node.xpath(query[len("xpath:") :])
    return node.css(query)


@lru_cache(maxsize=1024)
def compiled(query: str) -> etree.XPath:
    """A CSS or ``xpath:`` query compiled once, relative to the node it is run on."""
    xpath = query.startswith("xpath:")
    path = query[len("xpath:") :] if xpath else _TRANSLATOR.css_to_xpath(query)
    if not xpath and path.endswith(("descendant-or-self::text()", "//text()")):  # never a script's text
        path += "[not(parent::script or parent::style or parent::noscript or parent::template)]"
    return etree.XPath(path, smart_strings=False)


def tree_of(node: Any) -> Any:
    """The lxml element behind a response, a parsel selector or an lxml element."""
    if isinstance(node, etree._Element):
        return node
    if isinstance(node, TextResponse):
        return node.selector.root
    if isinstance(node, Selector):
        return node.root
    return node


def query_all(node: Any, query: str) -> list[Any]:
    """What a query matches: lxml elements, or strings for ``::text`` / ``::attr()``."""
    found = compiled(query)(tree_of(node))
    return found if isinstance(found, list) else [found]


def _element_text(element: Any) -> str:
    cells = _CELLS(element)
    if cells:
        return ": ".join(clean(" ".join(_TEXTS(c))) for c in cells)
    return clean(" ".join(_TEXTS(element)))


def select_text(node: Any, query: str, sep: str = " ") -> str:
    """The text a selector picks: strings joined, elements read as text (table rows as
    ``cell: cell``), several elements one per line."""
    return matches_text(query_all(node, query), sep)


def matches_text(found: list[Any], sep: str = " ") -> str:
    """What ``select_text`` makes of a query's matches (a list, or an XPath's single value)."""
    if not isinstance(found, list):
        found = [] if found is None or found == "" else [str(found)]
    if not found:
        return ""
    if all(isinstance(s, str) for s in found):
        return clean(sep.join(found))
    return "\n".join(t for t in (_element_text(s) if not isinstance(s, str) else clean(s)
                                 for s in found) if t)  # fmt: skip


def css_fields(node: Any, fields: dict[str, str]) -> dict[str, str]:
    """Each configured field's text, for the fields the page actually shows."""
    root = tree_of(node)
    out: dict[str, str] = {}
    for name, query in fields.items():
        text = select_text(root, query)
        if text:
            out[name] = text
    return out
