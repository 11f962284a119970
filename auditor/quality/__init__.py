"""Quality measured on real third-party data (``make quality``): one module per suite.

Each suite is a function ``measure(data_dir: Path) -> list[Metric]`` reading the copies under
``tests/data/`` (each with its source and licence), registered below by name.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from auditor.quality.base import DATA_DIR, Metric

SUITES: dict[str, str] = {
    "addresses": "auditor.quality.addresses:measure",
    "hours": "auditor.quality.hours:measure",
    "phones": "auditor.quality.phones:measure",
    "real_pages": "auditor.quality.real_pages:measure",
    "sentiment": "auditor.quality.sentiment:measure",
    "worlds": "auditor.quality.worlds:measure",
}


def suite_function(name: str) -> Callable[[Path], list[Metric]]:
    module, _, attribute = SUITES[name].partition(":")
    return getattr(importlib.import_module(module), attribute or "measure")


def measure(names: list[str] | None = None, data_dir: Path = DATA_DIR) -> list[Metric]:
    """Every figure of the named suites (all when none are named), in registry order."""
    metrics: list[Metric] = []
    for name in names or list(SUITES):
        metrics.extend(suite_function(name)(data_dir))
    return metrics


__all__ = ["DATA_DIR", "SUITES", "Metric", "measure", "suite_function"]
