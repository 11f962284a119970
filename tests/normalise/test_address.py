"""Addresses by country: parts kept, one line parsed, comparisons that say which parts differ."""

from __future__ import annotations

import contextlib
import csv
import json
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.normalise import Address, NormaliseError, addresses_match, compare_addresses, normalise_address
from auditor.normalise.address_tables import DATA, country_format, street_types

TESTS_DATA = Path(__file__).parent.parent / "data"


def same(a, b, country: str = "US", country_b: str | None = None) -> bool:
    return compare_addresses(normalise_address(a, country), normalise_address(b, country_b or country)).equal


@pytest.mark.parametrize(
    ("a", "b", "country"),
    [
        ("350 Fifth Avenue, New York, NY 10118", "350 5th Ave., New York NY 10118", "US"),
        ("100 Main St #100, Palm Desert, CA 92260", "100 Main Street, Suite 100, Palm Desert CA 92260", "US"),
        ("1 Town Ctr, Springfield, IL 62701", "1 Town Center, Springfield, IL 62701", "US"),
        ("5 Hill Wy, Austin, TX 78701", "5 Hill Way, Austin, TX 78701", "US"),
        ("5 Oak Pk, Austin, TX 78701", "5 Oak Park, Austin, TX 78701", "US"),
        ("5 Gulf Expy, Houston, TX 77001", "5 Gulf Expressway, Houston, TX 77001", "US"),
        ("12345 Hwy 410, Enumclaw, WA 98022", "12345 Highway 410, Enumclaw, WA 98022", "US"),
        ("74 Palm Canyon Dr, Palm Desert, CA 922626970", "74 Palm Canyon Drive, Palm Desert CA 92262-6970",
         "US"),
        ("Mönckebergstr. 7, 20095 Hamburg", "Mönckebergstraße 7, 20095 Hamburg", "DE"),
        ("Mönckeberg Straße 7, D-20095 Hamburg", "Moenckebergstrasse 7, 20095 Hamburg", "DE"),
        ("Schloßstraße 1, 12163 Berlin", "SCHLOSSSTRASSE 1, 12163 BERLIN", "DE"),
        ("Konrad-Adenauer-Str. 5, 53113 Bonn", "Konrad Adenauer Straße 5, 53113 Bonn", "DE"),
        ("Hauptstraße 5 a, 10115 Berlin", "Hauptstr. 5a, 10115 Berlin", "DE"),
        ("Kalverstraat 92, 1012PH Amsterdam", "Kalverstr. 92, NL-1012 PH Amsterdam", "NL"),
        ("12 rue de la Paix, F-75002 Paris", "12 Rue de la Paix, 75002 PARIS", "FR"),
        ("Bahnhofstrasse 1, CH-8001 Zürich", "Bahnhofstraße 1, 8001 Zurich", "CH"),
        ("St Kilda Rd, Melbourne VIC 3004", "Saint Kilda Road, Melbourne, Victoria 3004", "AU"),
        ("Viale Piave, 10, 59100 Prato PO", "Viale Piave 10, 59100 Prato", "IT"),
        ("P.O. Box 123, Springfield, IL 62701", "PO Box 123, Springfield IL 62701", "US"),
        ("2525 36th St. N.E., Calgary, AB T1Y 5T4", "2525 36th Street NE, Calgary AB T1Y5T4", "CA"),
        ("165 - 167 High Street, Orpington BR6 0LW", "165-167 High St, Orpington BR6 0LW", "GB"),
        ("C/ Mayor, 5, 28013 Madrid", "Calle Mayor 5, 28013 Madrid", "ES"),
        ("100 Main St, Suite #200, Springfield IL", "100 Main Street Ste 200, Springfield, IL 62701", "US"),
        ("Suite 3, Level 2, 100 George St, Sydney NSW", "Level 2, Suite 3, 100 George St, Sydney 2000", "AU"),
        ("Bldg 2, Suite 200, 100 Main St, Springfield", "100 Main St Suite 200, Springfield IL", "US"),
        ("Kerkstraat 12-A, 1012 AB Amsterdam", "Kerkstraat 12 a, 1012AB Amsterdam", "NL"),
        ("12, rue de la Paix, 75002 Paris", "12 Rue de la Paix, 75002 Paris", "FR"),
    ],
)
def test_equivalent_forms_are_one_address(a: str, b: str, country: str) -> None:
    assert same(a, b, country)


@pytest.mark.parametrize(
    ("a", "b", "country", "part"),
    [
        ("12 George St, Sydney NSW 2000", "12 George Ave, Sydney NSW 2000", "AU", "street"),
        ("12 George St, Sydney NSW 2000", "14 George St, Sydney NSW 2000", "AU", "number"),
        ("Unit 3, 12 George St, Sydney NSW 2000", "Unit 4, 12 George St, Sydney NSW 2000", "AU", "unit"),
        ("12 George St, Sydney NSW 2000", "12 George St, Sydney NSW 2010", "AU", "postcode"),
        ("12 Main St, Springfield, IL 62701", "12 Main St, Springfield, MO 62701", "US", "region"),
        ("Hauptstraße 5, 10115 Berlin", "Hauptstraße 5, 10115 Potsdam", "DE", "locality"),
        ("74 Palm Canyon Dr, Palm Desert, CA 92262-6970", "74 Palm Canyon Dr, Palm Desert, CA 92262-6971",
         "US", "postcode"),
    ],
)
def test_a_difference_names_its_part(a: str, b: str, country: str, part: str) -> None:
    result = compare_addresses(normalise_address(a, country), normalise_address(b, country))
    assert result.differing == (part,)
    assert part in result.explain()
    assert 0 < result.score < 1.0
    assert addresses_match(normalise_address(a, country), normalise_address(b, country)) == result.score


def test_a_part_shown_on_one_side_only_is_not_a_difference() -> None:
    zip5 = normalise_address("74 Palm Canyon Dr, Palm Desert, CA 92262", "US")
    zip9 = normalise_address("74 Palm Canyon Dr, Palm Desert, CA 92262-6970", "US")
    no_locality = normalise_address({"street": "74 Palm Canyon Dr", "postcode": "92262"}, "US")
    assert compare_addresses(zip5, zip9).equal
    result = compare_addresses(zip9, no_locality)
    assert result.equal and "locality" in result.missing and result.score == 1.0


def test_parts_are_kept_and_the_page_country_wins() -> None:
    postal = {
        "@type": "PostalAddress",
        "streetAddress": "Hauptstraße 5, 10115 Berlin",  # repeats the locality and postcode
        "addressLocality": "Berlin",
        "postalCode": "10115",
        "addressCountry": {"@type": "Country", "name": "DE"},
    }
    address = normalise_address(postal, "US")  # the spec's default country does not override the page
    assert (address.street, address.number, address.locality, address.postcode, address.country) == (
        "haupt strasse", "5", "berlin", "10115", "DE"
    )
    roster = {"street": "Hauptstr.", "house_number": "5", "city": "Berlin", "postcode": "10115",
              "country": "DE"}
    assert compare_addresses(address, normalise_address(roster, "AU")).equal


def test_countries_by_name_and_a_line_that_names_its_country() -> None:
    assert normalise_address({"street": "1 Main St", "country": "United States"}, "DE").country == "US"
    assert normalise_address({"street": "Kalverstraat 1", "country": "Nederland"}, "US").country == "NL"
    assert normalise_address("Hauptstraße 5, 10115 Berlin, Deutschland", "US").country == "DE"
    # a US state is not read as a country
    assert normalise_address("1 Peachtree St, Atlanta, Georgia 30303", "US").region == "GA"


def test_postcodes_outside_au_us_gb_ca_are_not_glued_to_the_locality() -> None:
    for line, country, postcode, locality in (
        ("Orleansplatz 6a, 81667 München", "DE", "81667", "muenchen"),
        ("Fakkelgras 31, 3206JE Spijkenisse", "NL", "3206 JE", "spijkenisse"),
        ("Industrivej 1, 8600 Silkeborg", "DK", "8600", "silkeborg"),
        ("Na Troskách 25, 974 01 Banská Bystrica", "SK", "97401", "banska bystrica"),
        ("Brücklerweg 1, A-3300 Winklarn", "AT", "3300", "winklarn"),
    ):
        address = normalise_address(line, country)
        assert (address.postcode, address.locality) == (postcode, locality), line


def test_old_rows_with_state_still_build() -> None:
    stored = normalise_address("12 George St, Sydney NSW 2000", "AU").as_dict()
    stored.pop("key")
    old = {**{k: v for k, v in stored.items() if k != "region"}, "state": "NSW"}
    assert Address(**old) == Address(**stored)
    assert Address(**stored).state == "NSW"


def real_pages() -> dict:
    path = TESTS_DATA / "real_pages" / "expected.json"
    if not path.exists():
        pytest.skip("tests/data/real_pages not present")
    return json.loads(path.read_text(encoding="utf-8"))


def test_real_page_addresses_as_parts_and_as_one_line() -> None:
    """Hand-read addresses of real store pages in 16 countries (tests/data/real_pages): the parts as
    the page gives them and the same address written as one line are one address."""
    checked = 0
    for name, want in real_pages().items():
        if not want.get("street") or not want.get("locality"):
            continue
        country = want["country"]
        parts = {
            "streetAddress": want["street"],
            "addressLocality": want["locality"],
            "postalCode": want.get("postcode_as_written") or want.get("postcode"),
            "addressCountry": want.get("country_as_written") or country,
        }
        postcode = want.get("postcode") or ""
        fmt = country_format(country)
        tail = f"{postcode} {want['locality']}" if fmt.postcode_first else f"{want['locality']} {postcode}"
        line = f"{want['street']}, {tail.strip()}"
        result = compare_addresses(normalise_address(parts, "US"), normalise_address(line, country))
        assert result.equal, f"{name}: {result.explain()}"
        checked += 1
    assert checked >= 10


def test_starbucks_rows_as_parts_equal_their_one_line_form() -> None:
    """2,369 real GB/CA store rows: the row's columns as parts = the same address as one line."""
    with (TESTS_DATA / "locations" / "starbucks_gb_ca.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    equal = 0
    for row in rows:
        parts = {"street": row["Street Address"], "city": row["City"], "postcode": row["Postcode"],
                 "country": row["Country"]}
        line = f"{row['Street Address']}, {row['City']} {row['Postcode']}"
        try:
            first, second = normalise_address(parts, "US"), normalise_address(line, row["Country"])
        except NormaliseError:
            continue
        equal += compare_addresses(first, second).equal
    assert equal / len(rows) > 0.95, equal


def test_tables_ship_with_the_package() -> None:
    assert (DATA / "usps_pub28_c1_street_suffixes.csv").exists()
    assert (DATA / "libpostal" / "LICENSE.txt").exists()
    assert street_types(("en",))[("expy",)] == {"expressway"}


def test_a_long_hostile_address_returns_at_once() -> None:
    started = time.perf_counter()
    for text in (", " * 100_000, "a" * 200_000, "1 " * 100_000, "#" * 200_000):
        with pytest.raises(NormaliseError):
            normalise_address(text, "US")
        with pytest.raises(NormaliseError):
            normalise_address({"streetAddress": text, "addressLocality": "x"}, "US")
    assert time.perf_counter() - started < 0.5


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=900), st.sampled_from(["US", "GB", "AU", "CA", "DE", "NL", "FR", "JP", "ZZ", ""]))
def test_any_text_gives_an_address_or_a_clear_error_quickly(text: str, country: str) -> None:
    with contextlib.suppress(NormaliseError):
        normalise_address("1 Main St", country)  # the country's tables are loaded once, not timed
    started = time.perf_counter()
    try:
        address = normalise_address(text, country)
    except NormaliseError as exc:
        assert str(exc)
    else:
        assert address.street
        assert compare_addresses(address, address).equal
    assert time.perf_counter() - started < 0.25


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["12", "Main", "St", ",", "#", "Suite", "/", "-", "92262", "N", "Berlin",
                                 "10115", "straße", "Unit 3", "1012 AB", "NSW", "  "]), max_size=40))
def test_address_like_soup_never_crashes(words: list[str]) -> None:
    text = " ".join(words)
    for country in ("US", "DE", "AU", "NL"):
        with contextlib.suppress(NormaliseError):
            normalise_address(text, country)


_VALUES = st.recursive(
    st.none() | st.text(max_size=60) | st.integers() | st.floats(allow_nan=True),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.sampled_from(["name", "@id"]), children),
    max_leaves=8,
)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(["streetAddress", "addressLocality", "addressRegion", "postalCode",
                                        "addressCountry", "house_number", "unit", "street", "city"]),
                       _VALUES, max_size=7))
def test_any_mapping_gives_an_address_or_a_clear_error(raw: dict) -> None:
    try:
        address = normalise_address(raw, "US")
    except NormaliseError as exc:
        assert str(exc)
    else:
        assert address.street or address.locality or address.postcode
        assert compare_addresses(address, address).equal


def test_regions_by_iso_name_code_or_translation() -> None:
    """Region names from ISO 3166-2 (pycountry) where Google's metadata has none (DE, FR)."""
    roster = normalise_address({"street": "Marienplatz 1", "city": "München", "state": "BY",
                                "postcode": "80331", "country": "DE"}, "DE")
    for region in ("Bayern", "Bavaria", "BY"):
        page = normalise_address({"streetAddress": "Marienplatz 1", "addressLocality": "München",
                                  "addressRegion": region, "postalCode": "80331"}, "DE")
        assert compare_addresses(roster, page).equal, region
    other = normalise_address({"streetAddress": "Marienplatz 1", "addressLocality": "München",
                               "addressRegion": "Hessen", "postalCode": "80331"}, "DE")
    assert compare_addresses(roster, other).differing == ("region",)


def test_a_locality_with_a_qualifier_is_the_same_place_only_at_the_same_postcode() -> None:
    short = normalise_address("Zeil 1, 60313 Frankfurt", "DE")
    assert compare_addresses(short, normalise_address("Zeil 1, 60313 Frankfurt am Main", "DE")).equal
    assert not compare_addresses(short, normalise_address("Zeil 1, 15230 Frankfurt (Oder)", "DE")).equal
    bare = normalise_address({"street": "Zeil 1", "city": "Frankfurt am Main"}, "DE")
    assert compare_addresses(short, bare).differing == ("locality",)


@pytest.mark.parametrize(
    ("shown", "roster"),
    [
        ("Av. da Liberdade 110, 1250-146 Lisboa", "Avenida da Liberdade 110, 1250-146 Lisboa"),
        ("R. de Santa Catarina 2, 4000-442 Porto", "Rua de Santa Catarina 2, 4000-442 Porto"),
        ("Pç. do Comércio 5, 1100-148 Lisboa", "Praça do Comércio 5, 1100-148 Lisboa"),
    ],
)
def test_portuguese_street_types(shown: str, roster: str) -> None:
    assert compare_addresses(normalise_address(shown, "PT"), normalise_address(roster, "PT")).equal


def test_a_country_with_no_street_table_reads_no_english_words() -> None:
    """Swedish, Polish or Portuguese words are not read as English or Australian street types."""
    assert "deviation" not in normalise_address("Rua de Santa Catarina 2, 4000-442 Porto", "PT").key
    a = normalise_address("Drottninggatan 5, 111 51 Stockholm", "SE")
    b = normalise_address("Drottninggatan 7, 111 51 Stockholm", "SE")
    assert compare_addresses(a, b).differing == ("number",)
    assert compare_addresses(a, normalise_address("Drottninggatan 5, 11151 Stockholm", "SE")).equal


def test_an_initial_in_a_street_name_stands_for_the_name() -> None:
    shown, roster = "Via G. Garibaldi 5, 10122 Torino", "Via Giuseppe Garibaldi 5, 10122 Torino"
    assert compare_addresses(normalise_address(shown, "IT"), normalise_address(roster, "IT")).equal
    other = normalise_address("Via G. Verdi 5, 10122 Torino", "IT")
    assert compare_addresses(other, normalise_address(roster, "IT")).differing == ("street",)
    wrong_initial = normalise_address("Via M. Garibaldi 5, 10122 Torino", "IT")
    assert compare_addresses(wrong_initial, normalise_address(roster, "IT")).differing == ("street",)


def test_parts_with_a_place_but_no_street_keep_what_is_shown() -> None:
    """A page that gives only its town and postcode: those are compared, the street is missing."""
    shown = normalise_address({"locality": "Castro Urdiales", "postcode": "39700", "country": "ES"}, "ES")
    assert (shown.street, shown.locality, shown.postcode) == ("", "castro urdiales", "39700")
    roster = normalise_address("Calle Ardigales 5, 39700 Castro Urdiales", "ES")
    comparison = compare_addresses(shown, roster)
    assert comparison.equal and "street" in comparison.missing
    moved = normalise_address({"locality": "Castro Urdiales", "postcode": "39701"}, "ES")
    assert compare_addresses(moved, roster).differing == ("postcode",)
    with pytest.raises(NormaliseError, match="no street, locality or postcode"):
        normalise_address({"region": "Cantabria"}, "ES")


def test_the_country_a_postcode_form_fits_alone() -> None:
    from auditor.normalise.address_postcodes import country_of_postcode

    europe = ("AT", "BE", "DE", "FR", "NL")
    assert country_of_postcode("Kalverstraat 146, 5611AH Eindhoven", europe) == "NL"
    assert country_of_postcode("Hauptstr. 5, 10115 Berlin", europe) is None  # DE or FR
    assert country_of_postcode("1 Main St, Toronto ON M5V 2T6", ("GB", "US", "CA")) == "CA"
    assert country_of_postcode("5611AH", ("NL",)) is None  # one country: nothing to choose


@pytest.mark.parametrize(
    ("line", "locality", "region", "street"),
    [
        ("9F 東京都立川市曙町2-39-3 立川高島屋S.C.", "立川市", "13", "曙町2-39-3 立川高島屋s c"),
        ("〒959-2656 新潟県胎内市東本町12-1", "胎内市", "15", "東本町12-1"),
        ("愛知県愛知郡東郷町春木白土1-1", "愛知郡東郷町", "23", "春木白土1-1"),
        ("三重県四日市市諏訪町1-5", "四日市市", "24", "諏訪町1-5"),
        ("安城市三河安城南町1-18-10", "安城市", "", "三河安城南町1-18-10"),
        ("〒１００－０００５ 東京都千代田区丸の内１丁目９－１", "千代田区", "13", "丸の内1-9-1"),
    ],
)
def test_japanese_one_line_addresses_split_into_areas(line: str, locality: str, region: str,
                                                       street: str) -> None:
    address = normalise_address(line, "JP")
    assert (address.locality, address.region) == (locality, region)
    assert address.street == street


def test_japanese_city_ward_reads_alike_with_the_city_or_with_the_street() -> None:
    one_line = normalise_address("北海道札幌市中央区北1条西2丁目", "JP")
    ward_with_city = normalise_address({"streetAddress": "北1条西2丁目", "addressLocality": "札幌市中央区",
                                        "addressRegion": "北海道"}, "JP")  # fmt: skip
    ward_with_street = normalise_address({"streetAddress": "中央区北1条西2丁目",
                                          "addressLocality": "札幌市"}, "JP")  # fmt: skip
    assert one_line == ward_with_city
    assert compare_addresses(one_line, ward_with_street).score == 1.0
    assert compare_addresses(one_line, normalise_address("北海道札幌市北区北1条西2丁目", "JP")).score < 1.0


def test_chinese_one_line_addresses_split_into_province_city_and_street() -> None:
    one_line = normalise_address("中国广东省深圳市南山区深南大道10000号 邮编518057", "CN")
    assert (one_line.region, one_line.locality, one_line.postcode) == ("44", "深圳市", "518057")
    assert one_line.street == "南山区深南大道10000号"
    parts = {"streetAddress": "深南大道10000号", "addressLocality": "深圳市南山区",
             "addressRegion": "Guangdong", "postalCode": "518057"}  # fmt: skip
    district_with_city = normalise_address(parts, "CN")
    assert compare_addresses(one_line, district_with_city).score == 1.0
    capital = normalise_address("北京市朝阳区建国路87号", "CN")
    assert (capital.region, capital.locality, capital.street) == ("11", "北京市", "朝阳区建国路87号")


def test_a_region_reads_alike_in_every_script_and_code_form() -> None:
    from auditor.normalise.address_postcodes import region_code

    assert {region_code(r, "CN") for r in ("广东省", "广东", "Guangdong", "CN-GD", "44")} == {"44"}
    assert {region_code(r, "JP") for r in ("愛知県", "愛知", "Aichi", "JP-23")} == {"23"}
    assert {region_code(r, "DE") for r in ("Bayern", "Bavaria", "DE-BY")} == {"BY"}


@pytest.mark.parametrize(
    ("written", "short", "country"),
    [("ul. Floriańska 30, 31-019 Kraków", "Floriańska 30, 31-019 Kraków", "PL"),
     ("Calle Mayor 12, 28013 Madrid", "Mayor 12, 28013 Madrid", "ES")],
)
def test_a_leading_street_type_left_out_where_the_type_comes_first(written: str, short: str,
                                                                    country: str) -> None:
    written_address, short_address = normalise_address(written, country), normalise_address(short, country)
    assert compare_addresses(written_address, short_address).score == 1.0


def test_a_street_type_left_out_in_english_still_differs() -> None:
    a = normalise_address("12 Park Lane, London W1K 1AA", "GB")
    b = normalise_address("12 Lane, London W1K 1AA", "GB")
    assert "street" in compare_addresses(a, b).differences


def test_an_eircode_is_written_routing_key_first() -> None:
    from auditor.normalise.address_postcodes import postcode_form

    assert postcode_form("d02xe80", "IE") == postcode_form("D02 XE80", "IE") == "D02 XE80"


@pytest.mark.parametrize(
    "line",
    [
        "ул. Тверская, 7, Москва, 125009",
        "125009, Москва, ул. Тверская, 7",
        "г. Москва, ул. Тверская, д. 7",
        "Москва, ул. Тверская, 7",
    ],
)
def test_russian_addresses_read_in_either_order(line: str) -> None:
    address = normalise_address(line, "RU")
    assert (address.street, address.number, address.locality) == ("улица тверская", "7", "москва")


def test_a_macau_address_in_latin_letters_is_portuguese() -> None:
    address = normalise_address("Avenida da Praia Grande 429, Macau", "MO")
    assert (address.street, address.number, address.country) == ("avenida da praia grande", "429", "MO")


def test_a_taiwanese_address_in_latin_letters_reads_its_abbreviations() -> None:
    short = normalise_address("No. 68, Sec. 5, Zhongxiao E. Rd., Xinyi Dist., Taipei City 110", "TW")
    full = normalise_address(
        "No. 68, Section 5, Zhongxiao East Road, Xinyi District, Taipei City, Taiwan 110", "TW"
    )
    assert compare_addresses(short, full).differences == {}
    assert (full.street, full.number, full.postcode) == ("zhongxiao east road", "68", "110")


@pytest.mark.parametrize(
    "written",
    [
        "Rue Neuve 85 / Nieuwstraat 85, Bruxelles / Brussel 1000, BE",
        "Rue Neuve 85, 1000 Bruxelles",
        {"streetAddress": "Rue Neuve - Nieuwstraat 85", "addressLocality": "Bruxelles - Brussel",
         "postalCode": "1000"},
    ],
)
def test_a_brussels_address_in_both_languages_matches_either(written) -> None:
    french = normalise_address("Rue Neuve 85, 1000 Bruxelles", "BE")
    dutch = normalise_address("Nieuwstraat 85, 1000 Brussel", "BE")
    both = normalise_address(written, "BE")
    assert compare_addresses(french, both).differences == {}
    if "|" in both.street:
        assert compare_addresses(dutch, both).differences == {}


def test_a_spaced_slash_elsewhere_is_no_second_language() -> None:
    assert "|" not in normalise_address("Unit 5 / 12 Main Street, Sydney NSW 2000", "AU").street


@pytest.mark.parametrize(
    ("a", "b", "country"),
    [
        ("Av. Paulista, 1578 - Bela Vista, São Paulo - SP, 01310-200",
         "Avenida Paulista 1578, São Paulo, SP 01310-200", "BR"),
        ("C/ Fuencarral, 45, 28004 Madrid", "Calle de Fuencarral 45, 28004 Madrid", "ES"),
        ("Rua da Prata 12, 1100-414 Lisboa", "Rua Prata 12, 1100-414 Lisboa", "PT"),
        ("Shop 3/ 12 Victoria Ave, Chatswood NSW 2067", "Shop 3, 12 Victoria Avenue, Chatswood NSW 2067",
         "AU"),
    ],
)
def test_local_forms_read_alike(a: str, b: str, country: str) -> None:
    assert compare_addresses(normalise_address(a, country), normalise_address(b, country)).differences == {}


def test_a_linking_word_left_out_is_no_other_street_name() -> None:
    a = normalise_address("Calle Mayor 5, 28013 Madrid", "ES")
    b = normalise_address("Calle Menor 5, 28013 Madrid", "ES")
    assert "street" in compare_addresses(a, b).differences


def test_a_province_lies_within_its_region() -> None:
    from auditor.normalise.address_postcodes import same_region

    assert same_region("Andalucía", "Sevilla", "ES") and not same_region("Andalucía", "Madrid", "ES")
    assert same_region("Cataluña", "Barcelona", "ES")  # ISO writes it "Catalunya [Cataluña]"


def test_a_town_named_by_its_district_in_the_same_postcode_and_region_is_no_difference() -> None:
    district = normalise_address({"streetAddress": "Calle Francisco Sosa 10", "addressLocality": "Coyoacán",
                                  "addressRegion": "CDMX", "postalCode": "04000"}, "MX")
    city = normalise_address("Calle Francisco Sosa 10, Ciudad de México, CDMX 04000", "MX")
    assert compare_addresses(district, city).differences == {}
    madrid = normalise_address("Calle Mayor 5, Madrid, Comunidad de Madrid 28013", "ES")
    province = normalise_address("Calle Mayor 5, Madrid, Madrid 28013", "ES")
    assert compare_addresses(madrid, province).differences == {}
