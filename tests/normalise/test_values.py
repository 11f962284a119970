"""Phone, address, name, URL, colour, font, logo, text and language normalisers on real values."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image, ImageDraw

from auditor.normalise import (
    NormaliseError,
    addresses_match,
    colours_from_css,
    contains_name,
    delta_e,
    detect_language,
    fonts_from_css,
    hash_distance,
    is_neutral,
    logo_hash,
    name_similarity,
    nearest_palette,
    normalise_address,
    normalise_name,
    normalise_phone,
    normalise_url,
    visible_text,
)

DATA = Path(__file__).parent.parent / "data"


def starbucks_rows() -> list[dict[str, str]]:
    with (DATA / "locations" / "starbucks_gb_ca.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


# --- phone --------------------------------------------------------------------------------------


@pytest.mark.parametrize("raw", ["(02) 9876 5432", "+61 2 9876 5432", "02-9876-5432", "tel:+61298765432"])
def test_au_phone_forms_are_one_number(raw: str) -> None:
    assert normalise_phone(raw, "AU") == "+61298765432"


def test_starbucks_gb_ca_phones() -> None:
    """Real, mixed phone formats (Starbucks store locator, GB and CA)."""
    rows = [r for r in starbucks_rows() if r["Phone Number"]]
    read = 0
    for row in rows:
        try:
            value = normalise_phone(row["Phone Number"], row["Country"])
        except NormaliseError:
            continue
        read += 1
        assert value.startswith("+44" if row["Country"] == "GB" else "+1")
        assert normalise_phone(value, row["Country"]) == value  # idempotent
    print(f"Starbucks phones read: {read} of {len(rows)}")
    assert read / len(rows) > 0.99


@pytest.mark.parametrize("raw", ["", "call us", "123", "(02) 9876 54"])
def test_bad_phones_raise(raw: str) -> None:
    with pytest.raises(NormaliseError):
        normalise_phone(raw, "AU")


# --- address ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("12 George St, Sydney NSW 2000", "12 George Street, Sydney, New South Wales 2000"),
        ("Unit 3, 12 Smith Rd, Parramatta NSW 2150", "3/12 Smith Road, Parramatta NSW 2150"),
        ("Suite 3 12 Smith Road Parramatta NSW 2150", "3/12 SMITH RD., PARRAMATTA, NSW, 2150"),
        ("123 Queen St W, Toronto, ON M5H2M9", "123 Queen Street W, Toronto, Ontario M5H 2M9"),
        (
            "1600 Pennsylvania Ave NW, Washington, DC 20500",
            "1600 Pennsylvania Avenue NW, Washington DC 20500",
        ),
        ("89-91 High Street, Ashford TN24 8SA", "89-91 High St, Ashford, tn248sa"),
    ],
)
def test_equivalent_addresses_share_a_key(a: str, b: str) -> None:
    country = "AU" if "NSW" in a else "CA" if "ON" in a else "US" if "DC" in a else "GB"
    first, second = normalise_address(a, country), normalise_address(b, country)
    assert first.key == second.key
    assert addresses_match(first, second) == 1.0


def test_different_addresses_get_partial_credit() -> None:
    a = normalise_address("12 George St, Sydney NSW 2000", "AU")
    b = normalise_address("14 George St, Sydney NSW 2000", "AU")
    assert 0.5 < addresses_match(a, b) < 1.0


def test_schema_org_postal_address_and_roster_parts() -> None:
    postal = {
        "streetAddress": "Unit 3, 12 Smith Rd",
        "addressLocality": "Parramatta",
        "addressRegion": "New South Wales",
        "postalCode": "2150",
        "addressCountry": "AU",
    }
    parts = {"street": "3/12 Smith Road", "locality": "Parramatta", "state": "NSW", "postcode": "2150"}
    assert normalise_address(postal, "AU").key == normalise_address(parts, "AU").key


def test_starbucks_addresses_all_read_and_mostly_stable() -> None:
    """2,369 real GB/CA store addresses: all read; re-reading the canonical key changes nothing."""
    rows = starbucks_rows()
    stable = 0
    for row in rows:
        line = f"{row['Street Address']}, {row['City']} {row['State/Province']} {row['Postcode']}"
        address = normalise_address(line, row["Country"])
        stable += normalise_address(address.key, row["Country"]).key == address.key
    print(f"Starbucks addresses stable on re-reading: {stable} of {len(rows)}")
    assert stable / len(rows) > 0.97


# --- names and urls ---------------------------------------------------------------------------


def test_name_case_and_punctuation_fold() -> None:
    assert normalise_name("Furn.Co") == normalise_name("FURN.CO")
    assert name_similarity("Furn. Co", "FurnCo") == 1.0
    assert name_similarity("Furn.Co", "Furniture Barn") < 0.7
    assert contains_name("Welcome to FURN.CO Parramatta", "Furn.Co")
    assert not contains_name("Furniture Barn Parramatta", "Furn.Co")


def test_nsi_brand_variants_are_similar() -> None:
    """Real brand names and their known variants (name-suggestion-index, BSD-3)."""
    with (DATA / "brands" / "nsi_brands_flat.csv").open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["matchNames"]]
    pairs = [
        (r["name"], m)
        for r in rows
        for m in r["matchNames"].split("|")
        if normalise_name(m).replace(" ", "") == normalise_name(r["name"]).replace(" ", "")
    ]
    assert pairs, "some NSI variants differ only by case, spacing or punctuation"
    assert all(name_similarity(a, b) == 1.0 for a, b in pairs)


@pytest.mark.parametrize(
    "raw",
    [
        "https://www.furnco.example/stores/parramatta/",
        "http://furnco.example/stores/parramatta",
        "HTTPS://WWW.FURNCO.EXAMPLE/stores/parramatta/?utm_source=maps&utm_medium=listing",
        "https://furnco.example:443/stores/parramatta/?gclid=abc#hours",
    ],
)
def test_url_forms_fold(raw: str) -> None:
    assert normalise_url(raw) == "https://furnco.example/stores/parramatta"


@given(
    st.from_regex(
        r"https?://(www\.)?[a-z]{1,8}\.example(/[a-z]{1,5}){0,3}/?(\?[a-z]=[a-z0-9]{1,3})?", fullmatch=True
    )
)
def test_url_normalising_is_idempotent(raw: str) -> None:
    assert normalise_url(normalise_url(raw)) == normalise_url(raw)


# --- colours, fonts, logos ----------------------------------------------------------------------


def test_colours_in_every_notation() -> None:
    css = """:root{--brand:#1F4E5F} a{color:#1f4e5f;background:rgb(224 122 46)}
    .b{border:1px solid hsl(0, 0%, 100%)} @media print { b { color: navy } } p{color:inherit}"""
    assert colours_from_css(css) == ["#1f4e5f", "#e07a2e", "#ffffff", "#000080"]
    assert colours_from_css("color: rgba(31, 78, 95, 0.5)") == ["#1f4e5f"]


def test_palette_distance_and_neutrals() -> None:
    assert delta_e("#1f4e5f", "#1f4e5f") == 0
    assert delta_e("#1f4e5f", "#c0392b") > 30
    assert nearest_palette("#1f4e60", ["#e07a2e", "#1f4e5f"])[0] == "#1f4e5f"
    assert is_neutral("#f4f4f4") and is_neutral("#000000") and not is_neutral("#e07a2e")


def test_font_stacks_fold_quotes_case_and_generics() -> None:
    css = """body{font-family:"Source Sans 3", Arial, sans-serif}
    h1{font: bold 2em/1.2 'merriweather', serif} p{font-family: var(--f)}"""
    assert fonts_from_css(css) == ["source sans 3", "arial", "merriweather"]
    assert fonts_from_css("font-family: SOURCE SANS 3") == ["source sans 3"]


def _png(draw_circle: bool) -> bytes:
    image = Image.new("RGB", (120, 60), "white")
    draw = ImageDraw.Draw(image)
    if draw_circle:
        draw.ellipse((10, 10, 50, 50), fill="#1f4e5f")
    else:
        draw.rectangle((10, 10, 110, 30), fill="#e07a2e")
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def test_logo_hash_tells_logos_apart_and_survives_reencoding() -> None:
    original = _png(True)
    reencoded = io.BytesIO()
    Image.open(io.BytesIO(original)).convert("RGB").save(reencoded, format="JPEG", quality=80)
    assert hash_distance(logo_hash(original), logo_hash(reencoded.getvalue())) <= 4
    assert hash_distance(logo_hash(original), logo_hash(_png(False))) > 10
    with pytest.raises(NormaliseError):
        logo_hash(b"<html>not an image</html>")


# --- text and language --------------------------------------------------------------------------


def test_visible_text_drops_scripts_and_styles() -> None:
    html = (
        "<html><head><style>p{}</style></head><body><p>Prices <b>include</b> GST.</p>"
        "<script>alert('x')</script></body></html>"
    )
    assert visible_text(html) == "Prices include GST."


def test_language_detection_only_among_requested() -> None:
    assert detect_language("The sofa arrived damaged and nobody called back.", ("en", "de")) == "en"
    assert detect_language("Das Sofa kam beschädigt an und niemand rief zurück.", ("en", "de")) == "de"
    assert detect_language("👍👍", ("en",)) is None


def test_a_language_the_brand_does_not_write_in_is_not_taken_for_one_it_does() -> None:
    from auditor.normalise.language import detect_language

    swedish = "Fantastisk service och trevlig personal, vi kommer tillbaka!"
    assert detect_language(swedish, ("en",)) is None
    assert detect_language(swedish, ("en", "sv")) == "sv"
    assert detect_language("Great service and friendly staff.", ("en",)) == "en"
