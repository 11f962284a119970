"""A third-party check type arrives through the ``auditor.checks`` entry-point group."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from auditor.judge.checks import registry
from auditor.judge.checks.base import Evidence, Seen
from auditor.judge.rules import load_rule_packs

PLUGIN = """
from auditor.judge.checks.base import Outcome


def check(rule, ev):
    text = " ".join(str(f["text"].value) for f in ev.observed.get("site", {}).values() if "text" in f)
    return [Outcome("site", 0.0 if "!!" in text else 1.0, "calm punctuation", text[:40], field="text")]
"""


@pytest.fixture
def installed_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A distribution on sys.path whose metadata declares one ``auditor.checks`` entry point."""
    (tmp_path / "calm_checks.py").write_text(PLUGIN)
    info = tmp_path / "calm_checks-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: calm-checks\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[auditor.checks]\nno_shouting = calm_checks:check\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    registry.known_types.cache_clear()
    registry.check_function.cache_clear()
    yield
    registry.known_types.cache_clear()
    registry.check_function.cache_clear()
    sys.modules.pop("calm_checks", None)


def test_a_third_party_type_loads_validates_and_runs(installed_plugin, tmp_path: Path, spec) -> None:
    assert "no_shouting" in registry.known_types()
    path = tmp_path / "extra.yml"
    path.write_text('- id: voice.calm\n  type: no_shouting\n  scope: site\n  message: "{observed}"\n')
    (rule,) = load_rule_packs([path]).rules
    check = registry.check_function(rule.type)

    def page(text: str) -> Evidence:
        seen = {"site": {"p": {"text": Seen(text, text, "http://www.furnco.example/p")}}}
        return Evidence(store={"store_id": "FC-1", "status": "open"}, spec=spec, observed=seen)

    assert [o.score for o in check(rule, page("Sofas for every room."))] == [1.0]
    assert [o.score for o in check(rule, page("SALE!! Everything must go!!"))] == [0.0]


def test_without_the_plugin_the_type_is_unknown(tmp_path: Path) -> None:
    registry.known_types.cache_clear()
    path = tmp_path / "extra.yml"
    path.write_text('- id: voice.calm\n  type: no_shouting\n  scope: site\n  message: "{observed}"\n')
    from auditor.spec import SpecError

    with pytest.raises(SpecError) as caught:
        load_rule_packs([path])
    assert "unknown check type 'no_shouting'" in str(caught.value.problems[0])
    assert "field_match" in str(caught.value.problems[0])
