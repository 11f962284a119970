"""Rule packs: the shipped ones load; a broken one gets one file:line error and writes nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlmodel import Session, select
from typer.testing import CliRunner

from auditor.cli import app
from auditor.judge.rules import load_rule_packs
from auditor.spec import DEFAULT_RULES_DIR, SpecError
from auditor.store.engine import make_engine
from auditor.store.tables import AuditRun, Finding, Scorecard

GOOD = """- id: nap.phone
  type: field_match
  scope: listing
  field: phone
  compare: e164
  message: "{source} lists {observed}; the roster says {expected}"
"""


def pack(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "pack.yml"
    path.write_text(text)
    return path


def one_error(tmp_path: Path, text: str) -> str:
    with pytest.raises(SpecError) as caught:
        load_rule_packs([pack(tmp_path, text)])
    assert len(caught.value.problems) == 1
    return str(caught.value.problems[0])


def test_shipped_packs_load_and_cover_every_check_type() -> None:
    from auditor.judge.checks.registry import CHECK_TYPES

    packs = load_rule_packs(sorted(DEFAULT_RULES_DIR.glob("*.yml")))
    assert {r.type for r in packs.rules} == set(CHECK_TYPES)
    assert len({r.id for r in packs.rules}) == len(packs.rules)


def test_bad_yaml(tmp_path: Path) -> None:
    message = one_error(tmp_path, GOOD + "- id: [unclosed\n")
    assert message.startswith(f"{tmp_path / 'pack.yml'}:8: YAML syntax error")


def test_unknown_type_lists_the_known_ones(tmp_path: Path) -> None:
    message = one_error(tmp_path, GOOD.replace("type: field_match", "type: field_matches"))
    assert message.startswith(
        f"{tmp_path / 'pack.yml'}:2: rule nap.phone: unknown check type 'field_matches'"
    )
    assert "field_match, font, hours_match" in message


def test_missing_field(tmp_path: Path) -> None:
    message = one_error(
        tmp_path, GOOD.replace('  message: "{source} lists {observed}; the roster says {expected}"\n', "")
    )
    assert (
        message
        == f"{tmp_path / 'pack.yml'}:1: rule nap.phone: missing required key 'message' in the top level"
    )


def test_bad_regex(tmp_path: Path) -> None:
    text = """- id: voice.claims
  type: existence
  scope: site
  regex: true
  phrases: ["best (ever"]
  message: "{observed}"
"""
    message = one_error(tmp_path, text)
    assert message.startswith(f"{tmp_path / 'pack.yml'}:5: rule voice.claims: bad regex 'best (ever'")


def test_unknown_message_placeholder(tmp_path: Path) -> None:
    message = one_error(tmp_path, GOOD.replace("{expected}", "{expectd}"))
    assert "unknown placeholder 'expectd'" in message and ":6:" in message


def test_broken_pack_writes_no_partial_run(tmp_path: Path) -> None:
    """evaluate refuses a broken pack before touching the stored findings of the run."""
    from auditor.demo import generate

    world = generate(tmp_path / "w", locations=10, seed=4)
    rules_dir = tmp_path / "w" / "rules"
    shutil.copytree(DEFAULT_RULES_DIR, rules_dir)
    spec = world.spec
    spec.write_text(spec.read_text().replace("rules: [default]", "rules: [rules]"))
    db = tmp_path / "a.db"
    engine = make_engine(db)
    with Session(engine) as session:
        session.add(AuditRun(id=1, status="complete"))
        session.add(
            Finding(
                run_id=1,
                location_id="FC-00001",
                rule_id="nap.phone",
                severity="error",
                category="listings",
                fingerprint="kept",
            )
        )
        session.commit()
    (rules_dir / "nap.yml").write_text(
        (rules_dir / "nap.yml").read_text().replace("type: field_match", "type: nope", 1)
    )
    result = CliRunner().invoke(app, ["evaluate", str(spec), "--db", str(db)])
    assert result.exit_code == 3
    lines = result.output.strip().splitlines()
    assert (
        len(lines) == 1
        and lines[0].startswith(f"{rules_dir / 'nap.yml'}:")
        and "unknown check type 'nope'" in lines[0]
    )
    with Session(engine) as session:
        assert [f.fingerprint for f in session.exec(select(Finding))] == ["kept"]
        assert session.exec(select(Scorecard)).first() is None


def test_unknown_roster_status_and_empty_scope(tmp_path: Path) -> None:
    message = one_error(
        tmp_path, GOOD.replace("  field: phone\n", "  field: phone\n  roster_status: [shut]\n")
    )
    assert message == (
        f"{tmp_path / 'pack.yml'}:5: rule nap.phone: unknown roster_status shut "
        "(use open, temporarily_closed, closed)"
    )
    message = one_error(tmp_path, GOOD.replace("  scope: listing\n", "  scope: []\n"))
    assert message == f"{tmp_path / 'pack.yml'}:3: rule nap.phone: scope lists nothing"
