"""``countries:`` in a source block: ISO codes, one or several, refused with the spec's own words."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.spec import SpecError, load_spec
from tests.crawl.country_world import write_spec


def _spec(tmp_path: Path, old: str, new: str) -> Path:
    path = write_spec(tmp_path, "http://127.0.0.1:9")
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    return path


def test_codes_are_read_in_any_case_and_one_code_may_stand_alone(tmp_path: Path) -> None:
    spec = load_spec(_spec(tmp_path, "countries: [SE]", "countries: se"))
    assert [s.countries for s in spec.sources] == [["SE"], ["NO"], [], [], ["SE", "NO", "DK"]]


def test_an_unknown_code_names_its_line(tmp_path: Path) -> None:
    path = _spec(tmp_path, "countries: [SE]", "countries: [SE, Sweden]")
    with pytest.raises(SpecError) as caught:
        load_spec(path)
    line = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if "Sweden" in text)
    assert str(caught.value.problems[0]) == (
        f"{path}:{line}: sources[0].countries: 'Sweden' is not a country code "
        "(ISO 3166 alpha-2, like SE or NO)"
    )


def test_norway_unquoted_is_told_to_be_quoted(tmp_path: Path) -> None:
    path = _spec(tmp_path, "countries: ['NO']", "countries: [NO]")
    with pytest.raises(SpecError) as caught:
        load_spec(path)
    assert str(caught.value.problems[0]).endswith("write 'NO' in quotes: YAML reads NO as false")


def test_a_platform_preset_takes_countries_too(tmp_path: Path) -> None:
    block = "  - {preset: osm_overpass, wikidata: Q1, countries: [SE, DK]}\n"
    path = _spec(tmp_path, "sources:\n", "sources:\n" + block)
    spec = load_spec(path)
    assert spec.sources[0].countries == ["SE", "DK"]
