"""A small logistic model over lexicon features, stored as gzipped JSON inside the package.

Fitted by Newton's method (a dozen dense features, a few thousand sentences: exact and
deterministic in pure Python), so neither numpy nor scikit-learn is needed at run time.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from auditor.sentiment.lexicon import LexiconScore, PatternScore

FEATURES: tuple[str, ...] = (
    "compound",
    "phrases",
    "rating",
    "has_rating",
    "positive",
    "negative",
    "last_clause",
    "polarity",
    "silent",
    "pattern_polarity",
    "pattern_subjectivity",
    "pattern_silent",
)


def features(score: LexiconScore, pattern: PatternScore) -> list[float]:
    """The model's inputs, all roughly within [-1, 1]: the review lexicon's reading (VADER's
    rules) and TextBlob's pattern lexicon's reading of the same text."""
    return [
        score.compound,
        max(-1.0, min(1.0, score.phrases / 4.0)),
        score.rating or 0.0,
        1.0 if score.rating is not None else 0.0,
        score.positive,
        score.negative,
        score.last_clause,
        score.polarity,
        1.0 if score.polarity == 0.0 else 0.0,
        pattern.polarity,
        pattern.subjectivity,
        1.0 if pattern.assessed == 0 else 0.0,
    ]


def sentence_digest(sentence: str) -> str:
    """A short stable id of a training sentence, so evaluation can prove a set is unseen."""
    folded = " ".join(sentence.casefold().split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()[:16]


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def predict_probability(weights: Sequence[float], bias: float, x: Sequence[float]) -> float:
    """P(positive | x) under a logistic model."""
    return _sigmoid(bias + sum(w * v for w, v in zip(weights, x, strict=True)))


@dataclass
class LinearModel:
    """Weights per feature plus a bias; ``trained_on`` names the labelled sets used."""

    weights: list[float]
    bias: float
    trained_on: list[str]
    seen: frozenset[str] = field(default_factory=frozenset)
    l2: float = 1.0

    def probability(self, x: Sequence[float]) -> float:
        """P(positive | x)."""
        return _sigmoid(self.bias + sum(w * v for w, v in zip(self.weights, x, strict=True)))

    def logit(self, x: Sequence[float]) -> float:
        return self.bias + sum(w * v for w, v in zip(self.weights, x, strict=True))

    def overlap(self, sentences: Iterable[str]) -> int:
        """How many of these sentences the model was trained on."""
        return sum(1 for s in sentences if sentence_digest(s) in self.seen)

    def save(self, path: Path) -> None:
        payload = {
            "format": 1,
            "features": list(FEATURES),
            "weights": [round(w, 6) for w in self.weights],
            "bias": round(self.bias, 6),
            "l2": self.l2,
            "trained_on": self.trained_on,
            "seen": sorted(self.seen),
        }
        raw = json.dumps(payload, indent=0, sort_keys=True).encode("utf-8")
        # mtime=0 keeps the file byte-identical when retrained on the same data.
        path.write_bytes(gzip.compress(raw, mtime=0))

    @classmethod
    def load(cls, path: Path) -> LinearModel:
        payload = json.loads(gzip.decompress(path.read_bytes()))
        if payload.get("features") != list(FEATURES):
            raise ValueError(f"{path}: model features differ from this version; retrain it")
        return cls(
            weights=[float(w) for w in payload["weights"]],
            bias=float(payload["bias"]),
            trained_on=list(payload["trained_on"]),
            seen=frozenset(payload.get("seen", ())),
            l2=float(payload.get("l2", 1.0)),
        )


def fit_logistic(
    rows: Sequence[Sequence[float]], labels: Sequence[int], l2: float = 1.0, iterations: int = 25
) -> tuple[list[float], float]:
    """L2-regularised logistic regression (bias unpenalised) by Newton-Raphson."""
    n_features = len(rows[0])
    size = n_features + 1
    beta = [0.0] * size  # last entry is the bias
    for _ in range(iterations):
        grad = [0.0] * size
        hess = [[0.0] * size for _ in range(size)]
        for x, y in zip(rows, labels, strict=True):
            xb = [*x, 1.0]
            p = _sigmoid(sum(b * v for b, v in zip(beta, xb, strict=True)))
            err = p - y
            w = p * (1.0 - p)
            for i in range(size):
                grad[i] += err * xb[i]
                wi = w * xb[i]
                row = hess[i]
                for j in range(i, size):
                    row[j] += wi * xb[j]
        for i in range(size):
            for j in range(i):
                hess[i][j] = hess[j][i]
        for i in range(n_features):
            grad[i] += l2 * beta[i]
            hess[i][i] += l2
        hess[-1][-1] += 1e-9
        step = _solve(hess, grad)
        beta = [b - s for b, s in zip(beta, step, strict=True)]
        if max(abs(s) for s in step) < 1e-8:
            break
    return beta[:-1], beta[-1]


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (the system is small and positive definite)."""
    n = len(vector)
    a = [[*row, v] for row, v in zip(matrix, vector, strict=True)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(a[r][col]))
        a[col], a[pivot] = a[pivot], a[col]
        for r in range(col + 1, n):
            factor = a[r][col] / a[col][col]
            for c in range(col, n + 1):
                a[r][c] -= factor * a[col][c]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (a[r][n] - sum(a[r][c] * x[c] for c in range(r + 1, n))) / a[r][r]
    return x
