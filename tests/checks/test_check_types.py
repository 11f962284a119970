"""Every check type: a pass, a fail, partial credit where it applies, and not applicable."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from auditor.demo.logos import draw_logo
from auditor.judge.checks.base import Evidence, Seen, SourceFacts
from auditor.judge.checks.registry import CHECK_TYPES, check_function
from auditor.judge.sources import judge_source
from auditor.normalise import logo_hash, normalise_address, normalise_phone, normalise_url, parse_hours
from tests.checks.conftest import rule


def run(type_: str, r, ev):
    return check_function(type_)(r, ev)


def scores(outcomes, source=None):
    return [o.score for o in outcomes if source is None or o.source == source]


def listing(ev_builder, **fields):
    return ev_builder({("yellowbook", "l1"): fields})


# --- field_match ---------------------------------------------------------------------------------


def test_field_match_phone_equivalent_forms_pass_and_wrong_fails(make_evidence) -> None:
    r = rule(type="field_match", scope="listing", field="phone", compare="e164")
    ev = make_evidence()
    store_phone = ev.store["phone"]
    national = normalise_phone(store_phone, "AU")
    good = listing(make_evidence, phone=Seen("+61 " + store_phone[2:], national, "u"))
    assert scores(run("field_match", r, good), "yellowbook") == [1.0]
    bad = listing(make_evidence, phone=Seen("(02) 9999 0000", "+61299990000", "u"))
    outcome = next(o for o in run("field_match", r, bad) if o.source == "yellowbook")
    assert outcome.score == 0.0 and outcome.observed == "(02) 9999 0000"
    assert scores(run("field_match", r, make_evidence()), "yellowbook") == [None]  # nothing observed


def test_field_match_address_partial_credit(make_evidence) -> None:
    r = rule(type="field_match", scope="listing", field="address", compare="address")
    store = make_evidence().store
    same = normalise_address({k: store[k] for k in ("street", "locality", "state", "postcode")}, "AU")
    moved = normalise_address(
        f"999 Nowhere Road, {store['locality']} {store['state']} {store['postcode']}", "AU"
    )
    assert scores(run("field_match", r, listing(make_evidence, address=same.as_dict())), "yellowbook") == [
        1.0
    ]
    partial = scores(run("field_match", r, listing(make_evidence, address=moved.as_dict())), "yellowbook")[0]
    assert 0.0 < partial < 1.0


def test_field_match_name_and_url(make_evidence) -> None:
    name_rule = rule(type="field_match", scope="listing", field="name", compare="name", threshold=0.98)
    ev = make_evidence()
    upper = listing(make_evidence, name=Seen(ev.store["name"].upper(), "x", "u"))
    upper.observed["yellowbook"]["l1"]["name"] = Seen(ev.store["name"].upper(), ev.store["name"].upper(), "u")
    assert scores(run("field_match", name_rule, upper), "yellowbook") == [1.0]
    retired = listing(make_evidence, name=Seen("Furniture Barn X", "Furniture Barn X", "u"))
    assert scores(run("field_match", name_rule, retired), "yellowbook")[0] < 1.0
    url_rule = rule(type="field_match", scope="listing", field="website", compare="url")
    tracked = normalise_url(ev.store["website"] + "?utm_source=x")
    assert scores(run("field_match", url_rule, listing(make_evidence, website=tracked)), "yellowbook") == [
        1.0
    ]
    assert scores(
        run("field_match", url_rule, listing(make_evidence, website="https://x.example")), "yellowbook"
    ) == [0.0]
    assert run("field_match", url_rule, make_evidence(status="closed")) == []


# --- hours_match ---------------------------------------------------------------------------------


def test_hours_match_per_day_partial_credit(make_evidence) -> None:
    r = rule(type="hours_match", scope="listing", field="hours", compare="hours")
    ev = make_evidence()
    same = parse_hours(ev.store["hours"]).as_dict()
    weekend_closed = {**same, "sa": [], "su": []}
    assert scores(run("hours_match", r, listing(make_evidence, hours=same)), "yellowbook") == [1.0]
    partial = scores(run("hours_match", r, listing(make_evidence, hours=weekend_closed)), "yellowbook")[0]
    assert partial == round(5 / 7, 3)
    assert scores(run("hours_match", r, make_evidence()), "yellowbook") == [None]


def test_hours_match_holiday(make_evidence) -> None:
    r = rule(type="hours_match", scope="site", field="holiday_hours", compare="holiday")
    ev = make_evidence()
    from auditor.normalise import parse_holiday_hours

    holiday = parse_holiday_hours(ev.store["holiday_hours"])
    hours = parse_hours(ev.store["hours"]).as_dict()
    good = make_evidence({("site", "p"): {"hours": hours, "holiday_hours": holiday}})
    shows_holidays = {"site": SourceFacts("site", "site", frozenset({"hours", "holiday_hours"}), entities=9)}
    missing = make_evidence({("site", "p"): {"hours": hours}}, facts=shows_holidays)
    # a source that shows holiday hours for no store: its silence is a coverage note, not a failure
    never_shown = make_evidence({("site", "p"): {"hours": hours}})
    assert scores(run("hours_match", r, never_shown)) == [None]
    first_day = dict(list(holiday.items())[:1])
    partial = make_evidence({("site", "p"): {"hours": hours, "holiday_hours": first_day}})
    unreadable = make_evidence({("site", "p"): {"text": "page without hours"}})
    assert scores(run("hours_match", r, good)) == [1.0]
    assert scores(run("hours_match", r, missing)) == [0.0]
    assert 0 < scores(run("hours_match", r, partial))[0] < 1
    assert scores(run("hours_match", r, unreadable)) == [None]


# --- presence, duplicate, status -----------------------------------------------------------------


def test_presence(make_evidence) -> None:
    r = rule(type="presence", scope="listing", field="presence")
    ev = make_evidence({("yellowbook", "l1"): {"name": "x"}}, failed={"mapdir"})
    by_source = {o.source: o.score for o in run("presence", r, ev)}
    assert by_source["yellowbook"] == 1.0 and by_source["localpages"] == 0.0 and by_source["mapdir"] is None
    assert run("presence", r, make_evidence(status="closed")) == []


def test_presence_on_a_source_that_lists_only_some_stores_is_a_note(make_evidence) -> None:
    r = rule(type="presence", scope="listing", field="presence")
    ev = make_evidence({("yellowbook", "l1"): {"name": "x"}})
    source = next(s for s in ev.spec.sources if s.id == "localpages")
    ev.spec = ev.spec.model_copy(update={"sources": [
        s.model_copy(update={"listed": "some"}) if s is source else s for s in ev.spec.sources]})  # fmt: skip
    outcome = next(o for o in run("presence", r, ev) if o.source == "localpages")
    assert outcome.score is None and "listed: some" in outcome.note


def test_duplicate(make_evidence) -> None:
    r = rule(type="duplicate", scope="listing")
    once = make_evidence({("mapdir", "a"): {"name": "x"}})
    twice = make_evidence({("mapdir", "a"): {"name": "x"}, ("mapdir", "b"): {"name": "x"}})
    assert scores(run("duplicate", r, once)) == [1.0]
    assert scores(run("duplicate", r, twice)) == [0.0]
    assert run("duplicate", r, make_evidence()) == []  # not listed: nothing to judge


def test_status_closed_store(make_evidence) -> None:
    r = rule(type="status", scope="listing", field="status")
    marked = make_evidence({("yellowbook", "a"): {"status": "closed"}}, status="closed")
    still_open = make_evidence({("mapdir", "a"): {"name": "x"}}, status="closed")
    assert scores(run("status", r, marked), "yellowbook") == [1.0]
    assert scores(run("status", r, still_open), "mapdir") == [0.0]
    assert run("status", r, make_evidence()) == []  # an open store: not applicable


# --- voice ---------------------------------------------------------------------------------------


def site_text(make_evidence, text: str):
    return make_evidence({("site", "p"): {"text": text}})


def test_existence_forbidden_and_retired(make_evidence) -> None:
    forbidden = rule(type="existence", scope="site", phrases_from="voice.forbidden_phrases")
    retired = rule(type="existence", scope="site", phrases_from="brand.retired_names")
    clean = site_text(make_evidence, "Prices include GST. Sofas for every home.")
    assert scores(run("existence", forbidden, clean)) == [1.0]
    assert scores(run("existence", forbidden, site_text(make_evidence, "We are CHEAPEST  in town!"))) == [0.0]
    assert scores(run("existence", retired, site_text(make_evidence, "Formerly Furniture Barn."))) == [0.0]
    assert scores(run("existence", retired, make_evidence())) == [None]


def test_substitution(make_evidence) -> None:
    r = rule(type="substitution", scope="site")
    assert scores(run("substitution", r, site_text(make_evidence, "A new sofa."))) == [1.0]
    outcome = run("substitution", r, site_text(make_evidence, "A new couch."))[0]
    assert outcome.score == 0.0 and outcome.note == "'couch'"
    assert scores(run("substitution", r, make_evidence())) == [None]


def test_required_text(make_evidence) -> None:
    r = rule(type="required_text", scope="site")
    assert scores(run("required_text", r, site_text(make_evidence, "Prices exclude GST."))) == [0.0]
    assert scores(run("required_text", r, site_text(make_evidence, "Prices include GST. Thanks"))) == [1.0]
    assert scores(run("required_text", r, make_evidence())) == [None]


# --- identity ------------------------------------------------------------------------------------


def site_field(make_evidence, name: str, value):
    return make_evidence({("site", "p"): {name: value}})


def test_palette_tolerance_neutrals_and_partial(make_evidence) -> None:
    r = rule(type="palette", scope="site")
    on_palette = ["#1f4e5f", "#1f4e60", "#ffffff", "#222222"]
    assert scores(run("palette", r, site_field(make_evidence, "colours", on_palette))) == [1.0]
    partial = scores(run("palette", r, site_field(make_evidence, "colours", ["#1f4e5f", "#c0392b"])))[0]
    assert partial == 0.5
    assert scores(run("palette", r, make_evidence())) == [None]


def test_font(make_evidence) -> None:
    r = rule(type="font", scope="site")
    assert scores(run("font", r, site_field(make_evidence, "fonts", ["source sans 3", "merriweather"]))) == [
        1.0
    ]
    # families only (no stacks kept): a fallback cannot be told from a first choice, so only a page
    # with no brand font at all fails
    assert scores(run("font", r, site_field(make_evidence, "fonts", ["comic neue", "merriweather"]))) == [1.0]
    assert scores(run("font", r, site_field(make_evidence, "fonts", ["comic neue"]))) == [0.0]
    assert scores(run("font", r, make_evidence())) == [None]


def test_font_counts_the_first_family_of_each_stack(make_evidence) -> None:
    r = rule(type="font", scope="site")

    def page(*stacks):
        fonts = sorted({f for s in stacks for f in s})
        return make_evidence({("site", "p"): {"fonts": fonts, "font_stacks": [list(s) for s in stacks]}})

    fallback = page(("source sans 3", "georgia", "serif"), ("merriweather", "times new roman", "serif"))
    assert scores(run("font", r, fallback)) == [1.0]
    mixed = page(("merriweather", "serif"), ("comic neue", "cursive"))
    outcome = run("font", r, mixed)[0]
    assert outcome.score == 0.5 and outcome.observed == "comic neue, cursive"
    assert scores(run("font", r, page(("georgia", "serif")))) == [0.0]
    assert scores(run("font", r, page(("source sans 3",), ("monospace",), ("inherit",)))) == [1.0]
    allowed = rule(type="font", scope="site", also_allowed=["Georgia"])
    assert scores(run("font", allowed, page(("georgia", "serif")))) == [1.0]


def test_logo(make_evidence) -> None:
    r = rule(type="logo", scope="site")
    reencoded = io.BytesIO()
    Image.open(io.BytesIO(draw_logo(current=True))).save(reencoded, format="JPEG", quality=85)
    same = logo_hash(reencoded.getvalue())
    old = logo_hash(draw_logo(current=False))
    assert scores(run("logo", r, site_field(make_evidence, "logo", same))) == [1.0]
    assert scores(run("logo", r, site_field(make_evidence, "logo", old))) == [0.0]
    assert scores(run("logo", r, make_evidence())) == [None]


# --- reviews -------------------------------------------------------------------------------------


def summary(**values):
    base = {
        "reviews": 20,
        "mean_stars": 4.5,
        "mean_sentiment": 0.5,
        "low_star_response_rate": 1.0,
        "days_since_last_review": 10,
        "themes": {},
        "change": None,
    }
    return {**base, **values}


def test_rating_floor(make_evidence) -> None:
    r = rule(type="rating_floor", scope="reviews")
    assert scores(run("rating_floor", r, make_evidence(reviews=summary()))) == [1.0]
    low = scores(run("rating_floor", r, make_evidence(reviews=summary(mean_stars=2.9))))[0]
    assert 0 < low < 1
    # a confidence bound over readable ratings, not a minimum count
    one = summary(reviews=1, rated=1, mean_stars=1.0)
    assert scores(run("rating_floor", r, make_evidence(reviews=one))) == [None]
    three = summary(reviews=3, rated=3, mean_stars=1.0)
    assert scores(run("rating_floor", r, make_evidence(reviews=three))) == [0.0]
    few_readable = summary(reviews=5, rated=3, mean_stars=3.33)
    assert scores(run("rating_floor", r, make_evidence(reviews=few_readable))) == [None]


def test_sentiment_floor(make_evidence) -> None:
    r = rule(type="sentiment_floor", scope="reviews", threshold=-0.2)
    assert scores(run("sentiment_floor", r, make_evidence(reviews=summary()))) == [1.0]
    assert 0 < scores(run("sentiment_floor", r, make_evidence(reviews=summary(mean_sentiment=-0.6))))[0] < 1
    assert scores(run("sentiment_floor", r, make_evidence(reviews=None))) == [None]


def test_response_rate(make_evidence) -> None:
    r = rule(type="response_rate", scope="reviews", threshold=0.5)
    assert scores(run("response_rate", r, make_evidence(reviews=summary()))) == [1.0]
    assert scores(run("response_rate", r, make_evidence(reviews=summary(low_star_response_rate=0.25)))) == [
        0.5
    ]
    assert scores(run("response_rate", r, make_evidence(reviews=summary(low_star_response_rate=0.0)))) == [
        0.0
    ]
    assert scores(run("response_rate", r, make_evidence(reviews=summary(low_star_response_rate=None)))) == [
        None
    ]


def test_review_recency(make_evidence) -> None:
    r = rule(type="review_recency", scope="reviews", threshold=180)
    assert scores(run("review_recency", r, make_evidence(reviews=summary()))) == [1.0]
    assert (
        0
        < scores(run("review_recency", r, make_evidence(reviews=summary(days_since_last_review=250))))[0]
        < 1
    )
    assert scores(run("review_recency", r, make_evidence(reviews=summary(days_since_last_review=400)))) == [
        0.0
    ]
    assert scores(run("review_recency", r, make_evidence(reviews=summary(), failed={"reviewhub"}))) == [None]


def test_theme_alert(make_evidence) -> None:
    r = rule(type="theme_alert", scope="reviews", threshold=4, growth=2.0)
    quiet = summary(themes={"delivery": {"negative_recent": 1}})
    doubled = summary(
        themes={"delivery": {"negative_recent": 6}},
        change={"themes": {"delivery": {"negative_recent_before": 2}}},
    )
    steady = summary(
        themes={"delivery": {"negative_recent": 6}},
        change={"themes": {"delivery": {"negative_recent_before": 5}}},
    )
    assert scores(run("theme_alert", r, make_evidence(reviews=quiet))) == [1.0]
    outcome = run("theme_alert", r, make_evidence(reviews=doubled))[0]
    assert outcome.score == 0.0 and outcome.note == "delivery" and "was 2" in outcome.observed
    assert scores(run("theme_alert", r, make_evidence(reviews=steady))) == [1.0]
    assert scores(run("theme_alert", r, make_evidence(reviews=None))) == [None]


def test_response_rate_needs_replies_on_the_source_and_enough_low_star_reviews(make_evidence) -> None:
    r = rule(type="response_rate", scope="reviews", threshold=0.5)
    silent = summary(low_stars=4, low_star_response_rate=0.0)
    assert scores(run("response_rate", r, make_evidence(reviews=silent))) == [0.0]
    two = summary(low_stars=2, low_star_response_rate=0.0)
    assert scores(run("response_rate", r, make_evidence(reviews=two))) == [None]  # too few to tell
    no_markup = {"reviewhub": SourceFacts("reviewhub", "reviews", reviews=300, rated=300, dated=300)}
    outcome = run("response_rate", r, make_evidence(reviews=silent, facts=no_markup))[0]
    assert outcome.score is None and "shows no owner replies" in outcome.note
    declared = {
        "reviewhub": SourceFacts("reviewhub", "reviews", reviews=300, replied=9, declared={"replies": False})
    }
    assert scores(run("response_rate", r, make_evidence(reviews=silent, facts=declared))) == [None]


def test_source_health_is_judged_once_per_run_not_per_store(make_evidence) -> None:
    r = rule(type="source_health", scope="location")
    assert run("source_health", r, make_evidence()) == []  # nothing per store
    empty = SourceFacts("yellowbook", "listing", pages=15, sample_url="http://yellowbook.example/f")
    problem = judge_source(empty, open_stores=15)
    assert problem is not None
    assert (
        problem.observed == "0 listings read from 15 pages; try `auditor extract http://yellowbook.example/f`"
    )
    healthy = SourceFacts("yellowbook", "listing", pages=15, entities=14, matched_stores=14)
    assert judge_source(healthy, open_stores=15) is None


def test_every_registered_type_is_tested_here() -> None:
    source = Path(__file__).read_text()
    assert all(f'run("{name}"' in source for name in CHECK_TYPES)


# --- voice over every touchpoint, required lines per country and language --------------------------


@pytest.fixture(scope="module")
def multilingual_spec(tmp_path_factory: pytest.TempPathFactory):
    from auditor.demo import generate
    from auditor.spec import load_spec

    world = generate(tmp_path_factory.mktemp("voice"), locations=6, seed=5)
    text = world.spec.read_text()
    required = '    - {text: "Prices include GST.", scope: site}\n'
    assert required in text
    extra = (
        required
        + '    - {text: "Prix TTC", scope: site, country: FR}\n'
        + '    - {text: "Preise inkl. MwSt.", scope: site, language: de}\n'
        + '    - {text: "Thank you for your review", scope: reviews}\n'
    )
    world.spec.write_text(
        text.replace(required, extra).replace("country: AU\n", "country: AU\nlanguages: [en, de]\n", 1)
    )
    return load_spec(world.spec)


def _voice_evidence(spec, observed: dict, texts: dict | None = None, **store) -> Evidence:
    entry = next(e for e in spec.roster if e.status == "open").model_dump()
    seen = {
        source: {
            f"http://{source}.example/p": {
                k: Seen(v, v, f"http://{source}.example/p") for k, v in fields.items()
            }
        }
        for source, fields in observed.items()
    }
    replies = {s: [Seen(t, t, f"http://{s}.example/r") for t in ts] for s, ts in (texts or {}).items()}
    return Evidence(store={**entry, **store}, spec=spec, observed=seen, texts=replies)


def test_required_lines_per_country_language_and_touchpoint(multilingual_spec) -> None:
    r = rule(type="required_text", scope=["site", "listing", "reviews"])
    english = "Sofas for every home. Prices include GST."
    au = _voice_evidence(multilingual_spec, {"site": {"text": english}})
    # a reply line is required, and no reply of this store was read: a gap, not a failure
    assert [(o.source, o.score) for o in run("required_text", r, au)] == [("site", 1.0), ("reviewhub", None)]
    fr = _voice_evidence(multilingual_spec, {"site": {"text": english}}, country="FR")
    outcome = run("required_text", r, fr)[0]
    assert outcome.score == 0.5 and outcome.expected == "Prix TTC"
    german = "Sofas für jedes Zuhause, handgefertigt in unserer Werkstatt. Prices include GST."
    de = _voice_evidence(multilingual_spec, {"site": {"text": german}})
    assert run("required_text", r, de)[0].expected == "Preise inkl. MwSt."
    unanswered = _voice_evidence(
        multilingual_spec, {"site": {"text": english}}, texts={"reviewhub": ["Sorry to hear that."]}
    )
    by_source = {o.source: o.score for o in run("required_text", r, unanswered)}
    assert by_source == {"site": 1.0, "reviewhub": 0.0}


def test_voice_rules_read_listing_and_reply_text_as_the_rule_says(make_evidence) -> None:
    everywhere = rule(
        type="existence", scope=["site", "listing", "reviews"], phrases_from="voice.forbidden_phrases"
    )
    ev = make_evidence(
        {("site", "p"): {"text": "Sofas."}, ("mapdir", "l"): {"description": "Cheapest in town!"}}
    )
    ev.texts["reviewhub"] = [
        Seen("Thanks, we are the cheapest in town", "Thanks, we are the cheapest in town", "u")
    ]
    by_source = {o.source: o.score for o in run("existence", everywhere, ev)}
    assert by_source["site"] == 1.0 and by_source["mapdir"] == 0.0 and by_source["reviewhub"] == 0.0
    assert by_source["yellowbook"] is None  # no listing text there: a gap, not a pass
    site_only = rule(type="existence", scope="site", phrases_from="voice.forbidden_phrases")
    assert scores(run("existence", site_only, ev)) == [1.0]
    terms = rule(type="substitution", scope=["listing"], sources=["mapdir"])
    couch = make_evidence({("mapdir", "l"): {"description": "A new couch."}})
    assert [(o.source, o.score) for o in run("substitution", terms, couch)] == [("mapdir", 0.0)]


# --- listing platforms -----------------------------------------------------------------------------


def test_platform_edit(make_evidence) -> None:
    r = rule(type="platform_edit", scope="listing", field="platform_updated")
    edited = make_evidence({("mapdir", "a"): {"platform_updated": Seen("true", "true", "u")}})
    kept = make_evidence({("mapdir", "a"): {"platform_updated": Seen("false", "false", "u")}})
    assert scores(run("platform_edit", r, edited)) == [0.0]
    assert scores(run("platform_edit", r, kept)) == [1.0]
    assert run("platform_edit", r, make_evidence({("mapdir", "a"): {"name": "x"}})) == []


def test_category(make_evidence) -> None:
    r = rule(type="category", scope="listing", categories={"mapdir": ["Furniture store"]})
    right = make_evidence({("mapdir", "a"): {"categories": Seen("Furniture Store; Bedding", ["x"], "u")}})
    wrong = make_evidence({("mapdir", "a"): {"categories": Seen("Bedding; Furniture store", ["x"], "u")}})
    assert scores(run("category", r, right)) == [1.0]
    assert scores(run("category", r, wrong)) == [0.0]
    assert run("category", rule(type="category", scope="listing"), wrong) == []  # nothing expected


def test_upcoming_holiday(make_evidence) -> None:
    import datetime as dt

    r = rule(type="upcoming_holiday", scope="listing", days_ahead=14, platforms_only=False)
    shown = {"2026-12-25": [], "2026-12-26": [], "2026-12-28": [], "2027-01-01": []}
    ready = make_evidence({("mapdir", "a"): {"holiday_hours": Seen("...", shown, "u")}}, holiday_hours="")
    ready.today = dt.date(2026, 12, 20)
    late = make_evidence({("mapdir", "a"): {"holiday_hours": Seen("...", {"2026-12-25": []}, "u")}},
                         holiday_hours="")  # fmt: skip
    late.today = dt.date(2026, 12, 20)
    assert scores(run("upcoming_holiday", r, ready)) == [1.0]
    assert scores(run("upcoming_holiday", r, late)) == [0.0]
    late.today = dt.date(2026, 6, 1)  # nothing within two weeks, wherever the store is
    assert run("upcoming_holiday", r, late) == [] or scores(run("upcoming_holiday", r, late)) == [1.0]
