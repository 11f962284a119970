"""Business names: case, punctuation and spacing folded so `Furn.Co` = `FURN.CO` = `Furn. Co`."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz

_PUNCT = re.compile(r"[^\w\s&]+")
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=65536)
def normalise_name(raw: str) -> str:
    """Casefolded, accents and punctuation dropped, whitespace folded; `&` kept as `and`."""
    text = unicodedata.normalize("NFKD", raw or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = text.replace("&", " and ")
    text = _PUNCT.sub("", text)
    return _SPACE.sub(" ", text).strip()


def name_key(raw: str) -> str:
    """The name with all spaces removed as well (`Furn Co` = `FurnCo`)."""
    return normalise_name(raw).replace(" ", "")


def name_similarity(a: str, b: str) -> float:
    """Similarity in [0, 1]; 1.0 when the names are equivalent."""
    ka, kb = name_key(a), name_key(b)
    if ka == kb:
        return 1.0
    return fuzz.token_set_ratio(normalise_name(a), normalise_name(b)) / 100.0


def contains_name(text: str, name: str) -> bool:
    """Whether ``name`` appears in ``text`` as whole words, in any case or punctuation."""
    target = normalise_name(name)
    if not target:
        return False
    haystack = f" {normalise_name(text)} "
    return f" {target} " in haystack
