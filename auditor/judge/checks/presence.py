"""presence: an open store should appear on every listing source (and have its site page)."""

from __future__ import annotations

from auditor.judge.checks.base import Evidence, Outcome, Rule, not_applicable


def check(rule: Rule, ev: Evidence) -> list[Outcome]:
    if ev.is_closed:
        return []
    outcomes = []
    for source in ev.sources(rule.scope):
        if ev.observed.get(source):
            outcomes.append(Outcome(source, 1.0, "listed", "listed", field="presence"))
        elif source in ev.failed_sources:
            outcomes.append(not_applicable(source, "its page could not be fetched"))
        elif ev.unattributed_failures.get(source, 0) and rule.option("gap_on_failures", True):
            outcomes.append(not_applicable(source, "some pages of the source could not be fetched"))
        else:
            outcomes.append(Outcome(source, 0.0, "listed", "not found", field="presence"))
    return outcomes
