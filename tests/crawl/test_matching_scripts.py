"""Listings of a store in another language or script: its ``other_names``, a locality written
without spaces, and a phone that decides alone."""

from __future__ import annotations

from auditor.crawl.fields import normalise_field
from auditor.crawl.matching import RosterMatcher, StoreKeys
from auditor.normalise import normalise_name


def _address(line: str, country: str = "JP") -> dict:
    value, _problem = normalise_field("address", line, country)
    return value


OSAKA = _address("梅田1-3-1, 大阪市北区 大阪府")
KYOTO = _address("四条通烏丸東入長刀鉾町20, 京都市下京区 京都府")
STORES = [
    StoreKeys("JP-1", "https://brand.example/ja/umeda", "+81663451284", OSAKA["key"], "brand umeda",
              "大阪市北区", OSAKA, other_names=(normalise_name("ブランド 梅田店"),)),
    StoreKeys("JP-2", "https://brand.example/ja/shijo", "+81752221111", KYOTO["key"], "brand shijo",
              "京都市下京区", KYOTO, other_names=(normalise_name("ブランド 四条店"),)),
]  # fmt: skip


def test_a_name_in_the_stores_other_script_matches_in_its_locality() -> None:
    values = {"name": normalise_name("ブランド 梅田店"), "address": _address("大阪市北区梅田1丁目3番1号 2階")}
    found = RosterMatcher(STORES).match(values)
    assert found is not None and (found.store_id, found.by) == ("JP-1", "name")


def test_a_locality_written_without_spaces_is_found_in_the_one_line_address() -> None:
    address = {"street": "北区梅田1-3-1 2階", "locality": "大阪市", "key": "北区梅田1-3-1 2階, 大阪市"}
    found = RosterMatcher(STORES).match({"name": normalise_name("ブランド 梅田店"), "address": address})
    assert found is not None and found.store_id == "JP-1"
    no_locality = {"street": "大阪市北区梅田1-3-1", "locality": "", "key": "大阪市北区梅田1-3-1"}
    found = RosterMatcher(STORES).match({"name": normalise_name("ブランド 梅田店"), "address": no_locality})
    assert found is not None and found.store_id == "JP-1"


def test_a_close_name_in_another_locality_does_not_match() -> None:
    address = {"street": "四条通20", "locality": "京都市", "key": "四条通20, 京都市"}
    values = {"name": normalise_name("ブランド 梅田店"), "address": address}
    assert RosterMatcher(STORES).match(values) is None


def test_a_latin_locality_still_needs_to_be_the_same() -> None:
    stores = [StoreKeys("AU-1", None, None, None, "furn co sydney", "Sydney")]
    address = {"street": "1 Miller St", "locality": "North Sydney", "key": "1 miller st, north sydney"}
    assert RosterMatcher(stores).match({"name": "furn co sydney", "address": address}) is None


def test_a_phone_decides_when_name_and_address_do_not_match() -> None:
    values = {
        "phone": "+81752221111",
        "name": normalise_name("ブランド 梅田店"),
        "address": _address("東京都渋谷区渋谷2-14-5"),
    }
    found = RosterMatcher(STORES).match(values)
    assert found is not None and (found.store_id, found.by) == ("JP-2", "phone")


HONG_KONG = [
    StoreKeys("HK-1", None, "+85227306622", None, "brand tsim sha tsui", "尖沙咀",
              _address("廣東道30號地下G12號舖, 尖沙咀 九龍", "HK")),
    StoreKeys("HK-2", None, "+85225213388", None, "brand central", "中環",
              _address("皇后大道中88號2樓, 中環 香港", "HK")),
]  # fmt: skip


def test_an_address_written_another_way_matches_a_listing_without_a_phone() -> None:
    """No exact key: the one store whose address agrees part by part, when the name is close."""
    line, _problem = normalise_field("address", "尖沙咀廣東道30號地下G12號舖", "HK")
    found = RosterMatcher(HONG_KONG).match({"name": normalise_name("Brand (尖沙咀)"), "address": line})
    assert found is not None and (found.store_id, found.by) == ("HK-1", "address")
    assert RosterMatcher(HONG_KONG).match({"address": line}).store_id == "HK-1"


def test_another_business_at_the_stores_address_is_not_matched() -> None:
    line, _problem = normalise_field("address", "尖沙咀廣東道30號地下G12號舖", "HK")
    values = {"name": normalise_name("Harbour Noodle Bar"), "address": line}
    assert RosterMatcher(HONG_KONG).match(values) is None
