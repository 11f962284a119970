"""Postcodes and regions in their country's written form."""

from __future__ import annotations

import re
from functools import lru_cache

from auditor.normalise.address_tables import country_format, fold, subdivision_names

_PREFIXED = re.compile(r"([a-z]{1,3})-(\d.*)")


def postcode_form(raw: str, country: str) -> str:
    """A postcode candidate in its country's written form, or "" when it is not one."""
    fmt = country_format(country)
    text = raw.upper().strip()
    if fmt.prefix and text.startswith(fmt.prefix.upper()):
        text = text[len(fmt.prefix) :]
    prefixed = _PREFIXED.fullmatch(text.lower())
    if prefixed and not (fmt.postcode and fmt.postcode.fullmatch(text)):
        text = prefixed.group(2).upper()
    compact = text.replace(" ", "").replace("-", "")
    if country == "US" and compact.isdigit() and len(compact) == 9:
        return f"{compact[:5]}-{compact[5:]}"
    if fmt.postcode is None or not (fmt.postcode.fullmatch(text) or fmt.postcode.fullmatch(compact)):
        return ""
    if country == "US":
        return f"{compact[:5]}-{compact[5:]}" if len(compact) == 9 else compact
    if country == "IE" and len(compact) == 7:  # an Eircode: routing key, then the unique identifier
        return f"{compact[:3]} {compact[3:]}"
    if country in ("GB", "CA", "IE", "MT"):
        return f"{compact[:-3]} {compact[-3:]}" if len(compact) > 4 else compact
    if country == "NL" and len(compact) == 6:
        return f"{compact[:4]} {compact[4:]}"
    return compact


def same_postcode(a: str, b: str, country: str) -> bool:
    """Equal but for spacing and hyphens; a US ZIP equals its ZIP+4."""
    ka, kb = (re.sub(r"[\s-]", "", x.upper()) for x in (a, b))
    if country == "US" and ka.isdigit() and kb.isdigit():
        return ka[:5] == kb[:5] and (len(ka) < 9 or len(kb) < 9 or ka == kb)
    return ka == kb


def trailing_region(tokens: list[str], country: str) -> tuple[str, int]:
    """(region code, number of trailing tokens it took) for a region name at the end of tokens."""
    regions = country_format(country).regions
    for size in range(min(4, len(tokens)), 0, -1):
        name = " ".join(tokens[-size:])
        if name in regions:
            return regions[name], size
    return "", 0


def region_code(text: str, country: str) -> str:
    """A region name or code as its code (``Bavaria``, ``Bayern`` -> ``BY``), else folded in capitals."""
    folded = fold(text)
    prefix = f"{country.lower()}-"
    if folded.startswith(prefix) and len(folded) > len(prefix):  # ISO 3166-2 written whole: JP-23
        folded = folded[len(prefix) :]
    return subdivision_names(country).get(folded, folded.upper())


_POSTCODE_LIKE = re.compile(r"\b[A-Z]{0,2}\d[\dA-Z]{1,6}(?:[ -][\dA-Z]{2,4})?\b")


def country_of_postcode(text: str, candidates: tuple[str, ...]) -> str | None:
    """The one country among ``candidates`` whose postcode form a postcode in ``text`` has
    (``5611AH`` among DE/AT/NL: NL); None when none or several fit (``10115``: DE or FR)."""
    if len(candidates) < 2:
        return None
    found: set[str] = set()
    for match in _POSTCODE_LIKE.finditer(text.upper()[:400]):
        found.update(c for c in candidates if postcode_form(match.group(), c))
    return found.pop() if len(found) == 1 else None


@lru_cache(maxsize=64)
def region_parents(country: str) -> dict[str, str]:
    """Region code -> the code of the region it lies in, where a country's regions nest (a Spanish
    province in its autonomous community: ``SE`` -> ``AN``; an Italian province in its region)."""
    import pycountry

    prefix = f"{country.upper()}-"
    parents: dict[str, str] = {}
    for sub in pycountry.subdivisions.get(country_code=country.upper()) or []:
        parent = getattr(sub, "parent_code", None)
        if parent and sub.code.startswith(prefix) and parent.startswith(prefix):
            parents[sub.code[len(prefix):]] = parent[len(prefix):]
    return parents


def same_region(a: str, b: str, country: str) -> bool:
    """Two regions are one, or one lies within the other (Sevilla within Andalucía)."""
    x, y = region_code(a, country), region_code(b, country)
    if x == y:
        return True
    parents = region_parents(country)
    return parents.get(x) == y or parents.get(y) == x
