"""The database and run a crawler writes to: given by the runner, or made for a lone spider."""

from __future__ import annotations

from typing import Any

from sqlalchemy.engine import Engine

from auditor.crawl.memo import ensure_memo_table
from auditor.store.engine import make_engine, session_scope
from auditor.store.tables import AuditRun

# Engines handed over by the runner, by token: settings are deep-copied, engines cannot be.
_ENGINES: dict[str, Engine] = {}


def register_engine(engine: Engine) -> str:
    """A settings-safe token for ``engine`` (the value of AUDITOR_ENGINE)."""
    token = f"engine-{id(engine)}"
    _ENGINES[token] = engine
    return token


def engine_for(crawler: Any) -> Engine:
    """The runner's engine (AUDITOR_ENGINE token), else one for AUDITOR_DB / $DATABASE_URL."""
    engine = getattr(crawler, "_auditor_engine", None)
    if engine is None:
        token = crawler.settings.get("AUDITOR_ENGINE")
        engine = _ENGINES.get(token) if token else None
        engine = engine or make_engine(crawler.settings.get("AUDITOR_DB"))
        ensure_memo_table(engine)
        crawler._auditor_engine = engine
    return engine


def start_run(engine: Engine, spec: Any) -> int:
    """A new AuditRun row in state ``running``; returns its id."""
    with session_scope(engine) as session:
        from auditor.crawl.reader_version import reader_fingerprint

        run = AuditRun(
            status="running",
            reader=reader_fingerprint(),
            spec_hash=str(getattr(spec, "spec_hash", "") or ""),
            spec_path=str(getattr(spec, "path", "") or getattr(spec, "spec_path", "") or ""),
        )
        session.add(run)
        session.flush()
        return int(run.id)  # type: ignore[arg-type]


def run_id_for(crawler: Any, spec: Any) -> tuple[int, bool]:
    """(run id, whether this crawler owns the run and must finish it)."""
    given = crawler.settings.get("AUDITOR_RUN_ID")
    if given is not None:
        return int(given), False
    run_id = getattr(crawler, "_auditor_run_id", None)
    if run_id is None:
        from auditor.crawl.roster import sync_roster

        engine = engine_for(crawler)
        sync_roster(engine, spec)
        run_id = start_run(engine, spec)
        crawler._auditor_run_id = run_id
    return run_id, True
