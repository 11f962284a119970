"""``make quality`` as tests: every registered suite's figures meet their targets."""

from __future__ import annotations

import pytest

from auditor.quality import SUITES, suite_function
from auditor.quality.base import DATA_DIR


@pytest.mark.parametrize("suite", sorted(SUITES))
def test_suite_meets_its_targets(suite: str) -> None:
    metrics = suite_function(suite)(DATA_DIR)
    assert metrics, f"suite {suite} measured nothing"
    missed = [
        f"{m.name} = {m.value:.3f} (target {m.target}; {m.detail})" for m in metrics if m.passed is False
    ]
    assert not missed, "\n".join(missed)
