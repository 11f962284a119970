"""The country a listing is read with: the one its address names (in the country's own language,
in English, or as an ISO code at the end of the line), else its source's, else the spec's."""

from __future__ import annotations

import pytest

from auditor.crawl.fields import normalise_field
from auditor.crawl.listing_country import country_for, other_countries, stated_country


@pytest.mark.parametrize(
    ("address", "country"),
    [
        ("Mannerheimintie 5, 00100 Helsinki, Suomi", "FI"),
        ("Mannerheimintie 5, 00100 Helsinki, Finland", "FI"),
        ("Karl Johans gate 15, 0159 Oslo, Norge", "NO"),
        ("Karl Johans gate 15, 0159 Oslo, NO", "NO"),
        ("Vesterbrogade 32, 1620 København V, Danmark", "DK"),
        ("ul. Marszałkowska 104, 00-017 Warszawa, Polska", "PL"),
        ("Kärntner Straße 12, 1010 Wien, Österreich", "AT"),
        ("Kärntner Straße 12, 1010 Wien, AT", "AT"),
        ("Drottninggatan 10, 111 51 Stockholm, Sverige", "SE"),
    ],
)
def test_a_country_named_at_the_end_of_the_address_line(address: str, country: str) -> None:
    assert stated_country({"address": address}, "SE" if country != "SE" else "DE") == country
    parts, problem = normalise_field("address", address, "SE")
    assert problem is None and parts["country"] == country and parts["locality"] not in ("no", "at")


def test_a_region_code_of_the_default_country_stays_a_region() -> None:
    assert stated_country({"address": "1 Main St, Dover, DE 19901"}, "US") is None
    assert stated_country({"address": "599 Valencia Street, San Francisco, CA 94110"}, "US") is None
    assert stated_country({"address": "12 George St, Adelaide, SA"}, "AU") is None


def test_the_default_country_named_counts_as_stated() -> None:
    assert stated_country({"address": "Storgatan 5, 211 34 Malmö, Sweden"}, "SE") == "SE"
    assert stated_country({"address": "Storgatan 5, 211 34 Malmö"}, "SE") is None


def test_the_phone_is_read_with_the_country_the_address_names() -> None:
    raw = {"address": "Mannerheimintie 5, 00100 Helsinki, Finland", "phone": "09 5555 2020"}
    country, stated = country_for(raw, (), ("SE", "FI"), "SE")
    assert (country, stated) == ("FI", True)
    assert normalise_field("phone", raw["phone"], country) == ("+358955552020", None)


def test_a_listing_naming_none_is_read_with_its_sources_country() -> None:
    assert country_for({"address": "Vitaminveien 7, 0485 Oslo"}, ("NO",), ("SE", "NO"), "SE") == ("NO", False)
    # several: the postcode form decides when it fits one; else the first, and the others are tried
    assert country_for({"address": "Kungsgatan 40, 411 19 Göteborg"}, ("NO", "SE"), (), "NO")[0] == "SE"
    copenhagen = {"address": "Vesterbrogade 32, 1620 København"}
    assert country_for(copenhagen, ("SE", "NO", "DK"), (), "SE")[0] == "SE"
    assert other_countries(copenhagen, "SE", ("SE", "NO", "DK"), ()) == ["NO", "DK"]
    # without countries: only the roster's countries its postcode form fits are tried
    assert other_countries(copenhagen, "SE", (), ("DE", "DK", "SE")) == ["DK"]
