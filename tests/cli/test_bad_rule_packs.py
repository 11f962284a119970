"""Malformed rule packs: found by `validate` (and before any crawl), one line each, exit 3."""

from __future__ import annotations

from pathlib import Path

from tests.cli.conftest import auditor, edit, line_number


def _pack(spec: Path) -> Path:
    return spec.parent / "rules" / "voice.yml"


def test_unknown_check_type(spec: Path) -> None:
    pack = _pack(spec)
    edit(pack, "  type: existence", "  type: exists")
    out = auditor("validate", spec)
    assert out.code == 3
    assert out.line.startswith(f"{pack.resolve()}:{line_number(pack, 'type: exists')}: rule voice.forbidden: "
                               "unknown check type 'exists' (known: ")  # fmt: skip


def test_bad_regex(spec: Path) -> None:
    pack = _pack(spec)
    edit(pack, "  phrases_from: voice.forbidden_phrases", '  regex: true\n  phrases: ["cheap(est"]')
    out = auditor("validate", spec)
    assert out.code == 3
    assert out.line == (f"{pack.resolve()}:{line_number(pack, 'cheap(est')}: rule voice.forbidden: "
                        "bad regex 'cheap(est': missing ) in 'cheap(est'")  # fmt: skip


def test_backtracking_regex_is_refused(spec: Path) -> None:
    pack = _pack(spec)
    edit(pack, "  phrases_from: voice.forbidden_phrases", '  regex: true\n  phrases: ["(cheap)\\\\s+\\\\1"]')
    out = auditor("validate", spec)
    assert out.code == 3 and "lookaround and backreferences are not supported" in out.line


def test_bad_placeholder_in_message(spec: Path) -> None:
    pack = _pack(spec)
    edit(pack, '"the store page makes a forbidden claim: {observed}"', '"forbidden claim: {claim}"')
    out = auditor("validate", spec)
    assert out.code == 3
    assert out.line.startswith(f"{pack.resolve()}:{line_number(pack, '{claim}')}: rule voice.forbidden: "
                               "message uses an unknown placeholder 'claim'")  # fmt: skip


def test_duplicate_rule_id(spec: Path) -> None:
    pack = _pack(spec)
    edit(pack, "- id: voice.retired_name", "- id: voice.forbidden")
    out = auditor("validate", spec)
    assert out.code == 3
    assert out.line == (
        f"{pack.resolve()}:{line_number(pack, '- id: voice.forbidden') + 9}: duplicate rule id "
        f"'voice.forbidden' (also in voice.yml:{line_number(pack, '- id: voice.forbidden')})"
    )


def test_rule_pack_not_a_list(spec: Path) -> None:
    pack = _pack(spec)
    pack.write_text("id: voice.one\ntype: existence\n", encoding="utf-8")
    out = auditor("validate", spec)
    assert (out.code, out.line) == (3, f"{pack.resolve()}:1: a rule pack is a YAML list of rules (- id: ...)")


def test_rule_pack_too_deep(spec: Path) -> None:
    pack = _pack(spec)
    pack.write_text("- " * 5_000 + "x\n", encoding="utf-8")
    out = auditor("validate", spec)
    assert (out.code, out.line) == (3, f"{pack.resolve()}: nesting deeper than 64 levels")


def test_rule_pack_problem_stops_run_before_crawling(spec: Path) -> None:
    edit(_pack(spec), "  type: existence", "  type: exists")
    out = auditor("run", spec, "--no-progress")
    assert out.code == 3 and "unknown check type 'exists'" in out.line
    assert not (spec.parent / "auditor.db").exists()
