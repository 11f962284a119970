"""``auditor extract URL|FILE``: every location one page describes, as the crawl reads it.

Each field is shown with its raw value, its normalised value and where it came from, plus what
was found on the page but could not be read, and why. The JSON output is a contract described
in docs/extract.md.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

EXIT_READ = 0
EXIT_FAILED = 1  # unreadable file, unreachable URL, a JSON document, another port (docs/extract.md)
EXIT_INVALID_SPEC = 3
EXIT_NOTHING_READ = 6  # the page was read and gave no location (check: or no store matched)
FIELD_KEYS = ("raw", "normalised", "source", "problem")


def choose_country(
    stated: str | None, roster: str | None, default: str | None, hint: str | None
) -> tuple[str | None, str]:
    """(country, where it came from): the location's own, else its roster store's, else the
    spec's default, else the page's domain or language."""
    for country, origin in ((stated, "page"), (roster, "roster"), (default, "spec"), (hint, "page-hint")):
        if country:
            return country.upper(), origin
    return None, "none"


def describe(reading: Any, url: str, spec: Any = None) -> dict[str, Any]:
    """The documented JSON form of a page's reading (see docs/extract.md)."""
    from auditor.crawl.fields import normalise_record
    from auditor.crawl.listing_country import country_for, roster_countries

    covered = _covered(url, spec)
    roster = roster_countries(spec) if spec is not None else ()
    locations = []
    for index, record in enumerate(reading.locations):
        default = getattr(spec, "country", None) if spec is not None else None
        read_as, said = country_for(record, covered, roster, default or "")
        stated = read_as if said else None
        country, origin = choose_country(stated, None, default, reading.country)
        if not stated and read_as and read_as != default:  # the source's country (``countries:``)
            country, origin = read_as, "source"
        store, matched_by, roster_country = _match(record, url, spec, country) if spec is not None else (
            None, None, None)  # fmt: skip
        if roster_country and not stated:
            country, origin = roster_country, "roster"
        fields = {}
        for name, raw, value, problem in normalise_record(record, country or "", record.problems):
            fields[name] = {"raw": raw, "normalised": value, "source": record.origins.get(name, ""),
                            "problem": problem}  # fmt: skip
        locations.append({"index": index, "country": country, "country_from": origin, "store": store,
                          "matched_by": matched_by, "fields": fields})  # fmt: skip
    return {
        "url": url,
        "syntaxes": list(reading.syntaxes),
        "page_country": reading.country,
        "locations": locations,
        "unread": [_unread(line) for line in reading.unread],
    }


def _covered(url: str, spec: Any) -> tuple[str, ...]:
    """The countries of the source a URL belongs to (its ``countries:``), () when it names none."""
    if spec is None or not url.startswith(("http://", "https://")):
        return ()
    from auditor.commands.check import CheckError, source_of

    try:
        source = source_of(url, spec)
    except CheckError:
        return ()
    return tuple(getattr(source, "countries", None) or ())


def _unread(line: str) -> dict[str, str]:
    what, sep, reason = line.partition(": ")
    return {"what": what, "reason": reason} if sep else {"what": "page", "reason": line}


def _match(
    record: Any, url: str, spec: Any, country: str | None
) -> tuple[str | None, str | None, str | None]:
    """(store id, the key that matched, the store's roster country) for a location."""
    from auditor.crawl.fields import normalise_record
    from auditor.crawl.matching import RosterMatcher
    from auditor.crawl.pipelines.match import roster_keys

    values = {f: v for f, _r, v, _p in normalise_record(record, country or spec.country, record.problems)
              if v is not None}  # fmt: skip
    own_url = False
    if url.startswith("http"):
        from auditor.commands.check import CheckError, source_of

        try:
            own_url = source_of(url, spec) == "site"
        except CheckError:
            own_url = False
    if "website" not in values and own_url:  # a brand page is the website its store lists
        from auditor.crawl.fields import normalise_field

        values["website"] = normalise_field("website", url, spec.country)[0]
    found = RosterMatcher(roster_keys(spec)).match(values, own_url=own_url)
    if found is None:
        return None, None, None
    entry = spec.location(found.store_id)
    return found.store_id, found.by, (entry.country or None) if entry is not None else None


def read_source(target: str, spec: Any = None) -> tuple[str, bytes, str]:
    """(url, body, content type) of a URL (fetched as ``check`` does) or a local file."""
    from auditor.commands.check import CheckError, fetch

    path = Path(target)
    if "://" not in target:
        if not path.is_file():
            raise CheckError(f"{target}: no such file")
        kind = "application/json" if path.suffix.lower() == ".json" else "text/html"
        return path.resolve().as_uri(), path.read_bytes(), kind
    page = fetch(target, spec)
    return page.url, page.body, page.content_type


def _shown(field: str, value: Any) -> str:
    """A normalised value as a person reads it: hours in OSM form, an address by its key."""
    if value is None:
        return ""
    if field == "hours" and isinstance(value, dict):
        try:
            from auditor.normalise.hours import WeeklyHours, format_hours

            return format_hours(WeeklyHours.from_dict(value))
        except Exception:  # another form of hours: shown as data
            pass
    if field == "address" and isinstance(value, dict) and value.get("key"):
        return f"{value['key']} ({value.get('country') or '?'})"
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _print_table(report: dict[str, Any]) -> None:
    from rich.table import Table

    from auditor.report.console import make_console

    console = make_console()
    if not report["locations"]:
        console.print(f"{report['url']}: no location read from this page")
    for location in report["locations"]:
        title = f"location {location['index'] + 1}"
        if location["store"]:
            title += f" = store {location['store']} (by {location['matched_by']})"
        title += f"; country {location['country'] or '?'} ({location['country_from']})"
        table = Table(title=title)
        for column in ("field", "raw", "normalised", "source", "problem"):
            table.add_column(column, overflow="fold")
        for name, f in location["fields"].items():
            shown = _shown(name, f["normalised"])
            table.add_row(name, f["raw"][:200], shown[:200], f["source"], f["problem"] or "")
        console.print(table)
    for item in report["unread"]:
        console.print(f"not read: {item['what']}: {item['reason']}")


def extract(
    target: Annotated[str, typer.Argument(help="A page URL or a saved HTML file.")],
    spec_path: Annotated[
        Path | None, typer.Option("--spec", help="The brand spec: its country, proxy and roster.")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
) -> None:
    """Print every location read from one page: each field's raw value, normalised value and
    source (json-ld, microdata, rdfa, opengraph, selector, heuristic), and what was found but
    could not be read, with the reason.

    Exit 0 when at least one location was read, 6 when none was, 1 when the page could not be
    fetched or read, 3 when the spec has problems.

    Example: auditor extract https://example.org/stores/berlin --format json
    """
    from auditor.commands.check import CheckError, reading_of
    from auditor.spec import SpecError, load_spec

    if fmt not in ("table", "json"):
        typer.echo(f"--format {fmt}: use table or json", err=True)
        raise typer.Exit(64)
    spec = None
    if spec_path is not None:
        try:
            spec = load_spec(spec_path)
        except SpecError as exc:
            for problem in exc.problems:
                typer.echo(str(problem), err=True)
            raise typer.Exit(EXIT_INVALID_SPEC) from None
    try:
        url, body, content_type = read_source(target, spec)
        reading = reading_of(url, body, content_type, spec)
    except CheckError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(EXIT_FAILED) from None
    report = describe(reading, url, spec)
    if fmt == "json":
        typer.echo(json.dumps(report, indent=2, ensure_ascii=False, default=str))
    else:
        _print_table(report)
    raise typer.Exit(EXIT_READ if report["locations"] else EXIT_NOTHING_READ)


def register(app: typer.Typer) -> None:
    app.command("extract")(extract)
