"""What an analyzer says about one text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Label = Literal["negative", "neutral", "positive"]

NEUTRAL_BAND = 0.05
"""|polarity| below this is neutral (VADER's own convention for its compound score)."""


def label_for(polarity: float) -> Label:
    """negative / neutral / positive from a polarity in [-1, 1]."""
    if polarity >= NEUTRAL_BAND:
        return "positive"
    if polarity <= -NEUTRAL_BAND:
        return "negative"
    return "neutral"


@dataclass(frozen=True)
class SentimentResult:
    """Polarity in [-1, 1], its label, and how sure the analyzer is (0..1)."""

    polarity: float
    label: Label
    confidence: float
    analyzer: str

    @classmethod
    def from_polarity(cls, polarity: float, confidence: float, analyzer: str) -> SentimentResult:
        polarity = max(-1.0, min(1.0, polarity))
        return cls(polarity, label_for(polarity), max(0.0, min(1.0, confidence)), analyzer)
