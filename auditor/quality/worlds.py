"""Variant demo worlds audited end to end, judged against their ground truth.

Eight seeded worlds (``auditor.demo.variant``), each a brand in its own conventions (countries,
languages, markup per source, hours, stars and dates as written, reviews embedded or separate,
pagination), are generated, served on 127.0.0.1 and audited (crawl -> evaluate) with the spec
written for them; ``PLATFORM_SEEDS`` are audited a second time with the listing platforms' APIs
served as well (``auditor.demo.platforms``: Google, Foursquare, Facebook, Apple, OpenStreetMap,
their defects and traps in the truth). Per world: planted defects found (recall), findings that
name a planted defect (precision), findings on equivalent forms (traps), findings on data a source
does not carry (absent), and fields the pages show that were never read.

A finding names a planted defect when store and source agree and its rule is the defect's (or a
related one), or, for the name/address/phone/website/hours/status fields, its field is the
defect's: a store-page phone defect is found by whichever rule judges the page's phone.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import tempfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from auditor.quality.base import Metric, share

SUITE = "worlds"
SEEDS = (1, 2, 3, 4, 5, 6, 7, 8)
# and these worlds again with the listing platforms' APIs served and in the spec (auditor.demo.platforms)
PLATFORM_SEEDS = (8, 2)  # GB+US+CA, and DE (its holiday hours, postcode-first addresses)
AUDIT_TIMEOUT = 300  # seconds for one world's crawl and evaluation (about 10 on an idle machine)
OBSERVED = {
    "name",
    "address",
    "phone",
    "website",
    "hours",
    "holiday_hours",
    "colours",
    "fonts",
    "logo",
    "text",
}
FIELD_MATCHED = {"name", "address", "phone", "website", "hours", "holiday_hours", "status"}
# The targets on every world. Not yet met: TARGETS holds, per world, the floor the audit reaches
# today (target X not yet met), so a regression still fails; each is raised as the readers and
# rules learn the world's conventions, and dropped once the world meets GOAL.
GOAL = {
    "recall": ">= 0.97",
    "precision": ">= 0.97",
    "traps flagged": "== 0",
    "absent-data findings": "== 0",
    "absent data noted": ">= 0.97",  # each as a coverage gap on the stores' scorecards
}
TARGETS: dict[int, dict[str, str]] = {}


@dataclass
class WorldScore:
    seed: int
    label: str
    planted: int = 0
    found: int = 0
    findings: int = 0
    right: int = 0
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    on_traps: list[str] = field(default_factory=list)
    on_absent: list[str] = field(default_factory=list)
    never_read: list[str] = field(default_factory=list)
    partly_read: list[str] = field(default_factory=list)
    noted: int = 0  # (absent field, store) pairs the scorecards name as a coverage gap
    to_note: int = 0
    not_noted: list[str] = field(default_factory=list)
    failure: str = ""
    platforms: bool = False  # the world with the listing platforms served (its own targets: GOAL)


def _matches(finding: dict, defect: dict) -> bool:
    if finding["store"] != defect["store_id"] or finding["source"] != defect["source"]:
        return False
    rules = {defect["rule"], *defect.get("related_rules", [])}
    return finding["rule"] in rules or (
        defect["field"] in FIELD_MATCHED and finding["field"] == defect["field"]
    )


def _describe(f: dict) -> str:
    observed = f["observed"][:60]
    return f"{f['rule']}@{f['source'] or '-'} {f['store']} ({f['field']}: {observed!r})"


def grouped(items: list[str]) -> str:
    """``rule@source STORE (...)`` lines counted by everything before the store: the causes, largest
    first, each with one example."""
    groups: dict[str, list[str]] = {}
    for item in items:
        head, _, example = item.partition(" ")
        if head.endswith(":"):  # "trap kind: rule@source STORE (...)"
            rule, _, example = example.partition(" ")
            head = f"{head} {rule}"
        groups.setdefault(head, []).append(example)
    ordered = sorted(groups.items(), key=lambda kv: -len(kv[1]))
    return "; ".join(f"{head} x{len(examples)} (e.g. {examples[0]})" for head, examples in ordered)


def score_world(out: Path, seed: int, label: str, platforms: bool = False) -> WorldScore:
    """Findings, observations and reviews of an audited world against its ground truth."""
    truth = json.loads((out / "ground_truth.json").read_text(encoding="utf-8"))
    score = WorldScore(seed, label, platforms=platforms)
    with sqlite3.connect(out / "audit.db") as db:
        run = db.execute("SELECT MAX(run_id) FROM finding").fetchone()[0]
        rows = db.execute(
            "SELECT location_id, rule_id, source, field, observed FROM finding WHERE run_id = ?", (run,)
        ).fetchall()
        observed = db.execute(
            "SELECT location_id, source, field, normalised IS NOT NULL AND normalised != 'null' "
            "FROM observation WHERE location_id IS NOT NULL"
        ).fetchall()
        reviews = db.execute(
            "SELECT source, COUNT(*), COUNT(stars), COUNT(date), COUNT(reply), "
            "SUM(CASE WHEN text != '' THEN 1 ELSE 0 END) FROM review GROUP BY source"
        ).fetchall()
        cards = db.execute(
            "SELECT s.location_id, s.details FROM scorecard s JOIN location l ON l.store_id = s.location_id "
            "WHERE s.run_id = ? AND l.status != 'closed'",
            (run,),
        ).fetchall()
    observations = [(store, source, fld) for store, source, fld, ok in observed if ok]
    state: dict[tuple[str, str, str], bool] = {}
    for store, source, fld, ok in observed:
        state[(store, source, fld)] = bool(ok) or state.get((store, source, fld), False)
    findings = [dict(zip(("store", "rule", "source", "field", "observed"), r, strict=True)) for r in rows]
    defects = truth["defects"]
    score.planted = len(defects)
    for defect in defects:
        if any(_matches(f, defect) for f in findings):
            score.found += 1
        else:
            key = (defect["store_id"], defect["source"], defect["field"])
            how = {True: " (read, not judged)", False: " (shown, not readable)"}.get(state.get(key), "")
            if key not in state and defect["field"] in OBSERVED:
                how = " (not read)"
            score.missed.append(f"{defect['kind']}@{defect['source']} {defect['store_id']}{how}")
    traps = {(t["store_id"], t["source"], t["field"]): t["kind"] for t in truth["traps"]}
    score.findings = len(findings)
    for f in findings:
        if any(_matches(f, d) for d in defects):
            score.right += 1
            continue
        score.wrong.append(_describe(f))
        trap = traps.get((f["store"], f["source"], f["field"]))
        if trap:
            score.on_traps.append(f"{trap}: {_describe(f)}")
        for absent in truth["absent"]:
            if f["source"] == absent["source"] and (
                f["rule"] in absent["rules"] or f["field"] == absent["field"] or absent["field"] == "*"
            ):
                score.on_absent.append(f"{absent['field']}: {_describe(f)}")
    _fields_read(truth, observations, reviews, score)
    _absent_noted(truth, cards, score)
    return score


def _absent_noted(truth: dict, cards: list, score: WorldScore) -> None:
    """Each field a source does not carry should be a coverage gap ("rule at source: reason") on
    the scorecard of every store that is not closed."""
    for absent in truth["absent"]:
        rules = absent["rules"]
        missed = 0
        for _store, details in cards:
            gaps = json.loads(details or "{}").get("gaps", [])
            noted = any(
                f" at {absent['source']}:" in gap and (rules == ["*"] or gap.split(" at ", 1)[0] in rules)
                for gap in gaps
            )
            score.to_note += 1
            score.noted += noted
            missed += not noted
        if missed:
            score.not_noted.append(f"{absent['source']}.{absent['field']} on {missed} stores")


def _fields_read(truth: dict, observations: list, reviews: list, score: WorldScore) -> None:
    read = Counter((source, fld) for _store, source, fld in set(observations))
    review_reads = {
        r[0]: dict(zip(("total", "stars", "date", "reply", "text"), r[1:], strict=True)) for r in reviews
    }
    replies_shown = Counter()
    for r in truth["reviews"]:
        replies_shown[r["source"]] += 1
    expected_pages = truth["locations"]
    for source, fields in truth["shown"].items():
        if source in review_reads or fields[0] == "stars":
            got = review_reads.get(source, {})
            total = len([r for r in truth["reviews"] if r["source"] == source])
            for fld in fields:
                n = got.get(fld, 0)
                # not every review has a reply: read at all is what counts
                total_fld = max(1, n) if fld == "reply" else total
                if n == 0:
                    score.never_read.append(f"{source}.{fld}")
                elif n < 0.9 * total_fld:
                    score.partly_read.append(f"{source}.{fld} {n}/{total_fld}")
            continue
        for fld in fields:
            n = read.get((source, fld), 0)
            if n == 0:
                score.never_read.append(f"{source}.{fld}")
            elif n < 0.75 * expected_pages:
                score.partly_read.append(f"{source}.{fld} {n} stores")


def audit_world(seed: int, work: Path, platforms: bool = False) -> WorldScore:
    """Generate, serve and audit variant world ``seed`` in ``work`` (``platforms``: with the
    listing platforms too); score it."""
    from auditor.demo.conventions import choose
    from auditor.demo.platforms import CREDENTIALS, generate_platform_world
    from auditor.demo.server import serve
    from auditor.demo.variant import generate_variant, write_served_variant_spec

    conv = choose(seed)
    label = f"w{seed}{'+platforms' if platforms else ''} {'+'.join(conv.countries)}"
    out = work / f"world-{seed}{'-platforms' if platforms else ''}"
    world = generate_platform_world(out, seed) if platforms else generate_variant(out, seed)
    with serve(world.world_dir, fault_delay=1.0) as server:
        spec = write_served_variant_spec(world, server.proxy_url)
        env = {**os.environ, **(CREDENTIALS if platforms else {})}
        env.pop("DATABASE_URL", None)
        try:
            done = subprocess.run(
                [sys.executable, "-m", "auditor.quality.worlds", str(spec), str(out / "audit.db")],
                capture_output=True,
                text=True,
                timeout=AUDIT_TIMEOUT,
                env=env,
            )
            output = (
                ((done.stdout + done.stderr).strip() or f"exit code {done.returncode}")
                if done.returncode
                else ""
            )
        except subprocess.TimeoutExpired:
            output = f"no result after {AUDIT_TIMEOUT} s"
    if output:
        failed = WorldScore(seed, label, failure=output.splitlines()[-1][:200], platforms=platforms)
        failed.planted = len(json.loads(world.ground_truth.read_text(encoding="utf-8"))["defects"])
        return failed
    return score_world(out, seed, label, platforms)


def _metrics(s: WorldScore) -> list[Metric]:
    targets = {**GOAL, **({} if s.platforms else TARGETS.get(s.seed, {}))}
    recall = share(s.found, s.planted)
    precision = share(s.right, s.findings) if s.findings else (1.0 if not s.failure else 0.0)
    fail = f"audit failed: {s.failure}; " if s.failure else ""
    return [
        Metric(
            SUITE,
            f"{s.label} recall",
            recall,
            targets["recall"],
            f"{fail}{s.found}/{s.planted}" + (f"; missed: {', '.join(s.missed)}" if s.missed else ""),
        ),
        Metric(
            SUITE,
            f"{s.label} precision",
            precision,
            targets["precision"],
            f"{s.right}/{s.findings}" + (f"; outside the truth: {grouped(s.wrong)}" if s.wrong else ""),
        ),
        Metric(
            SUITE,
            f"{s.label} traps flagged",
            float(len(s.on_traps)),
            targets["traps flagged"],
            grouped(s.on_traps),
        ),
        Metric(
            SUITE,
            f"{s.label} absent-data findings",
            float(len(s.on_absent)),
            targets["absent-data findings"],
            grouped(s.on_absent),
        ),
        Metric(
            SUITE,
            f"{s.label} absent data noted",
            share(s.noted, s.to_note) if s.to_note else 1.0,
            targets["absent data noted"],
            f"{s.noted}/{s.to_note} (store, field) coverage gaps"
            + (f"; not noted: {', '.join(s.not_noted)}" if s.not_noted else ""),
        ),
        Metric(
            SUITE,
            f"{s.label} fields never read",
            float(len(s.never_read)),
            "",
            "; ".join(
                part
                for part in (
                    ", ".join(s.never_read),
                    f"partly read: {', '.join(s.partly_read)}" * bool(s.partly_read),
                )
                if part
            ),
        ),
    ]


def measure(
    data_dir: Path | None = None,
    seeds: tuple[int, ...] = SEEDS,
    platform_seeds: tuple[int, ...] = PLATFORM_SEEDS,
) -> list[Metric]:
    """Every variant world's figures (two worlds audited at a time). The worlds, databases and
    specs are kept in ``$AUDITOR_WORLDS_DIR`` when it is set (to look into a figure)."""
    keep = os.environ.get("AUDITOR_WORLDS_DIR")
    runs = [(seed, False) for seed in seeds] + [(seed, True) for seed in platform_seeds]
    with tempfile.TemporaryDirectory(prefix="auditor-worlds-") as tmp, ThreadPoolExecutor(2) as pool:
        work = Path(keep) if keep else Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        scores = list(pool.map(lambda run: audit_world(run[0], work, run[1]), runs))
    return [m for s in scores for m in _metrics(s)]


def _audit(spec_path: str, db_path: str) -> int:
    """Crawl and evaluate one served world (in its own process: Scrapy's reactor runs once)."""
    from auditor.commands.run import DEMO_CRAWL_SETTINGS
    from auditor.crawl.runner import run_crawl
    from auditor.demo.variant import TODAY
    from auditor.judge.evaluate import evaluate_run
    from auditor.spec import SpecError, load_spec
    from auditor.store.engine import make_engine

    try:
        spec = load_spec(Path(spec_path))
    except SpecError as exc:
        print(f"spec refused: {exc.problems[0]}", file=sys.stderr)
        return 3
    engine = make_engine(db_path)
    run_id = run_crawl(spec, engine, progress=False, settings_overrides=DEMO_CRAWL_SETTINGS)
    evaluate_run(engine, spec, run_id=run_id, today=TODAY)
    return 0


if __name__ == "__main__":
    raise SystemExit(_audit(*sys.argv[1:3]))
