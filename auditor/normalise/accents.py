"""Accents dropped from Latin, Greek and Cyrillic letters only.

``Café`` is ``Cafe`` and ``Ελλάδα`` is ``Ελλαδα``, but the marks of other scripts are part of the
letter: Japanese kana keep their voicing marks (``ビル`` is not ``ヒル``, ``ド`` is not ``ト``), and
Hangul syllables and Devanagari keep theirs. The text comes back composed (NFC).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_ACCENTED_SCRIPTS = ("LATIN", "GREEK", "CYRILLIC")


@lru_cache(maxsize=4096)
def _takes_accents(base: str) -> bool:
    """Whether marks on this base letter are accents to drop (its script is Latin, Greek or Cyrillic)."""
    return unicodedata.name(base, "").startswith(_ACCENTED_SCRIPTS)


def strip_accents(text: str, compatibility: bool = True) -> str:
    """``text`` with the accents of Latin, Greek and Cyrillic letters dropped, other scripts' marks
    kept, composed again; ``compatibility`` also unifies full-width and other compatibility forms (NFKD)."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD" if compatibility else "NFD", text)
    out: list[str] = []
    base = ""
    for ch in decomposed:
        if unicodedata.combining(ch):
            if base and _takes_accents(base):
                continue
        else:
            base = ch
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))
