"""Fill a real SQLite file with runs, scorecards, findings and reviews for report tests."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from sqlalchemy.engine import Engine

from auditor.store.engine import make_engine, session_scope
from auditor.store.tables import AuditRun, Finding, Location, Review, ReviewSummary, Scorecard

HOSTILE = "Great sofa <script>alert('x')</script> and <img src=x onerror=alert(1)> lovely staff"


def finding(run_id: int, store: str, rule: str, source: str, points: float, **extra) -> Finding:
    return Finding(
        run_id=run_id,
        location_id=store,
        rule_id=rule,
        severity=extra.get("severity", "error"),
        category=extra.get("category", "listings"),
        source=source,
        field=extra.get("field", "phone"),
        expected=extra.get("expected", "+61298765432"),
        observed=extra.get("observed", "+61298765000"),
        url=extra.get("url", f"http://{source}.example/biz/{store}"),
        message=extra.get("message", f"{source} lists the wrong phone"),
        points=points,
        fingerprint=f"{store}|{rule}|{source}",
    )


def build(path: Path) -> Engine:
    """Two evaluated runs: run 2 fixes one finding of run 1 and adds a new one."""
    engine = make_engine(path)
    with session_scope(engine) as session:
        for store, region, name in (
            ("FC-00001", "NSW", "Furn.Co Parramatta"),
            ("FC-00002", "NSW", "Furn.Co Penrith"),
            ("FC-00003", "VIC", "Furn.Co Richmond"),
        ):
            session.add(Location(store_id=store, name=name, region=region))
        for run_id in (1, 2):
            session.add(
                AuditRun(
                    id=run_id,
                    status="complete",
                    evaluated=dt.datetime(2026, 11, run_id, tzinfo=dt.UTC),
                    started=dt.datetime(2026, 11, run_id, tzinfo=dt.UTC),
                    stats=json.dumps({"brand": "Furn.Co"}),
                )
            )
        session.flush()
        for run_id, scores in ((1, (60.0, 85.0, 95.0)), (2, (55.0, 92.0, 95.0))):
            for store, region, overall in zip(
                ("FC-00001", "FC-00002", "FC-00003"), ("NSW", "NSW", "VIC"), scores, strict=True
            ):
                session.add(
                    Scorecard(
                        run_id=run_id,
                        location_id=store,
                        region=region,
                        overall=overall,
                        grade="A" if overall >= 90 else "B" if overall >= 80 else "F",
                        listings=overall,
                        site=90.0,
                        reviews=None,
                        coverage=100.0,
                        details=json.dumps(
                            {"journey": {"awareness": {"score": overall, "touchpoints": ["listing"]}}}
                        ),
                    )
                )
        session.add(finding(1, "FC-00001", "nap.phone", "yellowbook", 6.0))
        session.add(finding(1, "FC-00002", "nap.website", "localpages", 3.0, field="website"))
        session.add(finding(2, "FC-00001", "nap.phone", "yellowbook", 6.0))
        session.add(
            finding(
                2,
                "FC-00001",
                "identity.palette",
                "site",
                4.0,
                category="site",
                observed="<b>#ff0000</b>",
                url="javascript:alert(1)",
            )
        )
        session.add(
            Review(
                source="reviewhub",
                location_id="FC-00001",
                key="r1",
                first_run_id=1,
                last_seen_run_id=2,
                author="<i>Mallory</i>",
                stars=5,
                text=HOSTILE,
                date=dt.date(2026, 11, 1),
                analyzed=True,
                label="positive",
                polarity=0.6,
            )
        )
        session.add(
            ReviewSummary(
                run_id=2,
                location_id="FC-00001",
                data=json.dumps(
                    {
                        "mean_stars": 4.2,
                        "mean_sentiment": 0.3,
                        "share_negative": 0.1,
                        "response_rate": 0.5,
                        "negative_response_rate": 0.0,
                        "days_since_last_review": 3,
                        "themes": {"delivery": {"mentions": 4, "negative": 3, "mean": -0.4}},
                    }
                ),
            )
        )
    return engine
