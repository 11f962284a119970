"""Match a listing to a roster store: store_ref, website, phone, address key, then name+locality.

Exact keys first (in that order of trust); the fuzzy name+locality step needs both a close name
and the same locality, so two stores of one brand in different suburbs never get confused.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, utils

NAME_THRESHOLD = 90.0


@dataclass(frozen=True)
class Match:
    """The roster store a listing belongs to, and the key that decided it."""

    store_id: str
    by: str


@dataclass(frozen=True)
class StoreKeys:
    """One roster store's comparison keys (already normalised)."""

    store_id: str
    website: str | None = None
    phone: str | None = None
    address_key: str | None = None
    name: str | None = None
    locality: str | None = None


def _fold(text: Any) -> str:
    return " ".join(str(text or "").casefold().split())


class RosterMatcher:
    """Index of roster keys; ``match(values)`` takes a listing's normalised fields."""

    def __init__(self, stores: Iterable[StoreKeys]) -> None:
        self.stores = list(stores)
        self.by_ref = {s.store_id.casefold(): s.store_id for s in self.stores}
        self.by_website = self._unique(lambda s: s.website)
        self.by_phone = self._unique(lambda s: s.phone)
        self.by_address = self._unique(lambda s: s.address_key)

    def _unique(self, key: Callable[[StoreKeys], str | None]) -> dict[str, str]:
        """key -> store id, leaving out keys two stores share (they cannot decide)."""
        seen: dict[str, str | None] = {}
        for store in self.stores:
            value = key(store)
            if value:
                seen[value] = None if value in seen else store.store_id
        return {k: v for k, v in seen.items() if v is not None}

    def match(self, values: dict[str, Any]) -> Match | None:
        """The store these normalised listing fields describe, or None."""
        ref = values.get("store_ref")
        if ref and str(ref).casefold() in self.by_ref:
            return Match(self.by_ref[str(ref).casefold()], "store_ref")
        for field, index in (("website", self.by_website), ("phone", self.by_phone)):
            value = values.get(field)
            if isinstance(value, str) and value in index:
                return Match(index[value], field)
        address = values.get("address")
        key = address.get("key") if isinstance(address, dict) else None
        if key and key in self.by_address:
            return Match(self.by_address[key], "address")
        return self._by_name(values.get("name"), address)

    def _by_name(self, name: Any, address: Any) -> Match | None:
        locality = _fold(address.get("locality")) if isinstance(address, dict) else ""
        if not name or not locality:
            return None
        best: tuple[float, str] | None = None
        tie = False
        for store in self.stores:
            if not store.name or _fold(store.locality) != locality:
                continue
            score = fuzz.token_sort_ratio(name, store.name, processor=utils.default_process)
            if score < NAME_THRESHOLD:
                continue
            if best is None or score > best[0]:
                best, tie = (score, store.store_id), False
            elif score == best[0]:
                tie = True
        if best is None or tie:
            return None
        return Match(best[1], "name")
