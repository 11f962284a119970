"""``auditor report``, ``auditor scorecard`` and ``auditor diff``: read the stored results."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from auditor.report.console import make_console
from auditor.report.export import FormatOption, OutputFormat, emit_rows

DbOption = Annotated[
    str | None, typer.Option("--db", help="Database file or URL (default: $DATABASE_URL or ./auditor.db).")
]
RunOption = Annotated[int | None, typer.Option("--run", help="Run id (default: the latest evaluated run).")]


def _engine(db: str | None):
    from auditor.store.engine import database_url, make_engine
    from auditor.store.errors import DatabaseProblem

    url = database_url(db)
    if url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).exists():
        missing = url.removeprefix("sqlite:///")
        hint = (
            "pass --db with the file `auditor run` wrote (beside brand.yaml unless --db was given) "
            "or set DATABASE_URL"
            if db is None
            else "check the path, or run `auditor run` first"
        )
        raise DatabaseProblem(f"{missing}: no such database; {hint}")
    return make_engine(db)


def _run(session, run_id: int | None):
    from auditor.store import queries

    run = queries.run_or_latest(session, run_id)
    if run is None:
        which = f"run {run_id} not found" if run_id is not None else "no evaluated run yet"
        typer.echo(f"{which}: run `auditor run brand.yaml` (or `auditor evaluate`) first", err=True)
        raise typer.Exit(1)
    return run


def report(
    db: DbOption = None,
    run: RunOption = None,
    region: Annotated[str | None, typer.Option("--region", help="Only this region.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, html, csv or json.")] = "table",
    out: Annotated[Path, typer.Option("--out", help="Folder for --format html.")] = Path("report"),
) -> None:
    """Regional roll-up of a run: stores worst first, or the whole HTML report.

    Example: auditor report --region NSW --format html --out report/
    """
    from sqlmodel import Session

    from auditor.report.html import write_html_report
    from auditor.store import queries

    if fmt not in ("table", "html", "csv", "json"):
        raise typer.BadParameter(f"'{fmt}': use table, html, csv or json", param_hint="'--format'")
    engine = _engine(db)
    with Session(engine) as session:
        chosen = _run(session, run)
        if fmt == "html":
            index = write_html_report(engine, out, run_id=chosen.id, region=region)
            typer.echo(f"report written: {index}")
            return
        names = {sid: loc.name for sid, loc in queries.locations(session).items()}
        counts: dict[str, int] = {}
        for finding in queries.findings(session, chosen.id):
            counts[finding.location_id] = counts.get(finding.location_id, 0) + 1
        rows = [
            {
                "store": c.location_id,
                "name": names.get(c.location_id, ""),
                "region": c.region,
                "overall": c.overall,
                "grade": c.grade,
                "listings": c.listings,
                "site": c.site,
                "reviews": c.reviews,
                "coverage": c.coverage,
                "findings": counts.get(c.location_id, 0),
            }
            for c in queries.scorecards(session, chosen.id, region)
        ]
    if region and not rows:
        typer.echo(f"region '{region}' has no scorecards in run {chosen.id}", err=True)
        raise typer.Exit(1)
    emit_rows(rows, OutputFormat(fmt), title=f"Run {chosen.id}" + (f", region {region}" if region else ""))


def scorecard(
    store_id: Annotated[str, typer.Argument(help="Store id from the roster, e.g. FC-00012.")],
    db: DbOption = None,
    run: RunOption = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """One store: its scores, trend over the last runs, and findings as an ordered fix list.

    Example: auditor scorecard FC-00012
    """
    import json

    from sqlmodel import Session

    from auditor.store import queries

    engine = _engine(db)
    with Session(engine) as session:
        chosen = _run(session, run)
        card = queries.scorecard(session, chosen.id, store_id)
        if card is None:
            typer.echo(f"store '{store_id}' has no scorecard in run {chosen.id}: check the id", err=True)
            raise typer.Exit(1)
        history = queries.trends(session, chosen.id).get(store_id, [])  # up to the run shown
        details = json.loads(card.details or "{}")
        gaps = details.get("gaps") or details.get("coverage_gaps") or []
        findings = sorted(queries.findings(session, chosen.id, store_id), key=lambda f: -f.points)
        rows = [
            {
                "points": f.points,
                "severity": f.severity,
                "rule": f.rule_id,
                "source": f.source,
                "message": f.message,
                "expected": f.expected,
                "observed": f.observed,
                "url": f.url,
            }
            for f in findings
        ]
    if fmt is OutputFormat.json:
        typer.echo(
            json.dumps(
                {
                    "store": store_id,
                    "run": chosen.id,
                    "overall": card.overall,
                    "grade": card.grade,
                    "categories": {k: getattr(card, k) for k in ("listings", "site", "reviews", "coverage")},
                    "trend": [{"run": r, "overall": v} for r, v in history],
                    "findings": rows,
                    "coverage_gaps": gaps,  # what could not be judged, and why
                },
                indent=2,
                ensure_ascii=False,
                default=str,
            )
        )
        return
    if fmt is OutputFormat.table:
        console = make_console()
        scores = ", ".join(
            f"{k} {getattr(card, k):.0f}" if getattr(card, k) is not None else f"{k} n/a"
            for k in ("listings", "site", "reviews", "coverage")
        )
        overall = "n/a" if card.overall is None else f"{card.overall:.1f}"
        console.print(f"[bold]{store_id}[/] run {chosen.id}: overall {overall} grade {card.grade} ({scores})")
        console.print("trend: " + " → ".join("–" if v is None else f"{v:.0f}" for _, v in history))
    emit_rows(rows, fmt, title=f"{store_id}: fix list ({len(rows)} findings)")


def findings(
    db: DbOption = None,
    run: RunOption = None,
    store: Annotated[str | None, typer.Option("--store", help="Only this store.")] = None,
    region: Annotated[str | None, typer.Option("--region", help="Only this region's stores.")] = None,
    rule: Annotated[str | None, typer.Option("--rule", help="Only this rule id, e.g. nap.phone.")] = None,
    source: Annotated[str | None, typer.Option("--source", help="Only this source id.")] = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Every finding of a run, source-level ones (store "") first, then store by store.

    Example: auditor findings --rule nap.phone --format csv > phones.csv
    """
    from sqlmodel import Session

    from auditor.store import queries

    engine = _engine(db)
    with Session(engine) as session:
        chosen = _run(session, run)
        _refuse_unknown_filters(session, chosen, store=store, region=region, rule=rule, source=source)
        in_region = None
        if region:
            in_region = {c.location_id for c in queries.scorecards(session, chosen.id, region)}
        rows = [
            {
                "store": f.location_id,
                "rule": f.rule_id,
                "severity": f.severity,
                "source": f.source,
                "field": f.field,
                "expected": f.expected,
                "observed": f.observed,
                "url": f.url,
                "message": f.message,
                "points": f.points,
            }
            for f in queries.findings(session, chosen.id, store)
            if (in_region is None or f.location_id in in_region)
            and (rule is None or f.rule_id == rule)
            and (source is None or f.source == source)
        ]
    emit_rows(rows, fmt, title=f"Run {chosen.id}: {len(rows)} findings")


def _refuse_unknown_filters(session: Any, run: Any, **given: str | None) -> None:
    """Exit 1 with one line when a filter names a store, region, rule or source this database
    does not know (an empty table would read as "no problems")."""
    from sqlmodel import select

    from auditor.store import queries
    from auditor.store.tables import Finding, Source

    asked = {k: v for k, v in given.items() if v}
    if not asked:
        return
    stores = queries.locations(session)
    known: dict[str, Any] = {
        "store": lambda: set(stores) | {""},
        "region": lambda: {loc.region for loc in stores.values()},
        "source": lambda: set(session.exec(select(Source.id))) | set(session.exec(select(Finding.source))),
        "rule": lambda: set(session.exec(select(Finding.rule_id))) | _rule_ids(run),
    }
    for option, value in asked.items():
        names = known[option]()
        if value in names:
            continue
        import difflib

        hint = difflib.get_close_matches(value, sorted(n for n in names if n), n=1)
        extra = f" (did you mean '{hint[0]}'?)" if hint else ""
        where = "in the rule packs" if option == "rule" else "in this database"
        typer.echo(f"--{option} {value}: no such {option} {where}{extra}", err=True)
        raise typer.Exit(1)


def _rule_ids(run: Any) -> set[str]:
    """The rule ids of the run's spec (when it still loads) and of the shipped rule packs."""
    from auditor.judge.rules import load_rule_packs
    from auditor.spec import SpecError, default_rule_packs, load_spec

    ids: set[str] = set()
    try:
        ids |= set(load_rule_packs(default_rule_packs()).by_id())
        if run.spec_path and Path(run.spec_path).is_file():
            ids |= set(load_rule_packs(list(load_spec(run.spec_path).rule_pack_paths)).by_id())
    except SpecError:  # a spec edited since the run: the rules the database has seen still count
        pass
    return ids


def diff(
    run_a: Annotated[int | None, typer.Argument(help="Earlier run (default: the one before RUN_B).")] = None,
    run_b: Annotated[int | None, typer.Argument(help="Later run (default: the latest).")] = None,
    db: DbOption = None,
    fmt: FormatOption = OutputFormat.table,
    persisting: Annotated[
        bool, typer.Option("--persisting", help="List the persisting findings too, not only their count.")
    ] = False,
) -> None:
    """New, resolved and persisting findings between two runs (matched by fingerprint).

    Example: auditor diff          (latest run against the one before)
             auditor diff 3 5 --persisting
    """
    from sqlmodel import Session

    from auditor.store import queries

    engine = _engine(db)
    with Session(engine) as session:
        after = _run(session, run_b)
        if run_a is None:
            before = queries.previous_run(session, after.id)
            if before is None:
                typer.echo(f"run {after.id} is the first evaluated run: nothing to compare with", err=True)
                raise typer.Exit(1)
        else:
            before = _run(session, run_a)
        result = queries.diff_findings(session, before.id, after.id)
        rows = [
            {
                "change": change,
                "store": f.location_id,
                "rule": f.rule_id,
                "source": f.source,
                "message": f.message,
            }
            for change, group in (
                ("new", result.new),
                ("resolved", result.resolved),
                ("persisting", result.persisting if persisting else []),
            )
            for f in group
        ]
        persisting = len(result.persisting)
        versions = [json.loads(r.stats or "{}").get("auditor_version") for r in (before, after)]
    title = (
        f"Run {before.id} → {after.id}: {len(result.new)} new, "
        f"{len(result.resolved)} resolved, {persisting} persisting"
    )
    if versions[0] != versions[1]:
        judged = " and ".join(v or "an older version" for v in versions)
        note = f"the runs were judged by different auditor versions ({judged}): changes may be the auditor's"
        typer.echo(note, err=True)
        title += f" ({note})"
    emit_rows(rows, fmt, title=title)


def register(app: typer.Typer) -> None:
    app.command("report")(report)
    app.command("scorecard")(scorecard)
    app.command("diff")(diff)
    app.command("findings")(findings)
