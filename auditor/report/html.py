"""The static HTML report: an overview, one page per region and one per store.

Jinja2 with autoescaping: everything crawled (review text, listing values, URLs) is shown as
text. No external assets, so the report opens offline and prints cleanly.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from statistics import mean

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from auditor.crawl.field_stats import field_quality
from auditor.report.charts import histogram, score_bar, sparkline
from auditor.store import queries
from auditor.store.tables import AuditRun, Finding

TREND_RUNS = 12


def slug(value: str) -> str:
    """A file-name-safe form of a store id or region name."""
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", str(value)).strip("-") or "x"


def _fmt(value: float | None, digits: int = 0) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.0f}%"


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("auditor.report", "templates"),
        autoescape=select_autoescape(["html", "j2"], default_for_string=True, default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["slug"] = slug
    env.globals.update(fmt=_fmt, pct=_pct, bar=score_bar)
    return env


def _brand_name(run: AuditRun) -> str:
    stats = json.loads(run.stats or "{}")
    return str(stats.get("brand") or "Brand")


def _safe_url(url: str) -> str:
    """Only http(s) links are made clickable; anything else (javascript:, data:) is dropped."""
    return url if url.startswith(("http://", "https://")) else ""


def write_html_report(
    engine: Engine, out_dir: Path, run_id: int | None = None, region: str | None = None
) -> Path:
    """Write index.html, regions/*.html and stores/*.html for a run; returns index.html's path."""
    out_dir = Path(out_dir)
    env = _environment()
    with Session(engine) as session:
        run = queries.run_or_latest(session, run_id)
        if run is None:
            raise LookupError(
                "no evaluated run in the database: run `auditor run` or `auditor evaluate` first"
            )
        previous = queries.previous_run(session, run.id)
        brand = _brand_name(run)
        names = {sid: loc.name for sid, loc in queries.locations(session).items()}
        cards = queries.scorecards(session, run.id, region)
        all_findings = queries.findings(session, run.id)
        if region:
            in_region = {c.location_id for c in cards}
            all_findings = [f for f in all_findings if f.location_id in in_region]
        for finding in all_findings:
            finding.url = _safe_url(finding.url)
        source_findings = [f for f in all_findings if not f.location_id]
        all_findings = [f for f in all_findings if f.location_id]
        counts = Counter(f.location_id for f in all_findings)
        top_fix: dict[str, Finding] = {}
        for finding in all_findings:
            best = top_fix.get(finding.location_id)
            if best is None or finding.points > best.points:
                top_fix[finding.location_id] = finding
        scored = [c.overall for c in cards if c.overall is not None]
        estate = queries.estate_trend(session, TREND_RUNS)
        estate_change = None
        if len(estate) >= 2 and estate[-1][1] is not None and estate[-2][1] is not None:
            estate_change = estate[-1][1] - estate[-2][1]
        diff = queries.diff_findings(session, previous.id, run.id) if previous else None
        if diff and region:
            diff.new = [f for f in diff.new if f.location_id in in_region]
            diff.resolved = [f for f in diff.resolved if f.location_id in in_region]
        common = {"brand": brand, "run": run, "previous": previous, "names": names}
        regions = [r for r in queries.region_summaries(session, run.id) if not region or r.region == region]

        out_dir.mkdir(parents=True, exist_ok=True)
        (out_dir / "regions").mkdir(exist_ok=True)
        (out_dir / "stores").mkdir(exist_ok=True)
        index = out_dir / "index.html"
        index.write_text(
            env.get_template("index.html.j2").render(
                **common,
                cards=cards,
                estate_mean=mean(scored) if scored else None,
                estate_change=estate_change,
                finding_count=len(all_findings),
                source_findings=source_findings,
                source_coverage=json.loads(run.stats or "{}").get("source_coverage") or {},
                diff=diff,
                distribution=histogram(scored),
                estate_spark=sparkline([v for _, v in estate]),
                regions=regions,
                worst=cards[:25],
                top_fix=top_fix,
                field_quality=field_quality(json.loads(run.stats or "{}")),
            ),
            encoding="utf-8",
        )
        by_region: dict[str, list] = {}
        for card in cards:
            by_region.setdefault(card.region or "(none)", []).append(card)
        histories = queries.trends(session, run.id, TREND_RUNS)
        sparks: dict[str, Markup] = {
            card.location_id: sparkline([v for _, v in histories.get(card.location_id, [])])
            for card in cards
        }
        for name, region_cards in by_region.items():
            (out_dir / "regions" / f"{slug(name)}.html").write_text(
                env.get_template("region.html.j2").render(
                    **common, region=name, cards=region_cards, counts=counts, sparks=sparks
                ),
                encoding="utf-8",
            )
        store_template = env.get_template("store.html.j2")
        locations = queries.locations(session)
        findings_by_store: dict[str, list[Finding]] = {}
        for finding in all_findings:
            findings_by_store.setdefault(finding.location_id, []).append(finding)
        summaries = queries.review_summaries(session, run.id)
        newest = queries.newest_reviews(session, 10)
        for card in cards:
            details = json.loads(card.details or "{}")
            summary = summaries.get(card.location_id, {})
            history = histories.get(card.location_id, [])
            (out_dir / "stores" / f"{slug(card.location_id)}.html").write_text(
                store_template.render(
                    **common,
                    card=card,
                    location=locations.get(card.location_id),
                    findings=sorted(findings_by_store.get(card.location_id, []), key=lambda f: -f.points),
                    journey=details.get("journey") or {},
                    gaps=details.get("gaps") or details.get("coverage_gaps") or [],
                    summary=summary,
                    themes=sorted(
                        (summary.get("themes") or {}).items(), key=lambda kv: -kv[1].get("negative", 0)
                    ),
                    reviews=newest.get(card.location_id, []),
                    spark=sparkline([v for _, v in history]),
                    trend_len=len(history),
                ),
                encoding="utf-8",
            )
    return index


def runs_exist(engine: Engine) -> bool:
    with Session(engine) as session:
        return session.exec(select(AuditRun.id).limit(1)).first() is not None
