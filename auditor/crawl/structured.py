"""Schema.org structured data of a page, through extruct, in every syntax it carries.

JSON-LD (several blocks, ``@graph``), microdata (``content`` and ``datetime`` attributes), RDFa
and OpenGraph. A syntax is parsed only when the page shows its markers (an ``ld+json`` script,
``itemscope``, ``typeof``/``property`` attributes, ``og:`` meta tags), so a page pays only for
what it has. Bad input never raises: each problem is a line in ``errors``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import extruct
from extruct.jsonld import JsonLdExtractor
from lxml import etree
from lxml import html as lxml_html

SYNTAXES = ("json-ld", "microdata", "rdfa", "opengraph")
MAX_JSONLD_CHARS = 1_000_000  # one block larger than this is reported, not parsed
MAX_DEPTH = 40  # nesting deeper than this is cut (reported once)

_HAS = {
    "json-ld": etree.XPath('boolean(//script[@type="application/ld+json"])'),
    "microdata": etree.XPath("boolean(//*[@itemscope])"),
    "rdfa": etree.XPath("boolean(//*[@typeof or @vocab])"),
    "opengraph": etree.XPath(
        'boolean(//meta[starts-with(@property, "og:") or starts-with(@property, "business:")'
        ' or starts-with(@property, "place:")])'
    ),
}
_JSONLD = etree.XPath('//script[@type="application/ld+json"]')
_DATETIME_PROPS = etree.XPath("//*[@itemprop and @datetime and not(@content) and not(self::time)]")
_BLOCKS = ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "dl", "section", "article")
_SWALLOWING_PROPS = etree.XPath(
    "//*[@itemprop and not(@itemscope) and not(@content) and not(self::meta or self::a or self::link"
    " or self::time or self::img)][.//*[@itemprop or {}]]".format(" or ".join(f"self::{b}" for b in _BLOCKS))
)


def _own_text(element: Any) -> str:
    """An element's text up to its first nested block or property (an unclosed tag otherwise
    makes a property swallow the rest of the page)."""
    parts = [element.text or ""]

    def walk(node: Any) -> bool:
        for child in node:
            if not isinstance(child.tag, str):
                parts.append(child.tail or "")
                continue
            if child.tag in _BLOCKS or child.get("itemprop") is not None:
                return False
            parts.append(child.text or "")
            if not walk(child):
                return False
            parts.append(child.tail or "")
        return True

    walk(element)
    return " ".join("".join(parts).split())


@dataclass
class StructuredData:
    """The schema.org objects found on a page (by syntax), and what could not be read."""

    jsonld: list[dict] = field(default_factory=list)
    microdata: list[dict] = field(default_factory=list)
    rdfa: list[dict] = field(default_factory=list)
    opengraph: list[dict] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def objects(self) -> list[tuple[str, dict]]:
        """(syntax, object) for every top-level object, in page order by syntax."""
        return [
            *(("json-ld", o) for o in self.jsonld),
            *(("microdata", o) for o in self.microdata),
            *(("rdfa", o) for o in self.rdfa),
            *(("opengraph", o) for o in self.opengraph),
        ]


def _bounded(value: Any, depth: int = 0) -> tuple[Any, bool]:
    """``value`` with nesting cut at MAX_DEPTH; True when something was cut."""
    if depth >= MAX_DEPTH and isinstance(value, dict | list):
        return None, True
    if isinstance(value, dict):
        out, cut = {}, False
        for key, item in value.items():
            out[key], was_cut = _bounded(item, depth + 1)
            cut = cut or was_cut
        return out, cut
    if isinstance(value, list):
        items = [_bounded(v, depth + 1) for v in value]
        return [v for v, _ in items], any(c for _, c in items)
    return value, False


def _jsonld_blocks(tree: Any) -> tuple[list[dict], list[str]]:
    """Read each JSON-LD script on its own, so one malformed block does not hide the others."""
    items: list[dict] = []
    errors: list[str] = []
    extractor = JsonLdExtractor()
    for number, script in enumerate(_JSONLD(tree), start=1):
        size = len(script.text or "")
        if size > MAX_JSONLD_CHARS:
            errors.append(
                f"JSON-LD block {number}: {size:,} characters, over the {MAX_JSONLD_CHARS:,} read limit"
            )
            continue
        try:
            found = list(extractor._extract_items(script))  # one <script>; raises on bad JSON
        except RecursionError:
            errors.append(f"JSON-LD block {number}: nested too deeply to read")
            continue
        except Exception as exc:  # json and jstyleson raise several kinds on bad input
            errors.append(f"malformed JSON-LD in block {number}: {str(exc)[:120]}")
            continue
        text = script.text or ""
        deep = text.count("[") + text.count("{") > MAX_DEPTH  # else it cannot nest too deeply
        for item in found:
            if not isinstance(item, dict):
                continue
            bounded, cut = _bounded(item) if deep else (item, False)
            if cut:
                errors.append(f"JSON-LD block {number}: nesting deeper than {MAX_DEPTH} levels cut")
            graph = bounded.get("@graph")
            if isinstance(graph, list):
                items.extend(g for g in graph if isinstance(g, dict))
            else:
                items.append(bounded)
    return items, errors


def _local(name: str) -> str:
    """A property or type IRI without its vocabulary (``https://schema.org/name`` -> ``name``)."""
    return name.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _compact_rdfa(nodes: list[dict]) -> list[dict]:
    """extruct's expanded RDFa nodes -> plain objects, references to other nodes resolved."""
    by_id = {n.get("@id"): n for n in nodes if isinstance(n, dict)}
    referenced: set[str] = set()

    def value(v: Any, depth: int) -> Any:
        if isinstance(v, dict):
            if "@value" in v:
                return v["@value"]
            ref = v.get("@id")
            if ref in by_id and depth < 8:
                referenced.add(ref)
                return node(by_id[ref], depth + 1)
            return ref
        return v

    def node(n: dict, depth: int) -> dict:
        out: dict[str, Any] = {}
        for key, vals in n.items():
            if key == "@id":
                continue
            if key == "@type":
                out["@type"] = [_local(t) for t in (vals if isinstance(vals, list) else [vals])]
                continue
            got = [value(v, depth) for v in (vals if isinstance(vals, list) else [vals])]
            out[_local(key) if "schema.org" in key else key] = got[0] if len(got) == 1 else got
        return out

    compacted = [(n.get("@id"), node(n, 0)) for n in nodes if isinstance(n, dict) and n.get("@type")]
    return [obj for ident, obj in compacted if ident not in referenced]


def _opengraph_objects(items: list[dict]) -> list[dict]:
    """OpenGraph / Facebook business meta tags as one schema.org-like object (when they give
    contact data, not just a title)."""
    props: dict[str, str] = {}
    for item in items:
        for key, val in item.items():
            if key.startswith("@"):
                continue
            text = val[0] if isinstance(val, list) and val else val
            props.setdefault(key.split(":", 1)[-1] if key.startswith("og:") else key, str(text))

    def get(*names: str) -> str:
        return next((props[n] for n in names if props.get(n)), "")

    address = {
        "streetAddress": get("street-address", "business:contact_data:street_address"),
        "addressLocality": get("locality", "business:contact_data:locality"),
        "addressRegion": get("region", "business:contact_data:region"),
        "postalCode": get("postal-code", "business:contact_data:postal_code"),
        "addressCountry": get("country-name", "business:contact_data:country_name"),
    }
    phone = get("phone_number", "business:contact_data:phone_number")
    if not phone and not any(address.values()):
        return []
    obj: dict[str, Any] = {"@type": ["opengraph"], "name": get("site_name", "title")}
    if any(address.values()):
        obj["address"] = {k: v for k, v in address.items() if v}
    if phone:
        obj["telephone"] = phone
    if website := get("business:contact_data:website", "url"):
        obj["url"] = website
    return [obj]


def parse_tree(html: str | bytes) -> Any:
    """An lxml tree of a page, or raises ValueError with the reason."""
    try:
        return lxml_html.fromstring(html)
    except (ValueError, etree.ParserError) as exc:
        raise ValueError(f"unparseable HTML: {exc}") from None


def present_syntaxes(tree: Any) -> tuple[str, ...]:
    """The structured-data syntaxes whose markers the page shows."""
    return tuple(s for s in SYNTAXES if _HAS[s](tree))


def extract_structured(
    html: str | bytes | Any, url: str, syntaxes: tuple[str, ...] = SYNTAXES
) -> StructuredData:
    """Schema.org objects of a page in the requested syntaxes, ``@graph`` members as items.

    ``html`` is the page's text or bytes, or its already parsed lxml tree (a response's
    ``selector.root``), which saves parsing the page twice."""
    out = StructuredData()
    if html is None or (isinstance(html, str | bytes) and not html):
        return out
    if isinstance(html, str | bytes):
        try:
            tree = parse_tree(html)
        except ValueError as exc:
            out.errors.append(str(exc))
            return out
    else:
        tree = html
    wanted = [s for s in syntaxes if s in _HAS and _HAS[s](tree)]
    if "json-ld" in wanted:
        out.jsonld, out.errors = _jsonld_blocks(tree)
    if "microdata" in wanted:
        for element in _DATETIME_PROPS(tree):  # <meta itemprop=... datetime=...>: read as content
            element.set("content", element.get("datetime"))
        for element in _SWALLOWING_PROPS(tree):
            element.set("content", _own_text(element))
        out.microdata = _extruct(tree, url, "microdata", out.errors)
    if "rdfa" in wanted:
        try:
            from extruct.utils import parse_xmldom_html

            document = parse_xmldom_html(etree.tostring(tree, encoding="utf-8"), encoding="utf-8")
            out.rdfa = _compact_rdfa(_extruct(document, url, "rdfa", out.errors))
        except Exception as exc:  # the RDFa parser raises assorted errors on hostile markup
            out.errors.append(f"unreadable RDFa: {type(exc).__name__}")
    if "opengraph" in wanted:
        out.opengraph = _opengraph_objects(_extruct(tree, url, "opengraph", out.errors))
    return out


def _extruct(tree: Any, url: str, syntax: str, errors: list[str]) -> list[dict]:
    try:
        data = extruct.extract(tree, base_url=url, syntaxes=[syntax], uniform=syntax != "rdfa",
                               errors="strict")  # fmt: skip
    except RecursionError:
        errors.append(f"{syntax}: nested too deeply to read")
        return []
    except Exception as exc:  # extruct raises assorted errors on hostile markup
        errors.append(f"unreadable {syntax}: {type(exc).__name__}")
        return []
    return [d for d in data.get(syntax, []) if isinstance(d, dict)]


def type_names(obj: dict) -> set[str]:
    """The schema.org type names of an object, without the vocabulary prefix."""
    kind = obj.get("@type", [])
    kinds = kind if isinstance(kind, list) else [kind]
    return {_local(str(k)) for k in kinds if k}
