"""Names, addresses and pages of one store in several languages and scripts (nap.name, nap.address,
nap.website): a value in another script than the roster's is compared with what the roster gives in
that script, else by what both can show, else it is a coverage note; never a finding by itself.

Brand names in two scripts are real: every brand of the name-suggestion-index (tests/data/brands,
BSD-3) with an English name and a name in another script (Han, Kana, Hangul, Cyrillic, Hebrew ...).
"""

from __future__ import annotations

import csv
import itertools
from pathlib import Path

import pytest

from auditor.crawl.fields import normalise_field
from auditor.judge.checks.base import Evidence, Seen
from auditor.judge.checks.field_match import check
from auditor.judge.rules import load_rule_packs
from auditor.normalise.scripts import family, main_script, numbers, scripts
from auditor.spec import Spec

NSI = Path(__file__).parents[1] / "data" / "brands" / "nsi_brands_flat.csv"


def _two_scripts() -> list[tuple[str, str]]:
    """(English name, name in another script) of every NSI brand that has both."""
    pairs = []
    with NSI.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            tags = dict(t.split("=", 1) for t in row["other_name_tags"].split("|") if "=" in t)
            english = tags.get("name:en", "")
            if main_script(english) != "Latin":
                continue
            for key, value in tags.items():
                if key.startswith("name:") and main_script(value) not in ("Latin", ""):
                    pairs.append((english, value))
    return sorted(set(pairs))


PAIRS = _two_scripts()


@pytest.fixture(scope="module")
def rules(spec: Spec) -> dict:
    return load_rule_packs(list(spec.rule_pack_paths)).by_id()


def _evidence(spec: Spec, store: dict, observed: dict[str, list[dict[str, str]]]) -> Evidence:
    seen: dict = {}
    country = str(store.get("country") or "AU")
    for source, entities in observed.items():
        for index, fields in enumerate(entities):
            url = fields.get("url") or f"http://{source}.example/e{index}"
            page = seen.setdefault(source, {}).setdefault(url, {})
            for field, raw in fields.items():
                if field != "url":
                    value, problem = normalise_field(field, raw, country)
                    page[field] = Seen(raw, value, url, problem)
    return Evidence(store=store, spec=spec, observed=seen)


def _scores(rule, ev: Evidence) -> dict[str, float | None]:
    """Source -> score of the sources something was seen on."""
    return {o.source: o.score for o in check(rule, ev) if o.source in ev.observed}


def _one(rule, ev: Evidence):
    (outcome,) = [o for o in check(rule, ev) if o.source in ev.observed]
    return outcome


@pytest.fixture
def store(spec: Spec) -> dict:
    return next(e for e in spec.roster if e.status == "open").model_dump()


def test_the_index_has_names_in_many_scripts() -> None:
    found = {main_script(local) for _english, local in PAIRS}
    assert len(PAIRS) > 500
    assert {"Han", "Kana", "Hangul", "Cyrillic", "Hebrew", "Arabic", "Greek", "Thai"} <= found


def test_a_name_in_another_script_is_a_coverage_note_never_a_finding(spec, rules, store) -> None:
    rule = rules["nap.name"]
    for english, local in PAIRS:
        ev = _evidence(spec, {**store, "name": english}, {"mapdir": [{"name": local}]})
        outcome = _one(rule, ev)
        assert outcome.score is None, (english, local, outcome)
        assert "another script" in outcome.note and "other_names" in outcome.note


def test_the_name_given_in_other_names_is_compared(spec, rules, store) -> None:
    rule = rules["nap.name"]
    for english, local in PAIRS:
        row = {**store, "name": english, "other_names": f"{local}|{english.upper()}"}
        ev = _evidence(spec, row, {"mapdir": [{"name": local}], "yellowbook": [{"name": english}]})
        assert _scores(rule, ev) == {"mapdir": 1.0, "yellowbook": 1.0}, (english, local)


def test_a_wrong_name_in_a_declared_script_is_still_a_finding(spec, rules, store) -> None:
    rule = rules["nap.name"]
    kana = [(e, loc) for e, loc in PAIRS if main_script(loc) == "Kana"]
    scores = []
    for (english, local), (_other, wrong) in itertools.pairwise(kana):
        if wrong == local or not {family(x) for x in scripts(wrong)} <= {family(x) for x in scripts(local)}:
            continue  # a name in a script not declared is a note (above)
        row = {**store, "name": english, "other_names": local}
        outcome = _one(rule, _evidence(spec, row, {"mapdir": [{"name": wrong}]}))
        assert outcome.score is not None, (local, wrong)  # compared, not a note
        scores.append(outcome.score)
    assert len(scores) > 50
    assert sum(s < 1.0 for s in scores) / len(scores) > 0.95  # a name holding another passes, as before


def test_a_latin_name_keeps_being_compared(spec, rules, store) -> None:
    """A misspelt name in the roster's own script is a finding as before."""
    row = {**store, "name": "Blue Bottle Coffee Shibuya", "other_names": "ブルーボトルコーヒー 渋谷店"}
    ev = _evidence(spec, row, {"mapdir": [{"name": "Blue Bottle Tea Shibuya"}]})
    outcome = _one(rules["nap.name"], ev)
    assert outcome.score is not None and outcome.score < 1.0


def test_branch_word_and_brackets_fold(spec, rules, store) -> None:
    row = {**store, "name": "Caffe Bene Gangnam", "other_names": "카페베네 강남점|Caffe Bene 江南店"}
    observed = {"mapdir": [{"name": "카페베네 강남"}], "yellowbook": [{"name": "Caffe Bene (江南)"}]}
    assert _scores(rules["nap.name"], _evidence(spec, row, observed)) == {"mapdir": 1.0, "yellowbook": 1.0}


def test_a_variant_running_into_the_branch_name_is_the_brand(spec, rules, store) -> None:
    """Scripts without spaces: a declared variant followed by the branch with no space between."""
    brand = spec.brand.model_copy(update={"variants": [*spec.brand.variants, "BLUE BOTTLE（ブルーボトル）"]})
    local = spec.model_copy(update={"brand": brand})
    row = {**store, "name": f"{spec.brand.name} Shibuya", "other_names": f"{spec.brand.name} 渋谷店"}
    ev = _evidence(local, row, {"mapdir": [{"name": "BLUE BOTTLE（ブルーボトル）渋谷店"}]})
    ev = Evidence(store=ev.store, spec=local, observed=ev.observed)
    outcome = _one(rules["nap.name"], ev)
    assert outcome.score == 1.0


TOKYO = {
    "street": "芝公園4-2-8",
    "locality": "港区",
    "state": "東京都",
    "postcode": "105-0011",
    "country": "JP",
}
SEOUL = {
    "street": "세종대로 172",
    "locality": "종로구",
    "state": "서울특별시",
    "postcode": "03154",
    "country": "KR",
}


@pytest.mark.parametrize(
    ("roster", "shown", "expect"),
    [
        (TOKYO, "4-2-8 Shibakoen, Minato-ku, Tokyo 105-0011", None),
        (TOKYO, "4-2-8 Shibakoen, Minato City, Tokyo, Japan", None),
        (TOKYO, "4-2-9 Shibakoen, Minato-ku, Tokyo 105-0011", 0.0),
        (TOKYO, "4-2-8 Shibakoen, Minato-ku, Tokyo 105-0012", 0.0),
        (SEOUL, "172 Sejong-daero, Jongno-gu, Seoul 03154", None),
        (SEOUL, "172 Sejong-daero, Jongno-gu, Seoul", None),
        (SEOUL, "127 Sejong-daero, Jongno-gu, Seoul 03154", 0.0),
    ],
)
def test_an_address_in_another_script_is_compared_by_its_numbers(spec, rules, store, roster, shown, expect):
    ev = _evidence(spec, {**store, **roster}, {"mapdir": [{"address": shown}]})
    outcome = _one(rules["nap.address"], ev)
    assert outcome.score == expect, outcome
    if expect is None:
        assert "another script" in outcome.note
    else:
        assert "differ" in outcome.note


def test_the_native_page_is_judged_beside_the_romanised_one(spec, rules, store) -> None:
    pages = [
        {"address": "4-2-8 Shibakoen, Minato-ku, Tokyo 105-0011"},
        {"address": "東京都港区芝公園4-2-8 〒105-0011"},
    ]
    outcome = _one(rules["nap.address"], _evidence(spec, {**store, **TOKYO}, {"site": pages}))
    assert outcome.score is not None  # the page in the roster's script is compared


def test_a_second_page_of_the_store_is_not_a_wrong_website(spec, rules, store) -> None:
    own = store["website"].rstrip("/") + "/"
    english = own.replace("/stores/", "/en/stores/")
    pages = [{"url": own, "website": own}, {"url": english, "website": english}]
    observed = {"site": pages, "mapdir": [{"website": english}]}
    assert _scores(rules["nap.website"], _evidence(spec, store, observed)) == {"site": 1.0, "mapdir": 1.0}


def test_a_link_off_the_stores_pages_is_still_a_finding(spec, rules, store) -> None:
    own = store["website"].rstrip("/") + "/"
    other = next(e.website for e in spec.roster if e.website and e.store_id != store["store_id"])
    observed = {"site": [{"url": own, "website": own}], "mapdir": [{"website": other}]}
    outcomes = {o.source: o for o in check(rules["nap.website"], _evidence(spec, store, observed))}
    assert outcomes["site"].score == 1.0
    assert outcomes["mapdir"].score == 0.0 and "the page of store" in outcomes["mapdir"].note


def test_scripts_and_numbers() -> None:
    assert scripts("クモコーヒー 渋谷店") == {"Kana", "Han"}
    assert main_script("渋谷2-14-5 雲ビル1F") == "Han"
    assert main_script("ＫＵＭＯ") == "Latin"
    assert numbers("梅田１丁目３−１ ２階") == {"1", "3", "2"}
