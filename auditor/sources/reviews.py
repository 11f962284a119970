"""Reviews from a platform's JSON: ``adapter.review`` is the JMESPath to the list of reviews,
``review_fields`` JMESPath per field (key, stars, text, date, author, reply, reply_date), and
``convert`` may turn a platform's own star form (Google's ``"FOUR"``) into a number first. Stars
and dates are then read as on any review site; what cannot be read keeps its reason."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import jmespath

from auditor.crawl.adapters.base import clean
from auditor.crawl.adapters.reviews import ReviewReader, _distinct_keys
from auditor.normalise.stars import read_stars
from auditor.sources.convert import ConvertError, converter


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return clean(str(value))


def read_platform_reviews(body: bytes, adapter: Any, location_id: str, languages: tuple[str, ...] = (),
                          country: str | None = None,
                          today: dt.date | None = None) -> list[dict]:  # fmt: skip
    """Each review in a platform's answer as a review dict (see ``ReviewReader.review``)."""
    from auditor.crawl.adapters import option

    scale = option(adapter, "stars_scale", None)
    reader = ReviewReader(languages, today, float(scale) if scale else None)
    try:
        data = json.loads(body)
    except ValueError:
        return []
    found = jmespath.search(str(option(adapter, "review", "reviews")), data)
    fields = dict(option(adapter, "review_fields", {}) or {})
    converters = {k: converter(str(v)) for k, v in (option(adapter, "convert", {}) or {}).items()
                  if k in fields}  # fmt: skip
    out = []
    for item in found if isinstance(found, list) else []:
        raw: dict[str, str] = {}
        stars: tuple[float | None, str | None] = (None, "the platform shows no rating")
        for name, expr in fields.items():
            value = jmespath.search(expr, item)
            if name in converters:
                try:
                    value = converters[name](value)
                except ConvertError as exc:
                    if name == "stars":
                        stars = (None, str(exc))
                    continue
            raw[name] = _text(value)
        if raw.get("stars"):
            stars = read_stars(raw["stars"], reader.scale)
        out.append(reader.review(location_id, raw, stars, country))
    return _distinct_keys(out)
