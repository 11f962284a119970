"""One location's evidence from the database, streamed store by store (memory flat in stores).

Before any store is judged, what the crawl saw of each source across the whole run is gathered
once (``source_facts``): the fields it shows, how many of its listings matched roster stores, its
failed or dropped fetches with their reasons, and which review attributes (stars, dates, owner
replies) it carries. Checks read these to tell "the source shows X" from "the source does not
carry X, or it was not read".
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import closing
from typing import Any

from sqlalchemy import inspect, text
from sqlalchemy.engine import Engine

from auditor.judge.checks._names import fold_name
from auditor.judge.checks.base import Evidence, Seen, SourceFacts

# answers, not failures: the page does not exist (a store not on a source, a removed page)
NOT_FOUND = (404, 410)
# fetch outcomes that mean the page was read (``Fetch.outcome``; older databases have no such column)
READ_OUTCOMES = ("ok", "not_modified", "duplicate")
# fields that make an unmatched entity look like a store's page or listing, and say why it matched none
IDENTITY_FIELDS = ("store_ref", "name", "website", "phone", "address")


def _reason_sql(engine: Engine) -> tuple[str, str]:
    """(SQL for a fetch row's failure reason, SQL condition for a failed or dropped fetch).

    With an ``outcome`` column every request the crawl dropped (robots.txt, offsite, redirect
    and size limits) is a record with its reason; without it, errors and 5xx answers are failures.
    A 404 or 410 is an answer (the page does not exist), never a failure."""
    try:
        columns = {c["name"] for c in inspect(engine).get_columns("fetch")}
    except Exception:  # an unusual engine: fall back to the columns every version has
        columns = set()
    legacy = "error IS NOT NULL OR status IS NULL OR status >= 500"
    if "outcome" in columns:
        read = ", ".join(f"'{o}'" for o in READ_OUTCOMES)
        outcome = "COALESCE(outcome, 'ok')"
        failed = f"({outcome} NOT IN ({read}) OR ({outcome} = 'ok' AND (status IS NULL OR status >= 500)))"
        reason = "COALESCE(error, outcome, 'HTTP ' || status, 'no response')"
    else:
        failed = f"({legacy})"
        reason = "COALESCE(error, 'HTTP ' || status, 'no response')"
    return reason, f"({failed} AND COALESCE(status, 0) NOT IN {NOT_FOUND})"


def _failures(engine: Engine, run_id: int) -> tuple[dict[str, dict[str, str]], dict[str, int]]:
    """Per store, the sources whose page for it failed (with the reason); failures naming no store."""
    by_store: dict[str, dict[str, str]] = {}
    unattributed: dict[str, int] = {}
    reason, failed = _reason_sql(engine)
    query = text(
        f"SELECT DISTINCT source, location_id, url, {reason} FROM \"fetch\" WHERE run_id = :run AND {failed} "
        "AND url NOT LIKE '%/robots.txt'"
    )
    with engine.connect() as conn:
        for source, location_id, _url, why in conn.execute(query, {"run": run_id}):
            if location_id:
                by_store.setdefault(location_id, {}).setdefault(source, str(why))
            else:
                unattributed[source] = unattributed.get(source, 0) + 1
    return by_store, unattributed


def _declared(spec: Any, source_id: str) -> dict[str, bool]:
    """What the spec declares a source carries (``carries: {replies: false}``), if it says."""
    holder = getattr(spec, "site", None) if source_id == "site" else None
    if holder is None:
        holder = next((s for s in getattr(spec, "sources", []) if getattr(s, "id", None) == source_id), None)
    carries = getattr(holder, "carries", None) if holder is not None else None
    if carries is None:
        return {}
    if hasattr(carries, "model_dump"):
        carries = carries.model_dump(exclude_none=True)
    if not isinstance(carries, dict):
        return {}
    return {str(k): bool(v) for k, v in carries.items() if v is not None}


def _why_unmatched(fields: dict[str, str]) -> str:
    """A short account of what an unmatched entity showed, so a person can see why no store fits it."""
    if fields.get("store_ref"):
        return f"declares store {fields['store_ref']!r}, not in the roster"
    shown = [f"{f} {fields[f]!r}" for f in IDENTITY_FIELDS if fields.get(f)]
    if not shown:
        return "shows no store id, name, address, phone or website"
    return "; ".join(shown[:3]) + ": no roster store has that store id, website, phone or address"


def source_facts(engine: Engine, run_id: int, spec: Any) -> dict[str, SourceFacts]:
    """Per source (the site and every spec source): what the run saw of it, over all stores."""
    kinds = {"site": "site", **{s.id: s.kind for s in spec.sources}}
    facts = {sid: SourceFacts(sid, kind, declared=_declared(spec, sid)) for sid, kind in kinds.items()}
    for source in spec.sources:
        facts[source.id].covers = tuple(str(c).upper() for c in getattr(source, "countries", None) or ())
    reason, failed = _reason_sql(engine)
    run = {"run": run_id}
    with engine.connect() as conn:
        fields: dict[str, set[str]] = {}
        for source, field in conn.execute(
            text("SELECT DISTINCT source, field FROM observation WHERE run_id = :run"), run
        ):
            fields.setdefault(source, set()).add(field)
        for source, entities, matched in conn.execute(
            text(
                "SELECT source, COUNT(DISTINCT entity), COUNT(DISTINCT location_id) FROM observation "
                "WHERE run_id = :run GROUP BY source"
            ),
            run,
        ):
            f = facts.setdefault(source, SourceFacts(source))
            f.fields = frozenset(fields.get(source, ()))
            f.entities, f.matched_stores = int(entities), int(matched)
        _matched_countries(conn, run_id, spec, facts)
        for source, count in conn.execute(
            text(
                "SELECT source, COUNT(DISTINCT entity) FROM observation WHERE run_id = :run "
                "AND location_id IS NULL GROUP BY source"
            ),
            run,
        ):
            if source not in facts:
                continue
            facts[source].unmatched_count = int(count)
            shown: dict[str, dict[str, str]] = {}
            for entity, field, raw in conn.execute(
                text(
                    "SELECT entity, field, raw FROM observation WHERE run_id = :run AND source = :source "
                    "AND location_id IS NULL AND field IN ('store_ref','name','website','phone','address') "
                    "ORDER BY entity LIMIT 40"
                ),
                {**run, "source": source},
            ):
                shown.setdefault(entity, {})[field] = (raw or "")[:80]
            facts[source].unmatched = tuple(f"{e} ({_why_unmatched(v)})" for e, v in list(shown.items())[:5])
            names = conn.execution_options(yield_per=2000).execute(
                text(
                    "SELECT entity, raw FROM observation WHERE run_id = :run AND source = :source "
                    "AND location_id IS NULL AND field = 'name'"
                ),
                {**run, "source": source},
            )
            for entity, raw in names:
                facts[source].unmatched_names.setdefault(fold_name(raw or "", spec), entity)
        for source, pages, bad in conn.execute(
            text(
                f"SELECT source, COUNT(*), SUM(CASE WHEN {failed} THEN 1 ELSE 0 END) FROM \"fetch\" "
                "WHERE run_id = :run AND url NOT LIKE '%/robots.txt' GROUP BY source"
            ),
            run,
        ):
            if source in facts:
                facts[source].pages, facts[source].failed = int(pages), int(bad or 0)
        for source, why, count in conn.execute(
            text(
                f"SELECT source, {reason}, COUNT(*) FROM \"fetch\" WHERE run_id = :run AND {failed} "
                "AND url NOT LIKE '%/robots.txt' GROUP BY 1, 2 ORDER BY 3 DESC"
            ),
            run,
        ):
            if source in facts:
                facts[source].reasons[str(why)] = int(count)
        for source, url in conn.execute(
            text(
                f"SELECT source, MIN(url) FROM \"fetch\" WHERE run_id = :run AND NOT {failed} "
                "AND url NOT LIKE '%/robots.txt' GROUP BY source"
            ),
            run,
        ):
            if source in facts:
                facts[source].sample_url = url
        for source, total, rated, dated, replied, stores in conn.execute(
            text(
                "SELECT source, COUNT(*), COUNT(stars), COUNT(date), "
                "SUM(CASE WHEN reply IS NOT NULL AND TRIM(reply) != '' THEN 1 ELSE 0 END), "
                "COUNT(DISTINCT location_id) FROM review "
                "WHERE first_run_id IS NULL OR first_run_id <= :run GROUP BY source"
            ),
            run,
        ):
            if source in facts:
                f = facts[source]
                f.reviews, f.rated, f.dated, f.replied = int(total), int(rated), int(dated), int(replied or 0)
                if f.kind == "reviews":
                    f.matched_stores = int(stores)
        _review_countries(conn, run_id, spec, facts)
    return facts


def _matched_countries(conn: Any, run_id: int, spec: Any, facts: dict[str, SourceFacts]) -> None:
    """Each source's matched roster stores counted per roster country."""
    default = str(getattr(spec, "country", "") or "")
    country = {e.store_id: str(e.country or default).upper() for e in spec.roster}
    for source, location_id in conn.execute(
        text(
            "SELECT DISTINCT source, location_id FROM observation WHERE run_id = :run "
            "AND location_id IS NOT NULL"
        ),
        {"run": run_id},
    ):
        if source in facts and location_id in country:
            counts = facts[source].matched_countries
            counts[country[location_id]] = counts.get(country[location_id], 0) + 1


def _review_countries(conn: Any, run_id: int, spec: Any, facts: dict[str, SourceFacts]) -> None:
    """Each source's review counts per roster country (reviews, rated, dated, replied)."""
    default = str(getattr(spec, "country", "") or "")
    country = {e.store_id: str(e.country or default) for e in spec.roster}
    for source, location_id, total, rated, dated, replied in conn.execute(
        text(
            "SELECT source, location_id, COUNT(*), COUNT(stars), COUNT(date), "
            "SUM(CASE WHEN reply IS NOT NULL AND TRIM(reply) != '' THEN 1 ELSE 0 END) FROM review "
            "WHERE (first_run_id IS NULL OR first_run_id <= :run) AND location_id IS NOT NULL "
            "GROUP BY source, location_id"
        ),
        {"run": run_id},
    ):
        if source not in facts or location_id not in country:
            continue
        counts = facts[source].review_countries
        before = counts.get(country[location_id], (0, 0, 0, 0))
        added = (int(total), int(rated), int(dated), int(replied or 0))
        counts[country[location_id]] = tuple(a + b for a, b in zip(before, added, strict=True))  # type: ignore[assignment]


def _summaries(engine: Engine, run_id: int) -> Iterator[tuple[str, dict]]:
    """(store id, review summary over all sources), in store-id order, streamed."""
    query = text(
        "SELECT location_id, data FROM reviewsummary WHERE run_id = :run AND source = 'all' "
        "ORDER BY location_id"
    )
    with engine.connect() as conn:
        for location_id, data in conn.execution_options(yield_per=2000).execute(query, {"run": run_id}):
            yield location_id, json.loads(data)


def _replies(engine: Engine, run_id: int) -> Iterator[tuple[str, str, Seen]]:
    """(store id, source, one owner reply as seen text), in store-id order: the brand's voice on
    review sites."""
    query = text(
        "SELECT location_id, source, reply, url FROM review WHERE reply IS NOT NULL AND TRIM(reply) != '' "
        "AND (first_run_id IS NULL OR first_run_id <= :run) ORDER BY location_id"
    )
    with engine.connect() as conn:
        rows = conn.execution_options(yield_per=2000).execute(query, {"run": run_id})
        for location_id, source, reply, url in rows:
            yield location_id, source, Seen(reply, reply, url or "")


def _nothing() -> Iterator[tuple[str, str, Seen]]:
    yield from ()


def iter_evidence(
    engine: Engine,
    run_id: int,
    spec: Any,
    facts: dict[str, SourceFacts] | None = None,
    with_replies: bool = False,
) -> Iterator[Evidence]:
    """Evidence for every roster store, in store-id order, observations read in one pass."""
    failed, unattributed = _failures(engine, run_id)
    facts = facts if facts is not None else source_facts(engine, run_id, spec)
    summaries = _summaries(engine, run_id)
    summary = next(summaries, None)
    replies = _replies(engine, run_id) if with_replies else _nothing()
    reply = next(replies, None)
    roster = sorted(spec.roster, key=lambda e: e.store_id)
    query = text(
        "SELECT location_id, source, entity, field, raw, normalised, url, problem FROM observation "
        "WHERE run_id = :run AND location_id IS NOT NULL ORDER BY location_id"
    )
    with engine.connect() as conn, closing(summaries), closing(replies):
        rows = conn.execution_options(yield_per=2000).execute(query, {"run": run_id})
        pending = next(rows, None)
        for entry in roster:
            reasons = failed.get(entry.store_id, {})
            evidence = Evidence(
                store=entry.model_dump(),
                spec=spec,
                failed_sources=set(reasons),
                unattributed_failures=unattributed,
                failure_reasons=dict(reasons),
                facts=facts,
            )
            while summary is not None and summary[0] < entry.store_id:
                summary = next(summaries, None)
            if summary is not None and summary[0] == entry.store_id:
                evidence.reviews = summary[1]
            while reply is not None and reply[0] < entry.store_id:
                reply = next(replies, None)
            while reply is not None and reply[0] == entry.store_id:
                evidence.texts.setdefault(reply[1], []).append(reply[2])
                reply = next(replies, None)
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
