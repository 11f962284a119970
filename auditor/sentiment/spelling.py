"""Spelling variants for a sentiment lexicon, so that an Australian, British or Canadian review
('disorganised', 'favourite', 'cancelled') scores as its American spelling does, and back.

The general lexicons are American; the brands this tool audits write (and are reviewed) in
every English. Variants are only ever added for words the lexicon lacks, with the same valence.
"""

from __future__ import annotations

import re

_IZE = re.compile(r"(?<=[a-z]{3})([iy])z(e|ed|es|er|ers|ing|ation|ations|ational)$")
_ISE = re.compile(r"(?<=[a-z]{3})([iy])s(e|ed|es|er|ers|ing|ation|ations|ational)$")
_SINGLE_L = re.compile(r"(?<=[^aeiou][aeo])l(ed|ing|er|ers)$")
_DOUBLE_L = re.compile(r"(?<=[^aeiou][aeo])ll(ed|ing|er|ers)$")

_OR_STEMS = (
    "ardor",
    "armor",
    "behavior",
    "candor",
    "clamor",
    "color",
    "demeanor",
    "endeavor",
    "favor",
    "flavor",
    "glamor",
    "harbor",
    "honor",
    "humor",
    "labor",
    "neighbor",
    "odor",
    "parlor",
    "rancor",
    "rumor",
    "savior",
    "splendor",
    "valor",
    "vigor",
)
"""American '-or' stems whose Commonwealth spelling is '-our' (but 'humorous', 'vigorous':
the '-ous' forms keep the American spelling everywhere)."""

_WHOLE_WORDS = {
    "center": "centre",
    "defense": "defence",
    "defenseless": "defenceless",
    "offense": "offence",
    "pretense": "pretence",
    "somber": "sombre",
    "meager": "meagre",
    "theater": "theatre",
    "gray": "grey",
    "skeptical": "sceptical",
    "mold": "mould",
    "moldy": "mouldy",
    "jewelry": "jewellery",
    "aluminum": "aluminium",
}
"""American -> Commonwealth spellings no suffix rule covers."""


def spelling_variants(word: str) -> set[str]:
    """Other spellings of one word, American <-> Commonwealth (the word itself excluded)."""
    found: set[str] = set()
    found.add(_IZE.sub(r"\1s\2", word))
    found.add(_ISE.sub(r"\1z\2", word))
    found.add(_SINGLE_L.sub(r"ll\1", word))
    found.add(_DOUBLE_L.sub(r"l\1", word))
    for stem in _OR_STEMS:
        british = stem[:-2] + "our"
        at = word.find(stem)
        if at >= 0 and not word[at + len(stem) :].startswith("ous"):
            found.add(word[:at] + british + word[at + len(stem) :])
        at = word.find(british)
        if at >= 0:
            found.add(word[:at] + stem + word[at + len(british) :])
    for american, commonwealth in _WHOLE_WORDS.items():
        if word == american:
            found.add(commonwealth)
        elif word == commonwealth:
            found.add(american)
    found.discard(word)
    return found


def with_spelling_variants(lexicon: dict[str, float]) -> dict[str, float]:
    """The lexicon plus every missing spelling variant of its words, at the same valence."""
    extra: dict[str, float] = {}
    for word, valence in lexicon.items():
        if not word.isalpha():
            continue
        for variant in spelling_variants(word):
            if variant not in lexicon and variant not in extra:
                extra[variant] = valence
    return {**lexicon, **extra}
