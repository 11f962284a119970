"""The roster as plain rows: lookups by store id, URL template fields, Location/Source rows."""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy.engine import Engine

from auditor.store.engine import session_scope
from auditor.store.tables import Location, Source


def entry_dict(entry: Any) -> dict[str, Any]:
    """A roster entry (model or mapping) as a dict of its columns."""
    if isinstance(entry, dict):
        return dict(entry)
    if hasattr(entry, "model_dump"):
        return entry.model_dump(mode="json")
    return dict(vars(entry))


def roster_rows(spec: Any) -> dict[str, dict[str, Any]]:
    """store_id -> roster row, in roster order."""
    return {str(row["store_id"]): row for row in map(entry_dict, spec.roster)}


def slug_of(row: dict[str, Any]) -> str:
    """The store's URL slug: the last path segment of its website, else its name slugified."""
    website = str(row.get("website") or "")
    path = urlsplit(website).path.strip("/")
    if path:
        return path.rsplit("/", 1)[-1]
    return slugify(str(row.get("name", "")), str(row.get("country") or ""))


# Letters a store locator spells out in its URLs: everywhere (NFKD leaves them whole), and where a
# country's own convention differs (German ä -> ae, Danish ø -> oe, as German and Danish sites write them).
_LETTERS = {"æ": "ae", "ø": "o", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "ŀ": "l",
            "ħ": "h", "ŧ": "t", "ŋ": "ng", "ĸ": "q"}  # fmt: skip
_GERMAN = {"ä": "ae", "ö": "oe", "ü": "ue"}
_LETTERS_BY_COUNTRY = {"DE": _GERMAN, "AT": _GERMAN, "LI": _GERMAN, "DK": {"æ": "ae", "ø": "oe", "å": "aa"}}
_SLUG_GAP = re.compile(r"[\W_]+")


def slugify(text: str, country: str = "") -> str:
    """``text`` as a URL slug: lower case, accents folded (Möbler -> mobler, Straße -> strasse,
    Łódź -> lodz; in DE/AT München -> muenchen, in DK Køge -> koege), every other run of
    characters one hyphen. Letters of scripts without a Latin spelling are kept as they are."""
    import unicodedata

    letters = {**_LETTERS, **_LETTERS_BY_COUNTRY.get(country.upper(), {})}
    out = []
    for ch in unicodedata.normalize("NFC", text).casefold():  # casefold: ß -> ss
        ch = letters.get(ch, ch)
        parts = unicodedata.normalize("NFKD", ch)
        # a Latin letter loses its accents (é -> e, ﬁ -> fi); й or ё of another script stays itself
        out.append("".join(p for p in parts if not unicodedata.combining(p)) if parts[0].isascii() else ch)
    return _SLUG_GAP.sub("-", "".join(out)).strip("-")


class UnfilledTemplate(ValueError):
    """A ``url_template`` names a roster field that is empty (or missing) for a store."""

    def __init__(self, field: str) -> None:
        self.field = field
        super().__init__(f"no_url: roster field '{field}' is empty for this store and url_template needs it")


def template_url(template: str, row: dict[str, Any]) -> str:
    """A ``url_template`` filled from a roster row (every column, plus ``slug``); raises
    UnfilledTemplate naming the first field the row leaves empty."""
    import string

    values = {k: "" if v is None else v for k, v in row.items()}
    values.setdefault("slug", slug_of(row))
    for _text, name, _spec, _conv in string.Formatter().parse(template):
        if name is not None and not str(values.get(name, "")).strip():
            raise UnfilledTemplate(name)
    return template.format(**values)


def record_unfilled(crawler: Any, source: str, store_id: str, template: str, exc: UnfilledTemplate,
                    row: dict[str, Any] | None = None) -> None:  # fmt: skip
    """A store whose page cannot be addressed: one fetch record (a coverage gap naming the field)
    instead of a request; the crawl goes on with the other stores. A store the roster says is
    closed needs no page there: nothing is recorded."""
    if row is not None and str(row.get("status", "")).strip().lower() == "closed":
        return
    from auditor.crawl.fetchlog import fetch_log_for
    from auditor.crawl.items import FetchRecord

    record = FetchRecord(url=template, source=source, location_id=store_id, error=str(exc), settled=True)
    if hasattr(record, "outcome"):
        record.outcome, record.finished = "no_url", True
    fetch_log_for(crawler).add(record)
    crawler.stats.inc_value(f"auditor/{source}/no_url")


def option(obj: Any, name: str, default: Any = None) -> Any:
    """An attribute of a spec model or key of a mapping, with a default for missing/None."""
    value = obj.get(name, default) if isinstance(obj, dict) else getattr(obj, name, default)
    return default if value is None else value


def sync_roster(engine: Engine, spec: Any) -> None:
    """Refresh the Location rows from the roster and the Source rows from the spec."""
    from auditor.crawl.upsert import upsert

    default_country = option(spec, "country", "AU")
    locations = [
        {
            "store_id": str(row["store_id"]),
            "name": str(row.get("name", "")),
            "region": str(row.get("region", "") or ""),
            "status": str(row.get("status") or "open"),
            "country": str(row.get("country") or default_country),
            "data": json.dumps(row, default=str, sort_keys=True),
        }
        for row in roster_rows(spec).values()
    ]
    sources = [{"id": "site", "kind": "site", "title": "Brand site"}] + [
        {
            "id": str(option(source, "id")),
            "kind": str(option(source, "kind", "listing")),
            "title": str(option(source, "title", "")),
        }
        for source in option(spec, "sources", [])
    ]
    with session_scope(engine) as session:
        upsert(session, Location.__table__, locations, "store_id")  # type: ignore[attr-defined]
        upsert(session, Source.__table__, sources, "id")  # type: ignore[attr-defined]
