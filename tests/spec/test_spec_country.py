"""A spec that leaves out ``country`` takes its roster's; never a silent default."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from auditor.spec import load_spec
from tests.spec.conftest import validate


def _without_country(spec_dir: Path) -> Path:
    spec = spec_dir / "brand.yaml"
    spec.write_text(re.sub(r"(?m)^country:.*\n", "", spec.read_text(encoding="utf-8")), encoding="utf-8")
    return spec


def _roster_countries(spec_dir: Path, countries: list[str] | None) -> int:
    """Set each row's country (None: empty every one); the number of rows."""
    roster = spec_dir / "roster.csv"
    with roster.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row, country in zip(rows, countries or [""] * len(rows), strict=True):
        row["country"] = country
    with roster.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)


def test_a_spec_without_country_takes_the_one_most_of_its_stores_are_in(spec_dir: Path) -> None:
    spec = _without_country(spec_dir)
    rows = _roster_countries(spec_dir, None)
    _roster_countries(spec_dir, ["AU"] * rows)
    loaded = load_spec(spec)
    assert loaded.country == "AU" and all(store.country == "AU" for store in loaded.roster)


def test_a_spec_without_country_whose_roster_names_none_is_refused(spec_dir: Path) -> None:
    spec = _without_country(spec_dir)
    _roster_countries(spec_dir, None)
    code, lines = validate(spec)
    assert code != 0
    assert any("country: not set" in line and "brand.yaml:1" in line for line in lines), lines
