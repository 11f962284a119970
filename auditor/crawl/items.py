"""Typed items the spiders yield and the pipelines consume (one dataclass per kind of thing)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from datetime import UTC, datetime


def now() -> datetime:
    """Timezone-aware now, in UTC."""
    return datetime.now(UTC)


@dataclass
class FetchRecord:
    """One HTTP fetch (attempt), successful or not; becomes a Fetch row."""

    url: str
    source: str
    location_id: str | None = None
    status: int | None = None
    bytes: int = 0
    elapsed_ms: float | None = None
    etag: str | None = None
    last_modified: str | None = None
    content_hash: str | None = None
    error: str | None = None
    reused: bool = False
    fetched_at: datetime = field(default_factory=now)
    outcome: str | None = None  # None: fetched; else the kind of gap (see auditor.crawl.fetchlog)
    finished: bool = False  # the request's last answer (after retries and redirects) is in
    settled: bool = False  # False while the spider may still note a parse problem on it


@dataclass
class FieldValue:
    """One observed field: what the page said and its normalised form (or why there is none)."""

    field: str
    raw: str
    normalised: object | None = None
    problem: str | None = None


@dataclass
class ObservedPage:
    """The fields one page or listing shows for one store (or for an unknown store)."""

    url: str
    source: str
    entity: str
    location_id: str | None
    raw: dict[str, object]
    kind: str = "listing"  # site | listing
    fetched_at: datetime = field(default_factory=now)
    values: list[FieldValue] = field(default_factory=list)
    country: str | None = None


@dataclass
class ObservedReview:
    """One review on a review page."""

    url: str
    source: str
    location_id: str
    key: str
    author: str = ""
    stars: float | None = None
    text: str = ""
    date: dt.date | None = None
    reply: str | None = None
    reply_date: dt.date | None = None
    fetched_at: datetime = field(default_factory=now)
    problems: dict[str, str] = field(default_factory=dict)  # field -> why it could not be read


@dataclass
class ReviewPage:
    """Every review one page shows, as one item (Scrapy's per-item cost is paid once a page)."""

    url: str
    source: str
    location_id: str
    reviews: list[ObservedReview] = field(default_factory=list)


@dataclass
class ReusedPage:
    """A page answered 304 Not Modified: what an earlier run saw at this URL still holds."""

    url: str
    source: str
    location_id: str | None
    fetched_at: datetime = field(default_factory=now)


@dataclass
class CarriedPages:
    """Pages known to be unchanged without a request (see ReviewSpider and SiteSpider): what
    earlier runs saw at these URLs still holds. One item for many pages."""

    source: str
    urls: list[str] = field(default_factory=list)


@dataclass
class PageMemo:
    """What a page led to (links) or yielded as a resource (CSS colours, logo hash), kept per URL
    so a later run that gets 304 can go on without the body."""

    url: str
    links: list | None = None  # None: unchanged; []: the page leads nowhere now
    data: dict | None = None  # None: unchanged
