"""``auditor run`` (the nightly job) and ``auditor demo`` (the bundled demo brand, end to end)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

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
    from auditor.spec import SpecError, load_spec

    try:
        return load_spec(spec_path)
    except SpecError as exc:
        for problem in exc.problems:
            typer.echo(str(problem), err=True)
        raise typer.Exit(1) from None


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
) -> None:
    """Crawl, evaluate, score and report: the nightly audit.

    Exit codes: 0 done, 1 bad spec or failed run, 2 mean score below --fail-under.

    Example: auditor run mybrand/brand.yaml --fail-under 80
    """
    from auditor.pipeline import run_audit
    from auditor.store.engine import database_url, make_engine

    loaded = _load(spec)
    db = spec_database(spec, db)
    url = database_url(db)
    if report is None:
        base = Path(url.removeprefix("sqlite:///")).parent if url.startswith("sqlite") else Path.cwd()
        report = base / "report"
    console = Console()
    outcome = run_audit(loaded, make_engine(db), report, console, progress=not no_progress)
    console.print(
        f"run {outcome.run_id}: {outcome.stores} stores, mean score {outcome.mean_overall}, "
        f"lowest {outcome.lowest_overall}"
    )
    console.print(f"report: {outcome.report_index}")
    if fail_under is not None and (outcome.mean_overall is None or outcome.mean_overall < fail_under):
        console.print(f"[red]mean score {outcome.mean_overall} is below --fail-under {fail_under}[/]")
        raise typer.Exit(2)


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
) -> None:
    """Generate the demo brand (a furniture retailer), serve it on 127.0.0.1 and audit it end to end.

    Writes OUT/demo.db, OUT/ground_truth.json and OUT/report/index.html. Run it again with
    --night 2 to see what the next night's audit reports as new and resolved.

    Example: auditor demo --locations 40 --out demo-output
    """
    from auditor.demo import generate, serve, write_served_spec
    from auditor.demo.world import TODAY
    from auditor.pipeline import run_audit
    from auditor.store.engine import make_engine

    console = Console()
    console.print(f"generating the demo brand: {locations} stores, seed {seed}, night {night}")
    world = generate(out, locations=locations, seed=seed, night=night)
    with serve(world.world_dir) as server:
        console.print(f"serving the demo world on {server.proxy_url}")
        spec_path = write_served_spec(world, server.proxy_url)
        spec = _load(spec_path)
        engine = make_engine(out / "demo.db")
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
