"""``auditor check URL --spec brand.yaml``: one page fetched, read, matched and judged at once.

The page is read with the crawl's own extraction (the source's adapter, or the site reader) and
judged with the rules engine; only findings about that page's source are printed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit

import typer

from auditor.crawl.source_fit import best_source
from auditor.report.export import FormatOption, OutputFormat, emit_rows


class CheckError(ValueError):
    """Something the user can fix: an unreachable URL, a host no source covers, an unknown store."""


@dataclass(frozen=True)
class Page:
    url: str
    body: bytes
    content_type: str


def fetch(url: str, spec: Any) -> Page:
    """GET one URL as the crawl does (auditor.crawl.fetch_once: the network policy, robots.txt,
    the spec's proxy, time and size limits); a brand page's stylesheets and logo come with it."""
    from auditor.crawl.fetch_once import FetchError
    from auditor.crawl.fetch_once import fetch as fetch_once
    from auditor.crawl.netpolicy import host_allowed

    known = _FETCHED.pop(url, None)  # a stylesheet or logo fetched with its page
    if known is None:
        brand = getattr(getattr(spec, "brand", None), "domains", None) or []
        resources = host_allowed(urlsplit(url).hostname or "", brand)
        try:
            fetched = fetch_once(url, spec, resources=resources, source=_platform_source(url, spec))
        except FetchError as exc:
            raise CheckError(str(exc)) from None
        _FETCHED.clear()
        _FETCHED.update(fetched)
        known = _FETCHED.pop(url, None)
    if known is None or not known.ok:
        reason = known.error if known is not None else "no answer"
        raise CheckError(f"{url}: not fetched ({reason}); check the address")
    return Page(known.final_url or url, known.body, known.content_type)


_FETCHED: dict[str, Any] = {}  # the stylesheets and logo of the last page fetched, by URL


def _platform_source(url: str, spec: Any) -> str | None:
    """The id of the platform source (a preset) a URL belongs to: asked as that source, the
    request carries the platform's credential and headers as in the crawl."""
    try:
        source = _source_block(url, spec)
    except CheckError:
        return None
    return source.id if source not in (None, "site") and getattr(source, "platform", None) else None


# Adapter types that read a JSON answer (a platform preset's adapter is "platform").
JSON_ADAPTERS = ("json_api", "platform")


def json_refusal(url: str, source: Any) -> str:
    """Why a JSON document at ``url`` cannot be read, and what would read it."""
    readers = ("a source whose adapter reads JSON: adapter type json_api, or a platform preset "
               "(osm_overpass, alltheplaces, google_places ...)")  # fmt: skip
    if source is None:
        return f"{url}: a JSON document, not a page; JSON is read only by {readers}: give its URL with --spec"
    if source == "site":
        return (f"{url}: a JSON document on the brand site, which is read as pages; to read it, give "
                "this address a source of its own (adapter type json_api)")
    return (f"{url}: a JSON document, but source '{source.id}' reads pages (adapter "
            f"'{source.adapter.type}'); JSON is read by {readers}")


def source_of(url: str, spec: Any) -> Any:
    """``"site"`` for the brand's own hosts, else the source block whose domains cover the host."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    try:
        port = parts.port
    except ValueError:
        raise CheckError(f"{url}: not a valid address (bad port)") from None
    default_port = {"http": 80, "https": 443}.get(parts.scheme)

    def covers(domains: list[str]) -> bool:
        for domain in domains:
            name, _sep, given = domain.lower().partition(":")
            if not (host == name or host.endswith("." + name)):
                continue
            wanted = int(given) if given.isdigit() else default_port
            if (port in (None, default_port) and wanted == default_port) or port == wanted:
                return True
            raise CheckError(
                f"{url}: port {port} of {host} is not the address the spec names ({domain}); "
                "a page on another port is another site"
            )
        return False

    if covers(list(spec.brand.domains)):
        return "site"
    candidates = [source for source in spec.sources if covers(list(source.allowed_domains))]
    if candidates:
        return best_source(url, candidates)
    known = ", ".join(spec.allowed_domains())
    raise CheckError(f"{url}: host {host!r} is neither the brand site nor a source ({known})")


def _response(page: Page) -> Any:
    """The page as a Scrapy response, so the crawl's extraction code reads it unchanged."""
    from scrapy.http import HtmlResponse, TextResponse

    cls = TextResponse if "json" in page.content_type else HtmlResponse
    headers = {"Content-Type": page.content_type or "text/html; charset=utf-8"}
    return cls(url=page.url, body=page.body, headers=headers, encoding="utf-8")


def _is_json(body: bytes, content_type: str) -> bool:
    if "json" in content_type.lower() and "html" not in content_type.lower():
        return True
    head = body.lstrip()[:1]
    return head in (b"{", b"[") and b"<html" not in body[:2000].lower()


def _source_block(url: str, spec: Any) -> Any:
    """The spec's source block for a URL, ``"site"``, or None without a spec / for a file."""
    if spec is None or not url.startswith(("http://", "https://")):
        return None
    return source_of(url, spec)


def reading_of(url: str, body: bytes, content_type: str, spec: Any = None) -> Any:
    """A page read with the crawl's machinery: the source's adapter for a source page, the
    site's reading (``site.adapter`` or every syntax plus the text reader) otherwise."""
    from auditor.crawl.adapters import adapter_for
    from auditor.crawl.reading import PageReading, read_page, site_adapter_options

    source = _source_block(url, spec)
    page = Page(url, body, content_type)
    if _is_json(body, content_type):
        if source is None or source == "site" or source.adapter.type not in JSON_ADAPTERS:
            raise CheckError(json_refusal(url, source))
        extraction = adapter_for(source.id, source.adapter).extract(_response(page))
        return PageReading(locations=list(extraction.records), unread=list(extraction.errors))
    if source not in (None, "site"):
        adapter = adapter_for(source.id, source.adapter)
        extraction = adapter.extract(_response(page))
        reading = getattr(extraction, "reading", None)
        if reading is not None:
            return reading
        return PageReading(locations=list(extraction.records), unread=list(extraction.errors))
    options = site_adapter_options(spec)
    try:
        response = _response(page)
        root = response.selector.root
    except Exception as exc:  # undecodable or empty body
        raise CheckError(f"{url}: not a readable page ({type(exc).__name__})") from None
    return read_page(root, url, **options)


def site_look(page: Page, spec: Any) -> dict[str, Any]:
    """The text, colours, fonts and logo of a brand page (as the site spider reads them)."""
    from auditor.crawl.pagestyle import page_style
    from auditor.crawl.site_look import css_look, logo_look, merge_looks, page_text

    response = _response(page)
    raw: dict[str, Any] = {"text": page_text(response.selector.root)}
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


def one_page_judgement(evidence: Any, sid: str, packs: Any, spec: Any) -> tuple[list[dict], list[str]]:
    """(findings, rules not judged) for one page of ``sid``. What the source shows is what the spec
    declares (``carries:``), else what this page shows; a rule that would find something if the
    source showed a field on its other pages (as a full run learns) is named, not judged."""
    from auditor.judge.checks.base import SourceFacts
    from auditor.judge.evaluate import judge_location
    from auditor.judge.evidence import _declared
    from auditor.spec.models import Carries

    kind = "site" if sid == "site" else "listing"
    declared = _declared(spec, sid)
    evidence.facts = {sid: SourceFacts(sid, kind, declared=declared)}
    findings, _card = judge_location(evidence, packs, spec)
    judged = {(f["rule_id"], f["field"]) for f in findings if f["source"] == sid}
    shown_everywhere = {name: True for name in Carries.model_fields if name not in declared}
    evidence.facts = {sid: SourceFacts(sid, kind, declared={**shown_everywhere, **declared})}
    would, _card = judge_location(evidence, packs, spec)
    evidence.facts = {sid: SourceFacts(sid, kind, declared=declared)}
    where = "site.carries" if sid == "site" else f"carries of source '{sid}'"
    notes = []
    for f in would:
        if f["source"] != sid or (f["rule_id"], f["field"]) in judged:
            continue
        what = f["field"].replace("_", " ")
        notes.append(f"{f['rule_id']} ({f['location_id']}): not judged from this page alone: the page shows "
                     f"no {what}; a run judges it when other pages of {sid} show {what} (it would find: "
                     f"{f['message']}); to judge it here, declare {where}: "
                     f"{{{f['field']}: true}}")  # fmt: skip
    return findings, notes


class NothingRead(CheckError):
    """The page was fetched but no location could be read from it, or matched to a store."""


def match_store(values: dict[str, Any], url: str, spec: Any, store: str | None, own_url: bool = False) -> str:
    """The roster store: ``--store``, else the store id, URL, phone or address the page shows
    (``own_url``: a brand page, whose own address decides as in the crawl)."""
    from auditor.crawl.fields import normalise_field
    from auditor.crawl.matching import RosterMatcher
    from auditor.crawl.pipelines.match import roster_keys

    if store:
        if spec.location(store) is None:
            raise CheckError(f"--store {store}: not in the roster of {spec.path}")
        return store
    found = {f: v for f, (v, _p) in values.items() if v is not None}
    if "website" not in found and own_url:  # a brand site page is the website its store lists
        page_url, _problem = normalise_field("website", url, spec.country)
        found["website"] = page_url
    matched = RosterMatcher(roster_keys(spec)).match(found, own_url=own_url)
    if matched is None:
        shown = ", ".join(f"{f} {v}" for f, v in found.items() if f in ("name", "phone", "website"))
        raise NothingRead(
            f"{url}: could not tell which roster store this page belongs to (read: {shown or 'nothing'}); "
            "name one with --store STORE-ID"
        )
    return matched.store_id


def _values(record: Any, country: str) -> dict[str, tuple[Any, str | None, str]]:
    from auditor.crawl.fields import normalise_record

    problems = getattr(record, "problems", {})
    return {f: (v, p, raw) for f, raw, v, p in normalise_record(record, country, problems)}


def check_page(
    url: str, spec: Any, store: str | None = None, not_judged: list[str] | None = None
) -> list[dict[str, Any]]:
    """Findings (as rows) for one page; raises CheckError with a one-line reason. Rules one page
    cannot judge (a field the page does not show, which a full run judges when other pages of the
    source show it) are added to ``not_judged``, one line each."""
    from auditor.crawl.listing_country import country_for, roster_countries
    from auditor.judge.checks.base import Evidence, Seen
    from auditor.judge.rules import load_rule_packs

    source = source_of(url, spec)
    if source != "site" and source.kind != "listing":
        raise CheckError(
            f"{url}: a {source.kind} page; review rules judge the stored review history, "
            "so run `auditor run` for them"
        )
    page = fetch(url, spec)
    sid = "site" if source == "site" else source.id
    reading = reading_of(page.url, page.body, page.content_type, spec)
    records = [r for r in reading.locations if r]
    if not records:
        why = "; ".join(reading.unread[:2]) or "no structured data, selectors or readable text"
        raise NothingRead(f"{url}: read nothing from this page with the {sid} reading ({why}); "
                          f"see `auditor extract {url}`")  # fmt: skip
    if sid == "site" and len(records) > 1 and not store:
        records = records[:1] if len({r.get("name") for r in records}) == 1 else records
    look = site_look(page, spec) if sid == "site" else {}
    packs = load_rule_packs(list(spec.rule_pack_paths))
    rows: list[dict[str, Any]] = []
    unmatched: list[NothingRead] = []
    for index, record in enumerate(records):
        record.pop("id", None)
        covered = tuple(source.countries) if source != "site" else ()
        read_as, said = country_for(record, covered, roster_countries(spec), spec.country)
        stated = read_as if said else None
        first = _values(record, read_as)
        try:
            shown = {f: (v, p) for f, (v, p, _r) in first.items()}
            store_id = match_store(shown, page.url, spec, store, own_url=sid == "site")
        except NothingRead as exc:  # one of several stores on the page: the others are judged
            unmatched.append(exc)
            continue
        entry = spec.location(store_id)
        country = str(stated or entry.country or read_as)
        values = _values(record, country)
        entity = page.url if len(records) == 1 else f"{page.url}#{index}"
        evidence = Evidence(store=entry.model_dump(), spec=spec)
        seen = {f: Seen(raw, v, page.url, p) for f, (v, p, raw) in values.items()}
        seen.update({f: Seen(v if isinstance(v, str) else json.dumps(v), v, page.url, None)
                     for f, v in look.items()})  # fmt: skip
        evidence.observed[sid] = {entity: seen}
        findings, more = one_page_judgement(evidence, sid, packs, spec)
        if not_judged is not None:
            not_judged.extend(more)
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
    if unmatched and len(unmatched) == len(records):
        raise unmatched[0]
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

    Exit 0 when the page has no finding, 2 when it has findings, 1 when the page could not be
    judged (an address that is not the brand site or a source, another port, a JSON document,
    a failed fetch), 6 when the page was read but gave no location or matched no store.

    Example: auditor check http://yellowbook.example/listing/12 --spec brand.yaml
    """
    from auditor.spec import SpecError, load_spec

    try:
        spec = load_spec(spec_path)
    except SpecError as exc:
        for problem in exc.problems:
            typer.echo(str(problem), err=True)
        raise typer.Exit(3) from None
    not_judged: list[str] = []
    try:
        rows = check_page(url, spec, store, not_judged)
    except NothingRead as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(6) from None
    except CheckError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(1) from None
    table = fmt is OutputFormat.table
    if table and not rows:
        judged = "the rules about this page's source" + (", except those below" if not_judged else "")
        typer.echo(f"{url}: no findings (read, matched and judged against the roster with {judged})")
    elif table:  # the message already says what differs; keep it readable
        short = [{k: r[k] for k in ("store", "rule", "severity", "message")} for r in rows]
        emit_rows(short, fmt, title=f"findings for {url}")
    else:
        emit_rows(rows, fmt, title=f"findings for {url}")
    for note in not_judged if table else []:  # a JSON or CSV document stays the findings alone
        typer.echo(note)
    raise typer.Exit(2 if rows else 0)


def register(app: typer.Typer) -> None:
    app.command("check")(check)
