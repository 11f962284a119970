"""Names as brands write them: the brand's declared variants and legal names, joining words
(&/and/und/et) and legal suffixes (GmbH, Ltd, Inc.) folded before two names are compared."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from auditor.normalise import names as _names
from auditor.normalise import normalise_name
from auditor.normalise.scripts import family, scripts, unspaced


def _brand_names(spec: Any) -> tuple[str, tuple[str, ...]]:
    brand = spec.brand
    legal = list(getattr(brand, "legal_names", None) or [])
    if getattr(brand, "legal_name", ""):
        legal.append(brand.legal_name)
    return brand.name, tuple([*brand.variants, *legal])


@lru_cache(maxsize=65536)
def _words(name: str) -> str:
    """Casefolded words, joining words as ``and``; nothing dropped yet."""
    joins = _names.connectors()
    return " ".join("and" if w in joins else w for w in normalise_name(name).split())


@lru_cache(maxsize=65536)
def _fold(name: str, canonical: str, variants: tuple[str, ...]) -> str:
    padded = f" {_words(name)} "
    target = _words(canonical)
    keys = sorted({_words(v) for v in variants} - {"", target}, key=len, reverse=True)
    for _round in range(2):  # a variant may complete a longer one ("Furn Co" inside "Furn.Co Pty Ltd")
        for key in keys:
            padded = _replace_word(padded, key, f" {target} ")
    padded = _BRANCH_WORD.sub("", padded)
    return _names.fold_name(" ".join(padded.split()))  # initials, joining words, legal forms (shipped tables)


# the word for "branch" that Chinese, Japanese and Korean store names end with (渋谷店, 信義店, 강남점,
# 分店, 支店, 지점): "Kumo Coffee (中環)" and "Kumo Coffee 中環店" are the same store's name
_BRANCH_WORD = re.compile(r"(?<=[^\W\d_])(?:分店|支店|店|지점|점)(?=\s|$)")


def _replace_word(text: str, key: str, new: str) -> str:
    """``text`` with each whole-word ``key`` replaced. Words end at spaces, and also where a script
    written without spaces (Han, Kana, Thai) meets the key: ``kumo coffeeクモコーヒー渋谷店``
    holds the brand ``kumo coffeeクモコーヒー`` followed by the branch ``渋谷店``."""
    out, start = [], 0
    while (at := text.find(key, start)) >= 0:
        end = at + len(key)
        before, after = text[at - 1] if at else " ", text[end] if end < len(text) else " "
        left = before == " " or unspaced(before) or unspaced(key[0])
        right = after == " " or unspaced(after) or unspaced(key[-1])
        if left and right:
            out.append(text[start:at] + new)
        else:
            out.append(text[start:end])
        start = end
    return "".join(out) + text[start:]


def fold_name(name: str, spec: Any) -> str:
    """The name with the brand's variants written canonically and conventions folded."""
    canonical, variants = _brand_names(spec)
    return _fold(str(name), canonical, variants)


def branch_scripts(name: str, spec: Any) -> frozenset[str]:
    """The scripts of what a name says beyond the brand (``渋谷店`` of ``クモコーヒー 渋谷店``,
    whose brand is a declared variant); the whole folded name's scripts when it is only the brand.
    Kana counts as Han (auditor.normalise.scripts.family)."""
    canonical, _variants = _brand_names(spec)
    folded = fold_name(name, spec)
    brand = _names.fold_name(_words(canonical))
    rest = _replace_word(f" {folded} ", brand, " ") if brand else folded
    return frozenset(family(s) for s in scripts(rest) or scripts(folded))
