"""The whole audit judged against the demo world's ground truth, on four seeds.

Crawl (real Scrapy against the demo server on 127.0.0.1) -> evaluate -> compare the findings'
(store, rule, source) with every planted defect. Findings on equivalence traps must be zero.
What the crawl stored is judged too: every page fetched, field recall, traps read as one value.
The variant worlds (other brands, countries and conventions) are audited the same way by the
quality suite ``worlds`` (auditor/quality/worlds.py), which tests/quality runs once.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.field_recall import field_recall, page_coverage, trap_values

pytestmark = [pytest.mark.server, pytest.mark.slow]

SEEDS = (7, 1, 2, 3)


def audit(out: Path, seed: int) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "auditor.cli",
            "demo",
            "--out",
            str(out),
            "--seed",
            str(seed),
            "--no-progress",
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]


def score(out: Path) -> tuple[float, float, list, list, list]:
    truth = json.loads((out / "ground_truth.json").read_text())
    with sqlite3.connect(out / "demo.db") as db:
        rows = db.execute(
            "SELECT location_id, rule_id, source, field FROM finding WHERE run_id = "
            "(SELECT MAX(run_id) FROM finding)"
        ).fetchall()
    found = {(store, rule, source) for store, rule, source, _field in rows}
    expected = {(d["store_id"], d["rule"], d["source"]) for d in truth["defects"]}
    # a finding is right when it names a planted problem (its own rule or a related one)
    right = expected | {(d["store_id"], r, d["source"]) for d in truth["defects"] for r in d["related_rules"]}
    precision = len(found & right) / len(found) if found else 1.0
    recall = len(found & expected) / len(expected)
    traps = {(t["store_id"], t["source"], t["field"]) for t in truth["traps"]}
    on_traps = [r for r in rows if (r[0], r[2], r[3]) in traps and (r[0], r[1], r[2]) not in expected]
    return precision, recall, sorted(found - right), sorted(expected - found), on_traps


@pytest.mark.parametrize("seed", SEEDS)
def test_findings_match_the_ground_truth(seed: int, tmp_path: Path) -> None:
    audit(tmp_path, seed)
    precision, recall, false_positives, missed, on_traps = score(tmp_path)
    print(
        f"seed {seed}: precision={precision:.3f} recall={recall:.3f} missed={missed} wrong={false_positives}"
    )
    assert on_traps == []
    assert precision >= 0.97, false_positives
    assert recall >= 0.97, missed
    never_fetched, unrecorded_faults = page_coverage(tmp_path)
    right, total, field_misses = field_recall(tmp_path)
    print(f"seed {seed}: field recall {right}/{total} = {right / total:.4f}")
    assert never_fetched == set() and unrecorded_faults == set()
    assert right / total >= 0.99, field_misses
    assert trap_values(tmp_path, field_misses) == []
