"""Review pages: one element per review, fields read relative to it."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from typing import Any

from scrapy.http import TextResponse

from auditor.crawl.adapters.base import compiled, matches_text, query_all, tree_of

DEFAULT_REVIEW_FIELDS = {
    "key": "::attr(data-review-id)",
    "stars": ".stars::attr(data-value)",
    "text": ".body::text",
    "date": "time::attr(datetime)",
    "author": ".author::text",
}
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def parse_date(text: str) -> dt.date | None:
    """An ISO date (or the date part of an ISO datetime); None when unreadable."""
    try:
        return dt.date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None


def parse_stars(text: str) -> float | None:
    """The first number in the text ("4", "4.5 stars", "Rated 4/5")."""
    match = _NUMBER.search(text or "")
    return float(match.group().replace(",", ".")) if match else None


def content_key(location_id: str, author: str, date: str, text: str) -> str:
    """A stable key for a review the site gives no id for (per store: chains repeat reviews)."""
    digest = hashlib.sha1(f"{location_id}\x1f{author}\x1f{date}\x1f{text}".encode()).hexdigest()
    return f"h-{digest[:20]}"


def extract_reviews(
    response: TextResponse, location_id: str, review: str, fields: dict[str, str]
) -> list[dict]:
    """Each review on the page as a dict of key, author, stars, text, date, reply, reply_date."""
    queries = {name: compiled(query) for name, query in {**DEFAULT_REVIEW_FIELDS, **fields}.items()}
    out: list[dict[str, Any]] = []
    for element in query_all(tree_of(response), review):
        raw = {name: matches_text(query(element)) for name, query in queries.items()}
        text = raw.get("text", "")
        date = raw.get("date", "")
        out.append(
            {
                "key": raw.get("key")
                or content_key(location_id, raw.get("author", ""), date, text),
                "author": raw.get("author", ""),
                "stars": parse_stars(raw.get("stars", "")),
                "text": text,
                "date": parse_date(date),
                "reply": raw.get("reply") or None,
                "reply_date": parse_date(raw.get("reply_date", "")),
            }
        )
    return out
