"""Roster columns of the brand's own are kept and usable in url templates and presets; a column
named like a known one is kept with a "did you mean" warning; ``{slug}`` spells a store's name
the way store locators write it in URLs (accents folded, not dropped)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from auditor.cli import app
from auditor.crawl.roster import entry_dict, slug_of, slugify, template_url
from auditor.spec import SpecError, load_spec

SOURCE = """sources:
  - id: omdome
    title: Omdöme
    kind: reviews
    allowed_domains: [omdome.example]
    url_template: "http://omdome.example/foretag/{omdome_slug}"
    adapter: {type: auto}
"""


def add_column(spec_dir: Path, name: str, values: list[str]) -> None:
    roster = spec_dir / "roster.csv"
    lines = roster.read_text(encoding="utf-8").splitlines()
    rows = [f"{line},{value}" for line, value in zip(lines[1:], values, strict=True)]
    lines = [f"{lines[0]},{name}", *rows]
    roster.write_text("\n".join(lines) + "\n", encoding="utf-8")


def validate(spec: Path) -> tuple[int, list[str]]:
    result = CliRunner().invoke(app, ["validate", str(spec)])
    assert "Traceback" not in result.output
    return result.exit_code, result.output.strip().splitlines()


def test_an_own_column_is_kept_and_fills_a_url_template(spec_dir: Path) -> None:
    add_column(spec_dir, "omdome_slug", ["example-parramatta", "example-richmond", "example-valley"])
    spec_path = spec_dir / "brand.yaml"
    text = spec_path.read_text(encoding="utf-8").replace("sources: []", SOURCE, 1)
    spec_path.write_text(text, encoding="utf-8")
    code, lines = validate(spec_path)
    assert code == 0 and not [line for line in lines if "warning" in line], lines
    spec = load_spec(spec_path)
    row = entry_dict(spec.location("ST-002"))
    assert row["omdome_slug"] == "example-richmond"
    assert template_url(spec.sources[0].url_template, row) == "http://omdome.example/foretag/example-richmond"


def test_an_own_column_is_a_presets_id_column(spec_dir: Path) -> None:
    add_column(spec_dir, "foursquare_venue", ["4b0588a1f964a520", "4b0588a1f964a521", "4b0588a1f964a522"])
    spec_path = spec_dir / "brand.yaml"
    block = "sources:\n  - preset: foursquare\n    id_column: foursquare_venue\n"
    spec_path.write_text(spec_path.read_text(encoding="utf-8").replace("sources: []", block, 1))
    spec = load_spec(spec_path)
    row = entry_dict(spec.location("ST-001"))
    assert template_url(spec.sources[0].url_template, row).startswith(
        "https://api.foursquare.com/v3/places/4b0588a1f964a520?")


def test_a_template_naming_no_column_at_all_is_still_refused(spec_dir: Path) -> None:
    add_column(spec_dir, "omdome_slug", ["a", "b", "c"])
    spec_path = spec_dir / "brand.yaml"
    text = spec_path.read_text(encoding="utf-8").replace("sources: []", SOURCE.replace(
        "{omdome_slug}", "{omdome_slag}"), 1)  # fmt: skip
    spec_path.write_text(text, encoding="utf-8")
    with pytest.raises(SpecError, match=r"'\{omdome_slag\}' is not a roster column \(did you mean 'omdome_"):
        load_spec(spec_path)


@pytest.mark.parametrize(
    ("header", "known"),
    [("Phone_Number", "phone"), ("postal_code", "postcode"), ("city", "locality"), ("webiste", "website"),
     ("opening_hours", "hours"), ("Holiday Hours", "holiday_hours")],
)
def test_a_column_named_like_a_known_one_is_kept_with_a_warning(
    spec_dir: Path, header: str, known: str
) -> None:
    roster = spec_dir / "roster.csv"
    first, rest = roster.read_text(encoding="utf-8").split("\n", 1)
    roster.write_text(",".join(header if c == known else c for c in first.split(",")) + "\n" + rest)
    code, lines = validate(spec_dir / "brand.yaml")
    assert code == 0, lines
    assert (f"{roster}:1: warning: column '{header}' is not one the auditor reads (did you mean "
            f"'{known}'?); it is kept as the roster's own column and '{known}' stays empty") in lines


def test_a_required_column_misspelt_names_the_column_to_rename(spec_dir: Path) -> None:
    roster = spec_dir / "roster.csv"
    roster.write_text(roster.read_text(encoding="utf-8").replace("store_id,", "Store ID,", 1))
    code, lines = validate(spec_dir / "brand.yaml")
    assert (code, lines) == (3, [f"{roster}:1: missing column 'store_id' ('Store ID' is close: rename it)"])


def test_a_yaml_rosters_own_key_is_kept_as_text(spec_dir: Path) -> None:
    spec_path = spec_dir / "brand.yaml"
    spec_path.write_text(spec_path.read_text(encoding="utf-8").replace("roster.csv", "roster.yaml", 1))
    (spec_dir / "roster.yaml").write_text(
        "- {store_id: ST-1, name: Example Co Parramatta, region: NSW, branch: 12, drive_thru: yes}\n")
    (entry,) = load_spec(spec_path).roster
    assert entry.extra_columns == {"branch": "12", "drive_thru": "true"}


@pytest.mark.parametrize(
    ("name", "country", "slug"),
    [
        ("Nordhem Möbler Aarhus", "DK", "nordhem-mobler-aarhus"),
        ("Nordhem Möbler Malmö", "SE", "nordhem-mobler-malmo"),
        ("Café de la Place, Genève", "CH", "cafe-de-la-place-geneve"),
        ("Buchhandlung Straße der Einheit", "PL", "buchhandlung-strasse-der-einheit"),
        ("Sklep Łódź Bałuty", "PL", "sklep-lodz-baluty"),
        ("Bäckerei München-Süd", "DE", "baeckerei-muenchen-sued"),
        ("Blomster Køge Æblehaven", "DK", "blomster-koege-aeblehaven"),
        ("Blomster Tromsø", "NO", "blomster-tromso"),
        ("Slice & Ember — Québec", "CA", "slice-ember-quebec"),
        ("Кофейня Москва", "RU", "кофейня-москва"),
    ],
)
def test_slug_folds_accents_the_way_store_locators_write_them(name: str, country: str, slug: str) -> None:
    assert slugify(name, country) == slug
    assert slug_of({"name": name, "country": country, "website": ""}) == slug


def test_slug_is_the_websites_last_segment_when_there_is_one() -> None:
    row = {"name": "Nordhem Möbler Malmö", "country": "SE", "website": "https://nordhem.example/se/butiker/malmo/"}
    assert slug_of(row) == "malmo"


def test_a_near_name_beside_the_known_column_does_not_say_it_is_empty(spec_dir: Path) -> None:
    add_column(spec_dir, "Phone", ["x", "y", "z"])
    code, lines = validate(spec_dir / "brand.yaml")
    roster = spec_dir / "roster.csv"
    assert code == 0 and (f"{roster}:1: warning: column 'Phone' is not one the auditor reads "
                          "(did you mean 'phone'?); it is kept as the roster's own column") in lines
