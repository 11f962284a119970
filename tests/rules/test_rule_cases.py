"""Every default rule against its pass/fail cases in tests/rules/cases/<pack>.yml.

A case gives roster changes, what each source showed (raw text, normalised as the crawl does),
optionally the store's review summary, pages that failed (``failed``: a list, or source -> reason),
what the run saw of each source over all stores (``facts``: SourceFacts fields), and the expected
score per source: a number, ``partial`` (strictly between 0 and 1), ``n/a`` (could not run: a
coverage gap) or ``none`` (no result). Source rules (``source_health``) are judged on ``facts``
alone, with ``open_stores`` roster stores: 0.0 when the source is reported, 1.0 when it is not.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from auditor.crawl.fields import normalise_field
from auditor.demo import generate
from auditor.judge.checks.base import Evidence, Outcome, Seen, SourceFacts
from auditor.judge.checks.registry import check_function
from auditor.judge.rules import load_rule_packs
from auditor.judge.sources import judge_source
from auditor.spec import Spec, load_spec

CASES = Path(__file__).parent / "cases"
STORE = {
    "store_id": "FC-00001",
    "name": "Furn.Co Cairns",
    "region": "QLD",
    "street": "379 Nepean Drive",
    "locality": "Cairns",
    "state": "QLD",
    "postcode": "4870",
    "country": "AU",
    "phone": "(07) 3730 2157",
    "hours": "Mo-Fr 09:00-17:30; Sa 09:00-17:00; Su 10:00-16:00",
    "holiday_hours": "2026-12-25 closed; 2026-12-26 10:00-16:00",
    "website": "http://www.furnco.example/stores/cairns-1/",
    "status": "open",
    "opened": "2020-09-01",
}


def _cases() -> list[tuple[str, dict]]:
    found = []
    for path in sorted(CASES.glob("*.yml")):
        for case in yaml.safe_load(path.read_text()):
            found.append(pytest.param(path.stem, case, id=f"{path.stem}: {case['rule']}: {case['case']}"))
    return found


@pytest.fixture(scope="module")
def spec(tmp_path_factory: pytest.TempPathFactory) -> Spec:
    world = generate(tmp_path_factory.mktemp("world"), locations=4, seed=5)
    return load_spec(world.spec)


@pytest.fixture(scope="module")
def rules(spec: Spec) -> dict:
    return load_rule_packs(list(spec.rule_pack_paths)).by_id()


def _evidence(spec: Spec, case: dict) -> Evidence:
    observed: dict = {}
    for source, entities in (case.get("observed") or {}).items():
        for index, fields in enumerate(entities if isinstance(entities, list) else [entities]):
            url = f"http://{source}.example/e{index}"
            page = observed.setdefault(source, {}).setdefault(url, {})
            for field, raw in fields.items():
                value, problem = normalise_field(field, raw, "AU")
                page[field] = Seen(str(raw), value, url, problem)
    failed = case.get("failed", [])
    return Evidence(
        store={**STORE, **case.get("roster", {})},
        spec=spec,
        observed=observed,
        failed_sources=set(failed),
        failure_reasons=dict(failed) if isinstance(failed, dict) else {},
        reviews=case.get("reviews"),
        facts=_facts(case),
        today=dt.date.fromisoformat(case.get("today", "2026-11-20")),  # the run's date
    )


def _facts(case: dict) -> dict[str, SourceFacts]:
    out = {}
    for source, values in (case.get("facts") or {}).items():
        values = dict(values)
        values["fields"] = frozenset(values.get("fields", ()))
        values["unmatched"] = tuple(values.get("unmatched", ()))
        out[source] = SourceFacts(source, **values)
    return out


def _outcomes(rule, case: dict, spec: Spec) -> list[Outcome]:
    if rule.type != "source_health":
        return check_function(rule.type)(rule, _evidence(spec, case))
    outcomes = []
    for source, facts in _facts(case).items():
        problem = judge_source(facts, int(case.get("open_stores", 15)), rule.option("min_match_share", 0.2))
        outcomes.append(
            Outcome(source, 1.0 if problem is None else 0.0, note=problem.observed if problem else "")
        )
    return outcomes


def test_every_default_rule_has_a_passing_and_a_failing_case(rules: dict) -> None:
    cases = [c.values[1] for c in _cases()]
    for rule_id in rules:
        expected = [s for c in cases if c["rule"] == rule_id for s in c["expect"].values()]
        assert 1.0 in expected, f"{rule_id} has no passing case"
        failing = [s for s in expected if s == "partial" or (isinstance(s, float) and s < 1)]
        assert failing, f"{rule_id} has no failing case"


@pytest.mark.parametrize(("pack", "case"), _cases())
def test_rule_case(pack: str, case: dict, spec: Spec, rules: dict) -> None:
    rule = rules[case["rule"]]
    if case.get("options"):  # options a brand would give the rule (expected categories ...)
        rule = type(rule).model_validate({**rule.model_dump(), **case["options"]})
    assert rule.file.endswith(f"{pack}.yml") or pack == rule.id.split(".")[0]
    outcomes = _outcomes(rule, case, spec)
    by_source: dict = {}
    for outcome in outcomes:
        by_source.setdefault(outcome.source, []).append(outcome.score)
    if "note" in case:  # a gap or a finding says why
        assert any(case["note"] in o.note for o in outcomes), [o.note for o in outcomes]
    if "says" in case:  # what a finding says it saw
        assert any(case["says"] == o.observed for o in outcomes), [o.observed for o in outcomes]
    for source, want in case["expect"].items():
        got = by_source.get(source, [])
        if want == "none":
            assert got == [], f"{source}: {got}"
        elif want == "n/a":
            assert got == [None], f"{source}: {got}"
        elif want == "partial":
            assert len(got) >= 1 and all(s is not None for s in got), f"{source}: {got}"
            assert 0.0 < min(got) < 1.0, f"{source}: {got}"
        else:
            assert got and min(s for s in got if s is not None) == pytest.approx(want), f"{source}: {got}"
