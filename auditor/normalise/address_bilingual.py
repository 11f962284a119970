"""Addresses written in two languages at once, as bilingual places write them: Brussels'
``Rue Neuve 85 / Nieuwstraat 85, 1000 Bruxelles / Brussel`` (and OpenStreetMap's ``Rue Neuve -
Nieuwstraat``), South Tyrol's ``Via Museo / Museumstraße``.

The line is read once in each language; the street and the town keep both names (``rue neuve|
nieuw straat``), and another address matches when it matches either.
"""

from __future__ import annotations

import re

ALTERNATIVES = "|"
_SPACED_SLASH = re.compile(r"\s+/\s+")
SPACED_DASH = re.compile(r"\s+[-–—]\s+")
_BILINGUAL = frozenset({"BE", "CH", "IT", "FI", "ES", "LU"})
"""Countries with places named officially in two languages (elsewhere ``Unit 5 / 12 Main St`` is
a unit and a street)."""
_DASHED = frozenset({"BE"})
"""Countries whose OpenStreetMap names join the languages with a spaced dash."""
_LETTERS = re.compile(r"[^\W\d_]{4,}")  # a name, not an abbreviation ("av / Cervantes 18")


def versions(text: str, country: str) -> tuple[str, str] | None:
    """The line in its first language and in its second, or None when it is written in one."""
    if country not in _BILINGUAL or ("/" not in text and " - " not in text and " – " not in text):
        return None
    first, second, bilingual = [], [], False
    for segment in text.split(","):
        halves = _halves(segment, country)
        if halves:
            bilingual = True
            first.append(halves[0])
            second.append(halves[1])
        else:
            first.append(segment)
            second.append(segment)
    return (",".join(first), ",".join(second)) if bilingual else None


def _halves(segment: str, country: str) -> tuple[str, str] | None:
    pattern = SPACED_DASH if country in _DASHED and not _SPACED_SLASH.search(segment) else _SPACED_SLASH
    parts = pattern.split(segment.strip(), maxsplit=1)
    if len(parts) != 2 or not all(_LETTERS.search(p) for p in parts):
        return None
    a, b = parts
    # a number written once serves both names: "Bruxelles / Brussel 1000", "Rue Neuve 85 / Nieuwstraat"
    a_numbers = [w for w in a.split() if any(ch.isdigit() for ch in w)]
    b_numbers = [w for w in b.split() if any(ch.isdigit() for ch in w)]
    if b_numbers and not a_numbers:
        a = f"{a} {' '.join(b_numbers)}"
    elif a_numbers and not b_numbers:
        b = f"{b} {' '.join(a_numbers)}"
    return a, b


def either(a: str, b: str) -> str:
    """Both names of one part, or the one when they read alike."""
    return a if a == b or not b else b if not a else f"{a}{ALTERNATIVES}{b}"
