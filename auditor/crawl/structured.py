"""Schema.org structured data from a page (JSON-LD and microdata via extruct), fault tolerant."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import extruct
from extruct.jsonld import JsonLdExtractor
from lxml import html as lxml_html


@dataclass
class StructuredData:
    """The schema.org objects found on a page, and what could not be read."""

    jsonld: list[dict] = field(default_factory=list)
    microdata: list[dict] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _jsonld_blocks(tree) -> tuple[list[dict], list[str]]:
    """Read each JSON-LD script on its own, so one malformed block does not hide the others."""
    items: list[dict] = []
    errors: list[str] = []
    extractor = JsonLdExtractor()
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            found = list(extractor._extract_items(script))  # one <script>; raises on bad JSON
        except (ValueError, TypeError, json.JSONDecodeError) as exc:
            errors.append(f"malformed JSON-LD: {str(exc)[:120]}")
            continue
        items.extend(x for x in found if isinstance(x, dict))
    return items, errors


def extract_structured(html: str | bytes | Any, url: str, syntaxes: tuple[str, ...]) -> StructuredData:
    """JSON-LD and/or microdata objects of a page, flattened so ``@graph`` members are items.

    ``html`` is the page's text or bytes, or its already parsed lxml tree (a response's
    ``selector.root``), which saves parsing the page twice."""
    out = StructuredData()
    if html is None or (isinstance(html, str | bytes) and not html):
        return out
    if isinstance(html, str | bytes):
        try:
            tree = lxml_html.fromstring(html)
        except (ValueError, lxml_html.etree.ParserError) as exc:
            out.errors.append(f"unparseable HTML: {exc}")
            return out
    else:
        tree = html
    if "json-ld" in syntaxes:
        items, out.errors = _jsonld_blocks(tree)
        for item in items:
            graph = item.get("@graph")
            if isinstance(graph, list):
                out.jsonld.extend(g for g in graph if isinstance(g, dict))
            else:
                out.jsonld.append(item)
    if "microdata" in syntaxes:
        try:
            data = extruct.extract(tree, base_url=url, syntaxes=["microdata"], uniform=True)
            out.microdata = [d for d in data.get("microdata", []) if isinstance(d, dict)]
        except Exception as exc:  # extruct raises assorted errors on hostile markup
            out.errors.append(f"unreadable microdata: {type(exc).__name__}")
    return out


def type_names(obj: dict) -> set[str]:
    """The schema.org type names of an object, without the vocabulary prefix."""
    kind = obj.get("@type", [])
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).rsplit("/", 1)[-1] for k in kinds if k}
