"""``auditor check URL --spec brand.yaml``: one page fetched, read, matched and judged at once.

The page is read with the crawl's own extraction (the source's adapter, or the site reader) and
judged with the rules engine; only findings about that page's source are printed.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit

import typer

from auditor.report.export import FormatOption, OutputFormat, emit_rows

TIMEOUT = 10.0


class CheckError(ValueError):
    """Something the user can fix: an unreachable URL, a host no source covers, an unknown store."""


@dataclass(frozen=True)
class Page:
    url: str
    body: bytes
    content_type: str


def fetch(url: str, spec: Any) -> Page:
    """GET one URL through the spec's proxy (if any), capped at ``crawl.max_page_bytes``."""
    crawl = spec.crawl
    proxy = getattr(crawl, "proxy", None)
    handlers = [urllib.request.ProxyHandler({"http": proxy, "https": proxy} if proxy else {})]
    opener = urllib.request.build_opener(*handlers)
    agent = crawl.user_agent or f"BrandAuditor/0.1 (+mailto:{spec.brand.contact or ''})"
    request = urllib.request.Request(url, headers={"User-Agent": agent})
    limit = int(getattr(crawl, "max_page_bytes", 2_000_000))
    try:
        with opener.open(request, timeout=TIMEOUT) as response:
            body = response.read(limit + 1)
            final = response.geturl()
            content_type = response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as exc:
        raise CheckError(f"{url}: HTTP {exc.code}; check the address") from None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise CheckError(f"{url}: could not fetch ({reason}); check the address and proxy") from None
    if len(body) > limit:
        raise CheckError(f"{url}: larger than crawl.max_page_bytes ({limit}); not read")
    return Page(final, body, content_type)


def source_of(url: str, spec: Any) -> Any:
    """``"site"`` for the brand's own hosts, else the source block whose domains cover the host."""
    host = (urlsplit(url).hostname or "").lower()

    def covers(domains: list[str]) -> bool:
        return any(host == d.lower() or host.endswith("." + d.lower()) for d in domains)

    if covers(list(spec.brand.domains)):
        return "site"
    for source in spec.sources:
        if covers(list(source.allowed_domains)):
            return source
    known = ", ".join(spec.allowed_domains())
    raise CheckError(f"{url}: host {host!r} is neither the brand site nor a source ({known})")


def _response(page: Page) -> Any:
    """The page as a Scrapy response, so the crawl's extraction code reads it unchanged."""
    from scrapy.http import HtmlResponse, TextResponse

    cls = TextResponse if "json" in page.content_type else HtmlResponse
    headers = {"Content-Type": page.content_type or "text/html; charset=utf-8"}
    return cls(url=page.url, body=page.body, headers=headers, encoding="utf-8")


def site_record(page: Page, spec: Any) -> dict[str, Any]:
    """The raw fields the site spider reads from a location page (structured data, text, look)."""
    from auditor.crawl.pagestyle import page_style
    from auditor.crawl.schema_org import fields_from_schema
    from auditor.crawl.site_look import css_look, logo_look, merge_looks, page_text
    from auditor.crawl.site_spider import BUSINESS_TYPES
    from auditor.crawl.structured import extract_structured, type_names

    response = _response(page)
    raw: dict[str, Any] = {}
    data = extract_structured(page.body, page.url, ("json-ld", "microdata"))
    for obj in data.jsonld + data.microdata:
        if type_names(obj) & BUSINESS_TYPES:
            raw = {**fields_from_schema(obj), **raw}
    raw["text"] = page_text(response.selector.root)
    style = page_style(response)
    looks = [css_look("\n".join(style.inline_css))]
    for url in style.stylesheets:
        looks.append(_resource_look(url, spec, css_look, as_text=True))
    if style.logo:
        looks.append(_resource_look(style.logo, spec, logo_look, as_text=False))
    raw.update(merge_looks(looks))
    return raw


def _resource_look(url: str, spec: Any, reader: Any, as_text: bool) -> dict:
    try:
        page = fetch(url, spec)
    except CheckError:
        return {}  # the rule that needs it reports "not applicable", as in a crawl
    look = reader(page.body.decode("utf-8", "replace") if as_text else page.body)
    look.pop("problem", None)
    return look


def listing_records(page: Page, source: Any) -> list[dict[str, Any]]:
    """The listings the source's adapter finds on the page."""
    from auditor.crawl.adapters import adapter_for

    extraction = adapter_for(source.id, source.adapter).extract(_response(page))
    return [dict(r) for r in extraction.records]


def _normalised(raw: dict[str, Any], country: str) -> dict[str, Any]:
    from auditor.crawl.fields import normalise_field

    return {f: normalise_field(f, v, country) for f, v in raw.items() if v not in (None, "")}


def match_store(values: dict[str, Any], url: str, spec: Any, store: str | None) -> str:
    """The roster store: ``--store``, else the store id, URL, phone or address the page shows."""
    from auditor.crawl.fields import normalise_field
    from auditor.crawl.matching import RosterMatcher
    from auditor.crawl.pipelines.match import roster_keys

    if store:
        if spec.location(store) is None:
            raise CheckError(f"--store {store}: not in the roster of {spec.path}")
        return store
    found = {f: v for f, (v, _p) in values.items() if v is not None}
    if "website" not in found:  # a brand site page is the website its store lists
        page_url, _problem = normalise_field("website", url, spec.country)
        found["website"] = page_url
    matched = RosterMatcher(roster_keys(spec)).match(found)
    if matched is None:
        raise CheckError(f"{url}: matches no roster store; name one with --store STORE-ID")
    return matched.store_id


def check_page(url: str, spec: Any, store: str | None = None) -> list[dict[str, Any]]:
    """Findings (as rows) for one page; raises CheckError with a one-line reason."""
    from auditor.judge.checks.base import Evidence, Seen
    from auditor.judge.evaluate import judge_location
    from auditor.judge.rules import load_rule_packs

    source = source_of(url, spec)
    if source != "site" and source.kind != "listing":
        raise CheckError(
            f"{url}: a {source.kind} page; review rules judge the stored review history, "
            "so run `auditor run` for them"
        )
    page = fetch(url, spec)
    sid = "site" if source == "site" else source.id
    records = [site_record(page, spec)] if sid == "site" else listing_records(page, source)
    if not records:
        raise CheckError(f"{url}: no listing found on the page with the {sid} adapter")
    packs = load_rule_packs(list(spec.rule_pack_paths))
    rows: list[dict[str, Any]] = []
    for index, raw in enumerate(records):
        raw.pop("id", None)
        values = _normalised(raw, spec.country)
        store_id = match_store(values, page.url, spec, store)
        entry = spec.location(store_id)
        country = str(entry.country or spec.country)
        values = _normalised(raw, country)
        entity = page.url if len(records) == 1 else f"{page.url}#{index}"
        evidence = Evidence(store=entry.model_dump(), spec=spec)
        evidence.observed[sid] = {
            entity: {f: Seen(str(raw[f]), v, page.url, p) for f, (v, p) in values.items()}
        }
        findings, _card = judge_location(evidence, packs, spec)
        for f in findings:
            if f["source"] != sid:
                continue  # other touchpoints were not looked at
            rows.append(
                {
                    "store": store_id,
                    "rule": f["rule_id"],
                    "severity": f["severity"],
                    "field": f["field"],
                    "expected": f["expected"],
                    "observed": f["observed"],
                    "message": f["message"],
                }
            )
    return rows


def check(
    url: Annotated[str, typer.Argument(help="The page: a brand site page, a listing or an API URL.")],
    spec_path: Annotated[Path, typer.Option("--spec", help="The brand spec (brand.yaml).")] = Path(
        "brand.yaml"
    ),
    store: Annotated[
        str | None, typer.Option("--store", help="Judge against this store instead of matching.")
    ] = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Fetch one page, read it like the crawl does, match its store and print its findings.

    Exit 0 when the page has no finding, 2 when it has findings, 1 on bad input.

    Example: auditor check http://yellowbook.example/listing/12 --spec brand.yaml
    """
    from auditor.spec import SpecError, load_spec

    try:
        spec = load_spec(spec_path)
    except SpecError as exc:
        for problem in exc.problems:
            typer.echo(str(problem), err=True)
        raise typer.Exit(1) from None
    try:
        rows = check_page(url, spec, store)
    except CheckError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(1) from None
    if fmt is OutputFormat.table and not rows:
        typer.echo(f"{url}: no findings")
    elif fmt is OutputFormat.table:  # the message already says what differs; keep it readable
        short = [{k: r[k] for k in ("store", "rule", "severity", "message")} for r in rows]
        emit_rows(short, fmt, title=f"findings for {url}")
    else:
        emit_rows(rows, fmt, title=f"findings for {url}")
    raise typer.Exit(2 if rows else 0)


def register(app: typer.Typer) -> None:
    app.command("check")(check)
