"""Hashed n-grams of a review: lowercase words with negation scope marked, unigrams and bigrams;
for Chinese and Japanese, which write no spaces, characters and character pairs.

Each n-gram is hashed (CRC-32, stable across processes and platforms) into ``HASH_BITS`` buckets,
so a model ships as a fixed-size weight table and needs no vocabulary at run time.
"""

from __future__ import annotations

import math
import re
from itertools import pairwise
from zlib import crc32

HASH_BITS = 18
HASH_SIZE = 1 << HASH_BITS
_MASK = HASH_SIZE - 1

_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+|[!?！？]|[.,;:。，、；：]")
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_PIECES = re.compile(f"[{_CJK}]|[^{_CJK}]+")
NEGATORS: dict[str, frozenset[str]] = {
    "en": frozenset({"not", "no", "never", "nothing", "none", "nobody", "neither", "nor",
                     "without", "hardly", "barely", "cannot"}),
    "de": frozenset({"nicht", "kein", "keine", "keinen", "keinem", "keiner", "keines", "nie",
                     "niemals", "nichts", "ohne", "kaum", "weder"}),
    "fr": frozenset({"ne", "n", "pas", "jamais", "aucun", "aucune", "rien", "personne", "sans",
                     "ni", "guère"}),
    "nl": frozenset({"niet", "geen", "nooit", "niets", "niemand", "zonder", "nauwelijks",
                     "noch"}),
}  # fmt: skip
"""Words after which, up to the next punctuation or contrast word, words are marked negated."""
CONTRAST_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset({"but", "however", "although", "though"}),
    "de": frozenset({"aber", "jedoch", "allerdings", "obwohl", "sondern"}),
    "fr": frozenset({"mais", "cependant", "pourtant", "toutefois", "quoique", "bien"}),
    "nl": frozenset({"maar", "echter", "hoewel", "toch"}),
}
_STOPS = frozenset(".,;:。，、；：")
_LOUD = frozenset("!?！？")
_APOSTROPHE = str.maketrans({"’": "'"})


def tokens(text: str, language: str = "en") -> list[str]:
    """Lowercase word tokens; words after a negator (up to punctuation or a contrast word) get a
    ``~``. A run of Chinese or Japanese characters gives one token a character."""
    negators = NEGATORS.get(language, NEGATORS["en"])
    scope_end = CONTRAST_WORDS.get(language, CONTRAST_WORDS["en"])
    out: list[str] = []
    negated = False
    for token in _TOKEN.findall(text.lower().translate(_APOSTROPHE)):
        if token in _STOPS or token in _LOUD or token in scope_end:
            negated = False
            if token in _LOUD:
                out.append("!" if token in "!！" else "?")
            continue
        if token.isdigit():
            token = "0"
        if not token.isascii() and len(pieces := _CJK_PIECES.findall(token)) > 1:
            out.extend(pieces)
            continue
        out.append("~" + token if negated else token)
        if token in negators or (language == "en" and token.endswith("n't")):
            negated = True
    return out


def hashed_ngrams(text: str, language: str = "en") -> dict[int, float]:
    """Bucket -> value for the text's unigrams and bigrams, scaled to unit length."""
    words = tokens(text, language)
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
