"""Parts given as a mapping (schema.org PostalAddress, roster columns) -> Address."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from auditor.normalise.address_china import split_district
from auditor.normalise.address_japan import split_ward
from auditor.normalise.address_line import SEGMENTS, build_address, parse_line
from auditor.normalise.address_model import MAX_LENGTH, Address
from auditor.normalise.address_postcodes import postcode_form, region_code, trailing_region
from auditor.normalise.address_tables import country_code, fold
from auditor.normalise.address_units import take_units, unit_text
from auditor.normalise.address_words import lexicon_for, split_hyphens, tokenise
from auditor.normalise.errors import NormaliseError

_KEYS = {
    "street": ("streetaddress", "street", "street_address", "address1", "address_line1", "line1", "address"),
    "street2": ("address2", "address_line2", "line2", "extended_address"),
    "number": ("housenumber", "house_number", "number", "street_number", "housenr"),
    "unit": ("unit", "suite", "apartment", "subpremise", "flat"),
    "locality": ("addresslocality", "locality", "city", "town", "suburb", "place"),
    "region": ("addressregion", "region", "state", "province", "county", "state_code"),
    "postcode": ("postalcode", "postcode", "postal_code", "zip", "zipcode", "zip_code", "plz"),
    "country": ("addresscountry", "country", "country_code", "countrycode"),
}


def _text(value: Any) -> str:
    if isinstance(value, Mapping):
        return _text(value.get("name") or value.get("@id") or value.get("@value") or "")
    if isinstance(value, list | tuple):
        return ", ".join(t for t in map(_text, value) if t)
    return "" if value is None else str(value).strip()


def _pick(raw: Mapping[str, Any], part: str) -> str:
    lowered = {str(k).lower(): v for k, v in raw.items()}
    for key in _KEYS[part]:
        if (value := _text(lowered.get(key))) and value:
            return value
    return ""


def from_parts(raw: Mapping[str, Any], default_country: str) -> Address:
    given_country = _pick(raw, "country")
    country = (country_code(given_country.rsplit("/", 1)[-1]) if given_country else "") or default_country
    street = ", ".join(t for t in (_pick(raw, "street"), _pick(raw, "street2")) if t)
    if len(street) > MAX_LENGTH:
        raise NormaliseError(f"address longer than {MAX_LENGTH} characters")
    locality, region, postcode = _pick(raw, "locality"), _pick(raw, "region"), _pick(raw, "postcode")
    if not street:
        if not (locality or postcode):
            raise NormaliseError("no street, locality or postcode in address")
        return _without_street(locality, region, postcode, country)
    if not (locality or postcode):
        parts, country = parse_line(street, country)
    else:
        street = _without_prefixes(_without_repeats(street, locality, postcode, country), (region, locality))
        if country in ("JP", "CN"):  # 札幌市中央区 + 北1条西2丁目 reads as 札幌市 + 中央区北1条西2丁目
            locality, ward = split_ward(locality) if country == "JP" else split_district(locality)
            street = _without_prefixes(street, (ward,))
            street = ward + street if ward else street
        parts, country = parse_line(street, country, street_only=True)
        parts.locality = tokenise(locality, country)
        code = postcode_form(postcode, country) if postcode else ""
        parts.postcode = code or fold(postcode).upper()
        # a locality written with its region after it (胎内市 新潟県, Springfield IL)
        found, taken = trailing_region(parts.locality, country)
        if taken and taken < len(parts.locality) and (not region or found == region_code(region, country)):
            parts.locality, region = parts.locality[:-taken], region or found
    if region:
        parts.region = region_code(region, country)
    if number := _pick(raw, "number"):
        parts.number = "".join(tokenise(number))
    if unit := _pick(raw, "unit"):
        remaining, found = take_units(tokenise(unit), lexicon_for(country))
        parts.unit = unit_text([*found, *remaining])
    return build_address(parts, country)


def _without_street(locality: str, region: str, postcode: str, country: str) -> Address:
    """Parts that give a place but no street (a page that shows only its town and postcode):
    what is shown is kept; the street is a missing part, never a difference."""
    code = postcode_form(postcode, country) if postcode else ""
    place = " ".join(split_hyphens(tokenise(locality, country)))
    code = code or fold(postcode).upper()
    if not (place or code):
        raise NormaliseError("no street, locality or postcode in address")
    return Address(
        locality=place, region=region_code(region, country) if region else "", postcode=code, country=country
    )


def _without_prefixes(street: str, given: tuple[str, ...]) -> str:
    """The street without a leading region or locality the parts also give, as Japanese and Chinese
    addresses write them (東京都立川市曙町2-39-3 with 東京都 and 立川市 given apart)."""
    for prefix in given:
        prefix = prefix.strip()
        rest = street[len(prefix) :] if prefix and street.startswith(prefix) else ""
        if rest and (not rest[0].isascii() or rest[0] in " ,") and rest.strip(" ,"):
            street = rest.strip(" ,")
    return street


def _without_repeats(street: str, locality: str, postcode: str, country: str) -> str:
    """The street line without a trailing locality or postcode that the parts also give."""
    repeated = set(tokenise(locality, country)) | set(tokenise(postcode))
    code = postcode_form(postcode, country) if postcode else ""
    segments = [s for s in SEGMENTS.split(street) if s.strip()]
    while len(segments) > 1:
        tokens = tokenise(segments[-1], country)
        if all(t in repeated or (code and postcode_form(t, country) == code) for t in tokens):
            segments.pop()
        else:
            break
    if segments:
        tokens = tokenise(segments[-1], country)
        cut = len(tokens)
        while cut > 2 and (tokens[cut - 1] in repeated):
            cut -= 1
        if cut < len(tokens) and set(tokens[cut:]) >= set(tokenise(locality, country)):
            segments[-1] = " ".join(tokens[:cut])
    return ", ".join(segments)
