"""A quality figure: what was measured on real third-party data, and the target it must meet."""

from __future__ import annotations

import operator
from dataclasses import asdict, dataclass
from pathlib import Path

_OPS = {">=": operator.ge, "<=": operator.le, "==": operator.eq, ">": operator.gt, "<": operator.lt}

DATA_DIR = Path(__file__).resolve().parents[2] / "tests" / "data"


@dataclass(frozen=True)
class Metric:
    """One measured figure: ``value`` judged against ``target`` such as ``>= 0.95``."""

    suite: str
    name: str
    value: float
    target: str = ""  # "" = reported, not judged
    detail: str = ""  # e.g. "283/300" or what failed most

    @property
    def passed(self) -> bool | None:
        if not self.target:
            return None
        op, _, bound = self.target.partition(" ")
        return bool(_OPS[op](round(self.value, 6), float(bound)))

    def as_dict(self) -> dict:
        return {**asdict(self), "passed": self.passed}


def share(hits: int, total: int) -> float:
    """hits / total, 0.0 when there is nothing to count."""
    return hits / total if total else 0.0
