"""Propagation grace: a platform takes time to show an edit (Google reviews a change for up to a
few days). When the roster changed a field less than the source's ``grace_days`` ago, a finding
on that field there is *propagating*: kept and shown, as severity ``info`` with a note, not
alerted as an error.

When each roster field last changed is kept in a small table of its own (``rosterchange``): a
value first seen has no change time (an audit's first run knows no history), a value that
differs from the one kept was changed at that run."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Engine

# finding field -> the roster columns whose change it follows
FIELDS = {"name": ("name",), "phone": ("phone",), "website": ("website",), "hours": ("hours",),
          "holiday_hours": ("holiday_hours",), "status": ("status",),
          "address": ("house_number", "street", "locality", "state", "postcode", "country")}  # fmt: skip
_TABLE = ("CREATE TABLE IF NOT EXISTS rosterchange (store_id VARCHAR(200) NOT NULL, "
          "field VARCHAR(40) NOT NULL, digest VARCHAR(64) NOT NULL, changed VARCHAR(32), "
          "PRIMARY KEY (store_id, field))")  # fmt: skip


def _digest(row: dict[str, Any], columns: tuple[str, ...]) -> str:
    values = [str(row.get(c) or "").strip() for c in columns]
    return hashlib.sha256(json.dumps(values).encode()).hexdigest()


def note_roster_changes(engine: Engine, spec: Any, day: dt.date) -> dict[tuple[str, str], dt.date]:
    """Record which roster fields changed since the last run; (store, field) -> day of change."""
    from auditor.crawl.roster import roster_rows

    changed: dict[tuple[str, str], dt.date] = {}
    with engine.begin() as connection:
        connection.execute(text(_TABLE))
        kept = {(r[0], r[1]): (r[2], r[3]) for r in connection.execute(
            text("SELECT store_id, field, digest, changed FROM rosterchange"))}  # fmt: skip
        for store_id, row in roster_rows(spec).items():
            for field, columns in FIELDS.items():
                digest = _digest(row, columns)
                before = kept.get((store_id, field))
                when = before[1] if before else None
                if before is None:
                    connection.execute(text("INSERT INTO rosterchange VALUES (:s, :f, :d, NULL)"),
                                       {"s": store_id, "f": field, "d": digest})  # fmt: skip
                elif before[0] != digest:
                    when = day.isoformat()
                    connection.execute(text("UPDATE rosterchange SET digest = :d, changed = :c "
                                            "WHERE store_id = :s AND field = :f"),
                                       {"s": store_id, "f": field, "d": digest, "c": when})  # fmt: skip
                if when:
                    changed[(store_id, field)] = dt.date.fromisoformat(when)
    return changed


def mark_propagating(engine: Engine, spec: Any, run_id: int, day: dt.date) -> int:
    """Turn the run's findings on recently changed roster fields at grace sources into
    ``info`` findings saying so; the number marked."""
    graces = {str(s.id): float(s.platform.grace_days) for s in getattr(spec, "sources", None) or []
              if getattr(s, "platform", None) is not None and s.platform.grace_days > 0}  # fmt: skip
    if not graces:
        return 0
    changed = note_roster_changes(engine, spec, day)
    marked = 0
    with engine.begin() as connection:
        rows = connection.execute(text("SELECT id, location_id, source, field, message FROM finding "
                                       "WHERE run_id = :r"), {"r": run_id}).all()  # fmt: skip
        for ident, store_id, source, field, message in rows:
            when = changed.get((store_id, field))
            if source not in graces or when is None:
                continue
            age = (day - when).days
            if age >= graces[source]:
                continue
            note = (f"propagating: the roster changed {field} {age} day(s) ago and {source} is given "
                    f"{graces[source]:g} days to show it; {message}")  # fmt: skip
            connection.execute(text("UPDATE finding SET severity = 'info', message = :m WHERE id = :i"),
                               {"m": note, "i": ident})  # fmt: skip
            marked += 1
    return marked


def after_judging(engine: Engine, spec: Any, run_id: int, day: dt.date) -> None:
    """What platform sources ask of a judged run: grace for propagating edits, then forgetting
    the raw values of ``findings_only`` sources."""
    from auditor.sources.retention import forget_raw_values

    mark_propagating(engine, spec, run_id, day)
    forget_raw_values(engine, spec, run_id)
