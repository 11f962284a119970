"""Malformed brand specs: each is one line naming the file (and line) and exit 3."""

from __future__ import annotations

import re
from pathlib import Path

from PIL import Image

from tests.cli.conftest import auditor, edit, line_number


def test_yaml_syntax_error(spec: Path) -> None:
    edit(spec, "country: AU", "country: [AU")
    out = auditor("validate", spec)
    assert out.code == 3 and out.line.startswith(f"{spec}:") and "YAML syntax error" in out.line


def test_twenty_thousand_deep_yaml(spec: Path) -> None:
    spec.write_text("brand: " + "[" * 20_000 + "]" * 20_000 + "\n", encoding="utf-8")
    out = auditor("validate", spec)
    assert (out.code, out.line) == (3, f"{spec}: nesting deeper than 64 levels")


def test_twenty_thousand_deep_block_yaml(spec: Path) -> None:
    spec.write_text("brand:\n  variants:\n" + "  - " * 20_000 + "x\n", encoding="utf-8")
    out = auditor("validate", spec)
    assert (out.code, out.line) == (3, f"{spec}: nesting deeper than 64 levels")


def test_huge_yaml(spec: Path) -> None:
    with spec.open("a", encoding="utf-8") as handle:
        handle.write(("# " + "x" * 1022 + "\n") * (33 * 1024))
    out = auditor("validate", spec)
    assert (out.code, out.line) == (3, f"{spec}: larger than 32 MB; not read as a brand spec")


def test_unknown_key_suggests(spec: Path) -> None:
    edit(spec, "  palette_tolerance: 3.0", "  palete_tolerance: 3.0")
    out = auditor("validate", spec)
    assert out.code == 3
    assert out.line == (f"{spec}:{line_number(spec, 'palete_tolerance')}: unknown key 'palete_tolerance' "
                        "in identity (did you mean 'palette_tolerance'?)")  # fmt: skip


def test_wrong_type(spec: Path) -> None:
    edit(spec, "  palette_tolerance: 3.0", "  palette_tolerance: three")
    out = auditor("validate", spec)
    assert out.code == 3 and out.line.startswith(
        f"{spec}:{line_number(spec, 'three')}: identity.palette_tolerance"
    )


def test_spec_is_a_list(spec: Path) -> None:
    spec.write_text("- one\n- two\n", encoding="utf-8")
    out = auditor("validate", spec)
    assert (out.code, out.line) == (3, f"{spec}:1: expected a mapping of spec sections, found LineList")


def test_empty_spec(spec: Path) -> None:
    spec.write_text("", encoding="utf-8")
    out = auditor("validate", spec)
    assert (out.code, out.line) == (3, f"{spec}:1: expected a mapping of spec sections, found an empty file")


def test_spec_not_found(tmp_path: Path) -> None:
    out = auditor("validate", tmp_path / "nope.yaml")
    assert (out.code, out.line) == (3, f"{tmp_path / 'nope.yaml'}: brand spec not found: check the path")


def test_spec_is_a_directory(tmp_path: Path) -> None:
    out = auditor("validate", tmp_path)
    assert (out.code, out.line) == (3, f"{tmp_path}: is a directory, expected a brand spec")


def test_binary_spec(spec: Path) -> None:
    spec.write_bytes(b"version: 1\n\x00\x01\x02")
    out = auditor("validate", spec)
    assert (out.code, out.line) == (3, f"{spec}: not a text brand spec (binary data)")


def test_spec_not_utf8(spec: Path) -> None:
    spec.write_bytes("brand:\n  name: Caf\xe9\n".encode("latin-1"))
    out = auditor("validate", spec)
    assert (out.code, out.line) == (3, f"{spec}: not a text brand spec (not UTF-8)")


def test_duplicate_key(spec: Path) -> None:
    edit(spec, "country: AU", "country: AU\ncountry: NZ")
    out = auditor("validate", spec)
    assert out.code == 3
    assert (
        out.line == f"{spec}:{line_number(spec, 'country: NZ')}: duplicate key 'country' (first at line "
        f"{line_number(spec, 'country: AU')})"
    )


def test_required_phrase_regex_with_backreference(spec: Path) -> None:
    edit(spec, '    - {text: "Prices include GST.", scope: site}',
         '    - {text: "(GST)\\\\1", scope: site, regex: true}')  # fmt: skip
    out = auditor("validate", spec)
    assert out.code == 3 and out.line.startswith(
        f"{spec}:{line_number(spec, '(GST)')}: voice.required_phrases"
    )
    assert "lookaround and backreferences are not supported" in out.line


def test_rule_pack_not_found(spec: Path) -> None:
    edit(spec, "rules: [rules]", "rules: [nowhere.yml]")
    out = auditor("validate", spec)
    assert out.code == 3 and out.line.startswith(
        f"{spec}:{line_number(spec, 'nowhere.yml')}: rule pack 'nowhere.yml' not found"
    )


def test_rules_outside_spec_folder(spec: Path) -> None:
    outside = spec.parent.parent / "elsewhere"
    (spec.parent / "rules").rename(outside)
    edit(spec, "rules: [rules]", "rules: [../elsewhere]")
    out = auditor("validate", spec)
    assert out.code == 3
    line = line_number(spec, "../elsewhere")
    assert out.line == (
        f"{spec}:{line}: rule pack '../elsewhere' is outside the spec's folder ({spec.parent}); "
        "copy it inside"
    )


def _png(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (32, 32), (31, 78, 95)).save(path)


def test_logo_outside_spec_folder(spec: Path) -> None:
    _png(spec.parent.parent / "logo.png")
    edit(spec, "  logo: []", "  logo: [../logo.png]")
    out = auditor("validate", spec)
    assert out.code == 3
    assert out.line == (f"{spec}:{line_number(spec, '../logo.png')}: logo '../logo.png' is outside the "
                        f"spec's folder ({spec.parent}); copy it inside")  # fmt: skip


def test_logo_missing(spec: Path) -> None:
    edit(spec, "  logo: []", "  logo: [assets/logo.png]")
    out = auditor("validate", spec)
    assert out.code == 3
    assert out.line == (f"{spec}:{line_number(spec, 'assets/logo.png')}: logo 'assets/logo.png' not found "
                        f"(looked for {spec.parent / 'assets/logo.png'})")  # fmt: skip


def test_logo_not_an_image(spec: Path) -> None:
    (spec.parent / "logo.png").write_text("<svg>not really a png</svg>", encoding="utf-8")
    edit(spec, "  logo: []", "  logo: [logo.png]")
    out = auditor("validate", spec)
    assert out.code == 3
    assert out.line == f"{spec}:{line_number(spec, 'logo.png')}: logo 'logo.png': not an image PIL can read"


def test_a_real_logo_passes(spec: Path) -> None:
    _png(spec.parent / "assets" / "logo.png")
    edit(spec, "  logo: []", "  logo: [assets/logo.png]")
    out = auditor("validate", spec)
    assert out.code == 0 and re.fullmatch(rf"{re.escape(str(spec))}: ok: .*", out.line)
