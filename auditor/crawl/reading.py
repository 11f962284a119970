"""One page-reading machinery for the brand's pages and every source.

``read_page`` finds the locations a page describes: schema.org objects in any syntax (the type
filter uses the real schema.org hierarchy), selector fields a spec adds, and, when the page
has no structured data (or lacks a field), the generic text reader. Each value keeps where it
came from; a value that is not the business's own (a template placeholder, an example domain,
two blocks that disagree, a phone from another country) is kept with its reason and never
passed on as a value. Bad input never raises: it becomes a line in ``unread``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from auditor.crawl.adapters.base import Record, css_fields
from auditor.crawl.country import country_code, country_of_language, country_of_phone, country_of_url
from auditor.crawl.placeholders import example_host, phone_placeholder, text_placeholder, url_placeholder
from auditor.crawl.schema_org import fields_from_schema, one_line
from auditor.crawl.schema_types import is_location_type, is_subtype
from auditor.crawl.structured import SYNTAXES, extract_structured, type_names
from auditor.normalise.accents import strip_accents

# properties through which a page nests the business it is about
_NESTING = ("mainEntity", "about", "itemListElement", "item", "subOrganization", "department",
            "location", "hasPOS", "containsPlace", "branchOf", "mainEntityOfPage")  # fmt: skip
# types that carry a telephone or an address without being a location themselves
_NOT_LOCATIONS = frozenset({"StructuredValue", "Person", "CreativeWork", "Action", "Intangible", "Event"})
_LANG = etree.XPath("string(/html/@lang)")
_TRUSTED_IF_COPIED = {"name", "address", "website", "store_ref"}
_MARKUP = re.compile(r"<\s*/?\s*(?:script|style|iframe|img|svg|object|a|div|span|p|br)\b|javascript:", re.I)
_MOJIBAKE = re.compile("[\u00c3\u00c2][\u0080-\u00bf]|\u00e2\u20ac|\ufffd")


@dataclass
class PageReading:
    """The locations read from one page, and what was found but could not be read (and why)."""

    locations: list[Record] = field(default_factory=list)
    unread: list[str] = field(default_factory=list)
    syntaxes: tuple[str, ...] = ()
    country: str | None = None  # the page's own country hint (phone, domain, language)


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[\W_]+", " ", strip_accents(str(text).casefold())).split())


def _label(obj: dict) -> str:
    kinds = "/".join(sorted(type_names(obj))) or "untyped object"
    name = obj.get("name")
    return f"{kinds} {str(name)[:40]!r}" if isinstance(name, str) and name else kinds


def _has_address(obj: dict) -> bool:
    address = obj.get("address")
    items = address if isinstance(address, list) else [address]
    return any((isinstance(a, dict) and len(a) > 1) or (isinstance(a, str) and a.strip()) for a in items)


def is_location(obj: dict, types: frozenset[str] | None) -> tuple[bool, str]:
    """(whether the object is a location to read, why not). ``types`` given: the object's type
    is one of them or below one in the schema.org hierarchy. Default: any LocalBusiness or
    Place subtype, an Organization with an address, or any other object with a PostalAddress
    or a telephone."""
    names = type_names(obj)
    if types:
        ok = is_subtype(names, types)
        return ok, "" if ok else f"type not in {sorted(types)}"
    if names and is_subtype(names, _NOT_LOCATIONS) and not is_location_type(names):
        return False, "not a location type"
    if is_location_type(names):
        return True, ""
    if is_subtype(names, frozenset({"Organization"})):
        return (True, "") if _has_address(obj) else (False, "an organisation with no address")
    if _has_address(obj) or obj.get("telephone"):
        return True, ""
    return False, "not a location type and no address or telephone"


_CONTENT_LINKS = ("mainEntity", "about", "itemListElement", "item", "mainEntityOfPage")


def _candidates(obj: dict, types: frozenset[str] | None, depth: int = 0) -> list[dict]:
    """The object if it is a location, else the locations nested in it: the business a page or
    list is about, or the branches of an organisation (an event's venue is not one)."""
    ok, _why = is_location(obj, types)
    if ok:
        return [obj]
    if depth > 6:
        return []
    names = type_names(obj)
    organisation = is_subtype(names, frozenset({"Organization", "Place"}))
    found: list[dict] = []
    for key in _NESTING:
        if key not in _CONTENT_LINKS and not organisation:
            continue
        value = obj.get(key)
        for item in value if isinstance(value, list) else [value]:
            if not isinstance(item, dict):
                continue
            if types:
                nested_ok = is_location(item, types)[0]
            else:
                contact = _has_address(item) or bool(item.get("telephone"))
                nested_ok = is_location_type(type_names(item)) and contact
            found.extend([item] if nested_ok else _candidates(item, types, depth + 1))
    return found


def _resolved(objects: list[tuple[str, dict]]) -> list[tuple[str, dict]]:
    """Objects with references to other nodes of the page (``{"@id": ...}``, as ``@graph`` pages
    link an address or an opening-hours node) replaced by those nodes; nodes only referenced by
    another are not read on their own."""
    nodes = {o["@id"]: o for _s, o in objects if isinstance(o.get("@id"), str) and len(o) > 1}
    if not nodes:
        return objects
    used: set[str] = set()

    def resolve(value: Any, depth: int) -> Any:
        if depth > 6:
            return value
        if isinstance(value, dict):
            ref = value.get("@id")
            if len(value) == 1 and isinstance(ref, str) and ref in nodes:
                used.add(ref)
                return resolve(nodes[ref], depth + 1)
            return {k: resolve(v, depth + 1) for k, v in value.items()}
        if isinstance(value, list):
            return [resolve(v, depth + 1) for v in value]
        return value

    out = [(syntax, resolve(obj, 0)) for syntax, obj in objects]
    return [(syntax, obj) for (syntax, obj), (_s, original) in zip(out, objects, strict=True)
            if original.get("@id") not in used or is_location_type(type_names(original))]  # fmt: skip


def _same(a: Any, b: Any, name: str) -> bool:
    if isinstance(a, dict) and isinstance(b, dict):
        return all(_fold(a[k]) == _fold(b[k]) for k in a.keys() & b.keys())
    if name == "phone":
        return re.sub(r"\D", "", str(a)) == re.sub(r"\D", "", str(b))
    return _fold(a) == _fold(b)


def _merge(records: list[Record]) -> list[Record]:
    """Records of one business (same name, or same address when unnamed) become one; a field
    they state differently is kept with the conflict as its problem."""
    merged: dict[str, Record] = {}
    for record in records:
        key = _fold(record.get("name", "")) or _fold(one_line(record.get("address") or {}) if
                                                     isinstance(record.get("address"), dict) else
                                                     record.get("address", ""))  # fmt: skip
        if not key or key not in merged:
            merged[key or f"#{len(merged)}"] = record
            continue
        into = merged[key]
        for name, value in record.items():
            if name not in into:
                into[name] = value
                into.origins[name] = record.origins.get(name, "")
            elif isinstance(value, dict) and isinstance(into[name], dict) and _same(into[name], value, name):
                into[name] = {**value, **into[name]}
            elif not _same(into[name], value, name):
                into.problems.setdefault(
                    name, f"the page states different values: {_show(into[name])} / {_show(value)}"
                )
        for name, problem in record.problems.items():
            into.problems.setdefault(name, problem)
    return list(merged.values())


def _show(value: Any) -> str:
    return repr(one_line(value) if isinstance(value, dict) else str(value))[:60]


def record_country(record: Record) -> str | None:
    """The country a location states in its address (ISO alpha-2), if any."""
    address = record.get("address")
    if isinstance(address, dict) and address.get("country"):
        return country_code(address["country"])
    return None


def _vet(record: Record, obj: dict | None, page_country: str | None) -> None:
    """Mark values that are not the business's own (placeholders, example copies, a phone of
    another country than the address) with their reason."""
    problems = record.problems
    for name, value in record.items():
        texts = value.values() if isinstance(value, dict) else [value]
        for text in (t for t in texts if isinstance(t, str)):
            if _MARKUP.search(text):
                problems.setdefault(name, "the value carries HTML or script markup")
            elif _MOJIBAKE.search(text):
                problems.setdefault(name, "the text was decoded with the wrong encoding")
    if name := record.get("name"):
        cut = re.split(r"\s+[|｜]\s+", name)[0].strip()
        if cut and cut != name:
            record["name"] = cut
        if reason := text_placeholder(record["name"]):
            problems.setdefault("name", reason)
    if (website := record.get("website")) and (reason := url_placeholder(website)):
        problems.setdefault("website", reason)
    if (phone := record.get("phone")) and (reason := phone_placeholder(phone)):
        problems.setdefault("phone", reason)
    address = record.get("address")
    if isinstance(address, dict):
        for part, value in list(address.items()):
            if text_placeholder(value):
                problems.setdefault("address", f"{part}: {text_placeholder(value)}")
        if address.get("country") and not country_code(address["country"]):
            problems.setdefault("country", f"not a country: {address['country'][:30]!r}")
    elif isinstance(address, str) and (reason := text_placeholder(address)):
        problems.setdefault("address", reason)
    country = record_country(record)  # only the address's own: a page's language is no proof
    if phone and "phone" not in problems and country:
        stated = country_of_phone(phone)
        if stated and stated != country:
            problems["phone"] = f"a {stated} number for a location in {country}"
    if obj is not None and _copied_example(obj):
        for name in record:
            if name not in _TRUSTED_IF_COPIED and name not in problems:
                problems[name] = "the structured data still carries documentation example values"


_LINK_KEYS = ("url", "image", "logo", "menu", "hasMap", "sameAs", "photo", "contentUrl", "thumbnailUrl")


def _copied_example(obj: dict) -> bool:
    """Whether an object still links documentation example domains (a copied sample): its own
    links and those of the objects it holds (images, logos)."""
    links: list[str] = []
    for holder in [obj, *(v for v in obj.values() if isinstance(v, dict))]:
        for key in _LINK_KEYS:
            value = holder.get(key)
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, str):
                    links.append(item)
                elif isinstance(item, dict) and isinstance(item.get("url") or item.get("contentUrl"), str):
                    links.append(item.get("url") or item.get("contentUrl"))
    return any("example." in link and example_host(link) for link in links)


def page_country(root: Any, url: str) -> str | None:
    """The page's country from its domain, else its language tag."""
    country = country_of_url(url)
    if country:
        return country
    try:
        lang = _LANG(root)
    except Exception:
        lang = ""
    return country_of_language(lang) if lang else None


def read_page(
    root: Any,
    url: str,
    *,
    types: list[str] | tuple[str, ...] | None = None,
    syntaxes: tuple[str, ...] = SYNTAXES,
    fields: dict[str, str] | None = None,
    generic: bool = True,
    country: str | None = None,
    blocks: str | None = None,
) -> PageReading:
    """Every location one page describes (see the module doc). ``root`` is the page's lxml tree
    (or its text); ``types`` limits structured objects to those types and their subtypes;
    ``fields`` are selectors (CSS, or XPath after ``xpath:``) that fill what structured data
    lacks (or, with ``blocks``, a selector for each listing of a page of several, read one listing
    a block); ``generic`` reads the page's text when structured data gives nothing; ``country``
    (the store's or the spec's) reads numbers and postcodes in the text when the page states none."""
    wanted = frozenset(types) if types else None
    if isinstance(root, str | bytes):
        from auditor.crawl.structured import parse_tree

        try:
            root = parse_tree(root)
        except ValueError as exc:
            return PageReading(unread=[str(exc)])
    data = extract_structured(root, url, syntaxes)
    reading = PageReading(unread=list(data.errors))
    reading.syntaxes = tuple(s for s in SYNTAXES if getattr(data, s.replace("-", ""), None))
    hint = page_country(root, url) if generic else None  # the text reader's (and extract's) hint
    reading.country = hint
    pairs: list[tuple[Record, dict | None]] = []
    objects = _resolved(data.objects())
    found_all = [(syntax, obj, _candidates(obj, wanted)) for syntax, obj in objects]
    businesses = any(is_location_type(type_names(i)) for _s, _o, found in found_all for i in found)
    for syntax, obj, found in found_all:
        if businesses and not wanted:  # an organisation's head office beside its stores is not one
            found = [i for i in found if is_location_type(type_names(i))]
        if not found:
            why = is_location(obj, wanted)[1] or "an organisation beside the page's businesses"
            reading.unread.append(f"{syntax} {_label(obj)}: {why}")
        for item in found:
            record = fields_from_schema(item, syntax)
            if record:
                pairs.append((record, item))
    for record, obj in pairs:
        _vet(record, obj, hint)
    records = _merge([r for r, _o in pairs])
    if fields and records:  # selectors fill what the structured data lacks
        extra = css_fields(root, fields)
        for record in records:
            for name, value in extra.items():
                record.put(name, value, "selector")
    elif fields:
        from auditor.crawl.selected import selected_records

        records, several = selected_records(root, fields, blocks)
        if several:
            reading.unread.append(several)
            generic = False  # the text of a page of several places is not one place's either
    if generic and len(records) <= 1:
        from auditor.crawl.generic import read_generic

        have = set(records[0]) if records else set()
        missing = {"name", "address", "phone", "hours", "holiday_hours"} - have
        if missing and (not records or missing & {"phone", "hours", "address", "holiday_hours"}):
            local = (record_country(records[0]) if records else None) or country or hint
            found, unread = read_generic(root, local, missing)
            if records:
                for name, value in found.items():
                    records[0].put(name, value, "heuristic")
            elif found:
                records = [found]
            reading.unread.extend(unread)
        if records and "status" not in records[0]:
            from auditor.crawl.notices import closure_notice

            records[0].put("status", closure_notice(root), "heuristic")  # "This location is closed."
        inline = records and records[0].origins.get("hours") in ("microdata", "rdfa")
        if inline and "hours" not in records[0].problems:
            _check_visible_hours(records[0], root, reading.unread)
    for record in records:
        if record.origins and all(o == "heuristic" or o == "selector" for o in record.origins.values()):
            _vet(record, None, hint)
    reading.locations = [r for r in records if r]
    return reading


def _check_visible_hours(record: Record, root: Any, unread: list[str]) -> None:
    """Hours in inline markup (microdata, RDFa: often hidden ``<meta>`` tags left behind when the
    visible hours changed) that the page's own text contradicts give way to the text, which is
    what a customer reads; the markup's value is noted in ``unread``."""
    from auditor.crawl.generic import text_lines, visible_hours
    from auditor.normalise.hours import parse_hours

    shown = visible_hours(text_lines(root))
    if not shown:
        return
    try:
        marked, seen = parse_hours(record["hours"]), parse_hours(shown)
    except Exception:  # either side unreadable: nothing to compare
        return
    as_dict = getattr(marked, "as_dict", None)
    if as_dict is not None and as_dict() != seen.as_dict():
        origin = record.origins.get("hours", "markup")
        unread.append(f"{origin} hours {str(record['hours'])[:60]!r}: the page's text shows other hours, "
                      "which are read instead")
        record["hours"] = shown
        record.origins["hours"] = "heuristic"


def adapter_options(config: Any) -> dict[str, Any]:
    """``read_page`` options from an adapter block (a mapping or a spec model).

    ``auto`` (the site's default): every syntax and the text reader; ``jsonld`` / ``microdata``
    / ``rdfa`` / ``opengraph``: that syntax only; ``css``: the selectors only."""
    from auditor.crawl.adapters import option

    kind = str(option(config, "type", "auto") or "auto")
    fields = dict(option(config, "fields", {}) or {})
    types = list(option(config, "types", []) or []) or None
    syntax = {"jsonld": ("json-ld",), "json-ld": ("json-ld",), "microdata": ("microdata",),
              "rdfa": ("rdfa",), "opengraph": ("opengraph",), "css": ()}.get(kind, SYNTAXES)  # fmt: skip
    blocks = option(config, "records", None) if kind != "json_api" else None
    return {"types": types, "syntaxes": syntax, "fields": fields or None, "generic": kind == "auto",
            "blocks": blocks or None}  # fmt: skip


def site_adapter_options(spec: Any) -> dict[str, Any]:
    """How the brand's own pages are read: the spec's ``site.adapter``, else ``auto``."""
    from auditor.crawl.adapters import option

    site = option(spec, "site", None) if spec is not None else None
    config = option(site, "adapter", None) if site is not None else None
    return adapter_options(config or {"type": "auto"})
