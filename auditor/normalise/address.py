"""Postal addresses -> comparable parts, for AU, US, GB and CA.

Street types (``St``/``Street``), unit forms (``Unit 3, 12 X Rd`` = ``3/12 X Road`` =
``Suite 3 12 X Road``), state names (``New South Wales`` = ``NSW``), case, punctuation and postcode
spacing are folded. Input is one line of text, a schema.org PostalAddress, or roster-style
parts (street, locality, state, postcode).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

from auditor.normalise.address_tables import STATES, STREET_TYPES, UNIT_WORDS
from auditor.normalise.errors import NormaliseError

_POSTCODE = {
    "AU": re.compile(r"\b(\d{4})\b"),
    "US": re.compile(r"\b(\d{5})(?:-\d{4})?\b"),
    "CA": re.compile(r"\b([a-z]\d[a-z])\s*(\d[a-z]\d)\b"),
    "GB": re.compile(r"\b([a-z]{1,2}\d[a-z\d]?)\s*(\d[a-z]{2})\b"),
    "FR": re.compile(r"\b(\d{5})\b"),
    "DE": re.compile(r"\b(\d{5})\b"),
}
_UNIT_WORD = "|".join(sorted(UNIT_WORDS, key=len, reverse=True))
_UNIT = re.compile(rf"(?:^|[\s,])(?:{_UNIT_WORD})\.?\s*#?\s*([a-z]?\d+[a-z]?)\b[\s,]*")
_SLASH_UNIT = re.compile(r"\b([a-z]?\d+[a-z]?)\s*/\s*(\d+[a-z]?(?:\s*-\s*\d+[a-z]?)?)\b")
_NUMBER = re.compile(r"\b(\d+[a-z]?(?:\s*-\s*\d+[a-z]?)?)\b")
_NON_WORD = re.compile(r"[^\w\s/#,-]+")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Address:
    """An address split into comparable parts; ``key`` is the canonical comparison string."""

    unit: str = ""
    number: str = ""
    street: str = ""
    locality: str = ""
    state: str = ""
    postcode: str = ""
    country: str = ""

    @property
    def key(self) -> str:
        if self.unit:
            number = f"{self.unit}/{self.number}" if self.number else f"unit {self.unit}"
        else:
            number = self.number
        head = " ".join(p for p in (number, self.street) if p)
        tail = " ".join(p for p in (self.state, self.postcode) if p)
        return ", ".join(p for p in (head, self.locality, tail) if p)

    def as_dict(self) -> dict[str, str]:
        return {**asdict(self), "key": self.key}


def _fold(text: str) -> str:
    text = text.lower().replace("\u2013", "-").replace("\u2014", "-")
    text = _NON_WORD.sub(" ", text.replace(",", " , "))
    return _SPACE.sub(" ", text).strip()


def _street_words(words: list[str]) -> str:
    """Street name with its type abbreviated: ``george street`` -> ``george st``."""
    out = []
    for index, word in enumerate(words):
        canonical = STREET_TYPES.get(word)
        # "st" at the start is "saint" (St Kilda Rd), elsewhere a street type
        if canonical and index > 0:
            out.append(canonical)
        else:
            out.append(word)
    return " ".join(out)


def _state(text: str, country: str) -> tuple[str, str]:
    """Find a state name or abbreviation at the end of ``text``; returns (state, rest)."""
    table = STATES.get(country, {})
    for name in sorted(table, key=len, reverse=True):
        pattern = rf"(?:^|[\s,]){re.escape(name)}$"
        match = re.search(pattern, text)
        if match:
            return table[name], text[: match.start()].strip(" ,")
    return "", text


def _postcode(text: str, country: str) -> tuple[str, str]:
    pattern = _POSTCODE.get(country)
    if not pattern:
        return "", text
    matches = list(pattern.finditer(text))
    if not matches:
        return "", text
    last = matches[-1]
    # a 4-digit AU number right at the start is a street number, not a postcode
    if country == "AU" and last.start() == 0:
        return "", text
    code = "".join(last.groups()).upper() if country in ("CA", "GB") else last.group(1)
    if country in ("CA", "GB"):
        code = f"{code[:-3]} {code[-3:]}"
    return code, (text[: last.start()] + " " + text[last.end():]).strip(" ,")


def _split_street(text: str) -> tuple[str, str, str, str]:
    """(unit, number, street, locality) from the street-and-locality part of a line."""
    unit = ""
    match = _UNIT.search(text)
    if match:
        unit = match.group(1)
        text = (text[: match.start()] + " " + text[match.end():]).strip(" ,")
    slash = _SLASH_UNIT.search(text)
    if slash and not unit:
        unit, number = slash.group(1), slash.group(2)
        text = (text[: slash.start()] + " " + text[slash.end():]).strip(" ,")
    else:
        number_match = _NUMBER.search(text)
        number = number_match.group(1) if number_match else ""
        if number_match:
            text = (text[: number_match.start()] + " " + text[number_match.end():]).strip(" ,")
    number = number.replace(" ", "")
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if not parts:
        return unit, number, "", ""
    words = parts[0].split()
    # the street ends at its last street-type word; what follows on that part is the locality
    end = max((i for i, w in enumerate(words) if w in STREET_TYPES and i > 0), default=len(words) - 1)
    street = _street_words(words[: end + 1])
    locality = " ".join([*words[end + 1 :], *parts[1:]])
    return unit, number, " ".join(street.split()), " ".join(locality.split())


@lru_cache(maxsize=65536)
def _from_text(raw: str, country: str) -> Address:
    text = _fold(raw)
    if not text:
        raise NormaliseError("empty address")
    text = re.sub(r"[\s,]+(?:australia|usa|united states|canada|united kingdom|uk)$", "", text)
    postcode, text = _postcode(text, country)
    state, text = _state(text.strip(" ,"), country)
    if not postcode:
        postcode, text = _postcode(text, country)
    unit, number, street, locality = _split_street(text)
    if not street:
        raise NormaliseError("no street in address")
    return Address(unit, number, street, locality.strip(" ,"), state, postcode, country)


def normalise_address(raw: str | dict[str, Any], country: str) -> Address:
    """One line of text, a schema.org PostalAddress or roster parts -> Address."""
    country = (country or "AU").upper()
    if isinstance(raw, str):
        return _from_text(raw, country)
    if not isinstance(raw, dict):
        raise NormaliseError(f"cannot read an address from {type(raw).__name__}")
    street = raw.get("streetAddress") or raw.get("street") or ""
    if isinstance(street, list):
        street = ", ".join(map(str, street))
    locality = raw.get("addressLocality") or raw.get("locality") or ""
    state = raw.get("addressRegion") or raw.get("state") or ""
    postcode = str(raw.get("postalCode") or raw.get("postcode") or "")
    given_country = raw.get("addressCountry") or raw.get("country") or country
    if isinstance(given_country, dict):
        given_country = given_country.get("name") or country
    given_country = str(given_country).upper()
    if len(given_country) != 2:
        given_country = country
    if not street:
        raise NormaliseError("no street in address")
    unit, number, street_name, rest = _split_street(_fold(str(street)))
    state_code, _ = _state(_fold(str(state)), given_country) if state else ("", "")
    code, _ = _postcode(_fold(postcode), given_country) if postcode else ("", "")
    return Address(
        unit=unit,
        number=number,
        street=street_name,
        locality=_fold(str(locality)) or rest,
        state=state_code or _fold(str(state)).upper(),
        postcode=code or postcode.strip().upper(),
        country=given_country,
    )


def addresses_match(a: Address, b: Address) -> float:
    """Similarity in [0, 1]: 1.0 for equivalent addresses, partial credit for near misses.

    Parts missing on either side are not held against the match.
    """
    if a.key == b.key:
        return 1.0
    scores: list[tuple[float, float]] = []  # (weight, score)
    for part, weight in (("number", 3.0), ("unit", 1.0), ("postcode", 2.0), ("state", 1.0)):
        x, y = getattr(a, part), getattr(b, part)
        if x and y:
            scores.append((weight, 1.0 if x == y else 0.0))
        elif part == "unit" and (x or y):
            scores.append((weight, 0.5))
    scores.append((3.0, fuzz.ratio(a.street, b.street) / 100.0))
    if a.locality and b.locality:
        scores.append((2.0, fuzz.token_set_ratio(a.locality, b.locality) / 100.0))
    total = sum(w for w, _ in scores)
    return round(sum(w * s for w, s in scores) / total, 4)
