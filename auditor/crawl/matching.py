"""Match a listing to a roster store: store_ref, then the keys that agree, then name+locality.

A store id the listing declares decides. Otherwise each exact key the listing shows (website,
phone, address) names at most one store. When they all name the same store, that is the match.
When they name different stores, the store that more of the listing's evidence describes wins:

- a website link is one key; a phone and an address that agree are two, so a listing whose phone
  and address are one store's is that store's even when it links to another store's page. Links
  are what listing editors get wrong most often in a chain (a listing copied from another
  store's, the nearest store's page, the locator), while the phone and the street describe the
  place itself; the wrong link is then the listing's finding (``nap.website``), not a reason to
  judge the listing against the wrong store;
- the listing's address also counts for a candidate when it agrees part by part with that
  store's roster address (an address written differently has no equal key);
- a close name in the same locality adds half a key, to break a tie (the store's ``other_names``,
  its names in other languages or scripts, are its names too);
- a tie left after that goes to the key trusted most: website, then phone, then address.

A listing with no exact key is matched by a close name in the same locality, else by an address
that agrees part by part with exactly one store's (in its locality or postcode) when its name
shares most of that store's name.

A brand page's own URL (``own_url``) is not a link someone typed but the page itself: on the
brand's site it decides, whatever the page shows. The fuzzy name+locality step alone needs both a
close name and the same locality, so two stores of one brand in different suburbs never get
confused. A locality written in a script without spaces (Han, Kana) agrees when the listing's
one-line address holds it (``大阪市`` + ``北区梅田…`` holds the roster's ``大阪市北区``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, utils

from auditor.normalise.scripts import unspaced

NAME_THRESHOLD = 90.0
KEYS = ("website", "phone", "address")  # exact keys, most trusted first
NAME_VOTE = 0.5
ADDRESS_NAME_THRESHOLD = 70.0  # a listing matched by its address alone shares most of a store's name
ADDRESS_PARTS = ("number", "street", "locality", "postcode")  # an address agrees when none differs


@dataclass(frozen=True)
class Match:
    """The roster store a listing belongs to, the key(s) that decided it and, when the listing's
    keys named different stores, what pointed elsewhere (``"website: store 1011"``)."""

    store_id: str
    by: str
    conflict: str = ""


@dataclass(frozen=True)
class StoreKeys:
    """One roster store's comparison keys (already normalised)."""

    store_id: str
    website: str | None = None
    phone: str | None = None
    address_key: str | None = None
    name: str | None = None
    locality: str | None = None
    address: dict[str, str] | None = None  # the normalised parts, to compare when keys disagree
    other_names: tuple[str, ...] = ()  # its names in other languages or scripts (normalised)


def _fold(text: Any) -> str:
    return " ".join(str(text or "").casefold().split())


def _address_agrees(seen: Any, roster: dict[str, str] | None) -> bool:
    """Whether a listing's address is the roster address written another way: of number, street,
    locality and postcode, at least two shown on both sides and none different."""
    if not isinstance(seen, dict) or not roster:
        return False
    from auditor.normalise import Address, compare_addresses

    fields = ("unit", "number", "street", "locality", "region", "postcode", "country")
    a = Address(**{k: str(seen.get(k) or "") for k in fields})
    b = Address(**{k: str(roster.get(k) or "") for k in fields})
    shown = [p for p in ADDRESS_PARTS if getattr(a, p) and getattr(b, p)]
    if len(shown) < 2:
        return False
    differs = compare_addresses(a, b).differences
    return not any(p in differs for p in (*ADDRESS_PARTS, "country"))


def _locality_agrees(roster: str | None, address: dict[str, Any]) -> bool:
    """Whether a listing's address is in the roster locality: the same locality, or, for one
    written without spaces (``大阪市北区``, ``尖沙咀``), one the listing's one-line address holds."""
    ours, theirs = _fold(roster), _fold(address.get("locality"))
    if not ours or (not theirs and not address.get("street")):
        return False
    if ours == theirs:
        return True
    if len(ours) < 2 or not all(unspaced(ch) for ch in ours if ch.isalpha()):
        return False
    line = _fold(address.get("locality")) + _fold(address.get("street"))
    return ours in line or ours in _fold(address.get("key"))


class RosterMatcher:
    """Index of roster keys; ``match(values)`` takes a listing's normalised fields."""

    def __init__(self, stores: Iterable[StoreKeys]) -> None:
        self.stores = list(stores)
        self.by_id = {s.store_id: s for s in self.stores}
        self.by_ref = {s.store_id.casefold(): s.store_id for s in self.stores}
        self.by_website = self._unique(lambda s: s.website)
        self.by_phone = self._unique(lambda s: s.phone)
        self.by_address = self._unique(lambda s: s.address_key)
        self.by_place: dict[str, list[StoreKeys]] = {}  # folded locality and postcode -> stores
        for store in self.stores:
            parts = store.address or {}
            places = {_fold(store.locality), _fold(parts.get("locality")), _fold(parts.get("postcode"))}
            for place in places - {""}:
                self.by_place.setdefault(place, []).append(store)

    def _unique(self, key: Callable[[StoreKeys], str | None]) -> dict[str, str]:
        """key -> store id, leaving out keys two stores share (they cannot decide)."""
        seen: dict[str, str | None] = {}
        for store in self.stores:
            value = key(store)
            if value:
                seen[value] = None if value in seen else store.store_id
        return {k: v for k, v in seen.items() if v is not None}

    def _hits(self, values: dict[str, Any]) -> list[tuple[str, str]]:
        """(key, store id) for each exact key of the listing that names a store, most trusted first."""
        address = values.get("address")
        shown = {
            "website": values.get("website"),
            "phone": values.get("phone"),
            "address": address.get("key") if isinstance(address, dict) else None,
        }
        index = {"website": self.by_website, "phone": self.by_phone, "address": self.by_address}
        return [(k, index[k][v]) for k, v in shown.items() if isinstance(v, str) and v in index[k]]

    def match(self, values: dict[str, Any], own_url: bool = False) -> Match | None:
        """The store these normalised listing fields describe, or None.

        ``own_url``: the listing's website is the address of the page itself (a brand page)."""
        ref = values.get("store_ref")
        if ref and str(ref).casefold() in self.by_ref:
            return Match(self.by_ref[str(ref).casefold()], "store_ref")
        hits = self._hits(values)
        if not hits:
            named = self._by_name(values.get("name"), values.get("address"))
            return named or self._by_address(values.get("name"), values.get("address"))
        stores = list(dict.fromkeys(store for _key, store in hits))
        if len(stores) == 1 or (own_url and hits[0][0] == "website"):
            return self._decided(hits[0][1], hits)
        return self._vote(stores, hits, values)

    def _decided(self, store_id: str, hits: list[tuple[str, str]], by: str = "") -> Match:
        others = [f"{key}: store {store}" for key, store in hits if store != store_id]
        keys = [key for key, store in hits if store == store_id]
        return Match(store_id, by or keys[0], "; ".join(others))

    def _vote(self, stores: list[str], hits: list[tuple[str, str]], values: dict[str, Any]) -> Match:
        """Keys name different stores: the store with most of the listing's evidence wins."""
        votes = {store: [key for key, s in hits if s == store] for store in stores}
        address = values.get("address")
        for store, keys in votes.items():
            if "address" not in keys and _address_agrees(address, self.by_id[store].address):
                keys.append("address")
        scores = {store: float(len(keys)) for store, keys in votes.items()}
        named = self._by_name(values.get("name"), address, among=set(stores))
        if named is not None:
            scores[named.store_id] += NAME_VOTE
        trust = {store: min(KEYS.index(k) for k in keys) for store, keys in votes.items()}
        best = max(stores, key=lambda s: (scores[s], -trust[s]))
        by = "+".join(k for k in KEYS if k in votes[best])
        return self._decided(best, hits, by)

    def _by_address(self, name: Any, address: Any) -> Match | None:
        """The one store whose roster address the listing's agrees with part by part, when the
        listing's name is close to one of that store's names or not shown (a directory without the
        store's phone that writes its address another way: ``尖沙咀廣東道30號…`` on one line)."""
        if not isinstance(address, dict):
            return None
        places = {_fold(address.get("locality")), _fold(address.get("postcode"))} - {""}
        candidates = {s.store_id: s for p in places for s in self.by_place.get(p, [])}
        agreed = [s for s in candidates.values() if _address_agrees(address, s.address)]
        if len(agreed) != 1:
            return None
        store = agreed[0]
        if (
            name
            and max(
                fuzz.token_set_ratio(name, known, processor=utils.default_process)
                for known in (store.name or "", *store.other_names)
            )
            < ADDRESS_NAME_THRESHOLD
        ):
            return None  # another business at the same address
        return Match(store.store_id, "address")

    def _by_name(self, name: Any, address: Any, among: set[str] | None = None) -> Match | None:
        if not name or not isinstance(address, dict):
            return None
        best: tuple[float, str] | None = None
        tie = False
        for store in self.stores:
            if among is not None and store.store_id not in among:
                continue
            if not store.name or not _locality_agrees(store.locality, address):
                continue
            score = max(
                fuzz.token_sort_ratio(name, known, processor=utils.default_process)
                for known in (store.name, *store.other_names)
            )
            if score < NAME_THRESHOLD:
                continue
            if best is None or score > best[0]:
                best, tie = (score, store.store_id), False
            elif score == best[0]:
                tie = True
        if best is None or tie:
            return None
        return Match(best[1], "name")
