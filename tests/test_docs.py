"""Docs are tested: every command is documented and has an example in its help."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from auditor.cli import app

ROOT = Path(__file__).resolve().parents[1]
COMMANDS = sorted(info.name for info in typer.main.get_command(app).commands.values())


@pytest.mark.parametrize("command", COMMANDS)
def test_command_is_documented_with_an_example(command: str) -> None:
    assert f"### `auditor {command}" in (ROOT / "docs" / "cli.md").read_text()
    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output or "example" in result.output


def test_readme_gives_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text()
    assert "make demo" in readme and "make test" in readme
