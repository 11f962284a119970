"""A rule limited to sources and regions, in the rule file or by a spec override."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.demo import generate
from auditor.judge.checks.base import Evidence, Rule, Seen
from auditor.judge.evaluate import _applied, judge_location
from auditor.judge.rules import RulePacks
from auditor.spec import Spec, load_spec


@pytest.fixture(scope="module")
def spec(tmp_path_factory: pytest.TempPathFactory) -> Spec:
    return load_spec(generate(tmp_path_factory.mktemp("world"), locations=12, seed=5).spec)


def _rule(**fields) -> Rule:
    return Rule.model_validate(
        {"id": "nap.phone", "type": "field_match", "field": "phone", "compare": "e164",
         "message": "{source}: {observed}", **fields}
    )  # fmt: skip


def _wrong_phone_everywhere(spec: Spec) -> Evidence:
    entry = next(e for e in spec.roster if e.status == "open").model_dump()
    observed = {
        source: {f"http://{source}.example/x": {"phone": Seen("(02) 9999 0000", "+61299990000", "u")}}
        for source in ("site", "mapdir", "yellowbook")
    }
    return Evidence(store=entry, spec=spec, observed=observed)


def _sources(findings: list[dict]) -> set[str]:
    return {f["source"] for f in findings}


def test_scope_list_and_source_limits(spec: Spec) -> None:
    ev = _wrong_phone_everywhere(spec)
    both = _rule(scope=["listing", "site"])
    assert _sources(judge_location(ev, RulePacks([both]), spec)[0]) == {"site", "mapdir", "yellowbook"}
    only = _rule(scope=["listing", "site"], sources=["site", "mapdir"])
    assert _sources(judge_location(ev, RulePacks([only]), spec)[0]) == {"site", "mapdir"}
    without = _rule(scope="listing", exclude_sources=["mapdir"])
    assert _sources(judge_location(ev, RulePacks([without]), spec)[0]) == {"yellowbook"}


def test_region_limits(spec: Spec) -> None:
    ev = _wrong_phone_everywhere(spec)
    region = ev.store["region"]
    elsewhere = _rule(regions=["NOWHERE"])
    assert judge_location(ev, RulePacks([elsewhere]), spec)[0] == []
    here = _rule(regions=[region])
    assert judge_location(ev, RulePacks([here]), spec)[0] != []
    excluded = _rule(exclude_regions=[region])
    assert judge_location(ev, RulePacks([excluded]), spec)[0] == []


def test_an_override_may_limit_sources_or_reweigh() -> None:
    rule = _rule(scope=["listing", "site"])
    assert _applied(rule, "off", "NSW") is None
    assert _applied(rule, 4.0, "NSW") == (rule, 4.0)
    limited, weight = _applied(rule, {"sources": ["site"], "weight": 2}, "NSW")
    assert limited.sources == ["site"] and weight == 2.0
    assert _applied(rule, {"off": True}, "NSW") is None


def test_rule_files_accept_the_limits(tmp_path: Path) -> None:
    from auditor.judge.rules import load_rule_packs

    pack = tmp_path / "site.yml"
    pack.write_text(
        "- id: hours.holiday_site\n  type: hours_match\n  scope: [site, listing]\n  field: holiday_hours\n"
        "  compare: holiday\n  sources: [site]\n  exclude_regions: [WA]\n  message: '{observed}'\n"
    )
    (rule,) = load_rule_packs([pack]).rules
    assert rule.scopes == ["site", "listing"] and rule.sources == ["site"] and rule.exclude_regions == ["WA"]


def test_a_spec_override_mapping_limits_a_rule_end_to_end(spec: Spec, tmp_path: Path) -> None:
    """brand.yaml's ``overrides`` may give a rule a mapping; the judge honours it."""
    text = spec.path.read_text()
    region = _wrong_phone_everywhere(spec).store["region"]
    override = (
        f"  overrides:\n    - {{match: {{region: {region}}}, "
        "rules: {nap.phone: {exclude_sources: [site, mapdir], weight: 2}}}\n"
    )
    assert "scoring:\n" in text
    changed = spec.path.parent / "brand-override.yaml"
    changed.write_text(text.replace("scoring:\n", "scoring:\n" + override, 1))
    limited = load_spec(changed)
    ev = _wrong_phone_everywhere(limited)
    findings = judge_location(ev, RulePacks([_rule(scope=["listing", "site"])]), limited)[0]
    assert _sources(findings) == {"yellowbook"} and findings[0]["weight"] == 2.0


def test_a_misspelt_override_key_is_one_line_naming_the_rule(spec: Spec) -> None:
    from auditor.spec import SpecError

    text = spec.path.read_text().replace(
        "scoring:\n", "scoring:\n  overrides:\n    - {match: {store: X}, rules: {nap.name: {wieght: 2}}}\n", 1
    )
    bad = spec.path.parent / "brand-bad.yaml"
    bad.write_text(text)
    with pytest.raises(SpecError) as caught:
        load_spec(bad)
    assert "rule 'nap.name': unknown key 'wieght' (known keys: weight, off" in str(caught.value)


def test_an_address_finding_says_which_part_differs(spec: Spec) -> None:
    from auditor.crawl.fields import normalise_field
    from auditor.judge.rules import load_rule_packs
    from auditor.spec import default_rule_packs

    entry = next(e for e in spec.roster if e.status == "open").model_dump()
    raw = f"{entry['street']}, {entry['locality']} {entry['state']} 9999"
    value, problem = normalise_field("address", raw, "AU")
    assert problem is None
    observed = {"mapdir": {"http://m/1": {"address": Seen(raw, value, "u")}}}
    ev = Evidence(store=entry, spec=spec, observed=observed)
    packs = load_rule_packs(default_rule_packs())
    address = [r for r in packs.rules if r.id == "nap.address"]
    (finding,) = judge_location(ev, RulePacks(address), spec)[0]
    assert "postcode differs" in finding["message"] and "9999" in finding["message"]


def test_an_override_may_match_the_store_country(spec: Spec) -> None:
    entry = next(e for e in spec.roster if e.status == "open")
    country = (entry.country or spec.country).upper()
    text = spec.path.read_text().replace(
        "scoring:\n",
        "scoring:\n  overrides:\n"
        f"    - {{match: {{country: {country.lower()}}}, rules: {{reviews.response_rate: off}}}}\n"
        "    - {match: {country: ZZ}, rules: {nap.name: off}}\n",
        1,
    )
    path = spec.path.parent / "brand-country.yaml"
    path.write_text(text)
    assert load_spec(path).rule_overrides_for(entry.store_id) == {"reviews.response_rate": "off"}
