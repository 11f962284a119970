"""Words YAML 1.1 reads as true/false (NO for Norway, ON for Ontario, yes, off): the problem keeps
its ``file:line: message`` form and says to quote the word."""

from __future__ import annotations

from pathlib import Path

from tests.cli.conftest import auditor, edit, line_number


def test_norway_in_the_regions_list_is_told_to_be_quoted(spec: Path) -> None:
    edit(spec, "regions: [NSW, VIC, QLD]", "regions: [NSW, VIC, QLD, NO]")
    out = auditor("validate", spec)
    line = line_number(spec, "regions: [NSW")
    assert out.code == 3
    assert out.line == (f"{spec}:{line}: regions[3]: expected text, found false; "
                        "write 'NO' in quotes: YAML reads NO as false")  # fmt: skip


def test_ontario_in_a_block_list_names_its_own_line(spec: Path) -> None:
    edit(spec, "regions: [NSW, VIC, QLD]", "regions:\n  - NSW\n  - VIC\n  - QLD\n  - On")
    out = auditor("validate", spec)
    assert out.code == 3
    assert out.line.startswith(f"{spec}:{line_number(spec, '  - On')}: regions[3]: ")
    assert out.line.endswith("write 'On' in quotes: YAML reads On as true")


def test_a_country_read_as_false_is_told_to_be_quoted(spec: Path) -> None:
    edit(spec, "country: AU", "country: NO")
    out = auditor("validate", spec)
    assert out.code == 3 and out.line.startswith(f"{spec}:{line_number(spec, 'country: NO')}: country")
    assert out.line.endswith("write 'NO' in quotes: YAML reads NO as false")


def test_quoted_words_and_real_booleans_get_no_hint(spec: Path) -> None:
    edit(spec, "regions: [NSW, VIC, QLD]", "regions: [NSW, VIC, QLD, 'NO', \"ON\"]")
    assert auditor("validate", spec).code == 0
    edit(spec, "regions: [NSW, VIC, QLD, 'NO', \"ON\"]", "regions: [NSW, VIC, QLD, false]")
    out = auditor("validate", spec)
    assert out.code == 3 and out.line.endswith("regions[3]: expected text, found false")


def test_a_yaml_roster_region_read_as_false(spec: Path) -> None:
    edit(spec, "regions: [NSW, VIC, QLD]", "regions: [NSW, VIC, QLD, 'NO']")
    edit(spec, "roster.csv", "roster.yaml")
    roster = spec.parent / "roster.yaml"
    roster.write_text("- store_id: N-1\n  name: Example Co Oslo\n  region: NO\n", encoding="utf-8")
    out = auditor("validate", spec)
    assert out.code == 3
    assert out.line == (f"{roster}:1: region: expected text, found false; "
                        "write 'NO' in quotes: YAML reads NO as false")  # fmt: skip
