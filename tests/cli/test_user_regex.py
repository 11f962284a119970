"""User regexes run by RE2 in linear time, with a time budget per pattern; validation refuses the rest."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from auditor.judge.checks import existence
from auditor.judge.checks.base import Evidence, Rule, Seen
from auditor.spec import load_spec
from auditor.user_regex import (
    MAX_PATTERN_CHARS,
    RegexBudgetExceeded,
    UserPattern,
    compile_user_regex,
    regex_problem,
)
from tests.cli.conftest import auditor

HOSTILE_TEXT = "a" * 200_000 + "!"  # what makes a backtracking engine take exponential time


def test_catastrophic_pattern_runs_in_linear_time() -> None:
    began = time.perf_counter()
    assert compile_user_regex("(a+)+$").search(HOSTILE_TEXT) is None
    assert compile_user_regex("(x+x+)+y").search("x" * 100_000) is None
    assert time.perf_counter() - began < 1.0


def test_case_insensitive_and_match_positions() -> None:
    match = compile_user_regex(r"cheap\w*\s+in\s+town").search("the CHEAPEST in   town!")
    assert (match.start(), match.end(), match.group(0)) == (4, 22, "CHEAPEST in   town")


@pytest.mark.parametrize(
    ("pattern", "reason"),
    [
        ("(a)\\1", "invalid escape sequence in '\\1' (lookaround and backreferences are not supported: "
                   "patterns run in linear time)"),
        ("(?<!no )sale", "invalid perl operator in '(?<!' (lookaround and backreferences are not supported: "
                         "patterns run in linear time)"),
        ("[z-a]", "invalid character class range in 'z-a'"),
        ("x" * (MAX_PATTERN_CHARS + 1), f"longer than {MAX_PATTERN_CHARS} characters"),
    ],
)  # fmt: skip
def test_patterns_re2_cannot_run_are_refused(pattern: str, reason: str) -> None:
    assert regex_problem(pattern) == reason


def test_a_spent_budget_is_a_gap_not_a_finding(tmp_path: Path) -> None:
    assert auditor("init", tmp_path / "b").code == 0
    spec = load_spec(tmp_path / "b" / "brand.yaml")
    store = spec.roster[0].model_dump()
    page = Seen(HOSTILE_TEXT, HOSTILE_TEXT, "http://www.example.com/stores/parramatta/")
    evidence = Evidence(store=store, spec=spec, observed={"site": {page.url: {"text": page}}})
    rule = Rule.model_validate({"id": "voice.custom", "type": "existence", "message": "{observed}",
                                "scope": "site", "regex": True, "phrases": ["(a+)+$"]})  # fmt: skip
    assert [o.score for o in existence.check(rule, evidence)] == [1.0]  # searched, nothing forbidden
    spent = compile_user_regex("(a+)+$")
    spent.spent_s = spent.budget_s  # as if earlier pages had used the pattern's whole budget
    try:
        (outcome,) = existence.check(rule, evidence)
    finally:
        spent.spent_s = 0.0
    assert outcome.score is None and outcome.note == (
        "regex '(a+)+$' used its 5 s time budget; not judged further"
    )


def test_budget_is_counted_per_pattern() -> None:
    pattern = UserPattern("b+", compile_user_regex("b+").compiled, budget_s=0.0)
    with pytest.raises(RegexBudgetExceeded, match=r"^regex 'b\+' used its 0 s time budget"):
        pattern.search("bbb")
