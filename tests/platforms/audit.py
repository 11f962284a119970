"""Audit the platform world: write brand.yaml with preset blocks, crawl through the mock server in
a subprocess (credentials in its environment only), evaluate, and read findings and gaps."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from sqlmodel import Session, select

from auditor.store.engine import make_engine
from auditor.store.tables import Fetch, Finding
from tests.platforms.world import HOSTS, Store, write_roster

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 12, 1)


def preset_block(platform: str, **extra: Any) -> dict[str, Any]:
    """The block a user copies from docs/sources.md, pointed at the mock host over plain http."""
    host = HOSTS["google_business_profile" if platform == "google_business_profile_account" else platform]
    block: dict[str, Any] = {"preset": platform, "base_url": f"http://{host}"}
    if platform == "osm_overpass":
        block["wikidata"] = "Q37158"
    if platform == "alltheplaces":
        block["spider"] = "starbucks_gb"
    if platform in ("google_business_profile_reviews", "google_business_profile_account"):
        block["account_id"] = "990001"
    if platform == "apple_business_connect":
        block["company_id"] = "990001"
    if platform in ("google_business_profile", "google_places"):
        block["categories"] = ["Coffee shop"]  # the category the brand chose on Google
    block.update(extra)
    return block


def write_spec(folder: Path, stores: list[Store], blocks: list[dict[str, Any]], proxy: str) -> Path:
    write_roster(folder, stores)
    spec = {
        "version": 1,
        "brand": {"name": "Starbucks", "domains": [], "contact": "audits@starbucks.example"},
        "country": "GB",
        "regions": ["ENG"],
        "roster": "roster.csv",
        "sources": blocks,
        "crawl": {"proxy": proxy, "allow_private": ["127.0.0.1"], "retries": 0, "download_timeout": 5,
                  "user_agent": "StarbucksAuditor/0.1 (+mailto:audits@starbucks.example)"},
        "rules": ["default"],
    }  # fmt: skip
    path = folder / "brand.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    return path


@dataclass
class Audit:
    run_id: int
    db: Path
    stderr: str
    findings: list[Finding]
    fetches: list[Fetch]

    def found(self, source: str | None = None) -> set[tuple[str, str, str]]:
        return {(f.location_id or "", f.rule_id, f.source) for f in self.findings
                if source is None or f.source == source}  # fmt: skip

    def gaps(self, source: str) -> list[Fetch]:
        return [f for f in self.fetches if f.source == source and f.outcome]


def run_audit(spec: Path, env: dict[str, str], db: Path | None = None, today: dt.date = TODAY) -> Audit:
    """Crawl (a subprocess, with ``env`` added to a clean environment) and evaluate."""
    from auditor.judge.evaluate import evaluate_run
    from auditor.spec import load_spec

    db = db or spec.parent / "audit.db"
    clean = {k: v for k, v in os.environ.items() if not k.endswith(("_TOKEN", "_KEY"))}
    done = subprocess.run(
        [sys.executable, "-m", "auditor.crawl.runner", str(spec), str(db), "--loopback", "--quiet"],
        cwd=ROOT, capture_output=True, text=True, timeout=180, env={**clean, **env},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    run_id = int(done.stdout.split()[-1])
    engine = make_engine(db)
    evaluate_run(engine, load_spec(spec), run_id=run_id, today=today)
    with Session(engine) as session:
        findings = list(session.exec(select(Finding).where(Finding.run_id == run_id)).all())
        fetches = list(session.exec(select(Fetch).where(Fetch.run_id == run_id)).all())
    engine.dispose()
    return Audit(run_id, db, done.stderr, findings, fetches)
