"""A listing's business state in any common wording -> ``open`` / ``temporarily_closed`` / ``closed``.

Reads platform enum values (``CLOSED_TEMPORARILY``, ``OPERATIONAL``) and directory wording in
en, de, fr, nl, es, it, pt, ru, ja and zh ("Vorübergehend geschlossen", "Fermé définitivement",
"Tijdelijk gesloten"). The words are data (``data/status_words.tsv``); a word of "temporary"
beside a word of "closed" is a temporary closure, "closed" alone or with "permanent" a closure.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path

from auditor.normalise.accents import strip_accents
from auditor.normalise.errors import NormaliseError

_WORDS = Path(__file__).with_name("data") / "status_words.tsv"
_CLOCK = re.compile(r"\b\d{1,2}(?:[:h.]\d{2}|\s?(?:am|pm|uhr)\b)")
STATUSES = ("open", "temporarily_closed", "closed")


class StatusError(NormaliseError):
    """A status that names no known business state."""


@cache
def _table() -> dict[str, tuple[str, ...]]:
    kinds: dict[str, list[str]] = {}
    for line in _WORDS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, word = line.split("\t")[:2]
        kinds.setdefault(kind, []).append(_fold(word))
    return {kind: tuple(words) for kind, words in kinds.items()}


def _fold(text: str) -> str:
    plain = strip_accents(text.casefold())
    return " ".join(plain.replace("_", " ").replace("-", " ").split())


def _has(text: str, kind: str) -> bool:
    """A word of ``kind`` opens a word of the text (anywhere, for scripts written unspaced)."""
    spaced = f" {text}"
    return any((f" {word}" in spaced) if _spaced(word) else (word in text) for word in _table()[kind])


def _spaced(word: str) -> bool:
    return not any(unicodedata.east_asian_width(ch) in ("W", "F") for ch in word)


def normalise_status(raw: str) -> str:
    """``open``, ``temporarily_closed`` or ``closed``; StatusError when the text names none."""
    text = _fold(str(raw or ""))[:500]
    if not text:
        raise StatusError("empty status")
    if text in STATUSES or text.replace(" ", "_") in STATUSES:
        return text.replace(" ", "_")
    if _has(text, "temporary") or (_has(text, "cause") and _has(text, "closed")):
        return "temporarily_closed"
    if _has(text, "permanent"):
        return "closed"
    if _has(text, "closed"):
        if _has(text, "momentary") or _CLOCK.search(text):
            raise StatusError(f"a notice of the hour, not the business's state: {str(raw)[:40]!r}")
        return "closed"
    if _has(text, "open"):
        return "open"
    raise StatusError(f"unknown status: {str(raw)[:40]!r}")


def names_closure(raw: str) -> bool:
    """Whether a text names a temporary or a permanent closure (not only the word "closed", which
    an hours table uses for a day)."""
    text = _fold(str(raw or ""))[:500]
    named = _has(text, "temporary") or _has(text, "permanent") or _has(text, "cause")
    return bool(text) and named and _has(text, "closed")


@cache
def closure_words() -> re.Pattern[str]:
    """Any word of a temporary or permanent closure or its cause, on folded text (a quick test of
    whether a page may carry a closure notice at all)."""
    table = _table()
    words = sorted({w for kind in ("temporary", "permanent", "cause") for w in table.get(kind, ())}, key=len)
    return re.compile("|".join(re.escape(w) for w in reversed(words)))
