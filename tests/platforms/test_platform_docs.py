"""docs/sources.md's platform blocks: the preset block expands into valid sources, the preset
file shown is the one the new-platform test audits."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from auditor.sources.presets import expand_presets, preset_names
from auditor.spec.models import SourceSpec
from tests.platforms.test_presets import TRIPBOOK, TRIPBOOK_CONVERT

DOC = Path(__file__).resolve().parents[2] / "docs" / "sources.md"
_BLOCK = re.compile(r"^```([\w -]*)\n(.*?)^```$", re.M | re.S)


def blocks(info: str) -> list[str]:
    return [text for kind, text in _BLOCK.findall(DOC.read_text(encoding="utf-8")) if kind == info]


def test_the_preset_block_expands_into_valid_sources() -> None:
    (text,) = blocks("yaml preset")
    data = yaml.safe_load(text)
    assert expand_presets(data) == []
    assert sorted(s["id"] for s in data["sources"]) == preset_names()
    for source in data["sources"]:
        SourceSpec.model_validate(source)


def test_the_new_platform_example_is_the_tested_one() -> None:
    (preset,) = blocks("yaml preset-file")
    assert yaml.safe_load(preset)["adapter"]["convert"] == yaml.safe_load(TRIPBOOK)["adapter"]["convert"]
    (module,) = blocks("python")
    assert module.split("\n", 1)[1].strip() in TRIPBOOK_CONVERT
