"""``python -m auditor.quality [SUITE ...]``: print the quality table, write quality-results.json.

Exit 1 when a figure misses its target."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table

from auditor.quality import SUITES, measure


def main(argv: list[str]) -> int:
    unknown = [a for a in argv if a not in SUITES]
    if unknown:
        print(f"unknown quality suite {unknown[0]!r}; known: {', '.join(SUITES)}", file=sys.stderr)
        return 64
    metrics = measure(argv or None)
    table = Table(title="quality on real data (tests/data)")
    for column in ("suite", "name", "value", "target", "ok", "detail"):
        table.add_column(column, overflow="fold")
    for m in metrics:
        ok = {None: "", True: "yes", False: "NO"}[m.passed]
        table.add_row(m.suite, m.name, f"{m.value:.3f}", m.target, ok, m.detail)
    Console(width=160).print(table)
    Path("quality-results.json").write_text(json.dumps([m.as_dict() for m in metrics], indent=1))
    return 1 if any(m.passed is False for m in metrics) else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
