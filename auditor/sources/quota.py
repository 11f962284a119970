"""Daily budgets: a platform source asks about at most ``daily_budget`` stores a day (requests
made earlier the same UTC day count), stores least recently read first, so a budget that runs
out leaves a ``quota`` gap for the rest and the next run starts with them."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

from scrapy import Request
from sqlalchemy import func
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session, select

from auditor.crawl.fetchlog import fetch_log_for, finish
from auditor.crawl.items import FetchRecord
from auditor.sources.middleware import platforms_of, say


def last_read(engine: Any, source: str) -> tuple[dict[str, datetime], int]:
    """(store id -> when its page was last read, requests made today) for one source."""
    from auditor.store.tables import Fetch

    midnight = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    with Session(engine) as session:
        rows = session.exec(
            select(Fetch.location_id, func.max(Fetch.fetched_at))
            .where(Fetch.source == source, Fetch.outcome.is_(None), Fetch.status < 300)  # type: ignore[union-attr]
            .group_by(Fetch.location_id)
        ).all()
        asked = (Fetch.source == source, Fetch.fetched_at >= midnight, Fetch.status.is_not(None))  # type: ignore
        today = session.exec(select(func.count()).select_from(Fetch).where(*asked)).one()
    return {str(sid): _naive(when) for sid, when in rows if sid and when}, int(today or 0)


def _naive(when: Any) -> datetime:
    """A stored time as naive UTC (SQLite gives text or naive values back)."""
    if isinstance(when, str):
        when = datetime.fromisoformat(when)
    return when.astimezone(UTC).replace(tzinfo=None) if when.tzinfo else when


class BudgetMiddleware:
    """Spider middleware: orders and trims the start requests of budgeted platform sources."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> BudgetMiddleware:
        return cls(crawler)

    async def process_start(self, start: AsyncIterator[Any]) -> AsyncIterator[Any]:
        budgets = {sid: p for sid, p in platforms_of(getattr(self.crawler.spider, "spec", None)).items()
                   if p.daily_budget is not None}  # fmt: skip
        held: dict[str, list[Request]] = {sid: [] for sid in budgets}
        async for item in start:
            sid = item.meta.get("source") if isinstance(item, Request) else None
            if sid in held and item.meta.get("location_id"):
                held[sid].append(item)
            else:
                yield item
        for sid, requests in held.items():
            for item in self.within_budget(sid, budgets[sid], requests):
                yield item

    def within_budget(self, sid: str, platform: Any, requests: list[Request]) -> list[Request]:
        """The requests the budget allows, least recently read stores first; the rest are gaps."""
        from auditor.crawl.context import engine_for

        try:
            seen, spent = last_read(engine_for(self.crawler), sid)
        except SQLAlchemyError:  # a database without history: roster order, nothing spent
            seen, spent = {}, 0
        never = datetime.min
        ordered = sorted(requests, key=lambda r: seen.get(str(r.meta["location_id"]), never))
        allowed = max(0, int(platform.daily_budget) - spent)
        if len(ordered) > allowed:
            reason = (f"quota: {platform.label} daily budget of {platform.daily_budget} requests spent; "
                      f"{len(ordered) - allowed} stores not checked this run (first next run)")  # fmt: skip
            say(reason)
            for request in ordered[allowed:]:
                record = FetchRecord(url=request.url, source=sid, location_id=request.meta["location_id"])
                fetch_log_for(self.crawler).add(finish(record, "quota", reason))
                self.crawler.stats.inc_value(f"auditor/{sid}/gaps/quota")
        return ordered[:allowed]
