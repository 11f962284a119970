"""The text a voice rule reads, per source: the brand's pages, listings' descriptions, and the
owner's replies on review sites (the brand's own words there), as the rule's scope says."""

from __future__ import annotations

from auditor.judge.checks.base import Evidence, Rule, Seen

TEXT_FIELDS = ("text", "description")  # what pages and listings say in sentences


def source_kind(ev: Evidence, source: str) -> str:
    if source == "site":
        return "site"
    return "reviews" if source in ev.sources("reviews") else "listing"


def texts_by_source(rule: Rule, ev: Evidence) -> dict[str, list[Seen]]:
    """Source -> the readable texts of this store there, for every source the rule judges."""
    out: dict[str, list[Seen]] = {}
    for source in ev.sources_for(rule):
        if source_kind(ev, source) == "reviews":
            out[source] = [s for s in ev.texts.get(source, []) if s.value]
            continue
        out[source] = [
            fields[name]
            for fields in ev.observed.get(source, {}).values()
            for name in TEXT_FIELDS
            if name in fields and fields[name].value
        ]
    return out


def text_gap(ev: Evidence, source: str) -> str:
    """Why there is no text of this store to read on ``source``."""
    if source_kind(ev, source) == "reviews":
        return ev.absence_gap(source) or f"no owner reply read on {source}"
    if source == "site" and not ev.observed.get(source):
        return ev.absence_gap(source) or "no page text read"
    return ev.field_gap(source, "text")
