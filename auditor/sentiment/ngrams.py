"""Hashed word n-grams of a review: lowercase words, negation scope marked, unigrams and bigrams.

Each n-gram is hashed (CRC-32, stable across processes and platforms) into ``HASH_BITS`` buckets,
so the model ships as a fixed-size weight table and needs no vocabulary at run time.
"""

from __future__ import annotations

import math
import re
from itertools import pairwise
from zlib import crc32

HASH_BITS = 18
HASH_SIZE = 1 << HASH_BITS
_MASK = HASH_SIZE - 1

_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+|[!?]|[.,;:]")
_NEGATORS = frozenset(
    {"not", "no", "never", "nothing", "none", "nobody", "neither", "nor", "without", "hardly",
     "barely", "cannot"}
)  # fmt: skip
_SCOPE_END = frozenset({".", ",", ";", ":", "!", "?", "but", "however", "although", "though"})
_APOSTROPHE = str.maketrans({"’": "'"})


def tokens(text: str) -> list[str]:
    """Lowercase word tokens; words after a negator (up to punctuation or 'but') get a ``~``."""
    out: list[str] = []
    negated = False
    for token in _TOKEN.findall(text.lower().translate(_APOSTROPHE)):
        if token in _SCOPE_END:
            negated = False
            if token in "!?":
                out.append(token)
            continue
        if token.isdigit():
            token = "0"
        out.append("~" + token if negated else token)
        if token in _NEGATORS or token.endswith("n't"):
            negated = True
    return out


def hashed_ngrams(text: str) -> dict[int, float]:
    """Bucket -> value for the text's unigrams and bigrams, scaled to unit length."""
    words = tokens(text)
    counts: dict[int, int] = {}
    for gram in words:
        key = crc32(gram.encode("utf-8")) & _MASK
        counts[key] = counts.get(key, 0) + 1
    for first, second in pairwise(words):
        key = crc32(f"{first} {second}".encode()) & _MASK
        counts[key] = counts.get(key, 0) + 1
    if not counts:
        return {}
    norm = 1.0 / math.sqrt(sum(c * c for c in counts.values()))
    return {k: c * norm for k, c in counts.items()}
