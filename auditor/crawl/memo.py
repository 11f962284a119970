"""Per-URL crawl memory for incremental runs: validators, links found and resource data.

A page answered ``304 Not Modified`` has no body, so what it led to (index links, the next page)
and what it yielded (a stylesheet's colours, a logo's hash) are remembered here from the run
that last read it. ``run_id`` names the run whose observations of that URL are current.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlmodel import Field, SQLModel


class CrawlMemo(SQLModel, table=True):
    """What the crawler remembers about one URL between runs."""

    url: str = Field(primary_key=True)
    run_id: int | None = Field(default=None, index=True)
    etag: str | None = None
    last_modified: str | None = None
    links: str = "[]"  # JSON list of URLs the page led to
    data: str = "{}"  # JSON: resource results (colours, fonts, logo hash)


@dataclass(slots=True)
class Memo:
    """One memo row in memory (a plain object: thousands are loaded per spider)."""

    url: str
    run_id: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    links: str = "[]"
    data: str = "{}"

    def row(self) -> dict:
        return asdict(self)


def ensure_memo_table(engine: Engine) -> None:
    """Create the memo table when missing (it is the crawl's own, not part of the audit schema)."""
    CrawlMemo.__table__.create(engine, checkfirst=True)  # type: ignore[attr-defined]


def load_memos(engine: Engine) -> dict[str, Memo]:
    """Memos by URL (one row per crawled URL) of pages last read by runs whose page readers were
    this version's: a page another version read is read afresh (``reader_version``)."""
    from auditor.crawl.reader_version import reader_fingerprint
    from auditor.store.tables import AuditRun

    ensure_memo_table(engine)
    table = CrawlMemo.__table__  # type: ignore[attr-defined]
    runs = AuditRun.__table__  # type: ignore[attr-defined]
    columns = [table.c[name] for name in Memo.__slots__]
    with engine.connect() as conn:
        current = {r for (r,) in conn.execute(select(runs.c.id).where(runs.c.reader == reader_fingerprint()))}
        rows = conn.execute(select(*columns))
        return {row[0]: Memo(*row) for row in rows if row[1] in current}


def run_start_times(engine: Engine) -> dict[int, datetime]:
    """When each audit run started (UTC), to tell how long ago a memo's run read its page."""
    from auditor.store.tables import AuditRun

    table = AuditRun.__table__  # type: ignore[attr-defined]
    with engine.connect() as conn:
        rows = conn.execute(select(table.c.id, table.c.started))
        return {i: s if s.tzinfo else s.replace(tzinfo=UTC) for i, s in rows if s is not None}


def memo_links(memo: Memo | None) -> list[str]:
    """The links a memo holds (empty when there is no memo)."""
    return json.loads(memo.links) if memo is not None else []


def memo_data(memo: Memo | None) -> dict:
    """The resource data a memo holds (empty when there is no memo)."""
    return json.loads(memo.data) if memo is not None else {}
