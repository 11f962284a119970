"""The console the commands print to: the terminal's width, or 120 columns when the output goes to a
file or a pipe (Rich's 80 would wrap every table of a saved run summary)."""

from __future__ import annotations

import os

from rich.console import Console

PIPED_WIDTH = 120


def make_console(stderr: bool = False) -> Console:
    """A Rich console for the command's output (``stderr`` for progress)."""
    console = Console(stderr=stderr)
    if not console.is_terminal and not os.environ.get("COLUMNS"):
        console = Console(stderr=stderr, width=PIPED_WIDTH)
    return console
