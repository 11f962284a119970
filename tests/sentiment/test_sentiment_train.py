"""The shipped models are what the training script makes from the repository's labelled sets."""

from __future__ import annotations

from pathlib import Path

from auditor.sentiment.analyzers import model_path
from auditor.sentiment.model import LinearModel, fit_logistic
from auditor.sentiment.train import L2_GRID, choose_l2, fold_of, main

DATA = Path(__file__).resolve().parents[1] / "data" / "sentiment"
SETS = [DATA / "amazon_cells_labelled.txt", DATA / "imdb_labelled.txt"]


def test_retraining_reproduces_the_shipped_models(tmp_path, capsys):
    assert main(["--out", str(tmp_path), *map(str, SETS)]) == 0
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [
        "review-amazon_cells_labelled.json.gz",
        "review-imdb_labelled.json.gz",
        "review.json.gz",
    ]
    for name in names:
        built = (tmp_path / name).read_bytes()
        shipped = model_path(name.removesuffix(".json.gz")).read_bytes()
        assert built == shipped, f"{name} differs: run `make sentiment-models`"
    single = LinearModel.load(tmp_path / "review-imdb_labelled.json.gz")
    assert single.trained_on == ["imdb_labelled"]
    assert "trained on imdb_labelled" in capsys.readouterr().out


def test_train_reports_a_bad_file(tmp_path, capsys):
    bad = tmp_path / "bad.tsv"
    bad.write_text("no tab here\n", encoding="utf-8")
    assert main(["--out", str(tmp_path), str(bad)]) == 2
    assert f"{bad}:1:" in capsys.readouterr().err


def test_logistic_fit_separates_a_simple_rule():
    rows = [[x / 10.0] for x in range(-10, 11) if x != 0]
    labels = [1 if r[0] > 0 else 0 for r in rows]
    weights, bias = fit_logistic(rows, labels, l2=0.1)
    assert weights[0] > 3.0
    assert abs(bias) < 0.1


def test_folds_are_stratified_and_deterministic():
    labels = [1, 1, 0, 1, 0, 0, 1, 0, 1, 1]
    folds = fold_of(labels, folds=2)
    assert folds == fold_of(labels, folds=2)
    for cls in (0, 1):
        pairs = list(zip(labels, folds, strict=True))
        per_fold = [sum(1 for y, f in pairs if y == cls and f == k) for k in (0, 1)]
        assert abs(per_fold[0] - per_fold[1]) <= 1


def test_penalty_is_chosen_from_the_grid_by_cross_validation():
    # A clean rule: the weakest penalty fits held-out folds best. Pure noise: the strongest does.
    rows = [[x / 20.0] for x in range(-20, 21) if x != 0]
    labels = [1 if r[0] > 0 else 0 for r in rows]
    assert choose_l2(rows, labels) == min(L2_GRID)
    noise = [0, 1, 1, 0, 1, 0, 0, 1, 0, 1, 1, 0, 0, 1, 1, 0, 1, 0, 0, 1] * 2
    assert choose_l2(rows, noise) == max(L2_GRID)
