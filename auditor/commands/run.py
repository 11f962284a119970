"""``auditor run`` (the nightly job) and ``auditor demo`` (the bundled demo brand, end to end)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from auditor.commands.failures import ExitCode
from auditor.report.console import make_console

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from auditor.store.lock import DatabaseLock

# On loopback the demo needs no politeness delay; real sites keep the spec's AutoThrottle.
DEMO_CRAWL_SETTINGS = {
    "AUTOTHROTTLE_ENABLED": False,
    "CONCURRENT_REQUESTS": 32,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 32,
    "DOWNLOAD_DELAY": 0,
}


SpecArgument = Annotated[Path, typer.Argument(help="The brand spec, e.g. brand.yaml.")]
SpecDbOption = Annotated[
    str | None,
    typer.Option(
        "--db", help="Database file or URL (default: $DATABASE_URL or auditor.db next to the spec)."
    ),
]


def spec_database(spec: Path, db: str | None) -> str | None:
    """The database a spec's commands use: --db, else $DATABASE_URL, else auditor.db beside the spec."""
    import os

    if db is None and not os.environ.get("DATABASE_URL"):
        return str(spec.parent / "auditor.db")
    return db


def _load(spec_path: Path):
    """The spec with everything a run needs checked (rule packs, logos, paths); SpecError if not."""
    from auditor.preflight import check_spec

    return check_spec(spec_path).spec


@contextmanager
def writing(spec_path: Path, db: str | None, command: str) -> Iterator[tuple[Any, Engine, DatabaseLock]]:
    """(spec, engine, lock) for a command that writes: spec checked, database usable, lock held."""
    from auditor.preflight import check_database
    from auditor.store.engine import database_url, display_name
    from auditor.store.lock import DatabaseLock

    spec = _load(spec_path)
    engine = check_database(db)
    with DatabaseLock(engine, command, display_name(database_url(db))) as lock:
        for note in lock.taken_over:
            typer.echo(note, err=True)
        yield spec, engine, lock


def run(
    spec: SpecArgument,
    db: SpecDbOption = None,
    report: Annotated[
        Path | None,
        typer.Option(
            "--report", help="Folder for the HTML report (default: report/ next to the database file)."
        ),
    ] = None,
    fail_under: Annotated[
        float | None,
        typer.Option("--fail-under", help="Exit with code 2 when the estate's mean score is below this."),
    ] = None,
    no_progress: Annotated[bool, typer.Option("--no-progress", help="No live progress display.")] = False,
    loopback: Annotated[
        bool, typer.Option("--loopback", help="No politeness delay: only for worlds served on 127.0.0.1.")
    ] = False,
) -> None:
    """Crawl, evaluate, score and report: the nightly audit.

    Exit codes (docs/cli.md): 0 done, 2 mean score below --fail-under, 3 spec, roster or rule
    pack invalid, 4 database problem, 5 another run holds the database.

    Example: auditor run mybrand/brand.yaml --fail-under 80
    """
    from auditor.pipeline import run_audit
    from auditor.store.engine import database_url

    db = spec_database(spec, db)
    url = database_url(db)
    if report is None:
        base = Path(url.removeprefix("sqlite:///")).parent if url.startswith("sqlite") else Path.cwd()
        report = base / "report"
    console = make_console()
    overrides = None
    if loopback:
        from auditor.crawl.settings import LOOPBACK_OVERRIDES

        overrides = dict(LOOPBACK_OVERRIDES)
    import auditor.crawl.runner  # noqa: F401  (Scrapy loaded before the lock: the run starts at once)

    with writing(spec, db, "run") as (loaded, engine, _lock):
        outcome = run_audit(
            loaded, engine, report, console, crawl_overrides=overrides, progress=not no_progress
        )
    console.print(
        f"run {outcome.run_id}: {outcome.stores} stores, mean score {outcome.mean_overall}, "
        f"lowest {outcome.lowest_overall}"
    )
    console.print(f"report: {outcome.report_index}")
    if fail_under is not None and (outcome.mean_overall is None or outcome.mean_overall < fail_under):
        console.print(f"[red]mean score {outcome.mean_overall} is below --fail-under {fail_under}[/]")
        raise typer.Exit(ExitCode.FINDINGS)


def demo(
    locations: Annotated[int, typer.Option("--locations", help="How many stores the demo brand has.")] = 40,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the demo world (same seed, same world).")] = 7,
    out: Annotated[Path, typer.Option("--out", help="Folder for the world, database and report.")] = Path(
        "demo-output"
    ),
    night: Annotated[
        int,
        typer.Option(
            "--night",
            help="1: the first night; 2: the next night, with one "
            "defect fixed and one new (see `auditor diff`).",
        ),
    ] = 1,
    no_progress: Annotated[bool, typer.Option("--no-progress", help="No live progress display.")] = False,
    platforms: Annotated[
        bool,
        typer.Option(
            "--platforms",
            help="A coffee brand also listed on Google, Foursquare, Facebook, Apple and OpenStreetMap "
            "(their APIs served too; see docs/sources.md) instead of the furniture retailer.",
        ),
    ] = False,
) -> None:
    """Generate the demo brand (a furniture retailer), serve it on 127.0.0.1 and audit it end to end.

    Writes OUT/demo.db, OUT/ground_truth.json and OUT/report/index.html. Run it again with
    --night 2 to see what the next night's audit reports as new and resolved.

    Example: auditor demo --locations 40 --out demo-output
    """
    from auditor.demo import generate, serve, write_served_spec
    from auditor.demo.world import TODAY
    from auditor.pipeline import run_audit

    console = make_console()
    if platforms:
        import os

        from auditor.demo.platforms import CREDENTIALS, generate_platform_world
        from auditor.demo.variant import TODAY
        from auditor.demo.variant import write_served_variant_spec as write_served_spec

        console.print("generating the demo brand on the listing platforms (demo credentials set)")
        world = generate_platform_world(out)
        for variable, value in CREDENTIALS.items():
            os.environ.setdefault(variable, value)
    else:
        console.print(f"generating the demo brand: {locations} stores, seed {seed}, night {night}")
        world = generate(out, locations=locations, seed=seed, night=night)
    with serve(world.world_dir) as server:
        console.print(f"serving the demo world on {server.proxy_url}")
        spec_path = write_served_spec(world, server.proxy_url)
        with writing(spec_path, str(out / "demo.db"), "demo") as (spec, engine, _lock):
            outcome = run_audit(
                spec,
                engine,
                out / "report",
                console,
                crawl_overrides=DEMO_CRAWL_SETTINGS,
                progress=not no_progress,
                today=TODAY,
            )
    console.print()
    console.print(f"[bold]database[/]      {(out / 'demo.db').resolve()}")
    console.print(f"[bold]ground truth[/]  {world.ground_truth.resolve()}")
    console.print(f"[bold]report[/]        {outcome.report_index.resolve() if outcome.report_index else '-'}")
    console.print(
        f"run {outcome.run_id}: {outcome.stores} stores, mean score {outcome.mean_overall}. "
        f"Next: auditor scorecard STORE-ID --db {out / 'demo.db'}"
    )


def register(app: typer.Typer) -> None:
    app.command("run")(run)
    app.command("demo")(demo)
