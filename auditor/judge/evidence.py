"""One location's evidence from the database, streamed store by store (memory flat in stores)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import closing
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Engine

from auditor.judge.checks.base import Evidence, Seen


def _failures(engine: Engine, run_id: int) -> tuple[dict[str, set[str]], dict[str, int]]:
    """Stores whose own page failed, per source; and failures no store could be named for."""
    by_store: dict[str, set[str]] = {}
    unattributed: dict[str, int] = {}
    query = text(
        "SELECT DISTINCT source, location_id, url FROM fetch WHERE run_id = :run AND "
        "(error IS NOT NULL OR status IS NULL OR status >= 500) AND url NOT LIKE '%/robots.txt'"
    )
    with engine.connect() as conn:
        for source, location_id, _url in conn.execute(query, {"run": run_id}):
            if location_id:
                by_store.setdefault(location_id, set()).add(source)
            else:
                unattributed[source] = unattributed.get(source, 0) + 1
    return by_store, unattributed


def _summaries(engine: Engine, run_id: int) -> Iterator[tuple[str, dict]]:
    """(store id, review summary over all sources), in store-id order, streamed."""
    query = text(
        "SELECT location_id, data FROM reviewsummary WHERE run_id = :run AND source = 'all' "
        "ORDER BY location_id"
    )
    with engine.connect() as conn:
        for location_id, data in conn.execution_options(yield_per=2000).execute(query, {"run": run_id}):
            yield location_id, json.loads(data)


def iter_evidence(engine: Engine, run_id: int, spec: Any) -> Iterator[Evidence]:
    """Evidence for every roster store, in store-id order, observations read in one pass."""
    failed, unattributed = _failures(engine, run_id)
    summaries = _summaries(engine, run_id)
    summary = next(summaries, None)
    roster = sorted(spec.roster, key=lambda e: e.store_id)
    query = text(
        "SELECT location_id, source, entity, field, raw, normalised, url, problem FROM observation "
        "WHERE run_id = :run AND location_id IS NOT NULL ORDER BY location_id"
    )
    with engine.connect() as conn, closing(summaries):
        rows = conn.execution_options(yield_per=2000).execute(query, {"run": run_id})
        pending = next(rows, None)
        for entry in roster:
            evidence = Evidence(
                store=entry.model_dump(),
                spec=spec,
                failed_sources=failed.get(entry.store_id, set()),
                unattributed_failures=unattributed,
            )
            while summary is not None and summary[0] < entry.store_id:
                summary = next(summaries, None)
            if summary is not None and summary[0] == entry.store_id:
                evidence.reviews = summary[1]
            while pending is not None and pending[0] < entry.store_id:
                pending = next(rows, None)  # observations of stores no longer in the roster
            while pending is not None and pending[0] == entry.store_id:
                _loc, source, entity, field, raw, normalised, url, problem = pending
                value = json.loads(normalised) if normalised is not None else None
                evidence.observed.setdefault(source, {}).setdefault(entity, {})[field] = Seen(
                    raw or "", value, url or "", problem
                )
                pending = next(rows, None)
            yield evidence
