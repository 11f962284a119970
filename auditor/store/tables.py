"""SQLModel tables: what a crawl saw, what the rules judged, and the scores, kept per run.

Structured values (normalised fields, stats, themes) are stored as JSON text so the same
schema runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
from datetime import UTC, datetime

from sqlalchemy import Index
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    """Timezone-aware now, stored as UTC."""
    return datetime.now(UTC)


class AuditRun(SQLModel, table=True):
    """One nightly (or ad hoc) audit: a crawl and its evaluation."""

    id: int | None = Field(default=None, primary_key=True)
    started: datetime = Field(default_factory=utcnow)
    finished: datetime | None = None
    status: str = Field(default="running", index=True)  # running|complete|interrupted|failed
    spec_hash: str = ""
    spec_path: str = ""
    evaluated: datetime | None = None  # last time findings/scorecards were (re)written
    stats: str = "{}"  # JSON: pages, items, fetch failures, field problems ...
    host: str | None = Field(default_factory=socket.gethostname)  # where the run's process ran
    pid: int | None = Field(default_factory=os.getpid)
    heartbeat: datetime | None = None  # last sign of life of the run's process
    note: str | None = None  # why the run was interrupted or failed
    reader: str | None = None  # the page readers' version (auditor.crawl.reader_version)


class Location(SQLModel, table=True):
    """A store from the roster (the source of truth), refreshed at every run."""

    store_id: str = Field(primary_key=True)
    name: str
    region: str = Field(index=True)
    status: str = "open"  # open | temporarily_closed | closed
    country: str = "AU"
    data: str = "{}"  # JSON of the full roster row, as validated


class Source(SQLModel, table=True):
    """A touchpoint the crawler visits: the brand site, a directory, a review site."""

    id: str = Field(primary_key=True)
    kind: str  # site | listing | reviews
    title: str = ""


class Fetch(SQLModel, table=True):
    """Every HTTP fetch of a run, failed or not. A failure is a coverage gap."""

    id: int | None = Field(default=None, primary_key=True)
    run_id: int = Field(foreign_key="auditrun.id", index=True)
    source: str = Field(index=True)
    location_id: str | None = Field(default=None, index=True)
    url: str = Field(index=True)
    status: int | None = None  # HTTP status; None when no response came back
    bytes: int = 0
    elapsed_ms: float | None = None
    etag: str | None = None
    last_modified: str | None = None
    content_hash: str | None = None
    error: str | None = None  # timeout, connection refused, truncated, bad JSON-LD ...
    reused: bool = False  # 304 Not Modified: observations copied from an earlier run
    fetched_at: datetime = Field(default_factory=utcnow)
    outcome: str | None = None  # None: fetched; else the gap: robots, refused... (crawl/fetchlog.py)


class Observation(SQLModel, table=True):
    """One field seen for one location on one source (one entity: a listing, a page)."""

    id: int | None = Field(default=None, primary_key=True)
    run_id: int = Field(foreign_key="auditrun.id", index=True)
    location_id: str | None = Field(default=None, index=True)  # None: could not be matched
    source: str = Field(index=True)
    entity: str = ""  # identifies one listing/page on the source (its canonical URL)
    field: str
    raw: str = ""
    normalised: str | None = None  # JSON; None when the raw value could not be normalised
    problem: str | None = None  # why normalisation failed, kept and counted, never dropped
    url: str = ""


class Review(SQLModel, table=True):
    """A review, stored once (deduplicated by source + key) and analysed once."""

    __table_args__ = (Index("uq_review_source_key", "source", "key", unique=True),)

    id: int | None = Field(default=None, primary_key=True)
    source: str = Field(index=True)
    location_id: str = Field(index=True)
    key: str = Field(index=True)  # external id, or a content hash when the site gives none
    first_run_id: int | None = Field(default=None, foreign_key="auditrun.id")
    last_seen_run_id: int | None = Field(default=None, index=True)
    author: str = ""
    stars: float | None = None
    text: str = ""
    date: dt.date | None = None
    reply: str | None = None
    reply_date: dt.date | None = None
    problems: str | None = None  # JSON: field -> why it could not be read ({"stars": "'great' shows ..."})
    url: str = ""
    language: str | None = None
    analyzed: bool = Field(default=False, index=True)
    analyzer: str | None = None
    polarity: float | None = None
    label: str | None = None  # negative | neutral | positive | not_scored
    confidence: float | None = None
    themes: str = "{}"  # JSON: theme -> clause polarity


class ReviewSummary(SQLModel, table=True):
    """Per-location review aggregates for one run (feed the reviews rules)."""

    __table_args__ = (
        Index("uq_reviewsummary_run_location_source", "run_id", "location_id", "source", unique=True),
    )

    id: int | None = Field(default=None, primary_key=True)
    run_id: int = Field(foreign_key="auditrun.id", index=True)
    location_id: str = Field(index=True)
    source: str = "all"
    data: str = "{}"  # JSON: mean stars, mean sentiment, share negative, response rates ...


class Finding(SQLModel, table=True):
    """One rule that failed (fully or partly) for one location in one run."""

    id: int | None = Field(default=None, primary_key=True)
    run_id: int = Field(foreign_key="auditrun.id", index=True)
    location_id: str = Field(index=True)
    rule_id: str = Field(index=True)
    severity: str  # error | warning | info
    category: str  # listings | site | reviews | coverage
    source: str = ""
    field: str = ""
    expected: str = ""
    observed: str = ""
    url: str = ""
    message: str = ""
    score: float = 0.0  # the check's score in [0, 1]
    weight: float = 1.0
    points: float = 0.0  # overall points the location would gain if this were fixed
    fingerprint: str = Field(index=True)


class Scorecard(SQLModel, table=True):
    """Per-location scores for one run; None for a category with nothing applicable."""

    __table_args__ = (Index("uq_scorecard_run_location", "run_id", "location_id", unique=True),)

    id: int | None = Field(default=None, primary_key=True)
    run_id: int = Field(foreign_key="auditrun.id", index=True)
    location_id: str = Field(index=True)
    region: str = Field(default="", index=True)
    overall: float | None = None
    grade: str = ""
    listings: float | None = None
    site: float | None = None
    reviews: float | None = None
    coverage: float | None = None
    checks_applied: int = 0
    checks_not_applicable: int = 0
    details: str = "{}"  # JSON: journey stages, coverage gaps, per-category breakdown


class RunLock(SQLModel, table=True):
    """The database's run lock: at most one row per name, held by one live process."""

    name: str = Field(primary_key=True)  # "audit": crawl, evaluate and repair take the same lock
    command: str = ""
    host: str = ""
    pid: int = 0
    pid_started: float | None = None  # the process's start time, so a reused pid is not mistaken
    run_id: int | None = None
    started: datetime = Field(default_factory=utcnow)
    heartbeat: datetime = Field(default_factory=utcnow)
    token: str = ""  # the holder's own id: only it releases the lock, a take-over deletes only it
