"""The ``auditor`` command line: a thin Typer layer over the library.

Each command group lives in ``auditor/commands/<name>.py`` and exposes ``register(app)``;
adding a group is one entry in ``COMMAND_MODULES``.
"""

from __future__ import annotations

import importlib

import typer

from auditor import __version__

COMMAND_MODULES: tuple[str, ...] = ("spec", "run", "evaluate", "report", "sentiment", "crawl", "check")

app = typer.Typer(
    name="auditor",
    help="Audit a multi-location brand for consistency at every customer touchpoint.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"auditor {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Audit a multi-location brand for consistency at every customer touchpoint."""


for _name in COMMAND_MODULES:
    importlib.import_module(f"auditor.commands.{_name}").register(app)


if __name__ == "__main__":
    app()
