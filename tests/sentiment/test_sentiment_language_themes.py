"""Language detection choices and clause-level themes."""

from __future__ import annotations

import pytest

from auditor.sentiment import detect_language, get_analyzer, theme_lexicon, theme_sentiments
from auditor.sentiment.themes import ThemeLexiconError


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The sofa arrived damaged and nobody called back.", "en"),
        ("Excellent product.", "en"),
        ("Le personnel était très sympathique et la livraison rapide.", "fr"),
        ("Der Service war unfreundlich und die Lieferung kam zu spät.", "de"),
        ("服务很好，咖啡也很好喝。", "zh"),
        ("👍👍👍", "zxx"),
        ("10/10 !!!", "zxx"),
    ],
)
def test_detect_language(text, code):
    assert detect_language(text) == code


def test_supported_language_wins_only_when_close():
    mixed_mostly_french = "Great sofa, mais la livraison était très lente et le canapé abîmé."
    assert detect_language(mixed_mostly_french) == "fr"


def test_a_language_of_the_stores_country_keeps_a_close_call():
    from auditor.sentiment.language import country_languages

    assert detect_language("Bon pain, service rapide.", {"en"}) == "en"
    assert detect_language("Bon pain, service rapide.", {"en"}, local=country_languages("FR")) == "fr"
    assert detect_language("Great bread, friendly staff.", {"en"}, local=country_languages("FR")) == "en"
    assert set(country_languages("BE")) >= {"fr", "nl"} and country_languages("XX") == ()


def test_each_theme_gets_its_own_clause():
    analyzer = get_analyzer()
    found = theme_sentiments(
        "The staff were friendly but the delivery took three weeks and the sofa arrived damaged.",
        analyzer,
    )
    assert found["staff_and_service"] > 0
    assert found["delivery"] < 0
    assert found["product_quality"] < 0
    assert "price_and_value" not in found


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("The store was filthy.", "cleanliness"),
        ("They refused my refund.", "returns_and_refunds"),
        ("I was on hold for an hour.", "phone_and_contact"),
        ("Way overpriced for what it is.", "price_and_value"),
        ("We waited forty minutes for a coffee.", "waiting_time"),
    ],
)
def test_default_themes(text, theme):
    found = theme_sentiments(text, get_analyzer())
    assert found[theme] < 0


def test_bad_spec_themes_are_one_line_errors():
    with pytest.raises(ThemeLexiconError, match=r"spec themes\.delivery: expected a non-empty"):
        theme_lexicon({"delivery": "van"})
    with pytest.raises(ThemeLexiconError, match="every term must be a non-empty string"):
        theme_lexicon({"delivery": ["van", 3]})
