"""Train the shipped review models: ``python -m auditor.sentiment.train [--out DIR] [FILE ...]``.

Writes ``models/review.json.gz`` (every set; the default analyzer) and, with several sets,
``models/review-without-<set>.json.gz`` (every set but one), so each set can be scored by a model
that never saw it. The reviews of a set in ``HELD_OUT`` whose key falls in the held-out fifth are
never trained on, so the default model can be measured on them. Deterministic: the same data
gives byte-identical files. Needs numpy and scipy (installed with imagehash).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from auditor.sentiment.analyzers import model_path
from auditor.sentiment.labelled import (
    LabelledFileError,
    LabelledSet,
    default_labelled_files,
    labelled_languages,
    read_labelled,
)
from auditor.sentiment.language_models import foreign_features, good_enough, model_name
from auditor.sentiment.lexicon import ReviewLexicon, pattern_score
from auditor.sentiment.model import LinearModel, feature_names, features, seen_key
from auditor.sentiment.ngrams import HASH_SIZE, hashed_ngrams
from auditor.sentiment.text import clean_review_text

L2_NGRAMS = 1.0
"""L2 penalty on the n-gram weights (per training text: the loss is a weighted mean)."""
L2_DENSE = 0.01
"""L2 penalty on the lexicon-feature weights, which are few and well supported."""
HELD_OUT: dict[str, int] = {"womens_clothing_reviews": 5}
"""English sets of which one part in N (by text key) is never trained on, for in-domain
evaluation. Of every other language's sets one part in ``FOREIGN_HELD_OUT`` is."""
FOREIGN_HELD_OUT = 5


_NOTHING = re.compile(
    r"^\W*(?:nothing|none|no complaints?|n\W?a|nil|not applicable)"
    r"(?:\W+(?:at all|really|whatsoever|much|in particular"
    r"|to (?:complain about|complain|dislike|mention|say)))*\W*$",
    re.IGNORECASE,
)


def answers_nothing(sentence: str) -> bool:
    """A text that only answers "nothing" ("Nothing", "None", "N A", "No complaints", "Nothing at
    all"): the hotel set's parts answer "what did you dislike" (240 such answers, labelled
    negative) and "what did you like" (101, labelled positive); without its question the text
    says nothing either way, and training on it as a complaint teaches that "no complaints" is
    one. Not trained on; still scored by the evaluation."""
    return bool(_NOTHING.match(sentence))


def _held_out_parts(labelled: LabelledSet, language: str) -> int | None:
    return HELD_OUT.get(labelled.name) if language == "en" else FOREIGN_HELD_OUT


def held_out(labelled: LabelledSet, sentence: str, language: str = "en") -> bool:
    """Whether this text of this set is kept out of every model's training."""
    parts = _held_out_parts(labelled, language)
    return parts is not None and seen_key(sentence) % parts == 0


def trained_name(labelled: LabelledSet, language: str = "en") -> str:
    held = _held_out_parts(labelled, language) is not None
    return f"{labelled.name}:train" if held else labelled.name


@dataclass
class Encoded:
    """One set's training texts as model inputs."""

    name: str
    dense: list[list[float]]
    grams: list[dict[int, float]]
    labels: list[int]
    keys: list[int]


def encode(labelled: LabelledSet, lexicon: ReviewLexicon, language: str = "en") -> Encoded:
    """Features of every text of the set that may be trained on (not held out, not a bare
    "nothing" answer)."""
    out = Encoded(trained_name(labelled, language), [], [], [], [])
    for sentence, label in zip(labelled.sentences, labelled.labels, strict=True):
        if held_out(labelled, sentence, language) or answers_nothing(sentence):
            continue
        text = clean_review_text(sentence)
        grams = hashed_ngrams(text, language)
        if language == "en":
            out.dense.append(features(lexicon.score(text), pattern_score(text), len(grams)))
        else:
            out.dense.append(foreign_features(text, language, len(grams)))
        out.grams.append(grams)
        out.labels.append(label)
        out.keys.append(seen_key(sentence))
    return out


def fit(sets: Sequence[Encoded], language: str = "en") -> LinearModel:
    """Weighted L2 logistic regression by L-BFGS. Every set weighs the same in total, and each
    class half of it: a set's imbalance (88% positive clothing reviews) teaches no bias toward
    positive, and the largest set's habits (a plain description in a clothing review is most
    often a complaint about fit) do not drown the others' (a plain statement of a fact)."""
    import numpy as np
    import scipy.sparse as sp
    from scipy.optimize import minimize

    n_dense = len(feature_names(language))
    blocks, labels, weights = [], [], []
    for encoded in sets:
        y = np.asarray(encoded.labels, dtype=np.float64)
        w = np.empty_like(y)
        for cls in (0.0, 1.0):
            members = y == cls
            w[members] = 1.0 / (2.0 * max(1, int(members.sum())))
        indptr, indices, values = [0], [], []
        for grams in encoded.grams:
            for key in sorted(grams):
                indices.append(key)
                values.append(grams[key])
            indptr.append(len(indices))
        hashed = sp.csr_matrix((values, indices, indptr), shape=(len(y), HASH_SIZE))
        dense = np.asarray(encoded.dense, dtype=np.float64).reshape(len(y), n_dense)
        blocks.append(sp.hstack([sp.csr_matrix(dense), hashed]))
        labels.append(y)
        weights.append(w)
    x = sp.vstack(blocks).tocsr()
    used = np.unique(np.concatenate([np.arange(n_dense), x.indices]))  # columns any text has
    x = x[:, used].tocsr()
    y = np.concatenate(labels)
    w = np.concatenate(weights)
    w /= w.mean()
    n = len(y)
    penalty = np.full(x.shape[1] + 1, L2_NGRAMS / n)
    penalty[:n_dense] = L2_DENSE / n
    penalty[-1] = 0.0
    xt = x.T.tocsr()

    def loss(beta: np.ndarray) -> tuple[float, np.ndarray]:
        z = x @ beta[:-1] + beta[-1]
        p = 0.5 * (1.0 + np.tanh(0.5 * z))
        value = np.sum(w * (np.logaddexp(0.0, z) - y * z)) / n + 0.5 * np.sum(penalty * beta**2)
        g = w * (p - y) / n
        return value, np.concatenate([xt @ g, [g.sum()]]) + penalty * beta

    result = minimize(loss, np.zeros(x.shape[1] + 1), jac=True, method="L-BFGS-B",
                      options={"maxiter": 1000})  # fmt: skip
    beta = np.zeros(n_dense + HASH_SIZE + 1)
    beta[used] = result.x[:-1]
    beta[-1] = result.x[-1]
    grams = beta[n_dense:-1]
    scale = float(np.abs(grams).max()) / 127.0 or 1.0
    from array import array

    table = array("b", np.clip(np.rint(grams / scale), -127, 127).astype(np.int8).tobytes())
    return LinearModel(
        weights=[float(v) for v in beta[:n_dense]],
        bias=float(beta[-1]),
        trained_on=[e.name for e in sets],
        seen=frozenset(k for e in sets for k in e.keys),
        l2=L2_NGRAMS,
        hashed=table,
        scale=round(scale, 9),
        language=language,
    )


def train(
    sets: Sequence[LabelledSet], lexicon: ReviewLexicon | None = None, language: str = "en"
) -> LinearModel:
    """Fit one model on the trainable texts of the given sets."""
    lexicon = lexicon or ReviewLexicon.default()
    return fit([encode(s, lexicon, language) for s in sets], language)


def jobs_for(
    sets: Sequence[LabelledSet], lexicon: ReviewLexicon, language: str
) -> list[tuple[str, list[Encoded]]]:
    """(model name, training sets): the language's model on every set, and with several sets
    one model without each, so every set can be scored by a model that never saw it."""
    encoded = {s.name: encode(s, lexicon, language) for s in sets}
    name = model_name(language)
    jobs = [(name, list(encoded.values()))]
    if len(sets) > 1:
        jobs += [(f"{name}-without-{s.name}", [e for n, e in encoded.items() if n != s.name])
                 for s in sets]  # fmt: skip
    return jobs


def measure_held_out(model: LinearModel, sets: Sequence[LabelledSet]) -> dict[str, float]:
    """A language model's figures on the held-out fifth of its sets, which it never saw."""
    from auditor.sentiment.evaluate import binary_scores
    from auditor.sentiment.language_models import LanguageModelAnalyzer

    analyzer = LanguageModelAnalyzer(model.language, model)
    truth, predicted = [], []
    for labelled in sets:
        for sentence, label in zip(labelled.sentences, labelled.labels, strict=True):
            if held_out(labelled, sentence, model.language):
                p, _ = analyzer.probability(clean_review_text(sentence))
                truth.append(label)
                predicted.append(1 if p > 0.5 else 0)
    if not truth:
        return {"n": 0.0}
    scores = binary_scores(truth, predicted)
    return {"n": float(len(truth)), "balanced_accuracy": round(scores.balanced_accuracy, 4),
            "negative_recall": round(scores.negative_recall, 4)}  # fmt: skip


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
    by_language = {"en": [Path(a) for a in args]} if args else {
        "en": default_labelled_files(), **labelled_languages()}  # fmt: skip
    try:
        sets = {lang: [read_labelled(p) for p in paths] for lang, paths in by_language.items()}
    except LabelledFileError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not any(sets.values()):
        print("error: no labelled sets found; pass FILE arguments", file=sys.stderr)
        return 2
    lexicon = ReviewLexicon.default()
    for language, chosen_sets in sets.items():
        if not chosen_sets:
            continue
        for name, chosen in jobs_for(chosen_sets, lexicon, language):
            model = fit(chosen, language)
            if language != "en" and name == model_name(language):
                model.measured = measure_held_out(model, chosen_sets)
                verdict = "reads reviews" if good_enough(model) else "too weak: not used"
                print(f"{name}: held-out {model.measured} ({verdict})")
            path = out / f"{name}.json.gz" if out else model_path(name)
            path.parent.mkdir(parents=True, exist_ok=True)
            model.save(path)
            print(f"{path}: trained on {'+'.join(model.trained_on)} ({len(model.seen)} texts)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
