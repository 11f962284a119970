"""The street words of one country's languages: folded tokens, compounds split, and each street
type, directional and ordinal in its canonical form (tables in address_tables)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from auditor.normalise.address_tables import (
    Phrase,
    Vocabulary,
    compound_suffixes,
    country_format,
    directionals,
    fold,
    name_words,
    ordinals,
    street_types,
    unit_designators,
)

_TYPE_FIRST = ("fr", "es", "it", "pt")  # languages that write the street type before the name
_DASHES = re.compile(r"[\u2010-\u2015\u2212\uff0d]")
_LETTER_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")
_INITIALS = re.compile(r"\b(?:[^\W\d_]\.){2,}")  # P.O., N.E.
_DIGIT_RANGE = re.compile(r"(?<=\d) ?- ?(?=\d)")  # 165 - 167
_UNIT_SLASH = re.compile(r"(?<=\d)\s*/\s*(?=\d)")  # Shop 3/ 12 Victoria Ave = Shop 3/12
_LONE_SLASH = re.compile(r"(?<!\d)/|/(?!\d)")  # C/ Mayor, but 3/12 stays
_POSSESSIVE = re.compile(r"(?<=[^\W\d_])['’]s\b")  # Queen's Road = Queens Road
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


@dataclass(frozen=True)
class Lexicon:
    """The street words of a set of languages, looked up by phrase (a tuple of folded tokens)."""

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
def _lexicon(languages: tuple[str, ...]) -> Lexicon:
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
    return Lexicon(
        frozen, frozen_types, names, directionals(languages), street_types(languages), ordinals(languages),
        units, compound_suffixes(languages), longest, languages,
    )


_ENGLISH_TOO = frozenset({"JP", "KR", "TW", "CN", "MO"})
"""Countries whose addresses in Latin letters use English street words (``Zhongxiao E. Rd.``)."""


def lexicon_for(country: str, latin: bool = False) -> Lexicon:
    """The street words of the languages written in a country (and English, for an East Asian
    address written in Latin letters)."""
    languages = country_format(country).languages
    if latin and country in _ENGLISH_TOO and "en" not in languages:
        languages = (*languages, "en")
    return _lexicon(languages)


def tokenise(text: str, country: str = "") -> list[str]:
    """Folded words; where German is written, ``ö`` is ``oe`` (``Mönckeberg`` = ``Moenckeberg``)."""
    if country and "de" in country_format(country).languages:
        text = text.translate(_UMLAUTS)
    text = _DASHES.sub("-", _POSSESSIVE.sub("s", text))
    text = _INITIALS.sub(lambda m: m.group(0).replace(".", ""), text)
    text = _LONE_SLASH.sub(" / ", _DIGIT_RANGE.sub("-", _UNIT_SLASH.sub("/", text)))
    text = fold(text.replace("#", " # ").replace(".", " "))
    return text.split()


def split_compounds(tokens: list[str], lexicon: Lexicon) -> list[str]:
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


def _words(tokens: list[str], lexicon: Lexicon) -> list[tuple[str, frozenset[str]]]:
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


def word_classes(tokens: list[str], lexicon: Lexicon) -> list[frozenset[str]]:
    """Each word or phrase with what it may stand for, itself included (comparison reads by these)."""
    return [classes | {written} for written, classes in _words(split_compounds(tokens, lexicon), lexicon)]


def canonical_words(tokens: list[str], lexicon: Lexicon) -> str:
    """Words with each street type, directional and ordinal in its canonical form; a form that may
    stand for several (``br``: bridge, branch) is kept as written.

    A word that may be a type or a name word (``St``: street, saint) is read by its place: where
    types follow the name it opens the name (St Kilda Rd) and closes the street as its type
    (George St); where the type comes first (rue, calle, via) the first word is the type. Elsewhere
    it stays as written, and comparison accepts either reading (Av St David)."""
    words = _words(split_compounds(tokens, lexicon), lexicon)
    type_first = lexicon.languages[0] in _TYPE_FIRST
    out = []
    for index, (written, classes) in enumerate(words):
        phrase = tuple(written.split())
        names, types = lexicon.names.get(phrase), lexicon.types.get(phrase)
        closing = all(tuple(w.split()) in lexicon.directions for w, _ in words[index + 1 :])
        if _name_and_type(phrase, classes):
            apart = " ".join(canonical_words([w], lexicon) for w in phrase)
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


def split_hyphens(tokens: list[str]) -> list[str]:
    """Words joined by hyphens apart (``saint-denis`` -> ``saint denis``); ``3-5`` stays."""
    return " ".join(_LETTER_HYPHEN.sub(" ", t) for t in tokens).split()
