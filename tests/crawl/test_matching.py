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


QUEBEC = {"unit": "", "number": "875", "street": "rue saint jean", "locality": "quebec", "region": "QC",
          "postcode": "G1R 1R2", "country": "CA",
          "key": "875 rue saint jean, quebec, QC G1R 1R2"}  # fmt: skip
MONTREAL = {"unit": "", "number": "4120", "street": "boulevard saint laurent", "locality": "montreal",
            "region": "QC", "postcode": "H2W 1Y8", "country": "CA",
            "key": "4120 boulevard saint laurent, montreal, QC H2W 1Y8"}  # fmt: skip
CHAIN = [
    StoreKeys("1011", "https://example.ca/fr/montreal", "+15148452263", MONTREAL["key"], "slice and ember",
              "Montréal", MONTREAL),
    StoreKeys("1012", "https://example.ca/fr/quebec", "+14186925530", QUEBEC["key"], "slice and ember",
              "Québec", QUEBEC),
]  # fmt: skip


def test_phone_and_address_of_one_store_outweigh_a_link_to_another_stores_page():
    values = {"website": "https://example.ca/fr/montreal", "phone": "+14186925530", "address": QUEBEC}
    found = RosterMatcher(CHAIN).match(values)
    assert found == Match("1012", "phone+address", "website: store 1011")


def test_an_address_written_another_way_counts_for_its_store():
    other_form = {**QUEBEC, "street": "rue st jean", "key": "875 rue st jean, quebec"}
    values = {"website": "https://example.ca/fr/montreal", "phone": "+14186925530", "address": other_form}
    assert RosterMatcher(CHAIN).match(values).store_id == "1012"


def test_a_link_against_a_phone_alone_keeps_the_link():
    values = {"website": "https://example.ca/fr/montreal", "phone": "+14186925530"}
    assert RosterMatcher(CHAIN).match(values) == Match("1011", "website", "phone: store 1012")


def test_a_brand_page_is_the_store_its_own_address_names():
    values = {"website": "https://example.ca/fr/montreal", "phone": "+14186925530", "address": QUEBEC}
    assert RosterMatcher(CHAIN).match(values, own_url=True) == Match("1011", "website", "phone: store 1012; "
                                                                     "address: store 1012")  # fmt: skip


def test_keys_that_agree_give_no_conflict():
    values = {"website": "https://example.ca/fr/quebec", "phone": "+14186925530", "address": QUEBEC}
    assert RosterMatcher(CHAIN).match(values) == Match("1012", "website")
