"""duplicate: one store listed more than once on the same source."""

from __future__ import annotations

from auditor.judge.checks.base import Evidence, Outcome, Rule


def check(rule: Rule, ev: Evidence) -> list[Outcome]:
    outcomes = []
    for source in ev.sources_for(rule):
        entities = sorted(ev.observed.get(source, {}))
        if not entities:
            continue
        if len(entities) == 1:
            outcomes.append(Outcome(source, 1.0, "1 listing", "1 listing", entities[0], "listing"))
        else:
            outcomes.append(
                Outcome(
                    source,
                    0.0,
                    "1 listing",
                    f"{len(entities)} listings: " + ", ".join(entities),
                    entities[1],
                    "listing",
                )
            )
    return outcomes
