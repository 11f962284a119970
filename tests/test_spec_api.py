"""Spec API on a good spec, `auditor init` with rule packs, and the demo world's spec."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from auditor.cli import app
from auditor.spec import SpecError, default_rule_packs, load_spec

GOOD = Path(__file__).parent / "data" / "specs" / "good"
runner = CliRunner()


@pytest.fixture
def good(tmp_path: Path) -> Path:
    target = tmp_path / "good"
    shutil.copytree(GOOD, target)
    return target


def test_good_spec_summary_and_exit_code(good: Path) -> None:
    result = runner.invoke(app, ["validate", str(good / "brand.yaml")])
    assert result.exit_code == 0
    packs = len(default_rule_packs())
    assert result.output.strip() == (
        f"{good / 'brand.yaml'}: ok: Furn.Co, 3 locations in 3 regions, 2 sources, {packs} rule packs"
    )


def test_locations_domains_and_overrides(good: Path) -> None:
    spec = load_spec(good / "brand.yaml")
    assert spec.base_dir == good.resolve()
    assert [e.store_id for e in spec.roster] == ["FC-00001", "FC-00002", "FC-00003"]
    assert spec.location("FC-00002").locality == "Richmond"
    assert spec.location("FC-99999") is None
    assert spec.allowed_domains() == ["localpages.example", "reviewhub.example", "www.furnco.example"]
    assert spec.rule_overrides_for("FC-00003") == {"reviews.recency": "off"}
    assert spec.rule_overrides_for(spec.location("FC-00002")) == {"nap.phone": 2.5}
    assert spec.rule_overrides_for("FC-00001") == {}
    assert spec.rule_pack_paths == [p.resolve() for p in default_rule_packs()]


def test_spec_hash_follows_spec_roster_and_rule_files(good: Path) -> None:
    first = load_spec(good / "brand.yaml").spec_hash
    assert load_spec(good / "brand.yaml").spec_hash == first
    roster = good / "roster.csv"
    roster.write_text(roster.read_text().replace("Richmond,VIC", "Cremorne,VIC"))
    second = load_spec(good / "brand.yaml").spec_hash
    assert second != first
    shutil.copytree(GOOD.parent.parent.parent.parent / "rules", good / "rules")
    spec_file = good / "brand.yaml"
    spec_file.write_text(spec_file.read_text().replace("rules: [default]", "rules: [rules]"))
    third = load_spec(spec_file).spec_hash
    pack = sorted((good / "rules").glob("*.yml"))[0]
    pack.write_text(pack.read_text() + "\n# edited\n")
    assert load_spec(spec_file).spec_hash != third


def test_missing_rule_pack_is_reported_at_its_line(good: Path) -> None:
    spec_file = good / "brand.yaml"
    listed = "rules:\n  - default\n  - mine.yml"
    spec_file.write_text(spec_file.read_text().replace("rules: [default]", listed))
    with pytest.raises(SpecError) as caught:
        load_spec(spec_file)
    line = spec_file.read_text().splitlines().index("  - mine.yml") + 1
    assert str(caught.value) == (
        f"{spec_file}:{line}: rule pack 'mine.yml' not found (looked for {good / 'mine.yml'})"
    )


def test_override_on_is_refused_with_its_line(good: Path) -> None:
    spec_file = good / "brand.yaml"
    spec_file.write_text(spec_file.read_text().replace("{reviews.recency: off}", "{reviews.recency: on}"))
    result = runner.invoke(app, ["validate", str(spec_file)])
    assert result.exit_code == 3
    line = next(i for i, t in enumerate(spec_file.read_text().splitlines(), 1) if "recency: on" in t)
    assert result.output.strip() == (
        f"{spec_file}:{line}: scoring.overrides[0].rules: rule 'reviews.recency': "
        "expected off or a number (new weight), found true/on"
    )


@pytest.mark.skipif(not default_rule_packs(), reason="no rule packs in this checkout")
def test_init_copies_rule_packs_and_validates(tmp_path: Path) -> None:
    target = tmp_path / "mybrand"
    result = runner.invoke(app, ["init", str(target)])
    assert result.exit_code == 0, result.output
    packs = default_rule_packs()
    assert sorted(p.name for p in (target / "rules").iterdir()) == [p.name for p in packs]
    spec = load_spec(target / "brand.yaml")
    assert [p.name for p in spec.rule_pack_paths] == [p.name for p in packs]
    assert all(p.parent == (target / "rules").resolve() for p in spec.rule_pack_paths)
    assert runner.invoke(app, ["validate", str(target / "brand.yaml")]).exit_code == 0


def test_init_refuses_existing_rule_pack_and_a_file_target(tmp_path: Path) -> None:
    target = tmp_path / "mybrand"
    assert runner.invoke(app, ["init", str(target)]).exit_code == 0
    (target / "brand.yaml").unlink()
    (target / "roster.csv").unlink()
    result = runner.invoke(app, ["init", str(target)])
    assert result.exit_code == 1
    assert result.output.strip().endswith("already exists; pass --force to overwrite")
    assert not (target / "brand.yaml").exists()
    assert runner.invoke(app, ["init", str(target), "--force"]).exit_code == 0
    result = runner.invoke(app, ["init", str(target / "brand.yaml")])
    assert result.exit_code == 1
    assert result.output.strip() == (
        f"{target / 'brand.yaml'}: is a file, expected a folder to write the starter spec into"
    )


def test_demo_world_spec_loads(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "auditor.demo", "--locations", "12", "--seed", "3", "--out", str(tmp_path)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    spec = load_spec(tmp_path / "brand.yaml")
    assert len(spec.roster) == 12
    assert len(spec.sources) == 5
    assert "www.furnco.example" in spec.allowed_domains()
