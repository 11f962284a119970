"""A closure notice in a page's own content: "This location is permanently closed.", "Vorübergehend
geschlossen wegen Umbau", read as the page's status when the page's data states none.

Only the page's content counts (not its header, navigation, aside or footer, where site-wide
banners about other stores live), and only a short sentence with no clock times (not an hours
line) that names a temporary or a permanent closure: "closed" alone is a day in an hours table. Several
notices of different kinds leave the status unread.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from auditor.crawl.generic import text_lines

_OUTSIDE = frozenset({"header", "nav", "aside", "footer"})
_CLOCK = re.compile(r"\d{1,2}\s*(?:[:h]\d{2}|\s?(?:am|pm|a\.m\.|p\.m\.|uhr)\b)", re.IGNORECASE)
_SENTENCES = re.compile(r"(?<=[.!?。])\s+")
MAX_NOTICE = 100


def closure_notice(root: Any) -> str | None:
    """The page content's one closure notice (as written), or None."""
    from auditor.normalise.status import StatusError, names_closure, normalise_status

    if not _may_carry_notice(root):
        return None
    found: dict[str, str] = {}
    for line in text_lines(root, skip=_OUTSIDE):
        for sentence in _SENTENCES.split(line):
            sentence = sentence.strip()
            if len(sentence) > MAX_NOTICE or _CLOCK.search(sentence) or not names_closure(sentence):
                continue
            try:
                found.setdefault(normalise_status(sentence), sentence)
            except StatusError:
                continue
    return next(iter(found.values())) if len(found) == 1 else None


_MARKS = re.compile(r"[\u0300-\u036f]")


def _may_carry_notice(root: Any) -> bool:
    """Whether the page's text holds any word of a closure at all (most pages do not)."""
    from auditor.normalise.status import closure_words

    text = " ".join(root.itertext()).casefold()
    if not text.isascii():
        text = _MARKS.sub("", unicodedata.normalize("NFKD", text))
    return closure_words().search(" ".join(text.replace("_", " ").replace("-", " ").split())) is not None
