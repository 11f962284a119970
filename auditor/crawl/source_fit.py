"""Which of several sources on one host a URL belongs to (per-country sections of a directory,
a listing and a reviews source on the same site): the one whose own addresses fit it best.

A source's addresses are its ``start_urls`` and its ``url_template`` (each ``{column}`` stands
for one path segment or part of one). A URL the template fits whole belongs to that source;
otherwise the source sharing the longest run of leading path segments with the URL wins (a start
page ``/no/mobelbutikker?page=1`` and a listing ``/no/mobelbutikker/nordhem-oslo`` share two).
Listing sources come before review sources when both fit (a page that shows a business and its
reviews is read as the listing by ``check`` and ``extract``); a tie keeps the spec's order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

WHOLE = 1000.0  # the template fits the whole path


def _segments(url: str) -> list[str]:
    return [s for s in urlsplit(url).path.split("/") if s]


def _shared(a: list[str], b: list[str]) -> int:
    count = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        count += 1
    return count


def _template_fit(url: str, template: str) -> float:
    """WHOLE when the template fits the URL's path, else the leading segments both share
    before the template's first ``{column}``."""
    path = urlsplit(template.replace("{", "\x00{").split("?", 1)[0]).path
    pattern = "".join(
        "[^/]*" if part.startswith("{") else re.escape(part)
        for part in re.split(r"(\{[^}]*\})", path.replace("\x00", ""))
    )
    if re.fullmatch(pattern.rstrip("/") + "/?", urlsplit(url).path or "/"):
        return WHOLE
    literal = path.split("\x00", 1)[0]
    fixed = [s for s in literal.split("/") if s]
    if "\x00" in path and fixed and not literal.endswith("/"):
        fixed = fixed[:-1]  # the segment the first column is part of
    return float(_shared(_segments(url), fixed))


def fit(url: str, source: Any) -> float:
    """How well ``url`` fits a source's own addresses (higher is better)."""
    best = 0.0
    template = getattr(source, "url_template", None)
    if template:
        best = max(best, _template_fit(url, str(template)))
    for start in getattr(source, "start_urls", None) or []:
        shared = _shared(_segments(url), _segments(str(start)))
        same = 0.5 if urlsplit(url).path.rstrip("/") == urlsplit(str(start)).path.rstrip("/") else 0.0
        best = max(best, shared + same)
    return best


def best_source(url: str, sources: Sequence[Any]) -> Any:
    """The source ``url`` belongs to, of those whose domains cover its host (in spec order)."""
    listings = [s for s in sources if getattr(s, "kind", "listing") == "listing"]
    pool = listings or list(sources)
    return max(enumerate(pool), key=lambda pair: (fit(url, pair[1]), -pair[0]))[1]
