"""docs/normalise.md is tested: its examples run, and every public name is documented."""

from __future__ import annotations

import doctest
from pathlib import Path

import auditor.normalise

DOC = Path(__file__).resolve().parents[2] / "docs" / "normalise.md"


def test_examples_in_the_normaliser_docs_run() -> None:
    result = doctest.testfile(
        str(DOC), module_relative=False, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
        verbose=False, report=True,
    )
    assert result.attempted > 20
    assert result.failed == 0


def test_every_public_name_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    missing = [name for name in auditor.normalise.__all__ if f"`{name}" not in text]
    assert not missing
