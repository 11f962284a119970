"""Check types by name: one explicit dictionary, plus the ``auditor.checks`` entry-point group."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import cache
from importlib.metadata import entry_points

from auditor.judge.checks.base import Evidence, Outcome, Rule

CheckFunction = Callable[[Rule, Evidence], list[Outcome]]

CHECK_TYPES: dict[str, str] = {
    "field_match": "auditor.judge.checks.field_match:check",
    "hours_match": "auditor.judge.checks.hours_match:check",
    "presence": "auditor.judge.checks.presence:check",
    "duplicate": "auditor.judge.checks.duplicate:check",
    "status": "auditor.judge.checks.status:check",
    "existence": "auditor.judge.checks.existence:check",
    "substitution": "auditor.judge.checks.substitution:check",
    "required_text": "auditor.judge.checks.required_text:check",
    "palette": "auditor.judge.checks.palette:check",
    "font": "auditor.judge.checks.font:check",
    "logo": "auditor.judge.checks.logo:check",
    "rating_floor": "auditor.judge.checks.rating_floor:check",
    "sentiment_floor": "auditor.judge.checks.sentiment_floor:check",
    "response_rate": "auditor.judge.checks.response_rate:check",
    "review_recency": "auditor.judge.checks.review_recency:check",
    "theme_alert": "auditor.judge.checks.theme_alert:check",
    "platform_edit": "auditor.judge.checks.platform_edit:check",
    "category": "auditor.judge.checks.category:check",
    "upcoming_holiday": "auditor.judge.checks.upcoming_holiday:check",
    "source_health": "auditor.judge.sources:check",  # judged once per run, not per store
}


@cache
def known_types() -> dict[str, str]:
    """Built-in types, then third-party ones from the ``auditor.checks`` entry points."""
    types = dict(CHECK_TYPES)
    for entry in entry_points(group="auditor.checks"):
        types.setdefault(entry.name, entry.value)
    return types


@cache
def check_function(name: str) -> CheckFunction:
    dotted = known_types().get(name)
    if dotted is None:
        raise KeyError(f"unknown check type '{name}' (known: {', '.join(sorted(known_types()))})")
    module, _, attribute = dotted.partition(":")
    return getattr(importlib.import_module(module), attribute or "check")
