"""East Asian addresses: lines written from the largest area down (Japan, Taiwan, Korea, Hong Kong),
floors and blocks in their local forms, the same address romanised on an English page, and
Singapore's postcodes and units.

The addresses are those of public landmarks as they publish them (Taipei 101, Lotte World Tower,
Busan City Hall, IFC Mall and Harbour City in Hong Kong, Marina Bay Sands, Tokyo Skytree, Osaka
Station): facts of public record."""

from __future__ import annotations

import pytest

from auditor.normalise import compare_addresses, normalise_address
from auditor.normalise.accents import strip_accents
from auditor.normalise.address_tables import fold


def read(address, country: str):
    return normalise_address(address, country)


def compare(a, b, country: str):
    return compare_addresses(read(a, country), read(b, country))


@pytest.mark.parametrize(
    ("line", "country", "locality", "region", "postcode", "street"),
    [
        ("110台北市信義區信義路五段7號", "TW", "信義區", "TPE", "110", "信義路五段7號"),
        ("11049臺北市信義區信義路五段7號", "TW", "信義區", "TPE", "11049", "信義路五段7號"),
        ("臺灣台北市信義區信義路五段7號", "TW", "信義區", "TPE", "", "信義路五段7號"),
        ("서울특별시 송파구 올림픽로 300", "KR", "송파구", "11", "", "올림픽로"),
        ("서울 송파구 올림픽로 300 (05551)", "KR", "송파구", "11", "05551", "올림픽로"),
        ("부산광역시 연제구 중앙대로 1001", "KR", "연제구", "26", "", "중앙대로"),
        ("香港中環金融街8號", "HK", "中環", "香港", "", "金融街8號"),
        ("尖沙咀廣東道3-27號", "HK", "尖沙咀", "", "", "廣東道3-27號"),
        ("〒131-0045 東京都墨田区押上１丁目１−２", "JP", "墨田区", "13", "1310045", "押上1-1-2"),
    ],
)
def test_lines_from_the_largest_area_down_are_split(line, country, locality, region, postcode,
                                                    street) -> None:
    address = read(line, country)
    assert (address.locality, address.region, address.postcode) == (locality, region, postcode)
    assert address.street == street


@pytest.mark.parametrize(
    ("line", "parts", "country"),
    [
        ("110台北市信義區信義路五段7號",
         {"street": "信義路五段7號", "locality": "信義區", "state": "臺北市", "postcode": "110"}, "TW"),
        ("서울 송파구 올림픽로 300",
         {"street": "올림픽로 300", "locality": "송파구", "state": "서울특별시", "postcode": "05551"}, "KR"),
        ("香港中環金融街8號", {"street": "金融街8號", "locality": "中環", "state": "香港"}, "HK"),
        ("〒530-0001 大阪府大阪市北区梅田３丁目１−１",
         {"street": "梅田3-1-1", "locality": "大阪市北区", "state": "大阪府", "postcode": "530-0001"}, "JP"),
        ("北区梅田3丁目1番1号, 大阪市", {"street": "梅田3-1-1", "locality": "大阪市北区"}, "JP"),
        ("信義區信義路五段7號", {"street": "信義路五段7號", "locality": "信義區", "state": "臺北市"}, "TW"),
        ("송파구 올림픽로 300", {"street": "올림픽로 300", "locality": "송파구", "state": "서울"}, "KR"),
    ],
)
def test_a_line_and_the_roster_parts_are_one_address(line, parts, country) -> None:
    result = compare(line, parts, country)
    assert result.equal, result.explain()


@pytest.mark.parametrize(
    ("a", "b", "country"),
    [
        ("東京都墨田区押上1-1-2 東京スカイツリータウン2階",
         "東京都墨田区押上1丁目1−2 東京スカイツリータウン 2F",
         "JP"),
        ("香港中環金融街8號1樓", "香港中環金融街8號1/F", "HK"),
        ("尖沙咀廣東道3-27號地下", "尖沙咀廣東道3-27號G/F", "HK"),
        ("서울 송파구 올림픽로 300 1층", "서울특별시 송파구 올림픽로 300 1F", "KR"),
        ("台北市信義區信義路五段7號1樓", "臺北市信義區信義路五段7號1F", "TW"),
    ],
)
def test_floors_and_blocks_in_their_local_forms_are_equal(a, b, country) -> None:
    result = compare(a, b, country)
    assert result.equal, result.explain()


@pytest.mark.parametrize(
    ("a", "b", "country"),
    [
        ("東京都墨田区押上1-1-2 2階", "東京都墨田区押上1-1-2 3F", "JP"),
        ("香港中環金融街8號2樓", "香港中環金融街8號3/F", "HK"),
        ("台北市信義區信義路五段7號", "台北市大安區信義路五段7號", "TW"),
        ("서울 송파구 올림픽로 300", "서울 강남구 올림픽로 300", "KR"),
    ],
)
def test_a_different_floor_or_district_still_differs(a, b, country) -> None:
    assert not compare(a, b, country).equal


@pytest.mark.parametrize(
    ("romanised", "native", "country", "expect"),
    [
        ("No. 7, Sec. 5, Xinyi Rd., Xinyi Dist., Taipei City 110, Taiwan (R.O.C.)",
         "110台北市信義區信義路五段7號", "TW", {"country": "TW", "postcode": "110", "region": "TPE"}),
        ("300 Olympic-ro, Songpa-gu, Seoul 05551, Korea", "서울특별시 송파구 올림픽로 300 (05551)", "KR",
         {"country": "KR", "number": "300", "region": "11", "postcode": "05551"}),
        ("1F, 8 Finance Street, Central, Hong Kong", "香港中環金融街8號1樓", "HK",
         {"country": "HK", "number": "8", "unit": "level 1"}),
        ("2/F, 3-27 Canton Road, Tsim Sha Tsui, Kowloon, HK", "尖沙咀廣東道3-27號2樓", "HK",
         {"country": "HK", "number": "3-27", "unit": "level 2", "region": "KOWLOON"}),
        ("1-1-2 Oshiage, Sumida-ku, Tokyo 131-0045, Japan", "〒131-0045 東京都墨田区押上1丁目1-2", "JP",
         {"country": "JP", "number": "1-1-2", "region": "13", "postcode": "1310045"}),
    ],
)
def test_a_romanised_address_is_read_and_not_held_against_the_native_one(romanised, native, country,
                                                                        expect) -> None:
    address = read(romanised, country)
    assert {part: getattr(address, part) for part in expect} == expect
    assert "/" not in address.street and address.street not in ("no", "f", "korea", "taiwan roc")
    result = compare(romanised, native, country)
    assert result.equal, result.explain()
    assert "street" in result.missing  # two scripts: not comparable, never a difference


def test_a_romanised_address_with_another_number_still_differs() -> None:
    result = compare("300 Olympic-ro, Songpa-gu, Seoul 05551, Korea", "서울 송파구 올림픽로 240", "KR")
    assert result.differing == ("number",)


@pytest.mark.parametrize(
    "line",
    [
        "10 Bayfront Avenue, #B1-01, Singapore 018956",
        "10 Bayfront Ave, #B1-01 The Shoppes, S(018956)",
        "10 Bayfront Avenue #B1-01, Singapore S018956",
        "#B1-01, 10 Bayfront Avenue, 018956 Singapore",
    ],
)
def test_singapore_postcodes_and_units(line: str) -> None:
    address = read(line, "SG")
    assert (address.number, address.street, address.unit, address.postcode, address.locality) == (
        "10", "bayfront avenue", "b1-01", "018956", ""
    )


def test_a_singapore_unit_that_differs_is_told() -> None:
    result = compare("10 Bayfront Avenue, #B1-01, Singapore 018956", "10 Bayfront Ave, #B1-10, S(018956)",
                     "SG")
    assert result.differing == ("unit",)


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("ビル", "ビル"),
        ("ドトールコーヒーショップ", "ドトールコーヒーショップ"),
        ("ﾋﾞﾙ", "ビル"),  # half-width kana with a separate voicing mark: one letter
        ("パン", "パン"),
        ("쿠모커피", "쿠모커피"),
        ("Café Zürich", "Cafe Zurich"),
        ("Ελλάδα", "Ελλαδα"),
        ("ＡＢＣ１", "ABC1"),
    ],
)
def test_accents_are_dropped_from_latin_letters_only(text: str, folded: str) -> None:
    assert strip_accents(text) == folded


def test_address_folding_keeps_kana_voicing_marks() -> None:
    assert fold("大阪駅前第1ビル") == "大阪駅前第1ビル"
    assert read("東京都渋谷区渋谷2-14-5 ドトールビル", "JP").street == "渋谷2-14-5 ドトールビル"



def test_hours_words_keep_kana_voicing_marks() -> None:
    from auditor.normalise.hours_words import fold as hours_fold

    assert hours_fold("ﾗﾝﾁﾀｲﾑ ﾃﾞｨﾅｰ Café") == "ランチタイム ディナー cafe"
