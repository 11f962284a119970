"""The review model: a logistic regression over lexicon features and hashed word n-grams.

Stored as gzipped JSON inside the package: the dense weights, a bias, and the n-gram weights as
one int8 table (``HASH_SIZE`` entries times a scale). Scoring needs only the standard library;
training (``train.py``) uses numpy and scipy.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import math
from array import array
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from auditor.sentiment.lexicon import LexiconScore, PatternScore
from auditor.sentiment.ngrams import HASH_BITS, HASH_SIZE

FORMAT = 3
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
    "length",
    "shortness",
)
"""Dense inputs of the English model."""
FOREIGN_FEATURES: tuple[str, ...] = ("lexicon_polarity", "lexicon_silent", "length", "shortness")
"""Dense inputs of another language's model: its lexicon's reading where one ships, and length."""


def feature_names(language: str) -> tuple[str, ...]:
    return FEATURES if language == "en" else FOREIGN_FEATURES


def length_features(grams: int) -> list[float]:
    """sqrt(n)/10 and 1/sqrt(n) of a text's n distinct n-grams."""
    size = max(1, grams)
    return [math.sqrt(size) / 10.0, 1.0 / math.sqrt(size)]


def features(score: LexiconScore, pattern: PatternScore, grams: int) -> list[float]:
    """The model's dense inputs, all roughly within [-1, 1]: the review lexicon's reading (VADER's
    rules), TextBlob's pattern lexicon's reading of the same text, and its length (``grams``
    distinct n-grams), so the intercept can differ between a short sentence and a long review:
    the n-gram vector has unit length, and what its many small weights add up to grows with the
    number of n-grams."""
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
        *length_features(grams),
    ]


def sentence_digest(sentence: str) -> str:
    """A short stable id of a training text, so evaluation can prove a set is unseen."""
    folded = " ".join(sentence.casefold().split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()[:16]


def seen_key(sentence: str) -> int:
    """The 32-bit key a model stores for each training text (false match rate about 1e-5)."""
    return int(sentence_digest(sentence)[:8], 16)


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


@dataclass
class LinearModel:
    """Dense weights per feature, int8 n-gram weights times ``scale``, and a bias.

    ``trained_on`` names the labelled sets used (``set:part`` when only part of a set was);
    ``language`` is the language it reads, which fixes its dense inputs (``feature_names``)."""

    weights: list[float]
    bias: float
    trained_on: list[str]
    seen: frozenset[int] = field(default_factory=frozenset)
    l2: float = 1.0
    hashed: array = field(default_factory=lambda: array("b"))
    scale: float = 0.0
    language: str = "en"
    measured: dict[str, float] = field(default_factory=dict)
    """Figures on texts it never saw, written by the trainer (``n``, ``balanced_accuracy``,
    ``negative_recall``); a language model without them is never used."""

    def logit(self, x: Sequence[float], grams: Mapping[int, float] | None = None) -> float:
        z = self.bias + sum(w * v for w, v in zip(self.weights, x, strict=True))
        if grams and self.hashed:
            table = self.hashed
            z += self.scale * sum(table[k] * v for k, v in grams.items())
        return z

    def probability(self, x: Sequence[float], grams: Mapping[int, float] | None = None) -> float:
        """P(positive | x, n-grams)."""
        return _sigmoid(self.logit(x, grams))

    def overlap(self, sentences: Iterable[str]) -> int:
        """How many of these texts the model was trained on."""
        return sum(1 for s in sentences if seen_key(s) in self.seen)

    def save(self, path: Path) -> None:
        seen = array("I", sorted(self.seen))
        payload = {
            "format": FORMAT,
            "features": list(feature_names(self.language)),
            "language": self.language,
            "measured": self.measured,
            "hash_bits": HASH_BITS,
            "weights": [round(w, 6) for w in self.weights],
            "bias": round(self.bias, 6),
            "l2": self.l2,
            "trained_on": self.trained_on,
            "scale": self.scale,
            "hashed": base64.b64encode(self.hashed.tobytes()).decode("ascii"),
            "seen": base64.b64encode(_little_endian(seen).tobytes()).decode("ascii"),
        }
        raw = json.dumps(payload, indent=0, sort_keys=True).encode("utf-8")
        # mtime=0 keeps the file byte-identical when retrained on the same data.
        path.write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))

    @classmethod
    def load(cls, path: Path) -> LinearModel:
        payload = json.loads(gzip.decompress(path.read_bytes()))
        language = str(payload.get("language", "en"))
        if (
            payload.get("format") != FORMAT
            or payload.get("features") != list(feature_names(language))
            or payload.get("hash_bits") != HASH_BITS
        ):
            raise ValueError(f"{path}: model made by another version; run `make sentiment-models`")
        hashed = array("b", base64.b64decode(payload["hashed"]))
        if len(hashed) != HASH_SIZE:
            raise ValueError(f"{path}: n-gram table has {len(hashed)} entries, not {HASH_SIZE}")
        seen = _little_endian(array("I", base64.b64decode(payload["seen"])))
        return cls(
            weights=[float(w) for w in payload["weights"]],
            bias=float(payload["bias"]),
            trained_on=list(payload["trained_on"]),
            seen=frozenset(seen),
            l2=float(payload["l2"]),
            hashed=hashed,
            scale=float(payload["scale"]),
            language=language,
            measured={k: float(v) for k, v in (payload.get("measured") or {}).items()},
        )


def _little_endian(values: array) -> array:
    """Stored key tables are little-endian whatever the machine."""
    import sys

    if sys.byteorder == "big":
        values = array(values.typecode, values)
        values.byteswap()
    return values
