"""Regular expressions written by users (rule packs, spec phrases), run by RE2 in linear time.

Python's ``re`` backtracks: a pattern like ``(a+)+$`` against a long page takes exponential
time. RE2 guarantees time linear in the text, refuses the features that need backtracking
(backreferences, lookaround) with a message at validation, and bounds its memory. Each pattern
also has a time budget for a whole evaluation; once spent, the rule is reported as not judged.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import re2

MAX_PATTERN_CHARS = 2_000
MAX_MEMORY_BYTES = 8 << 20  # RE2's compiled program and DFA cache, per pattern
TIME_BUDGET_S = 5.0  # per pattern, for one process's evaluation


class UserRegexError(ValueError):
    """A pattern RE2 cannot run; the message says why in one line."""


class RegexBudgetExceeded(RuntimeError):
    """A pattern spent its time budget; what it would have judged is not judged."""


@dataclass
class UserPattern:
    """A compiled user pattern with the ``re`` methods the checks use, and a time budget."""

    pattern: str
    compiled: Any
    budget_s: float = TIME_BUDGET_S
    spent_s: float = field(default=0.0)

    def search(self, text: str) -> Any:
        """The first match (``.start()``, ``.end()``, ``.group()``) or None."""
        if self.spent_s >= self.budget_s:
            raise RegexBudgetExceeded(
                f"regex '{self.pattern}' used its {self.budget_s:g} s time budget; not judged further"
            )
        began = time.perf_counter()
        try:
            return self.compiled.search(text)
        finally:
            self.spent_s += time.perf_counter() - began


def _options() -> Any:
    options = re2.Options()
    options.log_errors = False
    options.case_sensitive = False
    options.max_mem = MAX_MEMORY_BYTES
    return options


@lru_cache(maxsize=4096)
def compile_user_regex(pattern: str) -> UserPattern:
    """The pattern compiled case-insensitively by RE2; raises UserRegexError."""
    if len(pattern) > MAX_PATTERN_CHARS:
        raise UserRegexError(f"longer than {MAX_PATTERN_CHARS} characters")
    try:
        return UserPattern(pattern, re2.compile(pattern, options=_options()))
    except re2.error as exc:
        reason = exc.args[0] if exc.args else exc
        reason = reason.decode("utf-8", "replace") if isinstance(reason, bytes) else str(reason)
        what, _, where = reason.partition(": ")  # RE2 says "missing ): (abc"
        reason = f"{what} in '{where}'" if where else what
        hint = ""
        if any(mark in pattern for mark in ("(?=", "(?!", "(?<", "\\1", "\\2", "(?P=")):
            hint = " (lookaround and backreferences are not supported: patterns run in linear time)"
        raise UserRegexError(f"{reason}{hint}") from None


def regex_problem(pattern: str) -> str | None:
    """Why ``pattern`` cannot be used, or None."""
    try:
        compile_user_regex(pattern)
    except UserRegexError as exc:
        return str(exc)
    return None
