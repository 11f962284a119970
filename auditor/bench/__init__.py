"""Benchmarks run by ``make bench``: each module in BENCHES has ``run() -> list[BenchResult]``.

Targets are ratios against a baseline measured in the same run, never absolute timings.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

BENCHES: tuple[str, ...] = (
    "auditor.bench.crawl",
    "auditor.bench.evaluate",
    "auditor.bench.sentiment",
    "auditor.bench.report",
)


@dataclass(frozen=True)
class BenchResult:
    """One measured figure and the baseline it is compared with."""

    name: str
    value: float
    unit: str
    baseline: float | None = None
    ratio: float | None = None

    def as_dict(self) -> dict:
        return asdict(self)
