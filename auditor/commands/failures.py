"""Exit codes and the one place that turns any failure into one line and its code.

No traceback reaches the user: ``auditor --debug ...`` or ``AUDITOR_DEBUG=1`` shows them.
The codes are documented in docs/cli.md.
"""

from __future__ import annotations

import os
import sys
import traceback
from enum import IntEnum

import click
import typer

try:  # Typer carries its own copy of click's exceptions
    from typer._click import exceptions as _typer_click
except ImportError:  # an older Typer uses click itself
    _typer_click = click.exceptions

USAGE_ERRORS = (click.UsageError, _typer_click.UsageError)
CLICK_ERRORS = (click.ClickException, _typer_click.ClickException)
NO_ARGS = tuple(
    m.NoArgsIsHelpError for m in (click.exceptions, _typer_click) if hasattr(m, "NoArgsIsHelpError")
)
EXITS = (click.exceptions.Exit, typer.Exit)
ABORTS = (click.Abort, typer.Abort, KeyboardInterrupt)


class ExitCode(IntEnum):
    OK = 0
    FAILED = 1  # the command could not do its job: unreachable URL, unknown store or run, crash
    FINDINGS = 2  # only: `check` found findings, `run --fail-under` not met
    INVALID_INPUT = 3  # spec, roster, rule pack or logo with problems
    DATABASE = 4  # database missing, not SQLite, a folder, read-only, needs repair, failing
    LOCKED = 5  # another run holds the database
    NOT_A_LOCATION = 6  # `check`: the page gave no location or matched no store
    USAGE = 64  # unknown command or option, bad option value
    INTERRUPTED = 130  # Ctrl-C


def debug_enabled() -> bool:
    return os.environ.get("AUDITOR_DEBUG", "").strip().lower() not in ("", "0", "false", "no")


def _first_line(text: str) -> str:
    lines = [line.strip() for line in str(text).splitlines() if line.strip()]
    return lines[0] if lines else ""


def describe(exc: BaseException) -> tuple[list[str], int]:
    """The lines to print (each one problem) and the exit code for ``exc``."""
    from sqlalchemy.exc import SQLAlchemyError

    from auditor.spec import SpecError
    from auditor.spec.yamlfile import YamlFileError
    from auditor.store.errors import DatabaseLocked, DatabaseProblem

    if isinstance(exc, USAGE_ERRORS):
        where = exc.ctx.command_path if exc.ctx is not None else "auditor"
        message = _first_line(exc.format_message()).replace("Value error, ", "")
        return [f"{where}: {message} (see {where} --help)"], ExitCode.USAGE
    if isinstance(exc, CLICK_ERRORS):
        return [_first_line(exc.format_message())], ExitCode.FAILED
    if isinstance(exc, SpecError):
        return [str(p) for p in exc.problems] or [_first_line(str(exc))], ExitCode.INVALID_INPUT
    if isinstance(exc, YamlFileError):
        return [str(exc.problem)], ExitCode.INVALID_INPUT
    if isinstance(exc, DatabaseLocked):
        return [_first_line(str(exc))], ExitCode.LOCKED
    if isinstance(exc, DatabaseProblem):
        return [_first_line(str(exc))], ExitCode.DATABASE
    if isinstance(exc, SQLAlchemyError):
        orig = getattr(exc, "orig", None) or exc
        return [f"database error: {_first_line(str(orig))}"], ExitCode.DATABASE
    if isinstance(exc, ABORTS):
        return ["interrupted"], ExitCode.INTERRUPTED
    if isinstance(exc, LookupError) or type(exc).__name__ == "CheckError":
        return [_first_line(str(exc))], ExitCode.FAILED
    if isinstance(exc, OSError) and exc.strerror:
        where = f"{exc.filename}: " if exc.filename else ""
        return [f"{where}{exc.strerror}"], ExitCode.FAILED
    hint = "run with --debug (or AUDITOR_DEBUG=1) for the traceback"
    return [f"internal error: {type(exc).__name__}: {_first_line(str(exc))} ({hint})"], ExitCode.FAILED


def report_failure(exc: BaseException, debug: bool = False) -> int:
    """Print ``exc`` as its lines on standard error; returns the exit code."""
    if isinstance(exc, NO_ARGS):
        click.echo(exc.ctx.get_help() if exc.ctx is not None else "", err=True)
        return ExitCode.USAGE
    if debug or debug_enabled():
        traceback.print_exception(exc, file=sys.stderr)
    lines, code = describe(exc)
    for line in lines:
        click.echo(line, err=True)
    return int(code)
