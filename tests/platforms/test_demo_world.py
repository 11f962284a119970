"""The demo's platform world: a variant world whose brand is also on Google, Foursquare, Facebook,
Apple and OpenStreetMap, served by the demo server, with its truth covering the platforms."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from auditor.demo.platforms import HOSTS, generate_platform_world, preset_blocks, request_url
from auditor.demo.world import url_file


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory):
    return generate_platform_world(tmp_path_factory.mktemp("platform-world") / "w")


def test_the_truth_covers_every_platform_with_the_listing_defects_users_meet(world) -> None:
    truth = json.loads(world.ground_truth.read_text(encoding="utf-8"))
    planted = {(d["source"], d["kind"]) for d in truth["defects"] if d["source"] in HOSTS}
    assert {source for source, _kind in planted} == set(HOSTS)
    for wanted in [("google_business_profile", "google_updated"),  # an edit Google made itself...
                   ("google_business_profile", "google_edited_hours"),  # ...to the hours
                   ("google_business_profile", "temporarily_closed_shown_open"),
                   ("google_business_profile", "missing_holiday_hours"),
                   ("google_business_profile", "wrong_category"),
                   ("apple_business_connect", "upcoming_holiday_unset"),  # California, 27 November
                   ("osm_overpass", "wrong_phone")]:  # fmt: skip
        assert wanted in planted, wanted
    traps = {(t["source"], t["kind"]) for t in truth["traps"] if t["source"] in HOSTS}
    assert ("google_places", "phone_international") in traps and ("apple_business_connect",
                                                                  "phone_international") in traps
    assert ("google_places", "formatted_address") in traps and ("osm_overpass", "address_tags") in traps
    assert ("google_places", "special_days_next_week_only") in traps  # Christmas is not shown yet
    assert ("google_places", "missing_holiday_hours") in planted  # Thanksgiving, within the week
    absent = {(a["source"], a["field"]) for a in truth["absent"]}
    assert absent >= {("foursquare", "holiday_hours"), ("facebook", "holiday_hours"),
                      ("osm_overpass", "holiday_hours")}  # fmt: skip
    assert "google_places" not in truth["shown"] and truth["findings_only"] == ["google_places"]


def test_every_request_the_presets_make_has_its_answer_on_the_demo_server(world) -> None:
    import csv

    rows = list(csv.DictReader(world.roster.open(encoding="utf-8")))
    blocks = {b["preset"]: b for b in preset_blocks("Bean & Leaf")}
    for platform, block in blocks.items():
        urls = [request_url(block)] if platform == "osm_overpass" else [request_url(block, r) for r in rows]
        for url in urls:
            answer = url_file(world.world_dir, url)
            assert answer.is_file(), (platform, url)
            json.loads(answer.read_text(encoding="utf-8"))
    spec = world.spec.read_text(encoding="utf-8")
    assert all(f"preset: \"{p}\"" in spec for p in HOSTS) and "TOKEN" not in spec and "KEY" not in spec


@pytest.mark.server
def test_the_platform_world_audited_finds_every_planted_defect_and_no_trap(tmp_path: Path) -> None:
    from auditor.quality.worlds import audit_world

    score = audit_world(8, tmp_path, platforms=True)
    assert not score.failure, score.failure
    assert (score.found, score.right) == (score.planted, score.findings), (score.missed, score.wrong)
    assert not score.on_traps and not score.on_absent and score.noted == score.to_note
    assert not score.never_read, score.never_read
    truth = json.loads((tmp_path / "world-8-platforms" / "ground_truth.json").read_text(encoding="utf-8"))
    assert score.planted == len(truth["defects"]) and len([d for d in truth["defects"]
                                                           if d["source"] in HOSTS]) >= 20  # fmt: skip


@pytest.mark.server
def test_auditor_demo_platforms_reports_every_platform_and_keeps_no_places_content(tmp_path: Path) -> None:
    import os
    import sqlite3
    import subprocess
    import sys

    from auditor.demo.platforms import CREDENTIALS

    env = {k: v for k, v in os.environ.items() if k not in CREDENTIALS and k != "DATABASE_URL"}
    command = [str(Path(sys.executable).parent / "auditor"), "demo", "--platforms", "--out", str(tmp_path),
               "--no-progress"]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, env=env)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    with sqlite3.connect(tmp_path / "demo.db") as db:
        sources = {row[0] for row in db.execute("SELECT DISTINCT source FROM finding")}
        kept = db.execute("SELECT COUNT(*) FROM observation WHERE source = 'google_places'").fetchone()[0]
    assert set(HOSTS) <= sources and kept == 0  # Places: findings only
    places = [p for p in (tmp_path / "world" / HOSTS["google_places"]).rglob("*") if p.is_file()]
    shown = [json.loads(p.read_text(encoding="utf-8"))["formattedAddress"] for p in places]
    only_places = [a for a in shown if " St" in a]  # Google's abbreviated form: no other source writes it
    files = [tmp_path / "demo.db", *(tmp_path / "report").rglob("*")]
    text = "".join(p.read_bytes().decode("utf-8", "replace") for p in files if p.is_file())
    assert len(only_places) >= 5 and not [address for address in only_places if address in text]
