"""The writing systems (scripts) a text's letters belong to: Latin, Han, Kana, Hangul, Cyrillic ...

Two texts in different scripts (a store name in katakana and one in Latin letters, an address
romanised and one in Han characters) cannot be compared letter by letter: they say the same thing
in two ways. The Unicode character names tell the script; Hiragana and Katakana are one script
(Kana) here, as Japanese writes them side by side.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

# the first word of a letter's Unicode name -> the script named here (others keep that word)
_ALIASES = {
    "CJK": "Han",
    "IDEOGRAPHIC": "Han",
    "KANGXI": "Han",
    "HIRAGANA": "Kana",
    "KATAKANA": "Kana",
    "KATAKANA-HIRAGANA": "Kana",
    "HALFWIDTH": "",  # HALFWIDTH KATAKANA / HANGUL: decided by the second word
    "FULLWIDTH": "",
}
# scripts written without spaces between words: a name may run on into the next word
UNSPACED = frozenset({"Han", "Kana", "Thai", "Lao", "Khmer", "Myanmar"})


@lru_cache(maxsize=4096)
def _script(char: str) -> str:
    """The script of one letter ("" for anything else)."""
    if not unicodedata.category(char).startswith("L") and char not in "々〆ー":
        return ""
    words = unicodedata.name(char, "").split()
    for word in words[:2]:
        alias = _ALIASES.get(word)
        if alias is None:
            return word.capitalize()
        if alias:
            return alias
    return ""


def letter_scripts(text: str) -> Counter[str]:
    """How many letters of ``text`` each script has."""
    return Counter(s for ch in unicodedata.normalize("NFKC", str(text or "")) if (s := _script(ch)))


def scripts(text: str) -> frozenset[str]:
    """Every script the letters of ``text`` are written in."""
    return frozenset(letter_scripts(text))


def main_script(text: str) -> str:
    """The script most letters of ``text`` are written in ("" when it has none); a few Latin
    letters in a Han address (``1F``, ``G12``) do not make it Latin."""
    counts = letter_scripts(text)
    return counts.most_common(1)[0][0] if counts else ""


def family(script: str) -> str:
    """Han and Kana are one family: Japanese writes them side by side (``渋谷店``, ``クモコーヒー``)."""
    return "Han" if script == "Kana" else script


def unspaced(char: str) -> bool:
    """Whether ``char`` is a letter of a script that writes words without spaces between them."""
    return _script(char) in UNSPACED


_DIGITS = re.compile(r"\d+")


def numbers(text: str) -> frozenset[str]:
    """The runs of digits in ``text`` (house numbers, floors, units, postcodes), leading zeros
    kept: what two addresses in different scripts can both show."""
    return frozenset(_DIGITS.findall(unicodedata.normalize("NFKC", str(text or ""))))
