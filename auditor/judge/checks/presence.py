"""presence: an open store should appear on every listing source (and have its site page).

Not found is a failure only when the source was read: a broken source, a page that was not
fetched, failed pages of the source, or site pages that matched no store make it a coverage gap.
"""

from __future__ import annotations

from auditor.judge.checks._names import fold_name
from auditor.judge.checks.base import Evidence, Outcome, Rule, not_applicable


def _unmatched_pages(ev: Evidence, source: str) -> str | None:
    """A listing of the store's very name that matched no store, or site pages that matched none."""
    facts = ev.facts.get(source)
    if facts is None or not facts.unmatched_count:
        return None
    name = str(ev.store.get("name") or "")
    entity = facts.unmatched_names.get(fold_name(name, ev.spec)) if name else None
    if entity:
        return (
            f"a listing on {source} named {name!r} matched no roster store ({entity}): "
            "its other fields disagree"
        )
    if facts.kind != "site":
        return None
    example = f", e.g. {facts.unmatched[0]}" if facts.unmatched else ""
    return f"no page matched; {facts.unmatched_count} {source} pages matched no store{example}"


def check(rule: Rule, ev: Evidence) -> list[Outcome]:
    if ev.is_closed:
        return []
    outcomes = []
    for source in ev.sources_for(rule):
        if ev.observed.get(source):
            outcomes.append(Outcome(source, 1.0, "listed", "listed", field="presence"))
            continue
        gap = ev.absence_gap(source, bool(rule.option("gap_on_failures", True))) or _unmatched_pages(
            ev, source
        )
        if gap:
            outcomes.append(not_applicable(source, gap))
        elif _lists_some(ev, source):
            note = f"not on {source}, which shows only some stores (listed: some)"
            outcomes.append(not_applicable(source, note))
        else:
            outcomes.append(Outcome(source, 0.0, "listed", "not found", field="presence"))
    return outcomes


def _lists_some(ev: Evidence, source: str) -> bool:
    """The spec says the source shows only some of the brand's stores (``listed: some``)."""
    chosen = [s for s in getattr(ev.spec, "sources", None) or [] if getattr(s, "id", None) == source]
    return any(getattr(s, "listed", "all") == "some" for s in chosen)
