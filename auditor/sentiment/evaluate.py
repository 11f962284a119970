"""Accuracy, balanced accuracy, macro F1 and negative recall of analyzers on labelled sets.

Texts go through the same language detection as stored reviews: a text in a language the
analyzer cannot read is counted as not scored, never scored as English. Trained models are
scored only on texts they never saw.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from auditor.sentiment.analyzers import (
    DEFAULT_ANALYZER,
    FOREIGN_ANALYZERS,
    Analyzer,
    ReviewAnalyzer,
    get_analyzer,
    shipped_models,
)
from auditor.sentiment.labelled import LabelledSet
from auditor.sentiment.language import NO_LANGUAGE, detect_language
from auditor.sentiment.language_models import LanguageModelAnalyzer, shipped_languages
from auditor.sentiment.model import LinearModel, seen_key
from auditor.sentiment.text import clean_review_text

BASELINES = ("textblob", "vader", "lexicon")
DEFAULT_MARK = "*"
"""Appended to the default analyzer's name in the output."""


@dataclass(frozen=True)
class Scores:
    """Binary figures, the negative class being the one a manager acts on."""

    accuracy: float
    balanced_accuracy: float
    macro_f1: float
    negative_recall: float


@dataclass(frozen=True)
class Evaluation:
    """One analyzer on one set. ``note`` says why a line has no figures."""

    file: str
    analyzer: str
    scores: Scores | None
    sentences: int
    note: str = ""

    @property
    def accuracy(self) -> float | None:
        return self.scores.accuracy if self.scores else None

    @property
    def macro_f1(self) -> float | None:
        return self.scores.macro_f1 if self.scores else None

    def line(self) -> str:
        if self.scores is None:
            return f"{self.file} {self.analyzer} not scored ({self.note})"
        s = self.scores
        extra = f" ({self.note})" if self.note else ""
        return (
            f"{self.file} {self.analyzer} n={self.sentences} accuracy={s.accuracy:.3f} "
            f"balanced_accuracy={s.balanced_accuracy:.3f} macro_f1={s.macro_f1:.3f} "
            f"negative_recall={s.negative_recall:.3f}{extra}"
        )


def binary_scores(truth: Sequence[int], predicted: Sequence[int]) -> Scores:
    """Figures for 0/1 labels (0 = negative)."""
    pairs = list(zip(truth, predicted, strict=True))
    n = len(pairs)
    f1s, recalls = [], []
    for cls in (0, 1):
        tp = sum(1 for t, p in pairs if t == cls and p == cls)
        fp = sum(1 for t, p in pairs if t != cls and p == cls)
        fn = sum(1 for t, p in pairs if t == cls and p != cls)
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
        recalls.append(tp / (tp + fn) if tp + fn else 0.0)
    correct = sum(1 for t, p in pairs if t == p)
    return Scores(correct / n if n else 0.0, sum(recalls) / 2, sum(f1s) / 2, recalls[0])


def predict_binary(analyzer: Analyzer, sentences: Sequence[str]) -> list[int]:
    """1 when the text reads positive. The trained model's probability above one half; the
    lexicons' polarity above zero (their frequent 0.0 counts as negative, their better rule on
    these sets)."""
    if isinstance(analyzer, ReviewAnalyzer | LanguageModelAnalyzer):
        return [
            1 if analyzer.probability(clean_review_text(s))[0] > 0.5 else 0 for s in sentences
        ]
    return [1 if analyzer.analyze(s).polarity > 0 else 0 for s in sentences]


def languages_of(sentences: Sequence[str], supported: frozenset[str]) -> list[str]:
    """Each text's language as the review pipeline detects it."""
    return [detect_language(clean_review_text(s), supported) for s in sentences]


def _unseen(model_seen: frozenset[int], labelled: LabelledSet, keep: Sequence[int]) -> list[int]:
    return [i for i in keep if seen_key(labelled.sentences[i]) not in model_seen]


TrainedAnalyzer = ReviewAnalyzer | LanguageModelAnalyzer


def _trained(model: LinearModel) -> TrainedAnalyzer:
    if model.language == "en":
        return ReviewAnalyzer(model)
    return LanguageModelAnalyzer(model.language, model)


def trained_candidates(
    labelled: LabelledSet, keep: Sequence[int], language: str = "en"
) -> list[tuple[str, TrainedAnalyzer, list[int]]]:
    """The language's default model on the texts it never saw, and, if another shipped model
    saw fewer of them, that one too (a model trained on every other set)."""
    models = shipped_models(language)
    if not models:
        return []
    default = models[0]
    shown = f"{DEFAULT_ANALYZER}{DEFAULT_MARK}"
    out = [(shown, _trained(default), _unseen(default.seen, labelled, keep))]
    best = max(models[1:], key=lambda m: len(_unseen(m.seen, labelled, keep)), default=None)
    if best is not None:
        unseen = _unseen(best.seen, labelled, keep)
        if len(unseen) > len(out[0][2]):
            out.append((DEFAULT_ANALYZER, _trained(best), unseen))
    return out


def _main_language(detected: Sequence[str], readable: frozenset[str]) -> str:
    """The language most of a set's texts are in, among those the default analyzer reads."""
    counts = Counter(lang for lang in detected if lang in readable)
    return counts.most_common(1)[0][0] if counts else "en"


def evaluate_set(
    labelled: LabelledSet, display: str, analyzers: Sequence[str] | None = None
) -> Iterator[Evaluation]:
    """Each requested analyzer on one set, on the texts in a language it reads. Without a
    choice: the baselines, the default, and the lexicon of the set's main language if there
    is one (``lexicon-de`` for a German set)."""
    total = len(labelled.sentences)
    if analyzers is None:
        main = Counter(languages_of(labelled.sentences[:200], frozenset({"en"}))).most_common(1)
        foreign = f"lexicon-{main[0][0]}" if main else ""
        analyzers = [*BASELINES, DEFAULT_ANALYZER]
        if foreign in FOREIGN_ANALYZERS:
            analyzers.append(foreign)
    instances = {name: get_analyzer(name) for name in analyzers if name != DEFAULT_ANALYZER}
    languages = {name: a.languages for name, a in instances.items()}
    languages[DEFAULT_ANALYZER] = frozenset({"en", *shipped_languages()})
    supported = frozenset().union(*(languages[name] for name in analyzers))
    detected = languages_of(labelled.sentences, supported)
    main_language = _main_language(detected, languages[DEFAULT_ANALYZER])
    for name in analyzers:
        readable = languages[name] | {NO_LANGUAGE}
        keep = [i for i, lang in enumerate(detected) if lang in readable]
        others = Counter(lang for lang in detected if lang not in readable)
        skipped = ", ".join(f"{lang} {n}" for lang, n in others.most_common())
        if 2 * len(keep) < total:
            yield Evaluation(display, name, None, total, f"language: {skipped} of {total} texts")
            continue
        note = f"not scored (language): {skipped}" if others else ""
        if name != DEFAULT_ANALYZER:
            sentences = [labelled.sentences[i] for i in keep]
            truth = [labelled.labels[i] for i in keep]
            scores = binary_scores(truth, predict_binary(instances[name], sentences))
            yield Evaluation(display, name, scores, len(keep), note)
            continue
        keep = [i for i in keep if detected[i] in (main_language, NO_LANGUAGE)]
        for shown, analyzer, unseen in trained_candidates(labelled, keep, main_language):
            trained = "+".join(analyzer.model.trained_on)
            label = f"{shown}(train={trained};unseen={len(unseen)}/{total})"
            if not unseen:
                yield Evaluation(display, label, None, total, "every text was trained on")
                continue
            sentences = [labelled.sentences[i] for i in unseen]
            truth = [labelled.labels[i] for i in unseen]
            scores = binary_scores(truth, predict_binary(analyzer, sentences))
            yield Evaluation(display, label, scores, len(unseen), note)
