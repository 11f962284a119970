"""Per-field quality counters of a crawl, kept per source and field (as alltheplaces keeps
them): how many values were read, how many normalised, how many could not be read and why.

Crawler stats keys: ``field/<source>/<field>/read``, ``.../normalised``, ``.../unreadable`` and
``.../unreadable/<reason>`` (the reason without the value it quotes)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

PREFIX = "field/"
_QUOTED = re.compile(r"""(['"]).*?\1|\d+""")


@lru_cache(maxsize=4096)
def reason_kind(problem: str) -> str:
    """A problem without the value it quotes: the same reason on many pages counts as one."""
    text = _QUOTED.sub("…", problem.split(": ", 1)[0] if ": " in problem[:60] else problem)
    return " ".join(text.replace("/", " ").split())[:70] or "unreadable"


def count(stats: Any, source: str, field: str, problem: str | None, by: int = 1) -> None:
    """Count one value read on ``source`` for ``field``, normalised or not (``by=-1`` takes a
    count back, when a value is normalised again)."""
    read, normalised, unreadable = _keys(source, field)
    stats.inc_value(read, by)
    if problem:
        stats.inc_value(unreadable, by)
        stats.inc_value(f"{unreadable}/{reason_kind(problem)}", by)
    else:
        stats.inc_value(normalised, by)


@lru_cache(maxsize=4096)
def _keys(source: str, field: str) -> tuple[str, str, str]:
    base = f"{PREFIX}{source}/{field}"
    return f"{base}/read", f"{base}/normalised", f"{base}/unreadable"


def field_quality(stats: dict[str, Any]) -> list[dict[str, Any]]:
    """Rows (source, field, read, normalised, unreadable, share unreadable, main reason) from a
    run's stats, the worst first."""
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    for key, value in stats.items():
        if not key.startswith(PREFIX) or not isinstance(value, int | float):
            continue
        parts = key[len(PREFIX):].split("/", 3)
        if len(parts) < 3:
            continue
        source, field, what = parts[0], parts[1], parts[2]
        row = rows.setdefault((source, field), {"source": source, "field": field, "read": 0,
                                                "normalised": 0, "unreadable": 0, "reasons": {}})  # fmt: skip
        if len(parts) == 4 and what == "unreadable":
            row["reasons"][parts[3]] = row["reasons"].get(parts[3], 0) + int(value)
        elif what in ("read", "normalised", "unreadable"):
            row[what] += int(value)
    out = []
    for row in rows.values():
        reasons = sorted(row.pop("reasons").items(), key=lambda kv: -kv[1])
        row["unreadable_share"] = round(row["unreadable"] / row["read"], 3) if row["read"] else 0.0
        row["main_reason"] = f"{reasons[0][0]} ({reasons[0][1]})" if reasons else ""
        out.append(row)
    return sorted(out, key=lambda r: (-r["unreadable_share"], r["source"], r["field"]))
