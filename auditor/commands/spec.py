"""``auditor init`` and ``auditor validate``: start a spec, and check one."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Annotated

import typer

STARTER_DIR = Path(__file__).resolve().parent.parent / "starter"


def validate(
    spec: Annotated[Path, typer.Argument(help="The brand spec to check, e.g. brand.yaml.")],
    db: Annotated[
        str | None,
        typer.Option("--db", help="The database the run will use (default: $DATABASE_URL or "
                     "auditor.db next to the spec)."),
    ] = None,
) -> None:
    """Check everything a run needs before crawling: spec, roster, rule packs, logos, database.

    Every problem is one line, file:line: message. Exit 0 when the spec is valid, 3 when it,
    its roster, rule packs or logos have problems, 4 when the database cannot be used.

    Example: auditor validate mybrand/brand.yaml
    """
    from auditor.commands.run import spec_database
    from auditor.preflight import check_spec, database_problem
    from auditor.store.errors import DatabaseProblem

    loaded = check_spec(spec).spec
    problem = database_problem(spec_database(spec, db))
    if problem:
        raise DatabaseProblem(problem)
    for warning in loaded.warnings:
        typer.echo(f"{warning.file}:{warning.line}: warning: {warning.message}")
    regions = {entry.region for entry in loaded.roster}
    typer.echo(
        f"{spec}: ok: {loaded.brand.name}, {len(loaded.roster)} locations in {len(regions)} regions, "
        f"{len(loaded.sources)} sources, {len(loaded.rule_pack_paths)} rule packs"
    )


def init(
    directory: Annotated[Path, typer.Argument(help="Folder to write the starter spec into.")],
    force: Annotated[bool, typer.Option("--force", help="Overwrite files that exist.")] = False,
) -> None:
    """Write a commented starter brand.yaml and roster.csv, plus a copy of the shipped rule packs.

    The copied packs go to DIR/rules/ and the spec points at them (``rules: [rules]``), so they can
    be edited; without shipped packs the spec keeps ``rules: [default]``.

    Example: auditor init mybrand && auditor validate mybrand/brand.yaml
    """
    from auditor.spec import default_rule_packs

    if directory.exists() and not directory.is_dir():
        typer.echo(f"{directory}: is a file, expected a folder to write the starter spec into", err=True)
        raise typer.Exit(1)
    packs = default_rule_packs()
    targets = {name: directory / name for name in ("brand.yaml", "roster.csv")}
    targets.update({f"rules/{p.name}": directory / "rules" / p.name for p in packs})
    existing = [str(p) for p in targets.values() if p.exists()]
    if existing and not force:
        typer.echo(f"{', '.join(existing)}: already exists; pass --force to overwrite", err=True)
        raise typer.Exit(1)
    (directory / "rules" if packs else directory).mkdir(parents=True, exist_ok=True)
    shutil.copyfile(STARTER_DIR / "roster.csv", targets["roster.csv"])
    spec_text = (STARTER_DIR / "brand.yaml").read_text(encoding="utf-8")
    if packs:
        spec_text = spec_text.replace("rules: [default]  ", "rules: [rules]    ", 1)
        for pack in packs:
            shutil.copyfile(pack, directory / "rules" / pack.name)
    targets["brand.yaml"].write_text(spec_text, encoding="utf-8")
    copied = f" and {len(packs)} rule packs in {directory / 'rules'}" if packs else ""
    typer.echo(f"wrote {targets['brand.yaml']}, {targets['roster.csv']}{copied}")
    typer.echo(f"next: edit them, then run: auditor validate {targets['brand.yaml']}")


def register(app: typer.Typer) -> None:
    app.command("validate")(validate)
    app.command("init")(init)
