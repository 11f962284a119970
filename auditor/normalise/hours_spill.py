"""Nights past midnight kept when a later rule names the next day, as the people who write such
hours mean them.

Under the OSM rule that a later ``;`` rule overrides its days, ``Fr,Sa 11:00-02:00; Su
12:00-22:00`` is closed at 01:00 on Sunday: Saturday's night is cut by Sunday's rule. Rosters,
store pages and OSM mappers writing that mean Saturday night until 02:00, and the same hours
written as text ("Fri–Sat 11am–2am, Sun 12–10pm") are read with the night; reading the two apart
would report a difference no customer sees. So before evaluation, each night a later rule would
cut is added back as an additional rule (``…, Su 00:00-02:00``), unless the night's own day is
itself overridden (then it has no night to spill).

Only plain weekly expressions are rewritten (weekdays, times, ``off``); one with dates, months,
holidays, weeks, fallback rules or comments is left as written.
"""

from __future__ import annotations

import re

DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
_DAY = r"(?:Mo|Tu|We|Th|Fr|Sa|Su)"
_DAYS = re.compile(rf"^{_DAY}(?:-{_DAY})?(?:,{_DAY}(?:-{_DAY})?)*$")
_TIME = r"\d{1,2}:\d{2}"
_TIMES = re.compile(rf"^{_TIME}-{_TIME}(?:,{_TIME}-{_TIME})*$")
_CLOSED = ("off", "closed")
_ADDITIONAL = re.compile(rf",\s+(?={_DAY})")  # "…, Sa 10:00-12:00" (not the list "Fr,Sa")
_NOT_PLAIN = re.compile(r'["\[|]|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|PH|SH|easter|week|'
                        r'sunrise|sunset|dawn|dusk|\d{4})\b')  # fmt: skip


def keep_night_spills(expression: str) -> str:
    """The expression with each night a later rule cuts added back as an additional rule."""
    if ";" not in expression or _NOT_PLAIN.search(expression):
        return expression
    rules: list[tuple[frozenset[int], list[tuple[int, int]], bool]] = []
    for group in expression.split(";"):
        for index, part in enumerate(_ADDITIONAL.split(group.strip())):
            rule = _rule(part.strip())
            if rule is None:
                return expression
            rules.append((rule[0], rule[1], index == 0))
    last_normal = [max((i for i, (days, _r, normal) in enumerate(rules) if normal and d in days), default=-1)
                   for d in range(7)]  # fmt: skip
    added: list[str] = []
    for i, (days, ranges, _normal) in enumerate(rules):
        for day in sorted(days):
            if last_normal[day] > i:  # this rule no longer holds on its own day
                continue
            following = (day + 1) % 7
            for start, end in ranges:
                spill = end - 24 * 60 if end > 24 * 60 else end if end < start else 0
                if spill > 0 and last_normal[following] > i:
                    added.append(f"{DAYS[following]} 00:00-{spill // 60:02d}:{spill % 60:02d}")
    return expression + "".join(f", {rule}" for rule in dict.fromkeys(added))


def _rule(text: str) -> tuple[frozenset[int], list[tuple[int, int]]] | None:
    """(weekday indexes, ranges in minutes) of a plain rule, or None when it is not plain."""
    words = text.split()
    if len(words) == 1:
        days_text, times_text = "Mo-Su", words[0]
    elif len(words) == 2 and _DAYS.match(words[0]):
        days_text, times_text = words
    else:
        return None
    days = _days(days_text)
    if times_text in _CLOSED:
        return days, []
    if not _TIMES.match(times_text):
        return None
    ranges = []
    for span in times_text.split(","):
        start, end = (_minutes(t) for t in span.split("-"))
        ranges.append((start, end))
    return days, ranges


def _days(text: str) -> frozenset[int]:
    found: set[int] = set()
    for part in text.split(","):
        first, _, last = part.partition("-")
        a, b = DAYS.index(first), DAYS.index(last or first)
        found.update(range(a, b + 1) if a <= b else [*range(a, 7), *range(0, b + 1)])
    return frozenset(found)


def _minutes(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)
