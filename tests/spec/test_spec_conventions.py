"""What brands need to say in the spec: several legal names, languages, font fallbacks, phrases
per country/language/region, a house-number column, plain hex palettes, what sources carry; and
rosters as spreadsheets write them. Each bad value is one file:line: message in our words."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from auditor.spec import SpecError, load_spec
from auditor.spec.models import with_house_number
from tests.cli.conftest import edit, line_number
from tests.spec.conftest import validate


def test_brand_conventions_are_read(spec_dir: Path) -> None:
    spec = spec_dir / "brand.yaml"
    edit(spec, "  legal_name: Example Co Pty Ltd\n",
         "  legal_name: Example Co Pty Ltd\n  legal_names: [Example Co GmbH, Example Co SAS]\n")
    edit(spec, "regions: [NSW, VIC, QLD]", "languages: [de, FR, en-AU]\nregions: [NSW, VIC, QLD]")
    edit(spec, "  fonts: [Source Sans 3, Merriweather]",
         "  fonts: [Source Sans 3, Merriweather]\n  font_fallbacks: [Georgia, serif]")
    edit(spec, '    - {name: primary, hex: "#1F4E5F"}', '    - "#1F4E5F"\n    - "#ABC"')
    edit(spec, '    - {text: "Prices include GST.", scope: site}',
         '    - {text: "Prices include GST.", scope: site}\n'
         '    - {text: "Prix TTC", country: FR}\n'
         '    - {text: "Preise inkl. MwSt.", language: de}\n'
         '    - {text: "Open late Fridays", region: [VIC, QLD]}')
    loaded = load_spec(spec)
    assert loaded.brand.all_legal_names == ["Example Co Pty Ltd", "Example Co GmbH", "Example Co SAS"]
    assert loaded.languages == ["de", "fr", "en"]
    assert loaded.identity.font_fallbacks == ["Georgia", "serif"]
    assert [c.hex for c in loaded.identity.palette] == ["#1f4e5f", "#aabbcc", "#e07a2e"]
    gst, ttc, mwst, late = loaded.voice.required_phrases
    assert gst.applies_to("AU", "NSW", "en")
    assert ttc.applies_to("FR") and not ttc.applies_to("BE")
    assert mwst.applies_to("AT", language="de-AT") and not mwst.applies_to("AT", language="fr")
    assert mwst.applies_to("AT")  # a page whose language is unknown is not excused
    assert late.applies_to(region="VIC") and not late.applies_to(region="NSW")


def test_house_number_column_and_carries(spec_dir: Path) -> None:
    roster = spec_dir / "roster.csv"
    header = "store_id,name,region,"
    text = roster.read_text().replace(header + "street,", header + "house_number,street,")
    text = text.replace("NSW,12 Church Street,", "NSW,12,Church Street,")
    text = text.replace('VIC,"Unit 3, 210 Swan Street"', 'VIC,,"Unit 3, 210 Swan Street"')
    text = text.replace("QLD,88 Brunswick Street", "QLD,,88 Brunswick Street")
    roster.write_text(text)
    spec = spec_dir / "brand.yaml"
    edit(spec, "sources: []", SOURCE + "    carries: {replies: false, dates: true}")
    loaded = load_spec(spec)
    first = loaded.location("ST-001")
    assert (first.house_number, first.street) == ("12", "12 Church Street")
    assert first.street_line == "12 Church Street"
    assert first.address.startswith("12 Church Street, Parramatta")
    assert with_house_number("Hauptstraße", "12", "DE") == "Hauptstraße 12"
    assert with_house_number("Unit 3, 210 Swan Street", "210", "AU") == "Unit 3, 210 Swan Street"
    assert loaded.sources[0].carries.declared() == {"replies": False, "dates": True}


SOURCE = """sources:
  - id: reviewhub
    kind: reviews
    allowed_domains: [reviews.example.com]
    url_template: "https://reviews.example.com/example/{store_id}"
    adapter: {type: jsonld}
"""


@pytest.mark.parametrize(
    ("old", "new", "needle", "message"),
    [
        ('    - {name: primary, hex: "#1F4E5F"}', '    - "#12"', '"#12"',
         "identity.palette[0].hex: '#12' is not a hex colour (#rgb or #rrggbb)"),
        ('    - {name: accent, hex: "#E07A2E"}', "    - {name: accent, hex: teal}", "hex: teal",
         "identity.palette[1].hex: 'teal' is not a hex colour (#rgb or #rrggbb)"),
        ("regions: [NSW, VIC, QLD]", "languages: [german]\nregions: [NSW, VIC, QLD]", "languages: [german]",
         "languages: 'german' is not a language code (ISO 639-1, like de or fr)"),
        ('    - {text: "Prices include GST.", scope: site}',
         '    - {text: "Prices include GST.", region: TAS}', "region: TAS",
         "voice.required_phrases[0].region: 'TAS' is not one of the spec's regions (NSW, VIC, QLD)"),
        ("  fonts: [Source Sans 3, Merriweather]", "  fonts: [Source Sans 3]\n  font_fallback: [serif]",
         "font_fallback:", "unknown key 'font_fallback' in identity (did you mean 'font_fallbacks'?)"),
        ("  palette_tolerance: 3.0", "  palette_tolerance: [3]", "palette_tolerance",
         "identity.palette_tolerance: expected a number, found a list"),
        ("  neutrals_allowed: true", "  neutrals_allowed: maybe", "neutrals_allowed",
         "identity.neutrals_allowed: expected true or false, found 'maybe'"),
        ("  legal_name: Example Co Pty Ltd", "  legal_names: {de: Example GmbH}", "legal_names",
         "brand.legal_names: expected a list ([a, b] or one '- item' per line), found a mapping"),
        ("sources: []", SOURCE + "    carries: {reply: false}", "carries:",
         "unknown key 'reply' in sources[0].carries (did you mean 'replies'?)"),
        ("sources: []", SOURCE.replace("{store_id}", "{shop_id}"), "url_template:",
         "sources[0].url_template: '{shop_id}' is not a roster column (did you mean 'store_id'?)"),
        ("sources: []", SOURCE.replace("{store_id}", "{store_id"), "url_template:",
         "sources[0].url_template: 'https://reviews.example.com/example/{store_id' has a '{' or '}' "
         "without its pair"),
        ("  max_depth: 4", "  max_depth: -1\n  refresh_days: -2", "refresh_days",
         "crawl.refresh_days: -2 must be >= 0"),
        ("  overrides: []", "  overrides: [{match: {store: ST-001}, rules: {nap.phone: maybe}}]",
         "overrides:",
         "scoring.overrides[0].rules.nap.phone: expected 'off' or a number or a mapping (key: value), "
         "found 'maybe'"),
    ],
)  # fmt: skip
def test_each_bad_value_is_one_line_in_our_words(spec_dir: Path, old, new, needle, message) -> None:
    spec = spec_dir / "brand.yaml"
    edit(spec, old, new)
    code, lines = validate(spec)
    assert code != 0  # the exit code for spec problems (see docs/cli.md)
    assert lines == [f"{spec}:{line_number(spec, needle)}: {message}"]
    assert not any(word in lines[0] for word in ("Input should", "pydantic", "valid integer"))


def test_roster_with_byte_order_mark_and_crlf_is_read(spec_dir: Path) -> None:
    roster = spec_dir / "roster.csv"
    roster.write_bytes(b"\xef\xbb\xbf" + roster.read_text().replace("\n", "\r\n").encode())
    code, lines = validate(spec_dir / "brand.yaml")
    assert code == 0, lines
    assert [e.store_id for e in load_spec(spec_dir / "brand.yaml").roster] == ["ST-001", "ST-002", "ST-003"]


def test_roster_outside_the_spec_folder_is_refused_unless_allowed(spec_dir: Path) -> None:
    spec = spec_dir / "brand.yaml"
    outside = spec_dir.parent / "elsewhere.csv"
    shutil.copyfile(spec_dir / "roster.csv", outside)
    edit(spec, "roster: roster.csv", "roster: ../elsewhere.csv")
    code, lines = validate(spec)
    assert code != 0  # the exit code for spec problems (see docs/cli.md)
    assert lines == [
        f"{spec}:{line_number(spec, 'roster: ')}: roster file '../elsewhere.csv' is outside the spec's "
        f"folder ({outside.resolve()}); move it beside brand.yaml or set roster_outside_ok: true"
    ]
    edit(spec, "roster: ../elsewhere.csv", "roster: ../../../../../../../../etc/passwd")
    assert validate(spec)[0] != 0
    allowed = "roster: ../elsewhere.csv\nroster_outside_ok: true"
    edit(spec, "roster: ../../../../../../../../etc/passwd", allowed)
    assert validate(spec)[0] == 0


def test_empty_roster_field_in_a_url_template_is_a_warning(spec_dir: Path) -> None:
    spec = spec_dir / "brand.yaml"
    roster = spec_dir / "roster.csv"
    edit(spec, "  sitemap: https://www.example.com/sitemap.xml",
         '  url_template: "https://www.example.com/stores/{postcode}/{slug}/"')
    edit(roster, "Richmond,VIC,3121,", "Richmond,VIC,,")
    code, lines = validate(spec)
    assert code == 0
    assert lines[0] == (
        f"{roster.resolve()}:3: warning: store ST-002: 'postcode' is empty, so the brand site's url_template "
        "cannot be filled: that page is skipped and recorded as a coverage gap"
    )
    assert lines[1].endswith("3 locations in 3 regions, 0 sources, "
                             f"{len(load_spec(spec).rule_pack_paths)} rule packs")  # fmt: skip


def test_warnings_do_not_stop_loading(spec_dir: Path) -> None:
    spec = spec_dir / "brand.yaml"
    edit(spec, "sources: []", SOURCE.replace("{store_id}", "{phone}"))
    edit(spec_dir / "roster.csv", ",(03) 9421 1234,", ",,")
    loaded = load_spec(spec)
    assert [w.line for w in loaded.warnings] == [3]
    with pytest.raises(SpecError):
        edit(spec, "{phone}", "{phones}")
        load_spec(spec)


def test_the_brand_site_declares_what_it_carries(spec_dir: Path) -> None:
    spec = spec_dir / "brand.yaml"
    edit(spec, '  allow: ["/stores/"]', '  carries: {holiday_hours: false}\n  allow: ["/stores/"]')
    assert load_spec(spec).site.carries.declared() == {"holiday_hours": False}
