"""status: a store the roster says is closed must not be listed as open."""

from __future__ import annotations

from auditor.judge.checks.base import Evidence, Outcome, Rule


def check(rule: Rule, ev: Evidence) -> list[Outcome]:
    if not ev.is_closed:
        return []
    outcomes = []
    for source in ev.sources(rule.scope):
        entities = ev.observed.get(source, {})
        if not entities:
            outcomes.append(Outcome(source, 1.0, "closed", "not listed", field="status"))
            continue
        for _entity, fields in sorted(entities.items()):
            status = fields.get("status")
            shown = status.value if status and status.value else "open"
            url = next(iter(fields.values())).url
            outcomes.append(
                Outcome(
                    source, 1.0 if shown == "closed" else 0.0, "closed", f"listed as {shown}", url, "status"
                )
            )
    return outcomes
