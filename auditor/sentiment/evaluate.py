"""Accuracy and macro F1 of analyzers on labelled sets; trained models only on unseen sets."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from auditor.sentiment.analyzers import (
    Analyzer,
    ReviewAnalyzer,
    get_analyzer,
    shipped_models,
)
from auditor.sentiment.labelled import LabelledSet
from auditor.sentiment.model import sentence_digest

BASELINES = ("textblob", "vader", "lexicon")


@dataclass(frozen=True)
class Evaluation:
    """One analyzer on one set. ``note`` says why a line has no figures."""

    file: str
    analyzer: str
    accuracy: float | None
    macro_f1: float | None
    sentences: int
    note: str = ""

    def line(self) -> str:
        if self.accuracy is None or self.macro_f1 is None:
            return f"{self.file} {self.analyzer} skipped ({self.note})"
        return (
            f"{self.file} {self.analyzer} accuracy={self.accuracy:.3f} macro_f1={self.macro_f1:.3f}"
        )


def binary_scores(truth: Sequence[int], predicted: Sequence[int]) -> tuple[float, float]:
    """(accuracy, macro F1) for 0/1 labels."""
    n = len(truth)
    correct = sum(1 for t, p in zip(truth, predicted, strict=True) if t == p)
    f1s = []
    for cls in (0, 1):
        tp = sum(1 for t, p in zip(truth, predicted, strict=True) if t == cls and p == cls)
        fp = sum(1 for t, p in zip(truth, predicted, strict=True) if t != cls and p == cls)
        fn = sum(1 for t, p in zip(truth, predicted, strict=True) if t == cls and p != cls)
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return correct / n if n else 0.0, sum(f1s) / 2


def predict_binary(analyzer: Analyzer, sentences: Sequence[str]) -> list[int]:
    """1 when the polarity is above zero: the same rule for every analyzer (neutral counts as
    negative, which is the better rule for the baselines on these sets)."""
    return [1 if analyzer.analyze(s).polarity > 0 else 0 for s in sentences]


def least_seen_model(labelled: LabelledSet) -> tuple[ReviewAnalyzer, list[int]] | None:
    """The shipped model that saw the fewest of these sentences, with the indices it never saw;
    None when every model saw at least half of them."""
    best: tuple[ReviewAnalyzer, list[int]] | None = None
    for model in shipped_models():
        unseen = [
            i for i, s in enumerate(labelled.sentences) if sentence_digest(s) not in model.seen
        ]
        if best is None or len(unseen) > len(best[1]):
            best = (ReviewAnalyzer(model), unseen)
    if best is None or 2 * len(best[1]) < len(labelled.sentences):
        return None
    return best


def evaluate_set(
    labelled: LabelledSet, display: str, analyzers: Sequence[str] = (*BASELINES, "review")
) -> Iterator[Evaluation]:
    """Each requested analyzer on one set. A trained analyzer is scored only on sentences its
    model never saw, and its name says which sets it was trained on and how many it scored."""
    for name in analyzers:
        sentences, truth = labelled.sentences, labelled.labels
        if name == "review":
            found = least_seen_model(labelled)
            if found is None:
                yield Evaluation(
                    display,
                    "review",
                    None,
                    None,
                    len(sentences),
                    "every shipped model was trained on these sentences",
                )
                continue
            trained, unseen = found
            analyzer: Analyzer = trained
            sentences = [sentences[i] for i in unseen]
            truth = [truth[i] for i in unseen]
            label = f"{trained.label[:-1]};unseen={len(unseen)}/{len(labelled.sentences)})"
        else:
            analyzer = get_analyzer(name)
            label = name
        predicted = predict_binary(analyzer, sentences)
        accuracy, macro_f1 = binary_scores(truth, predicted)
        yield Evaluation(display, label, accuracy, macro_f1, len(sentences))
