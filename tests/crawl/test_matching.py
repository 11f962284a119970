"""Listings are matched to roster stores by store_ref, website, phone, address, name+locality."""

from auditor.crawl.matching import Match, RosterMatcher, StoreKeys

STORES = [
    StoreKeys("FC-00001", "http://www.furnco.example/stores/parramatta/", "+61298765401",
              "12 george street parramatta nsw 2150", "furn.co parramatta", "Parramatta"),
    StoreKeys("FC-00002", "http://www.furnco.example/stores/chatswood/", "+61298765402",
              "1 victoria avenue chatswood nsw 2067", "furn.co chatswood", "Chatswood"),
    StoreKeys("FC-00003", None, "+61298765402", None, "furn.co chatswood west", "Chatswood"),
]  # fmt: skip


def matcher() -> RosterMatcher:
    return RosterMatcher(STORES)


def test_store_ref_wins_over_everything_else():
    values = {"store_ref": "fc-00002", "phone": "+61298765401"}
    assert matcher().match(values) == Match("FC-00002", "store_ref")


def test_website_then_phone():
    assert matcher().match({"website": "http://www.furnco.example/stores/parramatta/"}) == Match(
        "FC-00001", "website"
    )
    assert matcher().match({"phone": "+61298765401"}) == Match("FC-00001", "phone")


def test_a_phone_two_stores_share_decides_nothing():
    assert matcher().match({"phone": "+61298765402"}) is None


def test_address_key():
    values = {"address": {"key": "12 george street parramatta nsw 2150", "locality": "Parramatta"}}
    assert matcher().match(values) == Match("FC-00001", "address")


def test_fuzzy_name_needs_the_same_locality():
    near = {"name": "furn co parramatta", "address": {"key": "x", "locality": "parramatta"}}
    assert matcher().match(near) == Match("FC-00001", "name")
    elsewhere = {"name": "furn co parramatta", "address": {"key": "x", "locality": "Penrith"}}
    assert matcher().match(elsewhere) is None


def test_fuzzy_name_picks_the_closest_store_in_the_locality():
    values = {"name": "Furn.Co Chatswood West", "address": {"locality": "chatswood"}}
    assert matcher().match(values) == Match("FC-00003", "name")


def test_unknown_listing_is_unmatched():
    assert matcher().match({"name": "Other Brand", "phone": "+61299999999"}) is None
