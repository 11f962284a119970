"""Review pages: one element per review, fields read relative to it; or schema.org ``Review``
objects (JSON-LD or microdata), as brands embed them on their own store pages.

Stars and dates are read by :mod:`auditor.normalise.stars` and :mod:`auditor.normalise.dates`.
A value that cannot be read is ``None`` with its reason in the review's ``problems`` (never 0,
never a guess), so the judge can tell "not shown" from "shown and read".
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from lxml import etree
from scrapy.http import TextResponse

from auditor.crawl.adapters.base import clean, compiled, matches_text, query_all, tree_of
from auditor.normalise.dates import read_date
from auditor.normalise.stars import read_stars

DEFAULT_REVIEW_FIELDS = {
    "key": "::attr(data-review-id)",
    "stars": ".stars::attr(data-value)",
    "text": ".body::text",
    "date": "time::attr(datetime)",
    "author": ".author::text",
}
# Where a star widget keeps its value when a selector picks the element itself.
_STAR_ATTRIBUTES = ("aria-label", "title", "content", "data-rating", "data-value", "data-score",
                    "data-stars", "alt", "class", "style")  # fmt: skip
_FILLED = etree.XPath(
    "descendant::*[contains(concat(' ', normalize-space(@class), ' '), ' full ') or "
    "contains(@class, 'filled') or contains(@class, 'active') or contains(@class, '-on') or "
    "contains(@class, 'checked')]"
)
_EMPTY = etree.XPath(
    "descendant::*[contains(@class, 'empty') or contains(@class, '-off') or contains(@class, 'blank')]"
)


def parse_date(text: str, languages: tuple[str, ...] = (), country: str | None = None,
               today: dt.date | None = None) -> dt.date | None:  # fmt: skip
    """The date a review label shows, or None when unreadable (see :func:`read_date`)."""
    return read_date(text, languages, country, today)[0]


def parse_stars(text: str) -> float | None:
    """Stars out of 5 in any written form, or None (see :func:`read_stars`)."""
    return read_stars(text)[0]


def content_key(location_id: str, author: str, date: str, text: str) -> str:
    """A stable key for a review the site gives no id for (per store: chains repeat reviews)."""
    digest = hashlib.sha1(f"{location_id}\x1f{author}\x1f{date}\x1f{text}".encode()).hexdigest()
    return f"h-{digest[:20]}"


def stars_of(found: list[Any] | Any, scale: float | None = None) -> tuple[float | None, str | None]:
    """Stars from what a ``stars`` selector matched: text or attribute strings, or the widget
    element itself (its text, then its rating attributes, then its filled and empty parts)."""
    if not isinstance(found, list):
        found = [] if found is None or found == "" else [str(found)]
    strings = [s for s in found if isinstance(s, str)]
    if strings or not found:
        return read_stars(clean(" ".join(strings)), scale)
    first_problem: str | None = None
    for element in found:
        for text in _widget_texts(element):
            value, problem = read_stars(text, scale)
            if value is not None:
                return value, None
            first_problem = first_problem or problem
        filled, empty = len(_FILLED(element)), len(_EMPTY(element))
        if filled and (filled + empty) <= 10:
            return read_stars(f"{filled}/{filled + empty}" if empty else str(filled))
    return None, first_problem or "no star rating shown"


def _widget_texts(element: Any) -> list[str]:
    texts = [clean(" ".join(element.itertext()))]
    for node in (element, *element.iterdescendants()):
        if not isinstance(node.tag, str):
            continue
        texts += [str(node.get(name)) for name in _STAR_ATTRIBUTES if node.get(name)]
    return [t for t in texts if t]


class ReviewReader:
    """Reads reviews the same way for every page of one source: languages and country decide
    how dates are read; ``today`` is the day the page was fetched (for "3 days ago")."""

    def __init__(self, languages: tuple[str, ...] = (), today: dt.date | None = None,
                 scale: float | None = None) -> None:  # fmt: skip
        self.languages = tuple(languages)
        self.today = today or dt.datetime.now(dt.UTC).date()
        self.scale = scale  # what a bare rating is out of (adapter ``stars_scale``), default 5

    def review(self, location_id: str, raw: dict[str, str], stars: tuple[float | None, str | None],
               country: str | None) -> dict[str, Any]:  # fmt: skip
        """One review's fields, with ``problems`` naming each value that could not be read."""
        problems: dict[str, str] = {}
        value, problem = stars
        if problem:
            problems["stars"] = problem
        date, date_problem = read_date(raw.get("date", ""), self.languages, country, self.today)
        if date_problem:
            problems["date"] = date_problem
        reply = raw.get("reply") or None
        reply_date = None
        if reply and raw.get("reply_date"):
            reply_date, reply_problem = read_date(raw["reply_date"], self.languages, country, self.today)
            if reply_problem:
                problems["reply_date"] = reply_problem
        text = raw.get("text", "")
        key = raw.get("key") or content_key(location_id, raw.get("author", ""), raw.get("date", ""), text)
        return {
            "key": key,
            "author": raw.get("author", ""),
            "stars": value,
            "text": text,
            "date": date,
            "reply": reply,
            "reply_date": reply_date,
            "problems": problems,
        }

    def from_elements(self, response: TextResponse, location_id: str, review: str,
                      fields: dict[str, str], country: str | None = None) -> list[dict]:  # fmt: skip
        """Each element ``review`` matches, its fields read by the ``fields`` selectors."""
        queries = {name: compiled(query) for name, query in {**DEFAULT_REVIEW_FIELDS, **fields}.items()}
        stars_query = queries.pop("stars")
        readers = [(name, query, _first if name in _ONE_VALUE else matches_text)
                   for name, query in queries.items()]  # fmt: skip
        out: list[dict[str, Any]] = []
        for element in query_all(tree_of(response), review):
            raw = {name: read(query(element)) for name, query, read in readers}
            stars = stars_of(stars_query(element), self.scale)
            out.append(self.review(location_id, raw, stars, country))
        return _distinct_keys(out)

    def from_schema(self, objects: list[dict], location_id: str, country: str | None = None) -> list[dict]:
        """schema.org ``Review`` objects (and the ``review`` list of a business) as reviews."""
        out: list[dict[str, Any]] = []
        for obj in _review_objects(objects):
            rating = obj.get("reviewRating")
            stars = (_schema_stars(rating, self.scale) if isinstance(rating, dict)
                     else read_stars(_text(rating), self.scale))  # fmt: skip
            replies = [c for c in _as_list(obj.get("comment")) if isinstance(c, dict)]
            raw = {
                "key": _text(obj.get("@id") or obj.get("identifier")),
                "author": _text(obj.get("author")),
                "text": _text(obj.get("reviewBody") or obj.get("description")),
                "date": _text(obj.get("datePublished") or obj.get("dateCreated")),
                "reply": _text(replies[0].get("text")) if replies else "",
                "reply_date": _text(replies[0].get("dateCreated") or replies[0].get("datePublished"))
                if replies else "",
            }  # fmt: skip
            out.append(self.review(location_id, raw, stars, country))
        return _distinct_keys(out)


def _distinct_keys(reviews: list[dict]) -> list[dict]:
    """Two reviews without a site id and with the same author, date and text on one page are two
    reviews: the second one's key gets ``-2`` (the third ``-3``), stable while their order is."""
    seen: dict[str, int] = {}
    for review in reviews:
        key = review["key"]
        if key.startswith("h-"):
            seen[key] = seen.get(key, 0) + 1
            if seen[key] > 1:
                review["key"] = f"{key}-{seen[key]}"
    return reviews


_ONE_VALUE = ("key", "date", "reply_date")  # the first match: a review's own date before its reply's


def _first(found: list[Any] | Any) -> str:
    if not isinstance(found, list):
        return matches_text(found)
    for match in found:
        text = clean(match) if isinstance(match, str) else matches_text([match])
        if text:
            return text
    return ""


def _schema_stars(rating: dict, scale: float | None = None) -> tuple[float | None, str | None]:
    value = _text(rating.get("ratingValue"))
    best = _text(rating.get("bestRating"))
    if value and best and best not in ("5", "5.0"):
        return read_stars(f"{value}/{best}")
    return read_stars(value, scale)


def _review_objects(objects: list[dict]) -> list[dict]:
    found: list[dict] = []
    for obj in objects:
        kinds = obj.get("@type", [])
        kinds = {str(k).rsplit("/", 1)[-1] for k in (kinds if isinstance(kinds, list) else [kinds])}
        if "Review" in kinds:
            found.append(obj)
        else:
            found += [r for r in _as_list(obj.get("review") or obj.get("reviews")) if isinstance(r, dict)]
    return found


def _as_list(value: Any) -> list:
    if value in (None, ""):
        return []
    return value if isinstance(value, list) else [value]


def _text(value: Any) -> str:
    if isinstance(value, list):
        return next((t for t in (_text(v) for v in value) if t), "")
    if isinstance(value, dict):
        return _text(value.get("name") or value.get("@value") or value.get("@id") or "")
    return "" if value is None else clean(str(value))


def extract_reviews(
    response: TextResponse,
    location_id: str,
    review: str,
    fields: dict[str, str],
    *,
    languages: tuple[str, ...] = (),
    country: str | None = None,
    today: dt.date | None = None,
) -> list[dict]:
    """Each review on the page as a dict of key, author, stars, text, date, reply, reply_date
    and problems (field -> why it could not be read)."""
    return ReviewReader(languages, today).from_elements(response, location_id, review, fields, country)


# adapter type -> the structured-data syntaxes its schema.org Review objects are read from
_SCHEMA_SYNTAXES = {"jsonld": ("json-ld",), "microdata": ("microdata",), "rdfa": ("rdfa",),
                    "auto": ("json-ld", "microdata", "rdfa")}  # fmt: skip


def read_reviews(response: TextResponse, adapter: Any, location_id: str, languages: tuple[str, ...] = (),
                 country: str | None = None, today: dt.date | None = None) -> list[dict]:  # fmt: skip
    """The reviews on one page as a source's ``adapter`` block says to read them: schema.org
    ``Review`` objects for ``jsonld`` / ``microdata`` / ``rdfa`` / ``auto`` (unless a ``review``
    selector is given), else one ``review`` element each."""
    from auditor.crawl.adapters import option
    from auditor.crawl.structured import extract_structured

    kind = str(option(adapter, "type", "css"))
    if kind == "platform":  # a platform's JSON answer (auditor.sources)
        from auditor.sources.reviews import read_platform_reviews

        return read_platform_reviews(response.body, adapter, location_id, languages, country, today)
    scale = option(adapter, "stars_scale", None)
    reader = ReviewReader(languages, today, float(scale) if scale else None)
    if kind in _SCHEMA_SYNTAXES and not option(adapter, "review", None):
        data = extract_structured(response.selector.root, response.url, _SCHEMA_SYNTAXES[kind])
        return reader.from_schema(data.jsonld + data.microdata + data.rdfa, location_id, country)
    review = str(option(adapter, "review", "article.review"))
    fields = dict(option(adapter, "review_fields", {}) or {})
    return reader.from_elements(response, location_id, review, fields, country)


def count_review_fields(stats: Any, source: str, reviews: list[dict]) -> None:
    """Per-field counters of a page's reviews (``auditor.crawl.field_stats``: ``review_stars``,
    ``review_date``, read / normalised / unreadable and why), and ``auditor/<source>/reviews_without_
    <field>`` for reviews that do not show the field at all."""
    from collections import Counter

    from auditor.crawl.field_stats import count

    tally: Counter[tuple[str, str | None]] = Counter()
    for review in reviews:
        for name in ("stars", "date"):
            tally[name, review["problems"].get(name)] += 1
    for (name, problem), n in tally.items():  # one counter update per kind, not per review
        if problem is not None and problem.startswith("no ") and problem.endswith(" shown"):
            stats.inc_value(f"auditor/{source}/reviews_without_{name}", n)
        else:
            count(stats, source, f"review_{name}", problem, n)
