"""The country a listing is read with when its page says nothing of the store it belongs to.

In order: the country its address states (``addressCountry``, or a country named or coded at the
end of its address line: ``…, Helsinki, Finland``, ``…, Oslo, Norge``, ``…, Wien, AT``), else
its roster store's (a page fetched for a known store), else the one of the source's countries
(or, without ``countries:``, of the roster's countries) whose postcode form its address fits
alone, else the source's first country, else the spec's default. A listing read so that matches
no store is read again with each other country it may be in (``other_countries``: its source's,
or the roster's its postcode form fits) until one reading matches a store.
"""

from __future__ import annotations

import re
from typing import Any

from auditor.crawl.reading import record_country
from auditor.normalise.address_postcodes import country_of_postcode, postcode_form


def _address_text(raw: Any) -> str:
    address = raw.get("address") if isinstance(raw, dict) else None
    if isinstance(address, dict):
        return " ".join(str(v) for v in address.values() if isinstance(v, str | int))
    return str(address or "")


def stated_country(raw: Any, default: str) -> str | None:
    """The country the listing's own address names, if any (read with ``default`` so that a
    region code of the default country, like ``CA`` or ``DE`` in a US address, stays a region)."""
    if not isinstance(raw, dict):
        return None
    if found := record_country(raw):
        return found
    address = raw.get("address")
    if not isinstance(address, str) or not address.strip():
        return None
    from auditor.crawl.fields import normalise_field

    read_with = default or "US"  # the address normaliser's own default
    value, _problem = normalise_field("address", address, read_with)
    named = str(value.get("country") or "") if isinstance(value, dict) else ""
    if named and named != read_with:
        return named
    from auditor.normalise.address_tables import country_code

    last = address.replace("\n", ",").rsplit(",", 1)[-1].strip() if "," in address or "\n" in address else ""
    code = country_code(last) if last else None
    if code and code == default:
        return default
    # with no default, a country written out (not a two-letter code, which may be a region: CA)
    return code if code and not default and len(last) > 2 else None


def unstated_country(raw: Any, covered: tuple[str, ...], roster: tuple[str, ...]) -> str | None:
    """For a listing that names no country: the one of ``covered`` (the source's countries, else
    the roster's) whose postcode form its address fits alone, else the source's first country."""
    text = _address_text(raw)
    candidates = covered or roster
    if text and len(candidates) > 1 and (found := country_of_postcode(text, candidates)):
        return found
    return covered[0] if covered else None


_POSTCODE_LIKE = re.compile(r"\b[A-Z]{0,2}\d[\dA-Z]{1,6}(?:[ -][\dA-Z]{2,4})?\b")


def other_countries(raw: Any, tried: str, covered: tuple[str, ...], roster: tuple[str, ...]) -> list[str]:
    """Countries to read an unmatched listing that names none with, besides ``tried``: its source's
    (``countries:``), those whose postcode form its address has first; without ``countries:``, only
    the roster's countries its postcode form fits (``0159``: NO or DK, when both are in the roster)."""
    text = _address_text(raw).upper()[:400]
    fitting = [
        c for c in (covered or roster)
        if any(postcode_form(m.group(), c) for m in _POSTCODE_LIKE.finditer(text))
    ]  # fmt: skip
    ordered = fitting + [c for c in covered if c not in fitting]
    return [c for c in ordered if c != tried]


def roster_countries(spec: Any) -> tuple[str, ...]:
    """The countries of the roster's stores (the spec's default for a store that names none)."""
    default = str(getattr(spec, "country", "") or "")
    return tuple(sorted({str(e.country or default).upper() for e in getattr(spec, "roster", [])} - {""}))


def country_for(
    raw: Any, covered: tuple[str, ...], roster: tuple[str, ...], default: str, store: str | None = None
) -> tuple[str, bool]:
    """(the country to read a listing with, whether its address stated it): see the module doc."""
    stated = stated_country(raw, covered[0] if covered else default)
    if stated:
        return stated, True
    return store or unstated_country(raw, covered, roster) or default, False
