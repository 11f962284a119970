"""A brand in three countries crawled on directories that cover some of them (tests/crawl/country_world):
listings read with their source's countries, stores expected only where a source covers them, a
source that matched no store of one country noted once, and a listing matched by its phone and
address although it links to another store's page."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlmodel import Session, select

from auditor.judge.evaluate import evaluate_run
from auditor.spec import load_spec
from auditor.store.engine import make_engine
from auditor.store.tables import AuditRun, Finding, Observation, Scorecard
from tests.crawl.country_world import build_world, write_spec
from tests.crawl.server import ProxyServer
from tests.crawl.test_crawl_world import crawl

pytestmark = [pytest.mark.server, pytest.mark.slow]


@pytest.fixture(scope="module")
def audited(tmp_path_factory):
    folder = tmp_path_factory.mktemp("nordwood")
    world = build_world()
    with ProxyServer(world) as server:
        spec_path = write_spec(folder, server.proxy_url)
        db = folder / "audit.db"
        run_id = crawl(spec_path, db)
        spec = load_spec(spec_path)
        engine = make_engine(db)
        evaluate_run(engine, spec, run_id=run_id, today=dt.date(2026, 11, 20))
        from auditor.commands.check import check_page

        checked = check_page("http://katalog.example/no/butikker/0", spec)
    with Session(engine) as session:
        findings = list(session.exec(select(Finding)))
        observations = list(session.exec(select(Observation)))
        cards = {c.location_id: json.loads(c.details) for c in session.exec(select(Scorecard))}
        stats = json.loads(session.get(AuditRun, run_id).stats)
    return {"findings": findings, "observations": observations, "cards": cards, "stats": stats,
            "checked": checked}  # fmt: skip


def _of(audited, rule: str) -> list[tuple[str, str]]:
    return sorted((f.location_id, f.source) for f in audited["findings"] if f.rule_id == rule)


def test_listings_are_read_with_their_sections_country(audited):
    phones = {(o.source, o.raw): json.loads(o.normalised) for o in audited["observations"]
              if o.field == "phone" and o.normalised}  # fmt: skip
    assert phones[("katalog-no", "22 55 90 10")] == "+4722559010"  # a competitor: no store to borrow from
    assert phones[("katalog-se", "018-555 10 10")] == "+46185551010"
    # the swapped digits are reported against the Oslo store, read as a Norwegian number
    wrong = [f for f in audited["findings"] if f.rule_id == "nap.phone"]
    shown = [(f.location_id, f.source, f.observed) for f in wrong]
    assert shown == [("NW-NO-1", "katalog-no", "22 55 15 00")]


def test_a_listing_of_several_countries_matches_in_the_country_it_fits(audited):
    """Oslo's 0159 and København's 1620 fit both Norway and Denmark: each listing is read with
    the covered countries in turn until one reading matches a store, then with that store's."""
    matched = {o.location_id for o in audited["observations"] if o.source == "norden"}
    assert matched == {"NW-SE-1", "NW-SE-2", "NW-SE-3", "NW-NO-1", "NW-NO-2", "NW-DK-1"}
    phones = {o.location_id: json.loads(o.normalised) for o in audited["observations"]
              if o.source == "norden" and o.field == "phone"}  # fmt: skip
    assert phones["NW-DK-1"] == "+4533556100" and phones["NW-NO-1"] == "+4722555100"
    assert not [f for f in audited["findings"] if f.source == "norden"]


def test_stores_are_expected_only_where_a_source_covers_them(audited):
    assert _of(audited, "coverage.presence") == []
    assert _of(audited, "coverage.source") == []
    gaps = audited["cards"]["NW-DK-1"]["gaps"]
    assert not [g for g in gaps if " at katalog-" in g]  # not even a note: Denmark is not covered there
    notes = audited["stats"]["source_coverage"]
    assert notes["katalog-se"].startswith("katalog-se covers SE (3 open roster stores)")
    assert notes["katalog-no"].startswith("katalog-no covers NO (2 open roster stores)")


def test_a_country_a_source_never_matched_is_one_note_and_gaps(audited):
    note = audited["stats"]["source_coverage"]["guide"]
    assert note.startswith("guide matched no store in DK (1 roster store) while it matched stores elsewhere")
    assert "set `countries:`" in note
    gaps = audited["cards"]["NW-DK-1"]["gaps"]
    assert any(g.startswith("coverage.presence at guide: guide matched no store in DK") for g in gaps)
    assert "rate" not in audited["stats"]["source_coverage"]  # it lists every store


def test_a_listing_linking_to_another_stores_page_is_matched_by_phone_and_address(audited):
    rated = {(f.location_id, f.rule_id) for f in audited["findings"] if f.source == "rate"}
    assert rated == {("NW-SE-2", "nap.website")}
    wrong_link = next(f for f in audited["findings"] if f.rule_id == "nap.website")
    assert wrong_link.observed == "http://www.nordwood.example/se/stockholm"
    assert wrong_link.message.endswith("(the page of store NW-SE-1)")


def test_check_reads_a_section_page_with_its_own_source(audited):
    rows = audited["checked"]
    assert [(r["store"], r["rule"]) for r in rows] == [("NW-NO-1", "nap.phone")]
    assert rows[0]["message"].startswith("katalog-no lists 22 55 15 00")
