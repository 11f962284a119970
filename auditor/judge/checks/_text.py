"""Site text helpers shared by the voice checks: pages' visible text and phrase matching."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from auditor.judge.checks.base import Evidence, Seen
from auditor.user_regex import UserPattern, compile_user_regex


def site_texts(ev: Evidence, source: str = "site") -> Iterator[Seen]:
    for fields in ev.observed.get(source, {}).values():
        text = fields.get("text")
        if text is not None and text.value:
            yield text


@lru_cache(maxsize=4096)
def phrase_pattern(phrase: str, regex: bool = False) -> re.Pattern[str] | UserPattern:
    """Whole-word, case-insensitive; whitespace in the phrase matches any whitespace.

    A user regex runs with RE2 (linear time) and a time budget: its ``search`` raises
    RegexBudgetExceeded once the budget is spent."""
    if regex:
        return compile_user_regex(phrase)
    words = r"\s+".join(re.escape(w) for w in phrase.split())
    return re.compile(rf"(?<!\w){words}(?!\w)", re.IGNORECASE)


def snippet(text: str, match: re.Match[str], width: int = 40) -> str:
    start, end = max(0, match.start() - width), min(len(text), match.end() + width)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
