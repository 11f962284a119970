"""Models for languages other than English: tokens, training, storage, dispatch, themes."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.sentiment.analyzers import ReviewAnalyzer, shipped_model
from auditor.sentiment.labelled import LabelledSet, labelled_languages
from auditor.sentiment.language_models import LanguageModelAnalyzer, model_name
from auditor.sentiment.model import FOREIGN_FEATURES, LinearModel
from auditor.sentiment.ngrams import tokens
from auditor.sentiment.text import split_clauses
from auditor.sentiment.themes import default_themes
from auditor.sentiment.train import held_out, train


def test_chinese_is_read_a_character_at_a_time():
    assert tokens("送货很慢，质量不错！") == ["送", "货", "很", "慢", "质", "量", "不", "错", "!"]


def test_negation_scope_follows_the_language():
    assert tokens("Nicht gut, aber freundlich.", "de") == ["nicht", "~gut", "freundlich"]
    assert tokens("Pas terrible mais correct", "fr") == ["pas", "~terrible", "correct"]
    assert tokens("niet lekker, maar goedkoop", "nl") == ["niet", "~lekker", "goedkoop"]


@pytest.mark.parametrize(
    ("text", "weights"),
    [
        ("Das Essen war gut, aber der Service langsam", [0.5, 1.5]),
        ("虽然价格贵，但是味道很好", [0.5, 1.5]),
        ("Le café est bon mais cher", [0.5, 1.5]),
    ],
)
def test_contrast_words_in_other_languages(text, weights):
    assert [c.weight for c in split_clauses(text)] == weights


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("送货太慢了", "delivery"),
        ("服务员态度很差", "staff_and_service"),
        ("Die Lieferung kam zu spät", "delivery"),
        ("Le personnel était très aimable", "staff_and_service"),
        ("De prijs is veel te hoog", "price_and_value"),
    ],
)
def test_themes_in_other_languages(text, theme):
    assert theme in default_themes().mentioned(text)


def test_foreign_terms_do_not_catch_english_words():
    assert default_themes().mentioned("A personal touch, lentil soup on sale") == []


def _toy_set(language: str, positive: list[str], negative: list[str]) -> LabelledSet:
    texts = [f"{t} {i}" for i, t in enumerate(positive * 15 + negative * 15)]
    labels = [1] * (15 * len(positive)) + [0] * (15 * len(negative))
    return LabelledSet(f"{language}_toy", Path("toy.tsv"), texts, labels)


def test_a_language_model_trains_stores_and_scores(tmp_path):
    positive = ["质量很好，非常满意", "味道不错，值得推荐"]
    negative = ["质量很差，非常失望", "味道难吃，不要推荐"]
    labelled = _toy_set("zh", positive, negative)
    model = train([labelled], language="zh")
    assert model.language == "zh"
    assert len(model.weights) == len(FOREIGN_FEATURES)
    path = tmp_path / "review-zh.json.gz"
    model.save(path)
    loaded = LinearModel.load(path)
    assert loaded.language == "zh"
    assert loaded.weights == pytest.approx(model.weights, abs=1e-5)
    analyzer = LanguageModelAnalyzer("zh", loaded)
    assert analyzer.analyze("质量很好").label == "positive"
    assert analyzer.analyze("质量很差，失望").label == "negative"
    assert analyzer.analyze("").label == "neutral"
    assert analyzer.analyze("很差", stars=5).polarity > analyzer.analyze("很差").polarity


def test_a_fifth_of_every_other_language_set_is_never_trained_on():
    labelled = _toy_set("de", ["sehr gut"], ["schlecht"])
    kept = [s for s in labelled.sentences if held_out(labelled, s, "de")]
    assert 0 < len(kept) < len(labelled.sentences) / 2
    model = train([labelled], language="de")
    assert model.trained_on == ["de_toy:train"]
    assert model.overlap(kept) == 0


def test_an_english_model_given_alone_reads_english_only():
    analyzer = ReviewAnalyzer(shipped_model("review"))
    assert analyzer.languages == frozenset({"en"})
    assert model_name("en") == "review" and model_name("zh") == "review-zh"


def test_language_folders_are_found(tmp_path):
    folder = tmp_path / "tests" / "data" / "sentiment"
    (folder / "zh").mkdir(parents=True)
    (folder / "zh" / "shop.tsv").write_text("很好\t1\n很差\t0\n", encoding="utf-8")
    (folder / "notes").mkdir()
    assert labelled_languages(tmp_path) == {"zh": [folder / "zh" / "shop.tsv"]}


def test_a_language_model_reads_reviews_only_once_measured_well_enough():
    from auditor.sentiment.language_models import MIN_MEASURED, good_enough
    from auditor.sentiment.train import measure_held_out

    positive = [f"sehr gut und freundlich {i}" for i in range(400)]
    negative = [f"schlecht und unfreundlich {i}" for i in range(400)]
    labelled = LabelledSet("de_toy", Path("toy.tsv"), positive + negative, [1] * 400 + [0] * 400)
    model = train([labelled], language="de")
    assert not good_enough(model)  # never measured
    model.measured = measure_held_out(model, [labelled])
    assert model.measured["n"] >= MIN_MEASURED
    assert model.measured["balanced_accuracy"] == 1.0
    assert good_enough(model)
    coin = LabelledSet("de_coin", Path("coin.tsv"), positive + negative, [i % 2 for i in range(800)])
    weak = train([coin], language="de")
    weak.measured = measure_held_out(weak, [coin])
    assert not good_enough(weak)
