"""Train the shipped review models: ``python -m auditor.sentiment.train [--out DIR] [FILE ...]``.

Writes ``models/review.json.gz`` (every set) and ``models/review-<set>.json.gz`` (one set each)
so that a set is always evaluated by a model that never saw it. Each model's L2 penalty is
chosen by cross-validation on its own training sentences (``L2_GRID``, ``CV_FOLDS``). Deterministic:
the same data gives byte-identical files.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Sequence
from pathlib import Path

from auditor.sentiment.analyzers import model_path
from auditor.sentiment.labelled import (
    LabelledFileError,
    LabelledSet,
    default_labelled_files,
    read_labelled,
)
from auditor.sentiment.lexicon import ReviewLexicon, pattern_score
from auditor.sentiment.model import (
    LinearModel,
    features,
    fit_logistic,
    predict_probability,
    sentence_digest,
)

L2_GRID: tuple[float, ...] = (0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0, 30.0, 100.0)
"""Candidate L2 penalties (on 0.5 * l2 * |w|^2; the bias is not penalised). Each model takes the
one with the lowest mean held-out log-loss in CV_FOLDS-fold cross-validation on its own training
sentences only; a set is never used to choose the penalty of the model that is scored on it."""
CV_FOLDS = 10


def fold_of(labels: Sequence[int], folds: int = CV_FOLDS) -> list[int]:
    """Stratified, deterministic folds: the j-th sentence of each class (in file order) goes to
    fold j mod ``folds``."""
    counts = {0: 0, 1: 0}
    out = []
    for label in labels:
        out.append(counts[label] % folds)
        counts[label] += 1
    return out


def cross_validated_loss(
    rows: Sequence[Sequence[float]], labels: Sequence[int], l2: float, folds: int = CV_FOLDS
) -> float:
    """Mean held-out log-loss of the logistic fit with this penalty."""
    assigned = fold_of(labels, folds)
    loss = 0.0
    for fold in range(folds):
        train_rows = [r for r, f in zip(rows, assigned, strict=True) if f != fold]
        train_labels = [y for y, f in zip(labels, assigned, strict=True) if f != fold]
        weights, bias = fit_logistic(train_rows, train_labels, l2=l2)
        for x, y, f in zip(rows, labels, assigned, strict=True):
            if f == fold:
                p = min(1.0 - 1e-12, max(1e-12, predict_probability(weights, bias, x)))
                loss -= math.log(p if y else 1.0 - p)
    return loss / len(rows)


def choose_l2(rows: Sequence[Sequence[float]], labels: Sequence[int]) -> float:
    """The grid penalty with the lowest cross-validated log-loss (the larger one on a tie)."""
    losses = {l2: round(cross_validated_loss(rows, labels, l2), 9) for l2 in L2_GRID}
    return min(sorted(L2_GRID, reverse=True), key=lambda l2: losses[l2])


def training_rows(
    sets: Sequence[LabelledSet], lexicon: ReviewLexicon | None = None
) -> tuple[list[list[float]], list[int], set[str]]:
    """Features, labels and sentence digests of the union of the given sets."""
    lexicon = lexicon or ReviewLexicon.default()
    rows: list[list[float]] = []
    labels: list[int] = []
    seen: set[str] = set()
    for labelled in sets:
        for sentence, label in zip(labelled.sentences, labelled.labels, strict=True):
            rows.append(features(lexicon.score(sentence), pattern_score(sentence)))
            labels.append(label)
            seen.add(sentence_digest(sentence))
    return rows, labels, seen


def train(
    sets: Sequence[LabelledSet], lexicon: ReviewLexicon | None = None, l2: float | None = None
) -> LinearModel:
    """Fit one model on the union of the given sets; without ``l2``, the penalty is chosen by
    cross-validation on those sets."""
    rows, labels, seen = training_rows(sets, lexicon)
    if l2 is None:
        l2 = choose_l2(rows, labels)
    weights, bias = fit_logistic(rows, labels, l2=l2)
    return LinearModel(weights, bias, [s.name for s in sets], frozenset(seen), l2)


def main(argv: Sequence[str]) -> int:
    args = list(argv)
    out: Path | None = None
    if "--out" in args:
        at = args.index("--out")
        if at + 1 >= len(args):
            print("error: --out needs a directory", file=sys.stderr)
            return 2
        out = Path(args[at + 1])
        del args[at : at + 2]
    paths = [Path(a) for a in args] or default_labelled_files()
    try:
        sets = [read_labelled(p) for p in paths]
    except LabelledFileError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not sets:
        print("error: no labelled sets found; pass FILE arguments", file=sys.stderr)
        return 2
    jobs = [("review", sets)] + [(f"review-{s.name}", [s]) for s in sets]
    for name, chosen in jobs:
        model = train(chosen)
        path = out / f"{name}.json.gz" if out else model_path(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        model.save(path)
        print(
            f"{path}: trained on {'+'.join(model.trained_on)} ({len(model.seen)} sentences, "
            f"l2={model.l2:g} by {CV_FOLDS}-fold cross-validation)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
