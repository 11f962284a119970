"""Names as brands write them: the brand's declared variants and legal names, joining words
(&/and/und/et) and legal suffixes (GmbH, Ltd, Inc.) folded before two names are compared."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from auditor.normalise import names as _names
from auditor.normalise import normalise_name


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
            if f" {key} " in padded:
                padded = padded.replace(f" {key} ", f" {target} ")
    return _names.fold_name(padded.strip())  # initials, joining words, legal forms (shipped tables)


def fold_name(name: str, spec: Any) -> str:
    """The name with the brand's variants written canonically and conventions folded."""
    canonical, variants = _brand_names(spec)
    return _fold(str(name), canonical, variants)
