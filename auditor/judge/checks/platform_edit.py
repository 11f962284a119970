"""platform_edit: the platform changed the listing itself (Google Business Profile marks such a
listing with ``metadata.hasGoogleUpdated``; a preset maps it to the ``platform_updated`` field).
The brand should review the edit and accept or reject it. A source that does not show the flag,
or a listing without it, is not judged."""

from __future__ import annotations

from auditor.judge.checks.base import Evidence, Outcome, Rule

_YES = ("true", "1", "yes")


def check(rule: Rule, ev: Evidence) -> list[Outcome]:
    field = rule.field or "platform_updated"
    outcomes = []
    for source in ev.sources_for(rule):
        for _entity, fields in sorted(ev.observed.get(source, {}).items()):
            seen = fields.get(field)
            if seen is None:
                continue
            changed = str(seen.raw).strip().lower() in _YES
            observed = f"{source} changed this listing itself" if changed else "no edit by the platform"
            outcomes.append(Outcome(source, 0.0 if changed else 1.0, "only the brand's own edits", observed,
                                    seen.url, field))  # fmt: skip
    return outcomes
