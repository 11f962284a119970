"""A copy of the starter spec to break in one place per test, and `auditor validate` as (exit code, lines)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from auditor.cli import app
from auditor.commands.spec import STARTER_DIR


@pytest.fixture
def spec_dir(tmp_path: Path) -> Path:
    """A folder of its own (tmp_path is outside it) holding the starter brand.yaml and roster.csv."""
    folder = tmp_path / "brand"
    folder.mkdir()
    for name in ("brand.yaml", "roster.csv"):
        shutil.copyfile(STARTER_DIR / name, folder / name)
    return folder


def validate(spec: Path) -> tuple[int, list[str]]:
    """Run ``auditor validate SPEC``: its exit code and output lines, with no traceback allowed."""
    result = CliRunner().invoke(app, ["validate", str(spec)])
    assert "Traceback" not in result.output
    return result.exit_code, result.output.strip().splitlines()
