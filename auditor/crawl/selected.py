"""Listings read with the spec's selectors: one per page, or one per ``records`` block on a page
that lists several (a directory's index, a brand's store locator).

A page that lists several places but names no ``records`` selector is not read as one listing
(its names, phones and hours would be merged into a place that does not exist): it is noted as
unread with the way to read it.
"""

from __future__ import annotations

from typing import Any

from auditor.crawl.adapters.base import Record, css_fields, matches_text, query_all


def selected_records(
    root: Any, fields: dict[str, str], records: str | None
) -> tuple[list[Record], str | None]:
    """(records read with ``fields``, None) or ([], why the page could not be read as one place)."""
    if records:
        blocks = [b for b in query_all(root, records) if not isinstance(b, str)]
        return [r for r in (_record(css_fields(block, fields)) for block in blocks) if r], None
    if "name" in fields:  # a name selector that picks several names: a page of several places
        names = [matches_text([m]) for m in query_all(root, fields["name"])]
        shown = list(dict.fromkeys(n for n in names if n))
        if len(shown) > 1:
            listed = ", ".join(repr(n[:30]) for n in shown[:3])
            return [], (f"the page lists {len(shown)} places ({listed}); give the adapter 'records:' "
                        "(a selector for each listing) to read each")  # fmt: skip
    extra = css_fields(root, fields)
    return ([_record(extra)] if extra else []), None


def _record(values: dict[str, str]) -> Record:
    record = Record()
    for name, value in values.items():
        record.put(name, value, "selector")
    return record
