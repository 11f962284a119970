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

import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from functools import cache, lru_cache
from typing import Any

from rapidfuzz import fuzz

from auditor.normalise.address_tables import (
    Phrase,
    Vocabulary,
    compound_suffixes,
    country_code,
    country_format,
    directionals,
    fold,
    name_words,
    ordinals,
    street_types,
    subdivision_names,
    unit_designators,
)
from auditor.normalise.errors import NormaliseError

MAX_LENGTH = 1000  # characters; longer text is not an address
PARTS = ("street", "number", "unit", "locality", "region", "postcode", "country")
_TYPE_FIRST = ("fr", "es", "it", "pt")  # languages that write the street type before the name
_SEGMENTS = re.compile(r"[,;|\n\r\t]+")
_DASHES = re.compile(r"[\u2010-\u2015\u2212\uff0d]")
_LETTER_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")
_HOUSE = re.compile(r"\d{1,6}[a-z]?(?:-\d{1,6}[a-z]?|-[a-z])?")
_SLASH = re.compile(r"([a-z]?\d{1,5}[a-z]?)/(\d{1,6}[a-z]?(?:-\d{1,6}[a-z]?)?)")
_UNIT_NUMBER = re.compile(r"[a-z]?\d{1,6}[a-z]?|[a-z]")
_PREFIXED = re.compile(r"([a-z]{1,3})-(\d.*)")
_INITIALS = re.compile(r"\b(?:[^\W\d_]\.){2,}")  # P.O., N.E.
_DIGIT_RANGE = re.compile(r"(?<=\d) ?- ?(?=\d)")  # 165 - 167
_LONE_SLASH = re.compile(r"(?<!\d)/|/(?!\d)")  # C/ Mayor, but 3/12 stays


@dataclass(frozen=True, init=False)
class Address:
    """An address as comparable parts; ``key`` is the canonical one-line form.

    ``state`` is accepted and read as another name of ``region``."""

    unit: str = ""
    number: str = ""
    street: str = ""
    locality: str = ""
    region: str = ""
    postcode: str = ""
    country: str = ""

    def __init__(
        self,
        unit: str = "",
        number: str = "",
        street: str = "",
        locality: str = "",
        region: str = "",
        postcode: str = "",
        country: str = "",
        *,
        state: str = "",
    ) -> None:
        values = (unit, number, street, locality, region or state, postcode, country)
        for name, value in zip(("unit", "number", "street", "locality", "region", "postcode", "country"),
                               values, strict=True):
            object.__setattr__(self, name, str(value or ""))

    @property
    def state(self) -> str:
        return self.region

    @property
    def key(self) -> str:
        if self.unit:
            number = f"{self.unit}/{self.number}" if self.number else f"unit {self.unit}"
        else:
            number = self.number
        head = " ".join(p for p in (number, self.street) if p)
        tail = " ".join(p for p in (self.region, self.postcode) if p)
        return ", ".join(p for p in (head, self.locality, tail) if p)

    def as_dict(self) -> dict[str, str]:
        return {**asdict(self), "key": self.key}


@dataclass(frozen=True)
class AddressComparison:
    """How two addresses compare: a score in [0, 1] and which parts differed.

    ``differences`` maps each part shown on both sides and not equivalent to its two values;
    ``missing`` names the parts only one side shows (never held against the match)."""

    score: float
    differences: dict[str, tuple[str, str]] = field(default_factory=dict)
    missing: tuple[str, ...] = ()

    @property
    def equal(self) -> bool:
        return not self.differences

    @property
    def differing(self) -> tuple[str, ...]:
        return tuple(self.differences)

    def explain(self) -> str:
        """``street differs: george street / george avenue; postcode differs: 2000 / 2010``."""
        if self.equal:
            return "same address"
        return "; ".join(f"{part} differs: {a} / {b}" for part, (a, b) in self.differences.items())


# --- vocabulary of one country ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Lexicon:
    words: Vocabulary  # street types, directionals, name words: phrase -> classes
    types: Vocabulary  # street types and directionals
    names: Vocabulary  # name words (saint, mount)
    directions: Vocabulary
    streets: Vocabulary  # street types alone
    ordinals: dict[Phrase, str]
    units: Vocabulary
    suffixes: dict[str, str]
    longest: int
    languages: tuple[str, ...]


@cache
def _lexicon(languages: tuple[str, ...]) -> _Lexicon:
    words: dict[Phrase, set[str]] = {}
    types: dict[Phrase, set[str]] = {}
    for table in (street_types(languages), directionals(languages)):
        for phrase, classes in table.items():
            types.setdefault(phrase, set()).update(classes)
    names = name_words(languages)
    for phrase, classes in (*types.items(), *names.items()):
        words.setdefault(phrase, set()).update(classes)
    frozen = {p: frozenset(c) for p, c in words.items()}
    frozen_types = {p: frozenset(c) for p, c in types.items()}
    units = unit_designators(languages)
    longest = max((len(p) for p in (*frozen, *units)), default=1)
    return _Lexicon(
        frozen, frozen_types, names, directionals(languages), street_types(languages), ordinals(languages),
        units, compound_suffixes(languages), longest, languages,
    )


_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def _tokens(text: str, country: str = "") -> list[str]:
    """Folded words; where German is written, ``ö`` is ``oe`` (``Mönckeberg`` = ``Moenckeberg``)."""
    if country and "de" in country_format(country).languages:
        text = text.translate(_UMLAUTS)
    text = _DASHES.sub("-", text)
    text = _INITIALS.sub(lambda m: m.group(0).replace(".", ""), text)
    text = _LONE_SLASH.sub(" / ", _DIGIT_RANGE.sub("-", text))
    text = fold(text.replace("#", " # ").replace(".", " "))
    return text.split()


def _split_compounds(tokens: list[str], lexicon: _Lexicon) -> list[str]:
    """``hauptstrasse`` -> ``haupt strasse``, ``konrad-adenauer-str`` -> ``konrad adenauer strasse``."""
    out: list[str] = []
    for token in tokens:
        parts = _LETTER_HYPHEN.sub(" ", token).split() if "-" in token else [token]
        for part in parts:
            for suffix, canonical in lexicon.suffixes.items():
                if part.endswith(suffix) and len(part) - len(suffix) >= 3 and part.isalpha():
                    out.extend((part[: -len(suffix)], canonical))
                    break
            else:
                out.append(part)
    return out


def _words(tokens: list[str], lexicon: _Lexicon) -> list[tuple[str, frozenset[str]]]:
    """Each word or phrase as written, with the classes it may stand for (none for plain words)."""
    out: list[tuple[str, frozenset[str]]] = []
    i = 0
    while i < len(tokens):
        for size in range(min(lexicon.longest, len(tokens) - i), 0, -1):
            phrase = tuple(tokens[i : i + size])
            if phrase in lexicon.ordinals:
                out.append((lexicon.ordinals[phrase], frozenset()))
                break
            if phrase in lexicon.words:
                out.append((" ".join(phrase), lexicon.words[phrase]))
                break
        else:
            size = 1
            out.append((tokens[i], frozenset()))
        i += size
    return out


def _name_and_type(phrase: Phrase, classes: frozenset[str]) -> bool:
    """Whether a phrase is a written-together type spelled apart (``high road`` for ``highroad``,
    ``board walk``): its canonical form is then written word by word, as ``High Rd`` gives it;
    comparison still reads it as the phrase."""
    return len(phrase) > 1 and len(classes) == 1 and "".join(phrase) in classes


def _classes(tokens: list[str], lexicon: _Lexicon) -> list[frozenset[str]]:
    return [classes | {written} for written, classes in _words(_split_compounds(tokens, lexicon), lexicon)]


def _canonical_words(tokens: list[str], lexicon: _Lexicon) -> str:
    """Words with each street type, directional and ordinal in its canonical form; a form that may
    stand for several (``br``: bridge, branch) is kept as written.

    A word that may be a type or a name word (``St``: street, saint) is read by its place: where
    types follow the name it opens the name (St Kilda Rd) and closes the street as its type
    (George St); where the type comes first (rue, calle, via) the first word is the type. Elsewhere
    it stays as written, and comparison accepts either reading (Av St David)."""
    words = _words(_split_compounds(tokens, lexicon), lexicon)
    type_first = lexicon.languages[0] in _TYPE_FIRST
    out = []
    for index, (written, classes) in enumerate(words):
        phrase = tuple(written.split())
        names, types = lexicon.names.get(phrase), lexicon.types.get(phrase)
        closing = all(tuple(w.split()) in lexicon.directions for w, _ in words[index + 1 :])
        if _name_and_type(phrase, classes):
            apart = " ".join(_canonical_words([w], lexicon) for w in phrase)
            if apart == written:  # each word is already canonical: High Road, as High Rd reads
                out.append(apart)
                continue
        streets = lexicon.streets.get(phrase)
        if names and types:
            if index == 0 and len(words) > 1:
                classes = types if type_first else names
            elif closing and not type_first:
                classes = types
            else:
                classes = frozenset()
        typed_before = any(tuple(w.split()) in lexicon.streets for w, _ in words[:index])
        at_type = (closing and not typed_before) or (index == 0 and type_first)
        if len(classes) > 1 and streets and len(streets) == 1 and at_type:
            classes = streets  # where the type stands, a street type before a directional (Centre)
        out.append(next(iter(classes)) if len(classes) == 1 else written)
    return " ".join(out)


# --- postcodes and regions -----------------------------------------------------------------------


def _postcode_form(raw: str, country: str) -> str:
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
    if country in ("GB", "CA", "IE", "MT"):
        return f"{compact[:-3]} {compact[-3:]}" if len(compact) > 4 else compact
    if country == "NL" and len(compact) == 6:
        return f"{compact[:4]} {compact[4:]}"
    return compact


def _same_postcode(a: str, b: str, country: str) -> bool:
    ka, kb = (re.sub(r"[\s-]", "", x.upper()) for x in (a, b))
    if country == "US" and ka.isdigit() and kb.isdigit():
        return ka[:5] == kb[:5] and (len(ka) < 9 or len(kb) < 9 or ka == kb)
    return ka == kb


def _region(tokens: list[str], country: str) -> tuple[str, int]:
    """(region code, number of trailing tokens it took) for a region name at the end of tokens."""
    regions = country_format(country).regions
    for size in range(min(4, len(tokens)), 0, -1):
        name = " ".join(tokens[-size:])
        if name in regions:
            return regions[name], size
    return "", 0


def _region_code(text: str, country: str) -> str:
    folded = fold(text)
    return subdivision_names(country).get(folded, folded.upper())


# --- one line -> parts --------------------------------------------------------------------------


@dataclass
class _Parts:
    unit: str = ""
    number: str = ""
    street: list[str] = field(default_factory=list)
    locality: list[str] = field(default_factory=list)
    region: str = ""
    postcode: str = ""


def _is_house(token: str) -> bool:
    return bool(_HOUSE.fullmatch(token))


def _take_units(tokens: list[str], lexicon: _Lexicon) -> tuple[list[str], list[str]]:
    """(tokens without unit designators and their numbers, the units found as ``level 2``/``5``)."""
    rest: list[str] = []
    units: list[str] = []
    i = 0
    while i < len(tokens):
        taken = False
        for size in range(min(lexicon.longest, len(tokens) - i - 1), 0, -1):
            phrase = tuple(tokens[i : i + size])
            kinds = {"unit"} if phrase == ("#",) else lexicon.units.get(phrase)
            hash_sign = tokens[i + size] == "#" and i + size + 1 < len(tokens) and phrase != ("#",)
            following = tokens[i + size + hash_sign]  # Suite #200
            # a one-letter designator ("u", "o") needs a number with a digit, not a letter
            numbered = _UNIT_NUMBER.fullmatch(following) and (
                len(phrase) > 1 or len(phrase[0]) > 1 or any(ch.isdigit() for ch in following)
            )
            if kinds and (numbered or _SLASH.fullmatch(following)):
                slash = _SLASH.fullmatch(following)
                if slash:
                    units.append(slash.group(1))
                    rest.append(slash.group(2))
                else:
                    units.append(("level " if "level" in kinds else "") + following)
                i += size + 1 + hash_sign
                taken = True
                break
        if not taken:
            rest.append(tokens[i])
            i += 1
    return rest, units


def _unit_parts(text: str) -> list[str]:
    """``level 2 3`` -> [``level 2``, ``3``]."""
    parts: list[str] = []
    words = text.split()
    i = 0
    while i < len(words):
        if words[i] == "level" and i + 1 < len(words):
            parts.append(f"level {words[i + 1]}")
            i += 2
        else:
            parts.append(words[i])
            i += 1
    return parts


def _unit_text(units: list[str]) -> str:
    """Units in one order (levels first): ``Suite 3, Level 2`` = ``Level 2, Suite 3``."""
    parts = [p for u in units for p in _unit_parts(u)]
    return " ".join(sorted(dict.fromkeys(parts), key=lambda p: (not p.startswith("level "), p)))


def _street_and_number(tokens: list[str], number_first: bool, lexicon: _Lexicon) -> _Parts:
    parts = _Parts()
    tokens, units = _take_units(tokens, lexicon)
    if tokens and (slash := _SLASH.fullmatch(tokens[0])):
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
    parts.unit = _unit_text(units)
    parts.street = tokens
    return parts


def _street_end(tokens: list[str], lexicon: _Lexicon) -> int:
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


def _lexicon_for(country: str) -> tuple[tuple[str, ...], _Lexicon]:
    languages = country_format(country).languages
    return languages, _lexicon(languages)


def _find_postcode(segments: list[list[str]], country: str, lexicon: _Lexicon) -> tuple[str, int, int, int]:
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
                code = _postcode_form(" ".join(window), country) or (
                    _postcode_form("".join(window), country) if size > 1 else ""
                )
                if code:
                    return code, s, start, size
    return "", -1, 0, 0


def _trailing_country(segments: list[list[str]], country: str) -> str:
    """A country named in the last segment (``…, Deutschland``): its code, and the segment dropped."""
    if len(segments) < 2:
        return ""
    name = " ".join(segments[-1])
    if len(name) <= 3 and name not in ("usa", "uk"):
        return ""
    code = country_code(name)
    if code and name not in country_format(country).regions:
        segments.pop()
        return code
    return ""


def _parse_line(raw: str, country: str, street_only: bool = False) -> tuple[_Parts, str]:
    """Parts of one line of text, and the country it names (or the one given)."""
    segments = [t for t in (_tokens(s, country) for s in _SEGMENTS.split(raw)) if t]
    if not segments:
        raise NormaliseError("empty address")
    country = _trailing_country(segments, country) or country
    _, lexicon = _lexicon_for(country)
    fmt = country_format(country)
    locality: list[str] = []
    region = postcode = ""
    if not street_only:
        postcode, s, start, size = _find_postcode(segments, country, lexicon)
        if postcode:
            before, after = segments[s][:start], segments[s][start + size :]
            if fmt.postcode_first and after:
                region, taken = _region(after, country) if len(after) > 1 else ("", 0)
                locality, segments[s] = after[: len(after) - taken], before
            elif after:
                region, taken = _region(after, country)
                segments[s] = before + after[: len(after) - taken] if taken else before
                if not taken:
                    locality = after
            else:
                segments[s] = before
            segments = [t for t in segments if t]
        if segments and not region:
            region, taken = _region(segments[-1], country)
            whole = taken == len(segments[-1])
            # a segment that is only a region name is the region when a locality remains besides
            # the street (``New York, NY``); else it is the locality (``…, Quebec G1C 5W2``)
            if taken and (len(segments) > 2 if whole else len(segments) > 1 or taken < len(segments[-1]) - 1):
                segments[-1] = segments[-1][: len(segments[-1]) - taken]
                segments = [t for t in segments if t]
            else:
                region = ""
    if not segments:
        raise NormaliseError("no street in address")
    # unit-only segments ("Unit 3", "#100") join the street that follows
    units: list[str] = []
    rest: list[list[str]] = []
    for tokens in segments:
        remaining, found = _take_units(tokens, lexicon)
        if found and not remaining:
            units.extend(found)
        else:
            rest.append(tokens)
    if not rest:
        raise NormaliseError("no street in address")
    rest = _join_numbers(rest, fmt.number_first)
    if not locality and len(rest) >= 2 and not street_only:
        locality = rest.pop()
    street_index = _street_segment(rest, lexicon)
    tokens = rest[street_index]
    parts = _street_and_number(tokens, fmt.number_first, lexicon)
    if not locality and not street_only and len(rest) == 1:
        end = _street_end(parts.street, lexicon)
        parts.street, locality = parts.street[:end], parts.street[end:]
    parts.unit = _unit_text([*units, parts.unit])
    parts.locality, parts.region, parts.postcode = locality, region, postcode
    return parts, country


def _has_number(tokens: list[str]) -> bool:
    return _is_house(tokens[0]) or _is_house(tokens[-1]) or bool(_SLASH.fullmatch(tokens[0]))


def _join_numbers(segments: list[list[str]], number_first: bool) -> list[list[str]]:
    """A house number written apart joins its street: ``Viale Piave, 10``, ``10, Downing St``,
    ``ул. Ольшевского, 16Б`` (where the number follows the street, a segment opening with a number
    joins the street before it); a number after a numbered street is its unit (``1 Main St, 101``)."""
    out: list[list[str]] = []
    pending: list[str] = []
    for tokens in segments:
        alone = len(tokens) == 1 and (_is_house(tokens[0]) or bool(_UNIT_NUMBER.fullmatch(tokens[0])))
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


def _street_segment(segments: list[list[str]], lexicon: _Lexicon) -> int:
    """Which segment of a street line is the street: the one with a house number, else the last
    one with a street type, else the first (the others name a building, a centre or a station)."""
    numbered = next((i for i, tokens in enumerate(segments) if _has_number(tokens)), None)
    if numbered is not None:
        return numbered
    typed = [i for i, tokens in enumerate(segments) if any((t,) in lexicon.types for t in tokens)]
    return typed[-1] if typed else 0


def _build(parts: _Parts, country: str) -> Address:
    _, lexicon = _lexicon_for(country)
    street = _canonical_words(parts.street, lexicon)
    if not street:
        raise NormaliseError("no street in address")
    return Address(
        unit=parts.unit,
        number=parts.number,
        street=street,
        locality=" ".join(_split_compounds_plain(parts.locality)),
        region=parts.region,
        postcode=parts.postcode,
        country=country,
    )


def _split_compounds_plain(tokens: list[str]) -> list[str]:
    return " ".join(_LETTER_HYPHEN.sub(" ", t) for t in tokens).split()


@lru_cache(maxsize=65536)
def _from_text(raw: str, country: str) -> Address:
    parts, country = _parse_line(raw, country)
    return _build(parts, country)


# --- parts given as a mapping ------------------------------------------------------------------

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


def _from_parts(raw: Mapping[str, Any], default_country: str) -> Address:
    given_country = _pick(raw, "country")
    country = (country_code(given_country.rsplit("/", 1)[-1]) if given_country else "") or default_country
    street = ", ".join(t for t in (_pick(raw, "street"), _pick(raw, "street2")) if t)
    if len(street) > MAX_LENGTH:
        raise NormaliseError(f"address longer than {MAX_LENGTH} characters")
    locality, region, postcode = _pick(raw, "locality"), _pick(raw, "region"), _pick(raw, "postcode")
    if not street:
        raise NormaliseError("no street in address")
    if not (locality or postcode):
        parts, country = _parse_line(street, country)
    else:
        street = _without_prefixes(_without_repeats(street, locality, postcode, country), (region, locality))
        parts, country = _parse_line(street, country, street_only=True)
        parts.locality = _tokens(locality, country)
        code = _postcode_form(postcode, country) if postcode else ""
        parts.postcode = code or fold(postcode).upper()
        # a locality written with its region after it (胎内市 新潟県, Springfield IL)
        found, taken = _region(parts.locality, country)
        if taken and taken < len(parts.locality) and (not region or found == _region_code(region, country)):
            parts.locality, region = parts.locality[:-taken], region or found
    if region:
        parts.region = _region_code(region, country)
    if number := _pick(raw, "number"):
        parts.number = "".join(_tokens(number))
    if unit := _pick(raw, "unit"):
        remaining, found = _take_units(_tokens(unit), _lexicon_for(country)[1])
        parts.unit = _unit_text([*found, *remaining])
    return _build(parts, country)


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
    repeated = set(_tokens(locality, country)) | set(_tokens(postcode))
    code = _postcode_form(postcode, country) if postcode else ""
    segments = [s for s in _SEGMENTS.split(street) if s.strip()]
    while len(segments) > 1:
        tokens = _tokens(segments[-1], country)
        if all(t in repeated or (code and _postcode_form(t, country) == code) for t in tokens):
            segments.pop()
        else:
            break
    if segments:
        tokens = _tokens(segments[-1], country)
        cut = len(tokens)
        while cut > 2 and (tokens[cut - 1] in repeated):
            cut -= 1
        if cut < len(tokens) and set(tokens[cut:]) >= set(_tokens(locality, country)):
            segments[-1] = " ".join(tokens[:cut])
    return ", ".join(segments)


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
    return _from_parts(raw, country)


# --- comparison ---------------------------------------------------------------------------------


def _words_match(a: str, b: str, country: str) -> bool:
    if a == b:
        return True
    _, lexicon = _lexicon_for(country or "US")
    xs = _classes(a.split(), lexicon)
    ys = _classes(b.split(), lexicon)
    if len(xs) == len(ys) and all(x & y for x, y in zip(xs, ys, strict=True)):
        return True
    return _initials_match(a.split(), b.split(), lexicon)


def _initials_match(xs: list[str], ys: list[str], lexicon: _Lexicon) -> bool:
    """A given name written as its initial in a street name (Via G. Garibaldi = Via Giuseppe
    Garibaldi): word for word the same, but for initials standing for the other side's word, and
    at least one full name word shared."""
    if len(xs) != len(ys) or len(xs) < 3:
        return False
    initials = shared = 0
    for x, y in zip(xs, ys, strict=True):
        if x == y or _classes([x], lexicon)[0] & _classes([y], lexicon)[0]:
            shared += len(x) >= 3 and x == y
            continue
        short, full = sorted((x, y), key=len)
        if len(short) == 1 and short.isalpha() and len(full) > 2 and full.isalpha() and full[0] == short:
            initials += 1
            continue
        return False
    return initials > 0 and shared > 0


_UMLAUT_SPELLING = re.compile(r"(?<=[aou])e")
_HOUSE_LETTER = re.compile(r"-(?=[a-z]$)")  # 12-A = 12A


def _part_equal(part: str, a: str, b: str, country: str) -> bool:
    if part in ("street", "locality"):
        if _words_match(fold(a), fold(b), country):
            return True
        # German written with or without its umlauts: Zürich = Zuerich = Zurich
        german = "de" in country_format(country or "US").languages
        return german and _words_match(*(_UMLAUT_SPELLING.sub("", fold(x)) for x in (a, b)), country)
    if part == "postcode":
        return _same_postcode(a, b, country)
    if part == "region":
        return a.upper() == b.upper() or _region_code(a, country) == _region_code(b, country)
    if part == "unit":
        # one side may name more of the premises (Bldg 2, Suite 200 / Suite 200): the rest must agree
        xs, ys = set(_unit_parts(fold(a))), set(_unit_parts(fold(b)))
        return xs <= ys or ys <= xs
    if part == "number":
        xa, xb = (_HOUSE_LETTER.sub("", fold(x).replace(" ", "")) for x in (a, b))
        return xa == xb
    return fold(a).replace(" ", "") == fold(b).replace(" ", "")


_WEIGHTS = {"street": 3.0, "number": 3.0, "unit": 1.0, "locality": 2.0, "region": 1.0, "postcode": 2.0,
            "country": 3.0}


def _qualified_locality(a: Address, b: Address) -> bool:
    """One locality is the other with more words after it (Frankfurt / Frankfurt am Main,
    Uffculme / Uffculme, Cullompton) and both give the same postcode."""
    if not (a.postcode and b.postcode and _same_postcode(a.postcode, b.postcode, a.country or b.country)):
        return False
    x, y = sorted((a.locality.split(), b.locality.split()), key=len)
    return bool(x) and y[: len(x)] == x


def compare_addresses(a: Address, b: Address) -> AddressComparison:
    """Which parts of two addresses differ, with a similarity score (1.0 when none differ).

    A part only one side shows is listed as missing, not as a difference."""
    country = a.country or b.country
    differences: dict[str, tuple[str, str]] = {}
    missing: list[str] = []
    scores: list[tuple[float, float]] = []
    for part in PARTS:
        x, y = getattr(a, part), getattr(b, part)
        if not x or not y:
            if x or y:
                missing.append(part)
                if part == "unit":
                    scores.append((_WEIGHTS[part], 0.5))
            continue
        if _part_equal(part, x, y, country) or (part == "locality" and _qualified_locality(a, b)):
            scores.append((_WEIGHTS[part], 1.0))
            continue
        differences[part] = (x, y)
        similar = fuzz.token_set_ratio(x, y) / 100.0 if part in ("street", "locality") else 0.0
        scores.append((_WEIGHTS[part], min(similar, 0.9)))
    if not differences:
        return AddressComparison(1.0, {}, tuple(missing))
    total = sum(w for w, _ in scores)
    score = round(sum(w * s for w, s in scores) / total, 4) if total else 0.0
    return AddressComparison(min(score, 0.99), differences, tuple(missing))


def addresses_match(a: Address, b: Address) -> float:
    """Similarity in [0, 1]: 1.0 for equivalent addresses, partial credit for near misses.

    Parts missing on either side are not held against the match; ``compare_addresses`` says
    which parts differ."""
    return compare_addresses(a, b).score
