"""Evaluate a 10,000-store database: all stores scored, against reading the same rows plainly.

The database is built directly (no crawl): the demo brand's roster, each store seen on the site
and four directories, and ten analysed reviews per store. ``evaluate_10k_seconds`` is the time to
score all 10,000 (target under 20 s); ``evaluate_peak_memory_ratio`` is the peak Python memory of
evaluating 4,000 stores over that of 1,000 (flat in stores: close to 1, target under 1.5).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import random
import tempfile
import time
import tracemalloc
from pathlib import Path

from sqlalchemy import insert, text

from auditor.bench import BenchResult
from auditor.demo.spec_file import brand_yaml
from auditor.demo.stores import make_stores
from auditor.normalise import normalise_address, normalise_name, normalise_phone, normalise_url, parse_hours
from auditor.store.engine import make_engine
from auditor.store.tables import AuditRun, Observation, Review

STORES = 10_000
SOURCES = ("site", "localpages", "mapdir", "yellowbook", "placesdata")


def build(root: Path, count: int) -> tuple[Path, Path]:
    """(spec path, database path) of a synthetic estate of ``count`` stores."""
    rng = random.Random(17)
    stores = make_stores(rng, count)
    rows = [s.roster_row() for s in stores]
    with (root / "roster.csv").open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    (root / "assets").mkdir(exist_ok=True)
    from auditor.demo.logos import draw_logo
    from auditor.normalise import logo_hash

    (root / "assets" / "logo.png").write_bytes(draw_logo())
    spec = root / "brand.yaml"
    spec.write_text(brand_yaml())
    db = root / "bench.db"
    engine = make_engine(db)
    logo = logo_hash(draw_logo())
    with engine.begin() as conn:
        conn.execute(
            insert(AuditRun),
            [
                {
                    "id": 1,
                    "status": "complete",
                    "stats": "{}",
                    "started": dt.datetime(2026, 11, 20, tzinfo=dt.UTC),
                }
            ],
        )
        observations, reviews = [], []
        for store in stores:
            address = normalise_address(
                store.street + f", {store.locality} {store.state} {store.postcode}", "AU"
            )
            fields = {
                "name": normalise_name(store.name),
                "phone": normalise_phone(store.phone, "AU"),
                "address": address.as_dict(),
                "website": normalise_url(store.website),
                "hours": parse_hours(store.hours).as_dict(),
            }
            for source in SOURCES:
                entity = f"http://{source}.example/{store.store_id}"
                extra = (
                    {
                        "text": f"{store.name} Prices include GST. Sofas.",
                        "colours": ["#1f4e5f"],
                        "fonts": ["merriweather"],
                        "logo": logo,
                    }
                    if source == "site"
                    else {}
                )
                for name, value in {**fields, **extra}.items():
                    observations.append(
                        {
                            "run_id": 1,
                            "location_id": store.store_id,
                            "source": source,
                            "entity": entity,
                            "field": name,
                            "raw": str(value)[:80],
                            "normalised": json.dumps(value),
                            "url": entity,
                        }
                    )
            for i in range(10):
                stars = rng.choice((5, 5, 4, 4, 2))
                reviews.append(
                    {
                        "source": "reviewhub",
                        "location_id": store.store_id,
                        "key": f"{store.store_id}-{i}",
                        "first_run_id": 1,
                        "last_seen_run_id": 1,
                        "stars": stars,
                        "text": "ok",
                        "date": dt.date(2026, 11, 1) - dt.timedelta(days=i * 9),
                        "analyzed": True,
                        "label": "negative" if stars < 3 else "positive",
                        "polarity": -0.5 if stars < 3 else 0.6,
                        "themes": "{}",
                        "reply": "Thanks" if i % 2 else None,
                    }
                )
            if len(observations) > 50_000:
                conn.execute(insert(Observation), observations)
                observations.clear()
        conn.execute(insert(Observation), observations)
        conn.execute(insert(Review), reviews)
    return spec, db


def _plain_read(db: Path) -> float:
    """Baseline: stream every observation of the run once and decode it, nothing else."""
    engine = make_engine(db)
    started = time.perf_counter()
    with engine.connect() as conn:
        for row in conn.execute(
            text("SELECT location_id, normalised FROM observation WHERE run_id = 1 ORDER BY location_id")
        ):
            json.loads(row[1])
    return time.perf_counter() - started


def _peak_memory(count: int) -> float:
    """Peak traced memory (MB) of evaluating a fresh ``count``-store database."""
    from auditor.judge.evaluate import evaluate_run
    from auditor.spec import load_spec

    with tempfile.TemporaryDirectory() as folder:
        spec_path, db = build(Path(folder), count)
        spec = load_spec(spec_path)
        engine = make_engine(db)
        tracemalloc.start()
        evaluate_run(engine, spec, run_id=1, today=dt.date(2026, 11, 20))
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak / 1e6


def run() -> list[BenchResult]:
    from auditor.judge.evaluate import evaluate_run
    from auditor.spec import load_spec

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        spec_path, db = build(root, STORES)
        spec = load_spec(spec_path)
        baseline = _plain_read(db)
        started = time.perf_counter()
        summary = evaluate_run(make_engine(db), spec, run_id=1, today=dt.date(2026, 11, 20))
        seconds = time.perf_counter() - started
    assert summary.stores == STORES
    small, large = _peak_memory(1000), _peak_memory(4000)
    return [
        BenchResult(
            "evaluate_10k_seconds", round(seconds, 2), "s", round(baseline, 2), round(seconds / baseline, 2)
        ),
        BenchResult("evaluate_peak_memory_ratio", round(large / small, 2), "x", round(small, 1), None),
    ]
