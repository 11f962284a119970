"""The per-crawler list of fetch records waiting to be written."""

from __future__ import annotations

from typing import Any

from auditor.crawl.items import FetchRecord


class FetchLog:
    """Fetch records of one crawler; the store pipeline drains the settled ones."""

    def __init__(self) -> None:
        self.records: list[FetchRecord] = []

    def add(self, record: FetchRecord) -> None:
        self.records.append(record)

    def drain(self, everything: bool = False) -> list[FetchRecord]:
        """Take the records that are final (or all of them, at the end of the crawl)."""
        if everything:
            out, self.records = self.records, []
            return out
        out = [r for r in self.records if r.settled]
        self.records = [r for r in self.records if not r.settled]
        return out


def fetch_log_for(crawler: Any) -> FetchLog:
    """The crawler's fetch log, created on first use."""
    log = getattr(crawler, "_auditor_fetch_log", None)
    if log is None:
        log = FetchLog()
        crawler._auditor_fetch_log = log
    return log
