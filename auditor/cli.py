"""The ``auditor`` command line: a thin Typer layer over the library.

Each command group lives in ``auditor/commands/<name>.py`` and exposes ``register(app)``;
adding a group is one entry in ``COMMAND_MODULES``. Every failure leaves as one line and a
documented exit code (``auditor.commands.failures``).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence
from typing import Any

import typer
from typer.core import TyperGroup

from auditor import __version__
from auditor.commands.failures import EXITS, ExitCode, report_failure

COMMAND_MODULES: tuple[str, ...] = (
    "spec", "run", "evaluate", "report", "sentiment", "crawl", "check", "doctor", "extract", "probe",
)  # fmt: skip

_DEBUG = {"on": False}


class AuditorGroup(TyperGroup):
    """Runs a command and turns whatever it raises into one line and an exit code."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        _DEBUG["on"] = False  # set again by --debug for this invocation
        try:
            result = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
            code = result if isinstance(result, int) else ExitCode.OK
        except EXITS as exc:  # raised outside click's own handling
            code = exc.exit_code
        except (Exception, KeyboardInterrupt) as exc:  # the one place failures end
            code = report_failure(exc, debug=_DEBUG["on"])
        sys.exit(int(code))


app = typer.Typer(
    name="auditor",
    cls=AuditorGroup,
    help="Audit a multi-location brand for consistency at every customer touchpoint.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
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
    debug: bool = typer.Option(
        False, "--debug", help="Show the traceback of a failure (also: AUDITOR_DEBUG=1)."
    ),
) -> None:
    """Audit a multi-location brand for consistency at every customer touchpoint."""
    _DEBUG["on"] = debug


for _name in COMMAND_MODULES:
    importlib.import_module(f"auditor.commands.{_name}").register(app)


if __name__ == "__main__":
    app()
