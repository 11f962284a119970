"""Finding messages read as sentences when a value is absent: the shipped rules' templates filled
with what the checks report (no "shows holiday hours none shown", no "none set for")."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from auditor.demo import generate
from auditor.judge.checks.base import Evidence, Seen
from auditor.judge.evaluate import judge_location
from auditor.judge.rules import load_rule_packs
from auditor.spec import DEFAULT_RULES_DIR, Spec, default_rule_packs, load_spec


@pytest.fixture(scope="module")
def spec(tmp_path_factory: pytest.TempPathFactory) -> Spec:
    return load_spec(generate(tmp_path_factory.mktemp("world"), locations=6, seed=5).spec)


def messages(spec: Spec, source: str, fields: dict[str, Seen], packs: list[Path] | None = None,
             **store: str) -> dict[str, str]:  # fmt: skip
    entry = next(e for e in spec.roster if e.status == "open").model_dump()
    evidence = Evidence(store={**entry, **store}, spec=spec, observed={source: {"page": fields}})
    evidence.today = dt.date(2026, 12, 20)
    findings, _card = judge_location(evidence, load_rule_packs(packs or default_rule_packs()), spec)
    return {f["rule_id"]: f["message"] for f in findings if f["source"] == source}


def test_holiday_hours_left_off_a_page(spec: Spec) -> None:
    hours = Seen("Mo-Fr 09:00-17:30", None, "http://www.furnco.example/stores/a/")
    shown = messages(spec, "site", {"hours": hours, "holiday_hours": Seen("none", {}, hours.url)},
                     holiday_hours="2026-12-25 closed")  # fmt: skip
    assert shown["hours.holiday"] == "site's holiday hours: none; the roster says 2026-12-25 closed"


def test_an_upcoming_holiday_a_listing_gives_no_hours_for(spec: Spec, tmp_path: Path) -> None:
    pack = tmp_path / "hours.yml"  # the shipped pack, judging every listing (not platforms only)
    text = (DEFAULT_RULES_DIR / "hours.yml").read_text(encoding="utf-8")
    pack.write_text(text.replace("platforms_only: true", "platforms_only: false"), encoding="utf-8")
    listing = next(s.id for s in spec.sources if s.kind == "listing")
    url = f"http://{listing}.example/a"
    shown = messages(spec, listing, {"holiday_hours": Seen("2026-12-26 closed", {"2026-12-26": []}, url)},
                     [pack], holiday_hours="")  # fmt: skip
    assert shown["hours.holiday_ahead"].startswith(f"{listing} has no hours for an upcoming public holiday: ")
    assert "none set" not in shown["hours.holiday_ahead"]
