"""Judging a stored run whose sources are broken: one finding per source, gaps for its stores.

The database is built directly (auditor.bench.evaluate.build: the demo brand's roster, each store
seen on the site and four directories, ten reviews per store), then broken the way real crawls
break: a directory whose adapter read nothing from its pages, a directory robots.txt closed to the
crawl, a review site that shows no owner replies, undated reviews.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from sqlalchemy import insert, text
from sqlmodel import Session, select

from auditor.bench.evaluate import build
from auditor.judge.evaluate import evaluate_run
from auditor.spec import load_spec
from auditor.store.engine import make_engine
from auditor.store.tables import Fetch, Finding, Scorecard

DAY = dt.date(2026, 11, 20)


def _findings(engine) -> list[Finding]:
    with Session(engine) as session:
        return list(session.exec(select(Finding)))


def _gaps(engine) -> list[str]:
    with Session(engine) as session:
        return [g for c in session.exec(select(Scorecard)) for g in json.loads(c.details)["gaps"]]


def test_broken_sources_are_one_finding_each_and_their_stores_get_gaps(tmp_path: Path) -> None:
    spec_path, db = build(tmp_path, 20)
    engine = make_engine(db)
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM observation WHERE source IN ('yellowbook', 'mapdir')"))
        conn.execute(text("UPDATE review SET reply = NULL, date = NULL"))
    pages = [
        {
            "run_id": 1,
            "source": "yellowbook",
            "url": f"http://yellowbook.example/furniture?page={i}",
            "status": 200,
        }
        for i in range(15)
    ]
    robots = "robots: Disallow: / (http://mapdir.example/robots.txt)"
    dropped = [
        {
            "run_id": 1,
            "source": "mapdir",
            "url": f"http://mapdir.example/places?page={i}",
            "status": None,
            "error": robots,
        }
        for i in range(3)
    ]
    with engine.begin() as conn:
        conn.execute(insert(Fetch), pages)
        conn.execute(insert(Fetch), dropped)
    evaluate_run(engine, load_spec(spec_path), run_id=1, today=DAY)

    findings = _findings(engine)
    by_source = {f.source: f for f in findings if f.rule_id == "coverage.source"}
    assert set(by_source) == {"yellowbook", "mapdir"}
    assert all(f.location_id == "" for f in by_source.values())
    assert by_source["yellowbook"].observed.startswith("0 listings read from 15 pages; try `auditor extract")
    assert "robots.txt forbids the crawl" in by_source["mapdir"].observed
    # not one store is "not listed" on the broken sources, and nothing is judged on missing replies or dates
    assert [f for f in findings if f.rule_id == "coverage.presence"] == []
    assert [f for f in findings if f.rule_id in ("reviews.response_rate", "reviews.recency")] == []
    gaps = _gaps(engine)
    assert any("coverage.presence at yellowbook: yellowbook could not be judged" in g for g in gaps)
    assert any("reviews.response_rate at reviewhub: reviewhub shows no owner replies" in g for g in gaps)
    assert any("reviews.recency at reviewhub: reviewhub shows no review dates" in g for g in gaps)


def test_a_healthy_estate_has_no_source_finding(tmp_path: Path) -> None:
    spec_path, db = build(tmp_path, 12)
    engine = make_engine(db)
    evaluate_run(engine, load_spec(spec_path), run_id=1, today=DAY)
    assert [f for f in _findings(engine) if f.rule_id == "coverage.source"] == []


def test_replies_are_inferred_per_country_when_a_source_spans_several() -> None:
    """A review site whose NL pages carry no reply block at all: NL stores get a coverage note,
    the DE stores that show replies elsewhere are still judged."""
    from auditor.judge.checks.base import Evidence, SourceFacts

    facts = SourceFacts(
        "reviews", "reviews", reviews=40, rated=40, dated=40, replied=9,
        review_countries={"DE": (30, 30, 30, 9), "NL": (10, 10, 10, 0)},
    )  # fmt: skip
    spec = type("S", (), {"country": "DE", "sources": []})()
    nl = Evidence(store={"store_id": "N1", "country": "NL"}, spec=spec, facts={"reviews": facts})
    de = Evidence(store={"store_id": "D1", "country": "DE"}, spec=spec, facts={"reviews": facts})
    assert nl.carries("reviews", "replies") is False
    assert de.carries("reviews", "replies") is True
    assert nl.carries("reviews", "stars") is True
    only_nl = {"NL": (10, 10, 10, 0)}
    one_country = SourceFacts("reviews", "reviews", reviews=10, replied=0, review_countries=only_nl)
    assert one_country.carries("replies", "NL") is False
    declared = SourceFacts("reviews", "reviews", reviews=10, declared={"replies": True},
                           review_countries={"DE": (5, 5, 5, 1), "NL": (5, 5, 5, 0)})  # fmt: skip
    assert declared.carries("replies", "NL") is True
