"""Visible text of an HTML page: scripts, styles and templates dropped, whitespace folded."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

_SPACE = re.compile(r"\s+")
_INVISIBLE = ("script", "style", "template", "noscript", "head", "svg")


def visible_text(html: str) -> str:
    """What a reader sees, as one line of text."""
    soup = BeautifulSoup(html or "", "lxml")
    for tag in soup(_INVISIBLE):
        tag.decompose()
    return _SPACE.sub(" ", soup.get_text(" ")).strip()
