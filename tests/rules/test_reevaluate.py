"""Re-judging a stored crawl: a changed rule setting re-scores, stored review summaries are reused."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import text
from sqlmodel import Session, select

from auditor.bench.evaluate import build
from auditor.judge.evaluate import evaluate_run
from auditor.spec import load_spec
from auditor.store.engine import make_engine
from auditor.store.tables import Scorecard

DAY = dt.date(2026, 11, 20)
MARK = text("UPDATE reviewsummary SET data = json_set(data, '$.marked', 1)")
MARKED = text("SELECT count(*) FROM reviewsummary WHERE json_extract(data, '$.marked') = 1")


def _overall(engine) -> dict[str, float | None]:
    with Session(engine) as session:
        return {c.location_id: c.overall for c in session.exec(select(Scorecard))}


def _marked(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(MARKED).scalar_one()


def test_switching_rules_off_rescores_and_reuses_the_review_summaries(tmp_path: Path) -> None:
    spec_path, db = build(tmp_path, 30)
    engine = make_engine(db)
    with engine.begin() as conn:  # every store's ten reviews 1-star: the reviews rules fail everywhere
        conn.execute(text("UPDATE review SET stars = 1"))
    evaluate_run(engine, load_spec(spec_path), run_id=1, today=DAY)
    overall = _overall(engine)
    with engine.begin() as conn:
        conn.execute(MARK)
    assert _marked(engine) > 0

    spec = spec_path.read_text()
    override = (
        "  rating_floor: 3.8\n  overrides:\n    - match: {region: NSW}\n"
        "      rules: {reviews.rating_floor: off, reviews.response_rate: off, reviews.recency: off,"
        " reviews.sentiment_floor: off, reviews.theme_alert: off}\n"
    )
    assert "  rating_floor: 3.8\n" in spec
    spec_path.write_text(spec.replace("  rating_floor: 3.8\n", override, 1))
    evaluate_run(engine, load_spec(spec_path), run_id=1, today=DAY)
    assert _overall(engine) != overall
    assert _marked(engine) > 0  # same run, same day: the summaries were not written again

    evaluate_run(engine, load_spec(spec_path), run_id=1, today=DAY + dt.timedelta(days=400))
    assert _marked(engine) == 0  # another day: days since the last review differ, so rewritten
