"""The schema.org type hierarchy (shipped as data) and the default filter for location objects.

``data/schemaorg_types.json`` holds each type's direct parents, taken from the schema.org
release listed in its ``about`` (vocabulary licensed CC BY-SA 3.0).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

_DATA = Path(__file__).parent / "data" / "schemaorg_types.json"
LOCATION_ROOTS = frozenset({"LocalBusiness", "Place"})


@cache
def parents() -> dict[str, tuple[str, ...]]:
    """Type name -> its direct parent type names."""
    table = json.loads(_DATA.read_text(encoding="utf-8"))["parents"]
    return {name: tuple(up) for name, up in table.items()}


@cache
def ancestors(name: str) -> frozenset[str]:
    """The type and every type above it (``GroceryStore`` -> Store, LocalBusiness, Place, ...)."""
    table = parents()
    seen: set[str] = set()
    todo = [name]
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        todo.extend(table.get(current, ()))
    return frozenset(seen)


def is_subtype(names: set[str] | frozenset[str], wanted: set[str] | frozenset[str]) -> bool:
    """Whether any of ``names`` is one of ``wanted`` or below one of them."""
    return any(ancestors(n) & wanted for n in names)


def is_location_type(names: set[str] | frozenset[str]) -> bool:
    """A schema.org LocalBusiness or Place subtype (an Organization alone is not a location)."""
    return is_subtype(names, LOCATION_ROOTS)


def is_known(name: str) -> bool:
    return name in parents()
