"""``python -m auditor.bench [NAME ...]``: run the benchmarks, print a table, write JSON."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table

from auditor.bench import BENCHES, BenchResult


def main(argv: list[str]) -> int:
    wanted = [a for a in argv if not a.startswith("-")]
    modules = [m for m in BENCHES if not wanted or m.rsplit(".", 1)[-1] in wanted]
    console = Console()
    results: list[BenchResult] = []
    for dotted in modules:
        console.print(f"[bold]bench[/] {dotted} ...")
        results.extend(importlib.import_module(dotted).run())
    table = Table(title="make bench")
    for column in ("name", "value", "unit", "baseline", "ratio"):
        table.add_column(column, justify="left" if column in ("name", "unit") else "right")

    def fmt(x: float | None) -> str:
        return "" if x is None else f"{x:,.3f}"

    for r in results:
        table.add_row(r.name, fmt(r.value), r.unit, fmt(r.baseline), fmt(r.ratio))
    console.print(table)
    out = Path("bench-results.json")
    out.write_text(json.dumps([r.as_dict() for r in results], indent=2) + "\n")
    console.print(f"wrote {out.resolve()}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
