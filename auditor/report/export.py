"""Data output shared by every command that prints rows: a Rich table, CSV or JSON."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from auditor.report.console import make_console


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


FormatOption = Annotated[
    OutputFormat, typer.Option("--format", "-f", help="How to print the rows: table, json or csv.")
]


# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """A CSV cell a spreadsheet shows as text: crawled text starting like a formula gets a
    leading apostrophe. Numbers stay numbers (a negative number is not a formula)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_text(rows: Sequence[dict[str, Any]]) -> str:
    """``rows`` as CSV with a header, every text cell made safe for spreadsheets."""
    buffer = io.StringIO()
    if rows:
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows({k: safe_cell(v) for k, v in row.items()} for row in rows)
    return buffer.getvalue()


def emit_rows(
    rows: Sequence[dict[str, Any]], fmt: OutputFormat, title: str = "", console: Console | None = None
) -> None:
    """Print ``rows`` (dicts with the same keys) in the chosen format to standard output."""
    if fmt is OutputFormat.json:
        typer.echo(json.dumps(list(rows), indent=2, ensure_ascii=False, default=str))
        return
    if fmt is OutputFormat.csv:
        typer.echo(csv_text(rows), nl=False)
        return
    console = console or make_console()
    if not rows:  # a title squeezed into an empty table's width wraps every word: the title alone
        console.print(title or "(no rows)", markup=False, highlight=False, soft_wrap=True)
        return
    table = Table(title=title or None)
    for key in rows[0]:
        table.add_column(str(key), overflow="fold")
    for row in rows:
        table.add_row(
            *("" if v is None else f"{v:.1f}" if isinstance(v, float) else str(v) for v in row.values())
        )
    console.print(table)
