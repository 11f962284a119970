"""``auditor probe``: try a spec on a few stores of every source before the first full run."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def probe(
    spec: Annotated[Path, typer.Argument(help="The brand spec, e.g. brand.yaml.")],
    stores: Annotated[int, typer.Option("--stores", min=1, help="How many roster stores to sample.")] = 3,
    loopback: Annotated[
        bool, typer.Option("--loopback", help="No politeness delay (a world served on this machine).")
    ] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 2 when there are warnings.")] = False,
) -> None:
    """Fetch a few stores from every source and the brand site, and show what was read.

    Per source: each page's fields as read (and normalised, or why not), the roster store each
    page matched and by which key (or why none), the reviews' stars, dates and replies; then
    warnings: empty sources, unmatched pages, fields never read, unreadable hours, stars or
    dates. The crawl goes to a throw-away database. Exit code 0 (with --strict: 2 when there are
    warnings), 3 when the spec has problems (one line each).

    Example: auditor probe mybrand/brand.yaml --stores 3
    """
    from auditor.crawl.probe import run_probe
    from auditor.crawl.probe_report import probe_report
    from auditor.crawl.settings import LOOPBACK_OVERRIDES
    from auditor.spec import load_spec

    loaded = load_spec(spec)  # a SpecError is one line per problem and exit 3 (commands/failures.py)
    overrides = dict(LOOPBACK_OVERRIDES) if loopback else {}
    crawl = run_probe(loaded, stores, overrides)
    lines, warnings = probe_report(loaded, crawl)
    warnings = [f"{w.file}:{w.line}: {w.message}" for w in loaded.warnings] + warnings
    for line in lines:
        typer.echo(line)
    typer.echo("")
    if not warnings:
        typer.echo("no warnings")
        return
    typer.echo(f"{len(warnings)} warnings:")
    for warning in warnings:
        typer.echo(f"warning: {warning}")
    if strict:
        raise typer.Exit(2)


def register(app: typer.Typer) -> None:
    app.command("probe")(probe)
