"""How the worlds suite matches findings to a world's ground truth (no crawl: the rules alone)."""

from __future__ import annotations

from auditor.quality.worlds import _matches, grouped

PHONE = {
    "store_id": "MS-004",
    "kind": "site_wrong_phone",
    "rule": "nap.phone",
    "related_rules": [],
    "source": "site",
    "field": "phone",
}
RATING = {
    "store_id": "MS-007",
    "kind": "falling_rating",
    "rule": "reviews.rating_floor",
    "related_rules": ["reviews.sentiment_floor"],
    "source": "kundenstimmen",
    "field": "rating",
}


def finding(store: str, rule: str, source: str, field: str) -> dict:
    return {"store": store, "rule": rule, "source": source, "field": field, "observed": ""}


def test_a_defect_is_found_by_its_rule_a_related_rule_or_its_field() -> None:
    assert _matches(finding("MS-004", "nap.phone", "site", "phone"), PHONE)
    assert _matches(finding("MS-004", "site.phone", "site", "phone"), PHONE)  # any rule on the field
    assert _matches(finding("MS-007", "reviews.sentiment_floor", "kundenstimmen", "sentiment"), RATING)
    assert not _matches(finding("MS-007", "reviews.recency", "kundenstimmen", "recency"), RATING)
    assert not _matches(finding("MS-004", "nap.phone", "placebook", "phone"), PHONE)  # another source
    assert not _matches(finding("MS-005", "nap.phone", "site", "phone"), PHONE)  # another store


def test_findings_outside_the_truth_are_counted_by_cause() -> None:
    text = grouped(
        [
            "identity.font@site MS-001 (fonts: 'arial')",
            "identity.font@site MS-002 (fonts: 'arial')",
            "font_fallback_stack: identity.font@site MS-003 (fonts: 'arial')",
        ]
    )
    assert text.startswith("identity.font@site x2 (e.g. MS-001")
    assert "font_fallback_stack: identity.font@site x1 (e.g. MS-003" in text
