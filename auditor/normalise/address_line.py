"""One line of address text -> its parts (unit, number, street words, locality, region, postcode)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from auditor.normalise.address_bilingual import SPACED_DASH
from auditor.normalise.address_china import split_chinese
from auditor.normalise.address_floors import EAST_ASIA, take_floors
from auditor.normalise.address_hongkong import split_hongkong
from auditor.normalise.address_japan import japanese_blocks, split_japanese
from auditor.normalise.address_korea import split_korean
from auditor.normalise.address_model import Address, AreaLine
from auditor.normalise.address_postcodes import postcode_form, region_code, trailing_region
from auditor.normalise.address_singapore import singapore_line, singapore_locality
from auditor.normalise.address_tables import country_code, country_format, street_types
from auditor.normalise.address_taiwan import split_taiwanese
from auditor.normalise.address_units import SLASH, UNIT_NUMBER, take_units, unit_text
from auditor.normalise.address_words import (
    Lexicon,
    canonical_words,
    lexicon_for,
    split_hyphens,
    tokenise,
)
from auditor.normalise.errors import NormaliseError

# countries whose one-line addresses open with the largest area: how each is split
_AREA_FIRST: dict[str, Callable[[str], AreaLine | None]] = {
    "JP": split_japanese, "CN": split_chinese, "KR": split_korean, "TW": split_taiwanese,
    "HK": split_hongkong,
}
_NUMBER_WORDS = frozenset({"no", "nr", "number", "д", "дом", "буд"})  # No. 68, д. 7: the number
_TOWN_WORDS = frozenset({"г", "город", "м", "місто"})  # г. Москва: "city", not part of its name
_UNSPACED = frozenset({"JP", "CN", "TW", "HK", "MO"})
_HAN_GAP = re.compile(r"(?<=[\u3040-\u30ff\u3400-\u9fff])\s+(?=\d)")
_EAST_ASIAN_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3\uf900-\ufaff]")
SEGMENTS = re.compile(r"[,;|\n\r\t]+")
_HOUSE = re.compile(r"\d{1,6}[a-z]?(?:-\d{1,6}[a-z]?|-[a-z])?|\d{1,4}-\d{1,4}-\d{1,4}")  # 2-14-5: Japan


@dataclass
class Parts:
    """Parts read so far; street and locality are still tokens."""

    unit: str = ""
    number: str = ""
    street: list[str] = field(default_factory=list)
    locality: list[str] = field(default_factory=list)
    region: str = ""
    postcode: str = ""


def _is_house(token: str) -> bool:
    return bool(_HOUSE.fullmatch(token))


def _street_and_number(tokens: list[str], number_first: bool, lexicon: Lexicon) -> Parts:
    parts = Parts()
    tokens, units = take_units(tokens, lexicon)
    if tokens and (slash := SLASH.fullmatch(tokens[0])):
        units.append(slash.group(1))
        tokens = [slash.group(2), *tokens[1:]]
    if len(tokens) >= 2 and _is_house(tokens[0]):
        parts.number, tokens = tokens[0], tokens[1:]
        if len(tokens) >= 2 and len(tokens[0]) == 1 and tokens[0].isalpha() and not number_first:
            parts.number, tokens = parts.number + tokens[0], tokens[1:]
    elif len(tokens) >= 2:
        end = len(tokens) - 1
        letter = len(tokens[end]) == 1 and tokens[end].isalpha()
        if len(tokens) >= 3 and letter and _is_house(tokens[end - 1]):
            end -= 1  # "Hauptstraße 5 a"
        route = number_first and tuple(tokens[end - 1 : end]) in lexicon.words
        if _is_house(tokens[end]) and not route:
            parts.number = "".join(tokens[end:])
            tokens = tokens[:end]
    parts.unit = unit_text(units)
    parts.street = tokens
    return parts


def _street_end(tokens: list[str], lexicon: Lexicon) -> int:
    """Index after the street's last street-type word (the rest of the segment is the locality)."""
    types = street_types(lexicon.languages)
    last = -1
    for index, token in enumerate(tokens):
        if index > 0 and (token,) in types:
            last = index
    if last < 0 and tokens and (tokens[0],) in types:
        last = 0  # a leading type: Highway 410
    if last < 0:
        return len(tokens)
    end = last + 1
    if end < len(tokens) and _is_house(tokens[end]):
        end += 1  # a route number: Highway 410
    while end < len(tokens) and (tokens[end],) in lexicon.types and (tokens[end],) not in types:
        end += 1  # directionals after the type: Queen St W
    return end


def _find_postcode(segments: list[list[str]], country: str, lexicon: Lexicon) -> tuple[str, int, int, int]:
    """(postcode, segment, first token, token count) of the last postcode in the text."""
    for s in range(len(segments) - 1, -1, -1):
        tokens = segments[s]
        for end in range(len(tokens), 0, -1):
            for size in (1, 2, 3):
                start = end - size
                if start < 0 or (s == 0 and start == 0 and len(segments[0]) > size):
                    continue
                if start > 0 and (tokens[start - 1] == "#" or (tokens[start - 1],) in lexicon.units):
                    continue
                window = tokens[start:end]
                code = postcode_form(" ".join(window), country) or (
                    postcode_form("".join(window), country) if size > 1 else ""
                )
                if code:
                    return code, s, start, size
    return "", -1, 0, 0


def _trailing_country(segments: list[list[str]], country: str) -> str:
    """A country named in the last segment (``…, Deutschland``, ``…, Suomi``, ``…, NO``): its code,
    and the segment dropped; a two-letter code that is a region of ``country`` stays a region."""
    if len(segments) < 2:
        return ""
    name = " ".join(segments[-1])
    if len(name) == 3 and name not in ("usa", "uk"):
        return ""
    code = country_code(name)
    if code and name not in country_format(country).regions:
        segments.pop()
        return code
    return ""


def _prepared(raw: str, country: str, street_only: bool) -> tuple[str, list[str]]:
    """The line in the forms the parser reads (Japanese blocks as ``1-3-1``, Singapore's ``S(…)``
    postcode plain), and the floors taken out of it as levels."""
    if country == "SG":
        raw = singapore_line(raw)
    elif country == "JP":
        raw = japanese_blocks(raw)
    elif country == "BR":  # Rua X, 500 - Bairro, Cidade - UF, CEP: a spaced dash parts as a comma
        raw = SPACED_DASH.sub(", ", raw)
    if street_only and country in _UNSPACED:  # 曙町 2-39-3 = 曙町2-39-3: words are not spaced apart there
        raw = _HAN_GAP.sub("", raw)
    return take_floors(raw, country)


def parse_line(raw: str, country: str, street_only: bool = False) -> tuple[Parts, str]:
    """Parts of one line of text, and the country it names (or the one given)."""
    raw, floors = _prepared(raw, country, street_only)
    if not street_only and country in _AREA_FIRST and (areas := _AREA_FIRST[country](raw)):
        parts, _ = parse_line(areas.street, country, street_only=True)
        parts.locality = tokenise(areas.locality, country)
        parts.region = region_code(areas.region, country) if areas.region else ""
        parts.postcode = postcode_form(areas.postcode, country) if areas.postcode else ""
        parts.unit = unit_text([*floors, parts.unit])
        return parts, country
    segments = [_without_number_word(t) for t in (tokenise(s, country) for s in SEGMENTS.split(raw)) if t]
    if not segments:
        raise NormaliseError("empty address")
    country = _trailing_country(segments, country) or country
    segments = _sections_joined(segments)
    if country == "SG":
        segments = [t for t in segments if singapore_locality(t)] or segments
    lexicon = lexicon_for(country, latin=not _EAST_ASIAN_SCRIPT.search(raw))
    fmt = country_format(country)
    # an East Asian address in Latin letters is written as English writes it: number first
    latin_english = country in EAST_ASIA and "pt" not in fmt.languages  # Macau writes Portuguese
    number_first = fmt.number_first or (latin_english and not _EAST_ASIAN_SCRIPT.search(raw))
    locality: list[str] = []
    region = postcode = ""
    if not street_only:
        postcode, s, start, size = _find_postcode(segments, country, lexicon)
        if postcode:
            before, after = segments[s][:start], segments[s][start + size :]
            if fmt.postcode_first and after:
                region, taken = trailing_region(after, country) if len(after) > 1 else ("", 0)
                locality, segments[s] = after[: len(after) - taken], before
            elif after:
                region, taken = trailing_region(after, country)
                segments[s] = before + after[: len(after) - taken] if taken else before
                if not taken:
                    locality = after
            else:
                segments[s] = before
            segments = [t for t in segments if t]
            country = _trailing_country(segments, country) or country  # ``…, Taiwan 110``
        if segments and not region:
            region, taken = trailing_region(segments[-1], country)
            whole = taken == len(segments[-1])
            # a segment that is only a region name is the region when a locality remains besides
            # the street (``New York, NY``); else it is the locality (``…, Quebec G1C 5W2``, a city
            # that is a region of its own: ``ул. Тверская, 7, Москва``)
            named = sum(1 for t in segments if not (len(t) == 1 and _is_house(t[0])))
            if taken and (named > 2 if whole else named > 1 or taken < len(segments[-1]) - 1):
                segments[-1] = segments[-1][: len(segments[-1]) - taken]
                segments = [t for t in segments if t]
            else:
                region = ""
    if not segments:
        raise NormaliseError("no street in address")
    # unit-only segments ("Unit 3", "#100") join the street that follows
    units: list[str] = list(floors)
    rest: list[list[str]] = []
    for tokens in segments:
        remaining, found = take_units(tokens, lexicon)
        if found and not remaining:
            units.extend(found)
        else:
            rest.append(tokens)
    if not rest:
        raise NormaliseError("no street in address")
    rest = _join_numbers(rest, number_first)
    if not locality and len(rest) >= 2 and not street_only and country != "SG":
        # the last segment, unless it is the numbered street after a plain name: written from
        # the largest area down (``Москва, ул. Тверская, 7``), the town comes first
        first = _has_number(rest[-1]) and not any(_has_number(t) for t in rest[:-1])
        locality = rest.pop(0) if first else rest.pop()
    street_index = _street_segment(rest, lexicon)
    tokens = rest[street_index]
    for other in rest[:street_index] + rest[street_index + 1 :]:  # a building's unit: #01-32 Guoco Tower
        if "#" in other:
            units.extend(take_units(other, lexicon)[1])
    number_last = not number_first and len(tokens) >= 2 and _is_house(tokens[-1])
    parts = _street_and_number(tokens, number_first, lexicon)
    if not locality and not street_only and len(rest) == 1 and country != "SG" and not number_last:
        # one segment: the words after the street are the town (``123 Main St Springfield``),
        # unless its number ends it (``Avenida da Praia Grande 429``)
        end = _street_end(parts.street, lexicon)
        parts.street, locality = parts.street[:end], parts.street[end:]
    parts.unit = unit_text([*units, parts.unit])
    if len(locality) > 1 and locality[0] in _TOWN_WORDS:
        locality = locality[1:]
    parts.locality, parts.region, parts.postcode = locality, region, postcode
    return parts, country


def _without_number_word(tokens: list[str]) -> list[str]:
    """``No. 68`` -> ``68``: a word for 'number' before a house number is not part of the street."""
    return tokens[1:] if len(tokens) >= 2 and tokens[0] in _NUMBER_WORDS and _is_house(tokens[1]) else tokens


def _sections_joined(segments: list[list[str]]) -> list[list[str]]:
    """``Sec. 5, Zhongxiao E. Rd.`` -> ``Zhongxiao E. Rd. Section 5``: a road's numbered section,
    written as a segment of its own before the road (Taiwan's addresses in Latin letters)."""
    out: list[list[str]] = []
    for tokens in segments:
        if out and len(out[-1]) == 2 and out[-1][0] in ("sec", "section") and _is_house(out[-1][1]):
            out[-1] = [*tokens, "section", out[-1][1]]
        else:
            out.append(tokens)
    return out


def _has_number(tokens: list[str]) -> bool:
    return _is_house(tokens[0]) or _is_house(tokens[-1]) or bool(SLASH.fullmatch(tokens[0]))


def _join_numbers(segments: list[list[str]], number_first: bool) -> list[list[str]]:
    """A house number written apart joins its street: ``Viale Piave, 10``, ``10, Downing St``,
    ``ул. Ольшевского, 16Б`` (where the number follows the street, a segment opening with a number
    joins the street before it); a number after a numbered street is its unit (``1 Main St, 101``)."""
    out: list[list[str]] = []
    pending: list[str] = []
    for tokens in segments:
        alone = len(tokens) == 1 and (_is_house(tokens[0]) or bool(UNIT_NUMBER.fullmatch(tokens[0])))
        if alone and out and _has_number(out[-1]) and any(ch.isdigit() for ch in tokens[0]):
            out[-1] = [*out[-1], "#", tokens[0]]  # a number after a numbered street: the unit (suite 101)
            continue
        if number_first and alone and _is_house(tokens[0]):
            pending = tokens
            continue
        if not number_first and out and _is_house(tokens[0]) and not _has_number(out[-1]):
            out[-1] = [*out[-1], *tokens]
            continue
        out.append([*pending, *tokens])
        pending = []
    if pending:
        out.append(pending)
    return out


def _street_segment(segments: list[list[str]], lexicon: Lexicon) -> int:
    """Which segment of a street line is the street: the one with a house number, else the last
    one with a street type, else the first (the others name a building, a centre or a station)."""
    numbered = next((i for i, tokens in enumerate(segments) if _has_number(tokens)), None)
    if numbered is not None:
        return numbered
    typed = [i for i, tokens in enumerate(segments) if any((t,) in lexicon.types for t in tokens)]
    return typed[-1] if typed else 0


def build_address(parts: Parts, country: str) -> Address:
    """The Address of parts read, its street words in canonical form."""
    lexicon = lexicon_for(country, latin=not _EAST_ASIAN_SCRIPT.search(" ".join(parts.street)))
    street = canonical_words(parts.street, lexicon)
    locality = singapore_locality(parts.locality) if country == "SG" else parts.locality
    if country in EAST_ASIA:  # Xinyi Dist. = Xinyi District
        locality = ["district" if word == "dist" else word for word in locality]
    if not street:
        raise NormaliseError("no street in address")
    return Address(
        unit=parts.unit,
        number=parts.number,
        street=street,
        locality=" ".join(split_hyphens(locality)),
        region=parts.region,
        postcode=parts.postcode,
        country=country,
    )
