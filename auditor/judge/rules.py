"""Rule packs: YAML lists of rules, validated with file:line errors before anything runs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from auditor.judge.checks.base import Rule
from auditor.judge.checks.registry import known_types
from auditor.spec import SpecError, describe_error
from auditor.spec.yamlfile import LineDict, Problem, YamlFileError, line_of, load_yaml
from auditor.user_regex import regex_problem

ROSTER_STATUSES = ("open", "temporarily_closed", "closed")
PACK_CATEGORY = {
    "nap": "listings",
    "hours": "listings",
    "listing": "listings",
    "status": "listings",
    "coverage": "coverage",
    "identity": "site",
    "voice": "site",
    "reviews": "reviews",
}


@dataclass(frozen=True)
class RulePacks:
    """Every enabled rule of the spec's packs, in file order."""

    rules: list[Rule]

    def by_id(self) -> dict[str, Rule]:
        return {r.id: r for r in self.rules}


def load_rule_packs(paths: list[Path]) -> RulePacks:
    """Load and check every pack; raises SpecError listing every problem as file:line."""
    problems: list[Problem] = []
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for path in paths:
        try:
            data, dup = load_yaml(path, "rule pack")
        except YamlFileError as exc:
            problems.append(exc.problem)
            continue
        problems.extend(dup)
        if data is None:
            continue
        if not isinstance(data, list):
            problems.append(Problem(str(path), 1, "a rule pack is a YAML list of rules (- id: ...)"))
            continue
        for index, item in enumerate(data):
            rule, rule_problems = _one_rule(path, data, index, item)
            problems.extend(rule_problems)
            if rule is None:
                continue
            if rule.id in seen:
                problems.append(
                    Problem(str(path), rule.line, f"duplicate rule id '{rule.id}' (also in {seen[rule.id]})")
                )
                continue
            seen[rule.id] = f"{path.name}:{rule.line}"
            rules.append(rule)
    if problems:
        raise SpecError(problems)
    return RulePacks([r for r in rules if r.enabled])


def _one_rule(path: Path, data: list, index: int, item: object) -> tuple[Rule | None, list[Problem]]:
    name = str(path)
    line = line_of(data, (index,))
    if not isinstance(item, dict):
        return None, [Problem(name, line, "each rule is a mapping with id, type and message")]
    values = dict(item)
    if "id" in values and "category" not in values:
        values["category"] = PACK_CATEGORY.get(str(values["id"]).split(".")[0], "listings")
    try:
        rule = Rule.model_validate({**values, "line": line, "file": name})
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            where = line_of(item, tuple(error["loc"])) if isinstance(item, LineDict) else line
            message = describe_error(error, Rule, item)
            problems.append(Problem(name, where or line, f"rule {values.get('id', index + 1)}: {message}"))
        return None, problems
    problems = []

    def at(key: str, message: str) -> Problem:
        """A problem of this rule, at the line of ``key`` (else the rule's own line)."""
        return Problem(name, line_of(item, (key,)) or line, f"rule {rule.id}: {message}")

    if rule.type not in known_types():
        problems.append(
            at("type", f"unknown check type '{rule.type}' (known: {', '.join(sorted(known_types()))})")
        )
    if "." not in rule.id:
        problems.append(Problem(name, line, f"rule id '{rule.id}' should be pack.name (e.g. nap.phone)"))
    statuses = rule.option("roster_status")
    if statuses is not None:
        unknown = sorted(set([statuses] if isinstance(statuses, str) else statuses) - set(ROSTER_STATUSES))
        if unknown:
            listed, allowed = ", ".join(map(str, unknown)), ", ".join(ROSTER_STATUSES)
            problems.append(at("roster_status", f"unknown roster_status {listed} (use {allowed})"))
    if isinstance(rule.scope, list) and not rule.scope:
        problems.append(at("scope", "scope lists nothing"))
    if rule.option("regex"):
        for phrase in rule.option("phrases", []):
            reason = regex_problem(str(phrase))
            if reason:
                problems.append(at("phrases", f"bad regex '{phrase}': {reason}"))
    try:
        rule.message.format(source="s", observed="o", expected="e", store="x", field="f", note="n", detail="")
    except (KeyError, IndexError, ValueError) as exc:
        problems.append(
            at(
                "message",
                f"message uses an unknown placeholder {exc} "
                "(use {source}, {observed}, {expected}, {store}, {field}, {note}, {detail})",
            )
        )
    return (None if problems else rule), problems
