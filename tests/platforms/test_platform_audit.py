"""Each platform preset audited against the mock APIs: every planted defect found, nothing else;
credential, quota and answer failures each one line and a coverage gap; findings-only retention."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

from tests.platforms.audit import preset_block, run_audit, write_spec
from tests.platforms.conftest import ENV, secret
from tests.platforms.server import MockPlatforms, MockServer
from tests.platforms.world import PLANTS, expected_findings, truth

pytestmark = [pytest.mark.server]


def test_every_preset_finds_its_planted_defects_and_nothing_else(tmp_path: Path, world, env) -> None:
    with MockServer(world) as server:
        spec = write_spec(tmp_path, world.stores, [preset_block(p) for p in PLANTS], server.proxy_url)
        audit = run_audit(spec, env)
    for platform in PLANTS:
        assert audit.found(platform) == expected_findings(platform, platform, world.stores), platform
        assert not audit.gaps(platform), platform
    seen = [{k.lower(): v for k, v in h.items()} for h in world.headers_seen]
    places = [h for h in seen if "x-goog-api-key" in h]
    assert places and all(h["x-goog-fieldmask"].startswith("id,displayName") for h in places)
    gbp = [h for h in seen if h.get("host") == "mybusinessbusinessinformation.googleapis.com"]
    assert gbp and all(h["authorization"] == f"Bearer {secret('google_business_profile')}" for h in gbp)


def test_credentials_quotas_and_bad_answers_are_one_line_gaps(tmp_path: Path, world: MockPlatforms,
                                                               env: dict[str, str]) -> None:
    ids = {s.store_id: s.ids for s in world.stores}
    world.faults.update({
        ("google_places", ids["SB-001"]["place_id"]): "429",  # once, then the answer
        ("google_places", ids["SB-006"]["place_id"]): "429_always",
        ("foursquare", ids["SB-001"]["fsq_id"]): "gone",
        ("foursquare", ids["SB-003"]["fsq_id"]): "malformed",
        ("foursquare", ids["SB-004"]["fsq_id"]): "cut",
        ("apple_business_connect", ids["SB-006"]["apple_location"]): "short",
        ("facebook", ids["SB-006"]["facebook_page"]): "gone",
    })  # fmt: skip
    env = dict(env)
    del env["GBP_ACCESS_TOKEN"]  # missing
    env["FACEBOOK_PAGE_TOKEN"] = "expired-token"  # expired (Graph: 400, code 190)
    world.tokens["facebook"] = "the-new-token"
    blocks = [preset_block(p) for p in ("google_business_profile", "google_places", "foursquare",
                                         "facebook", "apple_business_connect", "osm_overpass")]  # fmt: skip
    blocks.append(preset_block("foursquare", id="fsq_eu", credential="FSQ_EU_KEY", id_column="place_id"))
    env["FSQ_EU_KEY"] = "echoed-secret-999"  # wrong, and repeated in the platform's error
    with MockServer(world) as server:
        spec = write_spec(tmp_path, world.stores, blocks, server.proxy_url)
        audit = run_audit(spec, env)
    lines = [line for line in audit.stderr.splitlines() if "credential:" in line]
    assert len([line for line in lines if "GBP_ACCESS_TOKEN is not set" in line]) == 1
    assert len([line for line in lines if "rejected the credential in FSQ_EU_KEY" in line]) == 1
    assert len([line for line in lines if "Facebook expired the credential in FACEBOOK_PAGE_TOKEN" in line]) \
        == 1
    for platform in ("google_business_profile", "fsq_eu", "facebook"):
        gaps = audit.gaps(platform)
        assert len(gaps) == len(world.stores) and {g.outcome for g in gaps} == {"credential"}, platform
        assert ("", "coverage.source", platform) in audit.found(platform)
        assert {f.rule_id for f in audit.findings if f.source == platform} == {"coverage.source"}
    places = {g.location_id: g for g in audit.gaps("google_places")}
    assert list(places) == ["SB-006"] and places["SB-006"].outcome == "quota"
    assert "answered 429 Too Many Requests" in places["SB-006"].error
    assert "Retry-After 1 s" in places["SB-006"].error
    fsq = {g.location_id: (g.outcome, g.error) for g in audit.gaps("foursquare")}
    assert fsq["SB-001"][0] == "not_found" and "no listing at this id" in fsq["SB-001"][1]
    assert fsq["SB-003"][0] == "malformed" and "malformed JSON" in fsq["SB-003"][1]
    assert fsq["SB-004"][0] == "malformed" and "cut short" in fsq["SB-004"][1]
    apple = {g.location_id: g.outcome for g in audit.gaps("apple_business_connect")}
    assert apple == {"SB-006": "truncated"}
    assert {g.location_id: g.outcome for g in audit.gaps("facebook")}["SB-006"] == "credential"
    for gap in audit.fetches:  # one line each, and no secret anywhere
        assert "\n" not in (gap.error or "")
    # the gaps are not findings against those stores; the rest of the audit ran
    for platform, store in (("foursquare", "SB-001"), ("foursquare", "SB-003"), ("google_places", "SB-006")):
        assert not [f for f in audit.findings if f.source == platform and f.location_id == store]
    assert audit.found("osm_overpass") == expected_findings("osm_overpass", "osm_overpass", world.stores)
    planted = expected_findings("google_places", "google_places", world.stores)
    expected_places = {f for f in planted if f[0] != "SB-006"}
    assert audit.found("google_places") == expected_places
    everything = audit.stderr + audit.db.read_bytes().decode("latin-1")
    echoed = [g.error for g in audit.gaps("fsq_eu")]
    assert echoed and all("Invalid request token [redacted]" in e for e in echoed)
    for value in (secret("google_places"), secret("foursquare"), secret("apple_business_connect"),
                  "expired-token", "echoed-secret-999"):
        assert value not in everything


def test_daily_budget_gaps_and_the_next_night_starts_with_the_rest(tmp_path: Path, world, env) -> None:
    blocks = [preset_block("foursquare", daily_budget=2)]
    with MockServer(world) as server:
        spec = write_spec(tmp_path, world.stores, blocks, server.proxy_url)
        first = run_audit(spec, env)
        read = sorted(f.location_id for f in first.fetches if f.source == "foursquare" and not f.outcome)
        gaps = first.gaps("foursquare")
        assert read == ["SB-001", "SB-002"] and len(gaps) == 4 and {g.outcome for g in gaps} == {"quota"}
        assert "daily budget of 2 requests spent; 4 stores not checked" in gaps[0].error
        assert first.stderr.count("daily budget of 2 requests spent") == 1
        with sqlite3.connect(first.db) as db:  # the next night: today's requests were yesterday's
            db.execute("UPDATE fetch SET fetched_at = datetime(fetched_at, '-1 day')")
        second = run_audit(spec, env, db=first.db, today=dt.date(2026, 12, 2))
    read = sorted(f.location_id for f in second.fetches if f.source == "foursquare" and not f.outcome)
    assert read == ["SB-003", "SB-004"]


def test_findings_only_keeps_no_raw_value_in_the_database_or_report(tmp_path: Path, world, env) -> None:
    from auditor.report import write_html_report
    from auditor.store.engine import make_engine

    with MockServer(world) as server:
        spec = write_spec(tmp_path, world.stores, [preset_block("google_places")], server.proxy_url)
        audit = run_audit(spec, env)
    report = tmp_path / "report"
    write_html_report(make_engine(audit.db), report, run_id=audit.run_id)
    assert audit.found("google_places") == expected_findings("google_places", "google_places", world.stores)
    shown = world.shown["google_places"]
    raw = [f"{s.street}, {s.locality} {s.postcode}, UK" for s in world.stores]  # formattedAddress
    raw += [shown[s.store_id].phone for s in world.stores if shown[s.store_id].phone == truth(s, True).phone]
    files = [audit.db, *audit.db.parent.glob("audit.db-*"), *report.rglob("*")]
    text = "".join(p.read_bytes().decode("utf-8", "replace") for p in files if p.is_file())
    assert text and not [value for value in raw if value in text]
    planted = next(f for f in audit.findings if f.rule_id == "nap.phone")  # the finding keeps what it needs
    assert planted.observed in text


@pytest.mark.parametrize("platform", sorted(ENV))
def test_each_credential_is_read_only_from_its_variable(platform: str) -> None:
    from auditor.sources.presets import load_preset

    assert load_preset(platform)["credential"] == ENV[platform]


def test_a_roster_change_younger_than_the_grace_is_propagating(tmp_path: Path, world, env) -> None:
    blocks = [preset_block("foursquare", grace_days=3)]
    with MockServer(world) as server:
        spec = write_spec(tmp_path, world.stores, blocks, server.proxy_url)
        first = run_audit(spec, env)
        assert first.found("foursquare") == expected_findings("foursquare", "foursquare", world.stores)
        roster = tmp_path / "roster.csv"  # SB-001 gets a new number; Foursquare still shows the old one
        roster.write_text(roster.read_text().replace("01256 472471", "01256 472999"))
        second = run_audit(spec, env, db=first.db, today=dt.date(2026, 12, 2))
    found = {(f.location_id, f.rule_id): f for f in second.findings if f.source == "foursquare"}
    moved = found[("SB-001", "nap.phone")]
    assert moved.severity == "info"
    assert moved.message.startswith("propagating: the roster changed phone 0 day(s)")
    old = found[("SB-005", "nap.phone")]  # wrong before the change: no grace
    assert old.severity == "error" and not old.message.startswith("propagating")
    with sqlite3.connect(first.db) as db:
        assert db.execute("SELECT changed FROM rosterchange WHERE store_id = 'SB-001' AND field = 'phone'"
                          ).fetchone() == ("2026-12-02",)  # fmt: skip


def test_platform_reviews_are_read_with_stars_dates_and_replies(tmp_path: Path, world, env) -> None:
    from sqlmodel import Session, select

    from auditor.store.engine import make_engine
    from auditor.store.tables import Review

    blocks = [preset_block("google_business_profile_reviews")]
    with MockServer(world) as server:
        spec = write_spec(tmp_path, world.stores, blocks, server.proxy_url)
        audit = run_audit(spec, env)
    assert not audit.gaps("google_business_profile_reviews")
    with Session(make_engine(audit.db)) as session:
        reviews = session.exec(select(Review)).all()
    google = sorted((r.location_id, r.stars, str(r.date), bool(r.reply)) for r in reviews
                    if r.source.startswith("google") and r.location_id == "SB-002")  # fmt: skip
    assert google == [("SB-002", 2.0, "2026-11-22", False), ("SB-002", 4.0, "2026-11-11", False),
                      ("SB-002", 5.0, "2026-11-28", True)]  # fmt: skip
    google_all = [r for r in reviews if r.source.startswith("google")]
    assert len({r.location_id for r in google_all}) == len(world.stores)
    assert all(r.date is not None and not json.loads(r.problems or "{}") for r in reviews)


def test_a_whole_account_read_page_by_page_and_matched_by_store_code(tmp_path: Path, world, env) -> None:
    blocks = [preset_block("google_business_profile_account", id="gbp", page_size=2,
                           categories=["Coffee shop"])]  # fmt: skip
    with MockServer(world) as server:
        spec = write_spec(tmp_path, world.stores, blocks, server.proxy_url)
        audit = run_audit(spec, env)
    pages = sorted(f.url for f in audit.fetches if f.source == "gbp")
    assert len(pages) == 3 and all("pageSize=2" in url for url in pages)
    assert sum("pageToken=" in url for url in pages) == 2
    assert not audit.gaps("gbp")
    assert audit.found("gbp") == expected_findings("google_business_profile", "gbp", world.stores)
