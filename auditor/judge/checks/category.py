"""category: the listing's primary category (the first it shows) is one the spec expects there.

Platforms name categories differently ("Furniture store" on Google, "Furniture Stores" on Yelp),
so the expected names are given per source, in the source block (``categories: [...]``; a
preset block passes them on) or in the rule (``categories: {source_id: [...]}``). A source with no
expected categories, or a listing showing none, is not judged."""

from __future__ import annotations

from typing import Any

from auditor.judge.checks.base import Evidence, Outcome, Rule, not_applicable


def expected_categories(rule: Rule, ev: Evidence, source: str) -> list[str]:
    """The category names the spec or the rule expects on ``source`` (casefolded)."""
    by_rule: Any = rule.option("categories") or {}
    names = list(by_rule.get(source, [])) if isinstance(by_rule, dict) else []
    for block in getattr(ev.spec, "sources", None) or []:
        platform = getattr(block, "platform", None)
        if getattr(block, "id", None) == source and platform is not None:
            names += list(getattr(platform, "categories", None) or [])
    return [" ".join(str(n).casefold().split()) for n in names]


def check(rule: Rule, ev: Evidence) -> list[Outcome]:
    outcomes = []
    for source in ev.sources_for(rule):
        wanted = expected_categories(rule, ev, source)
        if not wanted:
            continue
        for _entity, fields in sorted(ev.observed.get(source, {}).items()):
            seen = fields.get("categories")
            if seen is None:
                continue
            if not seen.value:
                outcomes.append(not_applicable(source, f"categories unreadable on {source}: {seen.problem}"))
                continue
            shown = str(seen.raw).split(";")[0].strip()  # the platform's primary category comes first
            score = 1.0 if " ".join(shown.casefold().split()) in wanted else 0.0
            outcomes.append(Outcome(source, score, " or ".join(wanted), shown, seen.url, "categories"))
    return outcomes
