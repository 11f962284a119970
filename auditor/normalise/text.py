"""Visible text of an HTML page: scripts, styles and templates dropped, whitespace folded."""

from __future__ import annotations

import re
from typing import Any

import lxml.html
from lxml import etree

_SPACE = re.compile(r"\s+")
_INVISIBLE = ("script", "style", "template", "noscript", "head", "svg")
_VISIBLE_TEXTS = etree.XPath(
    "//text()[not(ancestor::*[" + " or ".join(f"self::{t}" for t in _INVISIBLE) + "])]",
    smart_strings=False,
)
_UTF8 = lxml.html.HTMLParser(encoding="utf-8")


def visible_text(page: str | Any) -> str:
    """What a reader sees, as one line of text; ``page`` is HTML or an already parsed lxml tree."""
    if isinstance(page, str | bytes):
        if not page.strip():
            return ""
        data = page.encode("utf-8", "replace") if isinstance(page, str) else page
        try:
            page = lxml.html.document_fromstring(data, parser=_UTF8 if isinstance(page, str) else None)
        except (etree.ParserError, ValueError):
            return ""
    return _SPACE.sub(" ", " ".join(_VISIBLE_TEXTS(page))).strip()
