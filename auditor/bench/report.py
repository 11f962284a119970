"""HTML report speed on a large estate: stores written per second.

A database of STORES stores over three evaluated runs (three findings and five reviews per store)
is written as the full HTML report (``report_html_stores_per_s``). The baseline writes the same
rows as one JSON file per store, the least any per-store report can do; ratio = HTML / JSON
(target at least 0.2: the pages cost no more than five times the bare data).
"""

from __future__ import annotations

import datetime as dt
import json
import random
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from auditor.bench import BenchResult
from auditor.report.html import write_html_report
from auditor.store.engine import make_engine
from auditor.store.tables import AuditRun, Finding, Location, Review, Scorecard

STORES = 2000
REGIONS = ("NSW", "VIC", "QLD", "WA", "SA")


def fill(engine: Engine, stores: int, seed: int = 1) -> None:
    """Three evaluated runs of ``stores`` stores, written with bulk inserts."""
    rng = random.Random(seed)
    ids = [f"S{i:05d}" for i in range(stores)]
    with engine.begin() as conn:
        conn.execute(
            insert(Location),
            [{"store_id": s, "name": f"Store {s}", "region": REGIONS[i % 5]} for i, s in enumerate(ids)],
        )
        for run in (1, 2, 3):
            when = dt.datetime(2026, 11, run, tzinfo=dt.UTC)
            conn.execute(
                insert(AuditRun),
                [{"id": run, "status": "complete", "started": when, "evaluated": when, "stats": "{}"}],
            )
            conn.execute(
                insert(Scorecard),
                [
                    {"run_id": run, "location_id": s, "region": REGIONS[i % 5],
                     "overall": rng.uniform(40, 100), "grade": "C", "listings": 80.0, "site": 70.0,
                     "reviews": 90.0, "coverage": 100.0,
                     "details": '{"journey": {"awareness": {"score": 80, "touchpoints": ["listing"]}}}'}
                    for i, s in enumerate(ids)
                ],
            )  # fmt: skip
            conn.execute(
                insert(Finding),
                [
                    {"run_id": run, "location_id": s, "rule_id": f"nap.rule{k}", "severity": "error",
                     "category": "listings", "source": "yellowbook", "field": "phone",
                     "expected": "+61298765432", "observed": "+61298765000",
                     "url": f"http://yellowbook.example/listing/{s}", "message": "wrong phone",
                     "points": 2.0, "fingerprint": f"{s}-{k}-{run if k == 0 else 0}"}
                    for s in ids
                    for k in range(3)
                ],
            )  # fmt: skip
        conn.execute(
            insert(Review),
            [
                {"source": "reviewhub", "location_id": s, "key": f"{s}-{j}", "text": "Good sofa",
                 "stars": 4.0, "date": dt.date(2026, 10, j + 1)}
                for s in ids
                for j in range(5)
            ],
        )  # fmt: skip


def _json_baseline(engine: Engine, out: Path) -> None:
    """The same store rows (scorecard and findings of the last run) as one JSON file per store."""
    out.mkdir()
    with Session(engine) as session:
        cards = session.exec(select(Scorecard).where(Scorecard.run_id == 3)).all()
        findings: dict[str, list[dict]] = {}
        for f in session.exec(select(Finding).where(Finding.run_id == 3)):
            findings.setdefault(f.location_id, []).append(f.model_dump())
        for card in cards:
            row = {"card": card.model_dump(), "findings": findings.get(card.location_id, [])}
            (out / f"{card.location_id}.json").write_text(json.dumps(row, default=str))


def run() -> list[BenchResult]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        engine = make_engine(root / "bench.db")
        fill(engine, STORES)
        start = time.perf_counter()
        _json_baseline(engine, root / "json")
        baseline = STORES / (time.perf_counter() - start)
        start = time.perf_counter()
        write_html_report(engine, root / "report")
        html = STORES / (time.perf_counter() - start)
        engine.dispose()
    return [
        BenchResult("report_html_stores_per_s", html, "stores/s", baseline, html / baseline),
    ]
