"""A valid starter spec to break in one place per test, and a helper that runs the CLI."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from auditor.cli import app


@dataclass(frozen=True)
class Outcome:
    code: int
    lines: list[str]

    @property
    def line(self) -> str:
        """The one line a failure prints (asserts there is exactly one)."""
        assert len(self.lines) == 1, self.lines
        return self.lines[0]


def auditor(*args: str) -> Outcome:
    """Run ``auditor ARGS`` in this process; the output lines, with no traceback allowed."""
    result = CliRunner().invoke(app, [str(a) for a in args])
    output = result.output
    assert "Traceback" not in output, output
    return Outcome(result.exit_code, [line for line in output.splitlines() if line.strip()])


@pytest.fixture
def spec(tmp_path: Path) -> Path:
    """A valid spec folder made by `auditor init` (its own rule packs in rules/)."""
    folder = tmp_path / "brand"
    assert auditor("init", folder).code == 0
    assert auditor("validate", folder / "brand.yaml").code == 0
    return folder / "brand.yaml"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_number(path: Path, needle: str) -> int:
    return next(i for i, text in enumerate(path.read_text().splitlines(), 1) if needle in text)


def matches(pattern: str, line: str) -> bool:
    return re.fullmatch(pattern, line) is not None
