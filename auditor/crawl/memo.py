"""Per-URL crawl memory for incremental runs: validators, links found and resource data.

A page answered ``304 Not Modified`` has no body, so what it led to (index links, the next page)
and what it yielded (a stylesheet's colours, a logo's hash) are remembered here from the run
that last read it. ``run_id`` names the run whose observations of that URL are current.
"""

from __future__ import annotations

import json

from sqlalchemy.engine import Engine
from sqlmodel import Field, Session, SQLModel, select


class CrawlMemo(SQLModel, table=True):
    """What the crawler remembers about one URL between runs."""

    url: str = Field(primary_key=True)
    run_id: int | None = Field(default=None, index=True)
    etag: str | None = None
    last_modified: str | None = None
    links: str = "[]"  # JSON list of URLs the page led to
    data: str = "{}"  # JSON: resource results (colours, fonts, logo hash)


def ensure_memo_table(engine: Engine) -> None:
    """Create the memo table when missing (it is the crawl's own, not part of the audit schema)."""
    CrawlMemo.__table__.create(engine, checkfirst=True)  # type: ignore[attr-defined]


def load_memos(engine: Engine) -> dict[str, CrawlMemo]:
    """All memos by URL (small: one row per crawled URL)."""
    ensure_memo_table(engine)
    with Session(engine) as session:
        return {m.url: m for m in session.exec(select(CrawlMemo))}


def memo_links(memo: CrawlMemo | None) -> list[str]:
    """The links a memo holds (empty when there is no memo)."""
    return json.loads(memo.links) if memo is not None else []


def memo_data(memo: CrawlMemo | None) -> dict:
    """The resource data a memo holds (empty when there is no memo)."""
    return json.loads(memo.data) if memo is not None else {}
