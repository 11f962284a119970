"""`auditor validate`: every kind of bad spec gets its own one-line file:line error and exit 1."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from auditor.cli import app
from auditor.spec import SpecError, load_spec
from tests.cli.conftest import edit, line_number
from tests.spec.conftest import validate

runner = CliRunner()


def test_starter_spec_is_valid(spec_dir: Path) -> None:
    code, lines = validate(spec_dir / "brand.yaml")
    assert code == 0
    assert lines == [
        f"{spec_dir / 'brand.yaml'}: ok: Example Co, 3 locations in 3 regions, 0 sources, "
        f"{len(load_spec(spec_dir / 'brand.yaml').rule_pack_paths)} rule packs"
    ]


def test_unknown_key_suggests_the_right_one(spec_dir: Path) -> None:
    spec = spec_dir / "brand.yaml"
    edit(spec, "  palette_tolerance: 3.0", "  palete_tolerance: 3.0")
    code, lines = validate(spec)
    assert code == 3
    line = line_number(spec, "palete_tolerance")
    assert lines == [
        f"{spec}:{line}: unknown key 'palete_tolerance' in identity (did you mean 'palette_tolerance'?)"
    ]


def test_wrong_type_says_what_was_expected_and_found(spec_dir: Path) -> None:
    spec = spec_dir / "brand.yaml"
    edit(spec, "  max_depth: 4", "  max_depth: deep")
    code, lines = validate(spec)
    assert code == 3
    assert lines == [
        f"{spec}:{line_number(spec, 'max_depth')}: crawl.max_depth: expected a whole number, found 'deep'"
    ]


def test_duplicate_store_id_names_both_lines(spec_dir: Path) -> None:
    roster = spec_dir / "roster.csv"
    edit(roster, "ST-002,", "ST-001,")
    code, lines = validate(spec_dir / "brand.yaml")
    assert code == 3
    assert lines == [f"{roster}:3: duplicate store id 'ST-001' (first at line 2)"]


def test_bad_phone_for_its_country(spec_dir: Path) -> None:
    roster = spec_dir / "roster.csv"
    edit(roster, "(03) 9421 1234", "(03) 9421 12")
    code, lines = validate(spec_dir / "brand.yaml")
    assert code == 3
    assert lines == [f"{roster}:3: store ST-002: phone '(03) 9421 12' is not a valid AU number"]


def test_unknown_region(spec_dir: Path) -> None:
    roster = spec_dir / "roster.csv"
    edit(roster, "ST-003,Example Co Fortitude Valley,QLD,", "ST-003,Example Co Fortitude Valley,QDL,")
    code, lines = validate(spec_dir / "brand.yaml")
    assert code == 3
    assert lines == [
        f"{roster}:4: store ST-003: region 'QDL' is not one of the spec's regions (NSW, VIC, QLD) "
        "(did you mean 'QLD'?)"
    ]


def test_missing_roster_file(spec_dir: Path) -> None:
    spec = spec_dir / "brand.yaml"
    (spec_dir / "roster.csv").unlink()
    code, lines = validate(spec)
    assert code == 3
    assert len(lines) == 1
    expected = f"{spec}:{line_number(spec, 'roster: roster.csv')}: roster file 'roster.csv' not found"
    assert lines[0].startswith(expected)


def test_yaml_syntax_error_has_its_line(spec_dir: Path) -> None:
    spec = spec_dir / "brand.yaml"
    edit(spec, "  legal_name: Example Co Pty Ltd", "  legal_name: [Example Co Pty Ltd")
    code, lines = validate(spec)
    assert code == 3
    assert len(lines) == 1
    assert lines[0].startswith(f"{spec}:")
    assert "YAML syntax error" in lines[0]


def test_missing_required_key(spec_dir: Path) -> None:
    spec = spec_dir / "brand.yaml"
    edit(spec, "  name: Example Co                 # the canonical brand name\n", "")
    code, lines = validate(spec)
    assert code == 3
    assert lines == [f"{spec}:{line_number(spec, 'brand:')}: missing required key 'name' in brand"]


def test_bad_palette_colour(spec_dir: Path) -> None:
    spec = spec_dir / "brand.yaml"
    edit(spec, '"#E07A2E"', '"#E07A2Z"')
    code, lines = validate(spec)
    assert code == 3
    assert lines == [
        f"{spec}:{line_number(spec, '#E07A2Z')}: identity.palette[1].hex: '#E07A2Z' is not a hex colour "
        "(#rgb or #rrggbb)"
    ]


def test_bad_status_and_unreadable_hours(spec_dir: Path) -> None:
    roster = spec_dir / "roster.csv"
    edit(roster, ",temporarily_closed,", ",shut for good,")
    edit(roster, "Mo-Sa 09:00-17:30; Su 10:00-16:00", "whenever we like")
    code, lines = validate(spec_dir / "brand.yaml")
    assert code == 3
    assert lines[0].startswith(f"{roster}:3: store ST-002: hours 'whenever we like' cannot be read: ")
    assert lines[1] == (
        f"{roster}:4: status: 'shut_for_good' is not one of: 'open', 'temporarily_closed', 'closed'"
    )


def test_roster_missing_column(spec_dir: Path) -> None:
    roster = spec_dir / "roster.csv"
    edit(roster, "store_id,name,region,", "store_id,name,")
    code, lines = validate(spec_dir / "brand.yaml")
    assert code == 3
    assert f"{roster}:1: missing column 'region'" in lines


def test_every_problem_is_reported_not_just_the_first(spec_dir: Path) -> None:
    roster = spec_dir / "roster.csv"
    edit(roster, "(03) 9421 1234", "12")
    edit(roster, "ST-003,", "ST-001,")
    with pytest.raises(SpecError) as caught:
        load_spec(spec_dir / "brand.yaml")
    assert [p.line for p in caught.value.problems] == [3, 4]


@pytest.mark.parametrize("content", [b"", b"\x00\x01\x02binary", b"- just\n- a list\n"])
def test_unusable_files_get_one_line(tmp_path: Path, content: bytes) -> None:
    spec = tmp_path / "brand.yaml"
    spec.write_bytes(content)
    code, lines = validate(spec)
    assert code == 3
    assert len(lines) == 1 and lines[0].startswith(str(spec))


def test_missing_spec_and_directory(tmp_path: Path) -> None:
    code, lines = validate(tmp_path / "nope.yaml")
    assert (code, lines) == (3, [f"{tmp_path / 'nope.yaml'}: brand spec not found: check the path"])
    code, lines = validate(tmp_path)
    assert (code, lines) == (3, [f"{tmp_path}: is a directory, expected a brand spec"])


def test_init_refuses_to_overwrite(tmp_path: Path) -> None:
    first = runner.invoke(app, ["init", str(tmp_path / "b")])
    assert first.exit_code == 0
    again = runner.invoke(app, ["init", str(tmp_path / "b")])
    assert again.exit_code == 1
    assert "already exists; pass --force" in again.output


def test_overrides_apply_by_region_and_store(spec_dir: Path) -> None:
    spec = spec_dir / "brand.yaml"
    edit(
        spec,
        "  overrides: []",
        "  overrides:\n    - {match: {region: VIC}, rules: {reviews.recency: 'off'}}\n"
        "    - {match: {store: ST-002}, rules: {nap.phone: 5}}",
    )
    loaded = load_spec(spec)
    assert loaded.rule_overrides_for("ST-002") == {"reviews.recency": "off", "nap.phone": 5.0}
    assert loaded.rule_overrides_for("ST-001") == {}
