"""Train the shipped review models: ``python -m auditor.sentiment.train [--out DIR] [FILE ...]``.

Writes ``models/review.json.gz`` (every set) and ``models/review-<set>.json.gz`` (one set each)
so that a set is always evaluated by a model that never saw it. Deterministic: the same data
gives byte-identical files.
"""

from __future__ import annotations

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
from auditor.sentiment.lexicon import ReviewLexicon
from auditor.sentiment.model import LinearModel, features, fit_logistic, sentence_digest

L2 = 1.0


def train(sets: Sequence[LabelledSet], lexicon: ReviewLexicon | None = None) -> LinearModel:
    """Fit one model on the union of the given sets."""
    lexicon = lexicon or ReviewLexicon.default()
    rows: list[list[float]] = []
    labels: list[int] = []
    seen: set[str] = set()
    for labelled in sets:
        for sentence, label in zip(labelled.sentences, labelled.labels, strict=True):
            rows.append(features(lexicon.score(sentence)))
            labels.append(label)
            seen.add(sentence_digest(sentence))
    weights, bias = fit_logistic(rows, labels, l2=L2)
    return LinearModel(weights, bias, [s.name for s in sets], frozenset(seen), L2)


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
        print(f"{path}: trained on {'+'.join(model.trained_on)} ({len(model.seen)} sentences)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
