"""Postal addresses -> comparable parts (unit, number, street, locality, region, postcode, country).

The input is one line of text, or a mapping of parts as schema.org PostalAddress and rosters write
them. Parts given are kept; only a single line is parsed. The country (the page's own, else the
roster's, else the spec's default: the caller decides) picks the postcode format, the region names
and the languages whose street types, directionals and unit words are read (see address_tables).

Folded: case, accents, ``ß``/``ss``, punctuation; street types and directionals to one canonical
word (``St.``/``Street``, ``Mönckebergstr.``/``Mönckeberg Straße``, ``Hwy``/``Highway``), English
ordinals (``Fifth``/``5th``), unit forms (``#100``/``Suite 100``, ``3/12``/``Unit 3, 12``),
postcode prefixes and spacing (``D-10115``, ``1012AB``/``1012 AB``, ``922626970``/``92262-6970``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from functools import lru_cache
from typing import Any

from auditor.normalise.address_bilingual import either, versions
from auditor.normalise.address_compare import addresses_match, compare_addresses
from auditor.normalise.address_line import build_address, parse_line
from auditor.normalise.address_mapping import from_parts
from auditor.normalise.address_model import MAX_LENGTH, PARTS, Address, AddressComparison
from auditor.normalise.errors import NormaliseError

__all__ = [
    "MAX_LENGTH", "PARTS", "Address", "AddressComparison", "addresses_match", "compare_addresses",
    "normalise_address",
]


@lru_cache(maxsize=65536)
def _from_text(raw: str, country: str) -> Address:
    if (both := versions(raw, country)) is not None:
        return _merged(_from_text(both[0], country), _from_text(both[1], country))
    parts, country = parse_line(raw, country)
    return build_address(parts, country)


def _merged(first: Address, second: Address) -> Address:
    """One address read in two languages: the street and town keep both names."""
    return replace(
        first,
        street=either(first.street, second.street),
        locality=either(first.locality, second.locality),
        number=first.number or second.number,
    )


def normalise_address(raw: str | Mapping[str, Any], country: str) -> Address:
    """One line of text, or parts (schema.org PostalAddress, roster columns) -> Address.

    ``country`` is the ISO code to read the address by when the address does not name its own."""
    country = (country or "").upper() or "US"
    if isinstance(raw, str):
        text = raw.strip()
        if len(text) > MAX_LENGTH:
            raise NormaliseError(f"address longer than {MAX_LENGTH} characters")
        return _from_text(text, country)
    if not isinstance(raw, Mapping):
        raise NormaliseError(f"cannot read an address from {type(raw).__name__}")
    if all(isinstance(v, str | int | float) or v is None for v in raw.values()):
        return _from_parts(tuple(sorted((str(k), v) for k, v in raw.items())), country)
    return from_parts(raw, country)


@lru_cache(maxsize=65536)
def _from_parts(parts: tuple[tuple[str, Any], ...], country: str) -> Address:
    """Parts of plain values read once per country (the same store's address on many pages)."""
    split = {k: versions(v, country) if isinstance(v, str) else None for k, v in parts}
    if any(split.values()):
        first = {k: both[0] if (both := split[k]) else v for k, v in parts}
        second = {k: both[1] if (both := split[k]) else v for k, v in parts}
        return _merged(from_parts(first, country), from_parts(second, country))
    return from_parts(dict(parts), country)
