# ruff: noqa: E501 (specs, one a line)
"""Preset blocks: every shipped preset expands into a valid source; mistakes are one line naming
the key; a secret written where its variable's name belongs is refused without being repeated;
a new JSON platform is one YAML preset and one converter module."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from auditor.sources.presets import preset_names
from auditor.spec import SpecError, load_spec
from tests.platforms.audit import ROOT, preset_block
from tests.platforms.world import load_stores, write_roster

SPEC = {"version": 1, "brand": {"name": "Starbucks"}, "country": "GB", "regions": ["ENG"], "roster": "roster.csv"}


def write(folder: Path, blocks: list[dict]) -> Path:
    write_roster(folder, load_stores())
    path = folder / "brand.yaml"
    path.write_text(yaml.safe_dump({**SPEC, "sources": blocks}, sort_keys=False), encoding="utf-8")
    return path


def test_every_shipped_preset_expands_into_a_valid_source(tmp_path: Path) -> None:
    assert len(preset_names()) == 9  # seven listing platforms; Google reviews; a whole Google account
    spec = load_spec(write(tmp_path, [preset_block(name) for name in preset_names()]))
    by_id = {s.id: s for s in spec.sources}
    assert sorted(by_id) == preset_names()
    gbp = by_id["google_business_profile"]
    assert gbp.url_template.startswith("http://mybusinessbusinessinformation.googleapis.com/v1/{google_location}")
    assert gbp.platform.credential == "GBP_ACCESS_TOKEN" and gbp.platform.auth == "bearer"
    assert gbp.adapter.type == "platform" and gbp.adapter.convert["hours"] == "google_business_profile.hours"
    places = by_id["google_places"].platform
    assert places.store == "findings_only" and "regularOpeningHours" in places.headers["X-Goog-FieldMask"]
    assert "Q37158" in by_id["osm_overpass"].start_urls[0] and by_id["osm_overpass"].platform.credential is None


def test_a_block_overrides_id_column_credential_quotas_and_retention(tmp_path: Path) -> None:
    block = preset_block("foursquare", id="fsq_uk", id_column="place_id", credential="FSQ_UK_KEY", rate_limit=2,
                         daily_budget=100, store="findings_only", grace_days=2)  # fmt: skip
    source = load_spec(write(tmp_path, [block])).sources[0]
    assert source.id == "fsq_uk" and "/v3/places/{place_id}?" in source.url_template
    assert (source.platform.credential, source.platform.rate_limit, source.platform.daily_budget) == \
        ("FSQ_UK_KEY", 2, 100)
    assert source.platform.store == "findings_only" and source.platform.grace_days == 2


@pytest.mark.parametrize(("block", "message"), [
    ({"preset": "foursquar"}, "sources[0]: unknown preset 'foursquar' (use one of: alltheplaces,"),
    ({"preset": "foursquare", "api_key": "x"}, "sources[0]: unknown key 'api_key' in a 'foursquare' preset block"),
    ({"preset": "osm_overpass"}, "sources[0]: the 'osm_overpass' preset needs 'wikidata'"),
    ({"preset": "foursquare", "store": "forever"}, "store"),
    ({"preset": "foursquare", "credential": "Bearer abc.DEF-123"}, "never the secret itself"),
])  # fmt: skip
def test_mistakes_are_one_line_naming_the_key(tmp_path: Path, block: dict, message: str) -> None:
    with pytest.raises(SpecError) as caught:
        load_spec(write(tmp_path, [block]))
    text = str(caught.value)
    assert message in text and len(text.splitlines()) == 1 and "brand.yaml:" in text
    assert "abc.DEF-123" not in text


TRIPBOOK = """\
# TripBook venues API: one venue per store, a key in X-Api-Key.
title: TripBook
id_column: store_id
credential: TRIPBOOK_KEY
auth: header
auth_header: X-Api-Key
base_url: http://api.tripbook.example
url: "{base_url}/v2/venues/{id}"
adapter:
  records: "[venue]"
  fields:
    name: title
    phone: contact.phone
    hours: openingTimes
    status: state
  convert:
    hours: tripbook_convert:hours
    status: tripbook_convert:status
"""
TRIPBOOK_CONVERT = '''\
"""TripBook: openingTimes as {"monday": "09:00-17:00", ...}; state LIVE / PAUSED / GONE."""

DAYS = {"monday": "Mo", "tuesday": "Tu", "wednesday": "We", "thursday": "Th", "friday": "Fr",
        "saturday": "Sa", "sunday": "Su"}


def hours(value):
    return "; ".join(f"{DAYS[day]} {times}" for day, times in value.items()) if value else None


def status(value):
    return {"LIVE": "open", "PAUSED": "temporarily_closed", "GONE": "closed"}.get(value)
'''


def test_a_new_json_platform_is_one_preset_file_and_one_converter_module(tmp_path: Path) -> None:
    import json

    from tests.crawl.server import ProxyServer, VirtualHosts
    from tests.platforms.audit import run_audit

    (tmp_path / "tripbook.yaml").write_text(TRIPBOOK, encoding="utf-8")
    (tmp_path / "tripbook_convert.py").write_text(TRIPBOOK_CONVERT, encoding="utf-8")
    stores = load_stores()
    hosts = VirtualHosts()
    hosts.add("http://api.tripbook.example/robots.txt", "", status=404)
    for index, store in enumerate(stores):
        days = {"monday": "07:00-19:00", "tuesday": "07:00-19:00", "wednesday": "07:00-19:00",
                "thursday": "07:00-19:00", "friday": "07:00-19:00", "saturday": "08:00-18:00",
                "sunday": "09:00-17:00"} if index % 3 == 0 else {}  # fmt: skip
        venue = {"title": store.name, "contact": {"phone": store.phone}, "openingTimes": days,
                 "state": "PAUSED" if index == 3 else "LIVE"}  # fmt: skip
        hosts.add(f"http://api.tripbook.example/v2/venues/{store.store_id}", json.dumps({"venue": venue}),
                  content_type="application/json")  # fmt: skip
    sys.path.insert(0, str(tmp_path))
    try:
        with ProxyServer(hosts) as server:
            from tests.platforms.audit import write_spec

            spec = write_spec(tmp_path, stores, [{"preset": "tripbook.yaml"}], server.proxy_url)
            audit = run_audit(spec, {"TRIPBOOK_KEY": "tb-key-123", "PYTHONPATH": f"{tmp_path}:{ROOT}"})
    finally:
        sys.path.remove(str(tmp_path))
    assert audit.found("tripbook") == {(stores[3].store_id, "status.shown_closed", "tripbook")}
    assert not audit.gaps("tripbook")
    assert subprocess.run([sys.executable, "-c", "import auditor"], cwd=ROOT).returncode == 0
