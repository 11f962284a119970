"""Unit and level designators (``Suite 3``, ``#100``, ``Level 2``, ``3/12``) taken from a street line."""

from __future__ import annotations

import re

from auditor.normalise.address_words import Lexicon

SLASH = re.compile(r"([a-z]?\d{1,5}[a-z]?)/(\d{1,6}[a-z]?(?:-\d{1,6}[a-z]?)?)")  # 3/12: unit 3, number 12
UNIT_NUMBER = re.compile(r"[a-z]?\d{1,6}[a-z]?|[a-z]")
FLOOR_UNIT = re.compile(r"[a-z]?\d{1,3}-\d{1,5}[a-z]?")  # Singapore's #01-32: floor 01, unit 32


def take_units(tokens: list[str], lexicon: Lexicon) -> tuple[list[str], list[str]]:
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
            numbered = (UNIT_NUMBER.fullmatch(following) and (
                len(phrase) > 1 or len(phrase[0]) > 1 or any(ch.isdigit() for ch in following)
            )) or (phrase == ("#",) and FLOOR_UNIT.fullmatch(following))
            if kinds and (numbered or SLASH.fullmatch(following)):
                slash = SLASH.fullmatch(following)
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


def unit_parts(text: str) -> list[str]:
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


def unit_text(units: list[str]) -> str:
    """Units in one order (levels first): ``Suite 3, Level 2`` = ``Level 2, Suite 3``."""
    parts = [p for u in units for p in unit_parts(u)]
    return " ".join(sorted(dict.fromkeys(parts), key=lambda p: (not p.startswith("level "), p)))
