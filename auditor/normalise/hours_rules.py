"""Tokens of free-text opening hours -> an OSM ``opening_hours`` expression.

The second half of the multilingual front end (after :mod:`auditor.normalise.hours_text`); it never
decides what OSM syntax means (the library does), it only writes what a page says in that syntax:

1. group: day selections (``lundi au vendredi``, ``Mo, We-Sa``, ``daily except We``), dates and
   months (``del 29 de marzo al 15 de septiembre``), and time lists (``9-12, 14-18``, ``closed``);
2. pair each day selection with its times, whichever comes first in the sentence;
3. write the rules: rules for the same days whose times do not overlap add up (lunch and dinner),
   closed days and holidays come last so they override, as a reader means.

Unknown words are skipped once something was read; when nothing is, the error names the first
unknown word.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from auditor.normalise.hours_text import (
    _AND,
    _OSM_CODES,
    _OSM_DAY,
    _QUOTE_CHARS,
    _SEP,
    MAX_LENGTH,
    TextError,
    Tok,
    _num_time,
    _prepare_times,
    clean,
    detect_language,
    tokenize,
)
from auditor.normalise.hours_words import MONTHS

# --- groups -------------------------------------------------------------------------------------


@dataclass
class Selector:
    days: set[int] = field(default_factory=set)
    ph: bool = False
    dates: list[str] = field(default_factory=list)
    single_date: bool = False
    open_word: bool = False
    comma_before: bool = False  # written after ',' (OSM's additional-rule separator), not ';'

    @property
    def has_days(self) -> bool:
        return bool(self.days) or self.ph


@dataclass
class Times:
    ranges: list[tuple[int, int]] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    status: str | None = None  # closed / unknown / open
    points: list[int] = field(default_factory=list)
    after_unknown: bool = False  # an unread word stood before these times in their clause
    until: int | None = None  # 'Thursday until 9pm': a later closing time on the days named
    since: int | None = None  # 'Sa ab 10 Uhr', '土曜は10時から': an opening time, closing as other days do
    comment: str = ""  # 'nach Vereinbarung': written as an OSM comment
    is_break: bool = False  # 'lunch break 13-14': closed within the day


_DAYISH = {"day", "daily", "weekdays", "workdays", "weekend", "ph"}
_TIMEISH = {"time", "num", "noon", "midnight"}
_EVENTS = {"sunrise", "sunset", "dawn", "dusk"}


class _Reader:
    def __init__(self, tokens: list[Tok]) -> None:
        self.toks = [t for t in tokens if t.kind not in ("filler", "open_filler")]
        self.i = 0

    def peek(self, offset: int = 0) -> Tok | None:
        j = self.i + offset
        return self.toks[j] if 0 <= j < len(self.toks) else None

    def kind(self, offset: int = 0) -> str | None:
        tok = self.peek(offset)
        if tok is None:
            return None
        return tok.value if tok.kind == "punct" else tok.kind


class _Parser:
    """Token list -> ordered groups: Selector, Times, or 'sep' (a strong rule separator)."""

    def __init__(self, tokens: list[Tok], lang: str = "en") -> None:
        self.r = _Reader(tokens)
        self.groups: list[object] = []
        self.cjk = lang in ("ja", "zh")  # clock times there always carry 時, 点 or a colon

    def parse(self) -> list[object]:
        r = self.r
        unread = False
        pause = False
        while r.peek() is not None:
            kind = r.kind()
            tok = r.peek()
            assert tok is not None
            if kind == "\n":
                self.groups.append("line")
                unread = pause = False
                r.i += 1
            elif kind in _SEP or kind == ".":
                self.groups.append("sep")
                unread = pause = False
                r.i += 1
            elif kind == "unknown_word":
                unread = not any(isinstance(g, Selector) for g in self._clause())
                r.i += 1
            elif kind == "break":
                pause = True
                r.i += 1
            elif kind == "(":
                self._parenthesis()
            elif kind in _DAYISH or kind == "except":
                after_times = bool(self.groups) and isinstance(self.groups[-1], Times)
                comma = r.kind(-1) == "," and tok.text in _OSM_CODES  # 'Fr,Sa 10:00-02:00,Su ...'

                sel = self._days(after_times)
                sel.comma_before = comma
                self.groups.append(sel)
            elif kind in ("month", "date") or (kind in ("num", "time") and self._date_ahead()) or (
                kind == "num" and len(tok.text) == 4 and self.r.kind(1) == "month"
            ):
                self._dates()
            elif kind in _TIMEISH or kind in ("closed", "always", "unknown") or kind in _EVENTS:
                times = self._times()
                if times is not None:
                    times.after_unknown = unread
                    times.is_break = pause and bool(times.ranges)
                    pause = False
                    self.groups.append(times)
            elif kind == "appointment":
                self.groups.append(Times(comment=tok.text))
                r.i += 1
            elif kind == "open":
                r.i += 1
                after = r.kind()
                if self.groups and isinstance(self.groups[-1], Selector) and not (
                    after in _TIMEISH or after in ("range", "always", "closed") or after in _EVENTS
                ):
                    self.groups.append(Times(status="open"))
            else:
                r.i += 1
        return self.groups

    def _clause(self) -> list[object]:
        """Groups since the last rule separator."""
        clause: list[object] = []
        for group in reversed(self.groups):
            if group == "sep":
                break
            clause.append(group)
        return clause

    def _parenthesis(self) -> None:
        """A note in brackets is kept only when it holds a time range or a closed day."""
        r = self.r
        start = r.i
        depth = 0
        end = start
        while end < len(r.toks):
            t = r.toks[end]
            if t.kind == "punct" and t.value == "(":
                depth += 1
            elif t.kind == "punct" and t.value == ")":
                depth -= 1
                if depth == 0:
                    break
            end += 1
        inner = r.toks[start + 1 : end]
        kinds = [t.kind if t.kind != "punct" else t.value for t in inner]
        has_range = any(
            kinds[k] in ("time", "num") and k + 2 < len(kinds) and kinds[k + 1] in ("range", "-")
            and kinds[k + 2] in ("time", "num")
            for k in range(len(kinds))
        )
        keeps = {"closed", "month", "date", "day", "daily", "weekdays", "weekend"}
        lone_time = not has_range and any(  # '(日曜は23時まで)'; but '(Thursday until 9pm)' is read
            t.kind in ("time", "num") and not (t.closes or t.opens) and not (
                k + 1 < len(inner) and inner[k + 1].kind == "range" and k + 2 == len(inner))
            for k, t in enumerate(inner))
        if has_range or "closed" in kinds or (keeps & set(kinds) and not lone_time):
            r.toks = r.toks[:start] + inner + r.toks[end + 1 :]
        else:
            r.toks = r.toks[:start] + r.toks[end + 1 :]

    def _date_ahead(self) -> bool:
        r = self.r
        nxt = r.peek(1)
        if nxt is not None and nxt.kind == "month":
            return True
        tok = r.peek()
        after = r.peek(2)  # '01.11 bis 31.03.': a dotted pair ranging to a date is a date
        return (tok is not None and tok.kind == "time" and "." in tok.text and r.kind(1) in ("range", "-")
                and after is not None and after.kind == "date" and 1 <= (tok.minutes or 0) % 60 <= 12)

    # days ---------------------------------------------------------------------------------

    def _days(self, after_times: bool = False) -> Selector:
        """Days named one by one, in ranges or groups; after times ('de 9 a 19h du lundi au vendredi,
        le samedi ...') a comma after a range ends the selection."""
        r = self.r
        sel = Selector()
        minus = False
        spanned = False
        removed: set[int] = set()
        while r.peek() is not None:
            kind = r.kind()
            tok = r.peek()
            assert tok is not None
            target = removed if minus else sel.days
            if kind == "day":
                first = int(str(tok.value))
                if r.kind(1) in ("range", "-") and r.kind(2) == "day":
                    last = int(str(r.peek(2).value))  # type: ignore[union-attr]
                    target.update((first + k) % 7 for k in range((last - first) % 7 + 1))
                    r.i += 3
                    spanned = True
                else:
                    target.add(first)
                    r.i += 1
            elif kind in ("daily", "weekdays", "workdays", "weekend"):
                target.update({"daily": range(7), "weekdays": range(5), "workdays": range(6),
                               "weekend": (5, 6)}[kind])
                r.i += 1
            elif kind == "ph":
                if minus:
                    pass
                else:
                    sel.ph = True
                r.i += 1
            elif kind == "except":
                if not sel.days:
                    sel.days.update(range(7))
                minus = True
                r.i += 1
            elif kind in _AND or kind in ("and", "range", "-", ":"):
                nxt = r.kind(1)
                if after_times and spanned and kind in _AND:
                    break
                listed = (nxt in _AND or nxt == "and") and r.kind(2) in _DAYISH
                if nxt in _DAYISH or nxt == "except" or listed:
                    r.i += 1
                else:
                    break
            else:
                break
        sel.days -= removed
        return sel

    # dates --------------------------------------------------------------------------------

    def _date_item(self) -> tuple[int, int | None] | None:
        """(month, day or None) at the cursor: 'Dec 25', '25 Dec', 'Dec', '31.03.'."""
        r = self.r
        tok = r.peek()
        if tok is None:
            return None
        if tok.kind == "date":
            r.i += 1
            month, day = tok.value  # type: ignore[misc]
            return (month, day) if 1 <= month <= 12 and 1 <= day <= 31 else None
        if tok.kind == "month":
            r.i += 1
            nxt = r.peek()
            if nxt is not None and nxt.kind == "num" and 1 <= int(str(nxt.value)) <= 31:
                r.i += 1
                return int(str(tok.value)), int(str(nxt.value))
            return int(str(tok.value)), None
        if tok.kind == "num" and r.kind(1) == "month":
            day = int(str(tok.value))
            month = int(str(r.peek(1).value))  # type: ignore[union-attr]
            r.i += 2
            return (month, day) if 1 <= day <= 31 else (month, None)
        if tok.kind == "time" and tok.has_minutes and "." in tok.text:  # 01.11 beside a date
            day, month = divmod(tok.minutes or 0, 60)
            if 1 <= month <= 12 and 1 <= day <= 31:
                r.i += 1
                return month, day
        return None

    def _dates(self) -> None:
        """Dates, date ranges, months and lists: 'Dec 24-26,31', 'del 29 de marzo al 15 de septiembre'."""
        r = self.r
        items: list[str] = []
        open_period = False
        year: int | None = None
        month: int | None = None
        single = True
        while r.peek() is not None:
            tok = r.peek()
            assert tok is not None
            if tok.kind == "num" and len(tok.text) == 4 and r.kind(1) == "month":
                year = int(str(tok.value))
                r.i += 1
                continue
            item = self._date_item()
            if item is None:
                value = int(str(tok.value)) if tok.kind == "num" else 0
                if month is None or not items or not 1 <= value <= 31:
                    break
                item = (month, value)
                r.i += 1
            month, day = item
            first = _fmt_date(month, day, year)
            if r.kind() in ("range", "-"):
                save = r.i
                r.i += 1
                nxt = r.peek()
                end_year = None
                if nxt is not None and nxt.kind == "num" and len(nxt.text) == 4 and r.kind(1) == "month":
                    end_year = int(str(nxt.value))
                    r.i += 1
                    nxt = r.peek()
                last: tuple[int, int | None] | None = None
                if nxt is not None and nxt.kind == "num" and day is not None and r.kind(1) != "month" \
                        and end_year is None and 1 <= int(str(nxt.value)) <= 31:
                    r.i += 1
                    last = (month, int(str(nxt.value)))
                else:
                    last = self._date_item()
                if last is None and r.kind() not in ("month", "date", "num"):
                    open_period = True  # '9月から', 'ab März': one end of the period only, read as a note
                    r.i = save + 1
                    break
                if last is None:
                    r.i = save
                    items.append(first)
                else:
                    same = month if end_year is None and (last[1] is None) == (day is None) else None
                    items.append(f"{first}-{_fmt_date(last[0], last[1], end_year, same)}")
                    month = last[0]
                    year = end_year or year
                    single = False
            else:
                items.append(first)
                single = single and day is not None
            sep = r.kind()
            if sep in _AND or sep == "and":
                nxt = r.peek(1)
                if nxt is not None and (
                    nxt.kind in ("month", "date")
                    or (nxt.kind == "num" and len(nxt.text) == 4 and r.kind(2) == "month")
                    or (nxt.kind == "num" and day is not None and 1 <= int(str(nxt.value)) <= 31
                    and r.kind(2) != ":")
                ):
                    r.i += 1
                    single = False
                    continue
                break
            if sep in ("month", "date"):
                single = False
                continue
            break
        if items and not open_period:
            self.groups.append(Selector(dates=items, single_date=single and len(items) == 1))
        elif open_period:
            pass
        else:
            r.i += 1

    # times --------------------------------------------------------------------------------

    def _times(self) -> Times | None:
        r = self.r
        times = Times()
        read = False
        while r.peek() is not None:
            kind = r.kind()
            tok = r.peek()
            assert tok is not None
            if kind in _TIMEISH:
                start = _num_time(tok)
                end_tok = r.peek(2) if r.kind(1) in ("range", "-") else None
                end = _num_time(end_tok) if end_tok is not None else None
                chain = end_tok is not None and r.kind(3) in ("range", "-") and r.kind(4) == "num"
                if chain and tok.kind == "num":  # '1-18-10', '0566-76-8811': an address or a phone number
                    while r.kind(1) in ("range", "-") and r.kind(2) in ("num", "time"):
                        r.i += 2
                    r.i += 1
                    continue
                bare = tok.kind == "num" and end_tok is not None and end_tok.kind == "num" and not self.cjk
                if start is not None and end is not None and (start.explicit or end.explicit or bare):
                    times.ranges.append(_resolve(start, end))
                    r.i += 3
                    read = True
                elif tok.kind == "time" and tok.minutes == 24 * 60 and not tok.has_minutes:
                    times.ranges.append((0, 24 * 60))  # 'open 24h'
                    r.i += 1
                    read = True
                elif tok.kind == "time" and (tok.opens or _until_late(r) or _from_then_on(r)):
                    times.since = _resolve_point(tok)  # open from then on
                    r.i += 3 if r.kind(2) == "late" else 2 if _from_then_on(r) else 1
                    read = True
                elif tok.kind == "time" and tok.closes:
                    times.until = _resolve_point(tok) or 24 * 60  # until midnight
                    r.i += 1
                    read = True
                elif tok.kind == "time":
                    times.points.append(_resolve_point(tok))
                    r.i += 1
                    read = True
                else:
                    break
            elif kind in _EVENTS:
                first = str(kind)
                if r.kind(1) in ("range", "-") and r.kind(2) in _EVENTS:
                    times.events.append(f"{first}-{r.kind(2)}")
                    r.i += 3
                elif r.kind(1) in _EVENTS:
                    times.events.append(f"{first}-{r.kind(1)}")
                    r.i += 2
                elif r.kind(1) in ("range", "-") and r.kind(2) in _TIMEISH:
                    end = _num_time(r.peek(2))  # type: ignore[arg-type]
                    if end is None:
                        break
                    times.events.append(f"{first}-{_fmt(_resolve_point(end), True)}")
                    r.i += 3
                else:
                    r.i += 1
                read = True
            elif kind == "closed" and times.ranges and r.kind(1) in _DAYISH:
                break  # '11:00-22:00 定休日 水曜日': the closed day is a statement of its own
            elif kind == "closed":
                times.status = "closed"
                r.i += 1
                read = True
            elif kind == "unknown":
                times.status = times.status or "unknown"
                r.i += 1
                read = True
            elif kind == "always":
                times.ranges.append((0, 24 * 60))
                r.i += 1
                read = True
            elif kind in _AND or kind in ("and", "range", "-", ":"):
                nxt = r.kind(1)
                if nxt in _TIMEISH or nxt == "always" or nxt in _EVENTS:
                    r.i += 1
                else:
                    break
            else:
                break
        if not read:
            r.i += 1
            return None
        if not times.ranges and len(times.points) == 2 and times.points[0] < times.points[1]:
            times.ranges.append((times.points[0], times.points[1]))  # 'opens at 8.30 ... closes at 19'
            times.points = []
        return times


def _from_then_on(r: _Reader) -> bool:
    """'10時から' at the end of a clause: a time, a range word and nothing after."""
    return r.kind(1) in ("range", "-") and r.kind(2) in (None, ")", "\n", ".", ";", ",", "、", "。")


def _until_late(r: _Reader) -> bool:
    """'10am until late': a time, a range word and no end time."""
    return r.kind(1) in ("range", "-") and r.kind(2) == "late"


def _hour_minute(tok: Tok) -> tuple[int, int]:
    return divmod(tok.minutes or 0, 60)


def _apply(hour: int, suffix: str | None) -> int:
    if suffix == "am":
        return 0 if hour == 12 else hour
    if suffix == "pm":
        return hour if hour >= 12 else hour + 12
    return hour


def _check(tok: Tok) -> None:
    hour, minute = _hour_minute(tok)
    if hour > 24 or minute > 59 or (tok.suffix and hour > 12) or (hour == 24 and minute):
        raise TextError(f"impossible time '{tok.text.strip()}'")


def _resolve_point(tok: Tok) -> int:
    _check(tok)
    hour, minute = _hour_minute(tok)
    return _apply(hour, tok.suffix) * 60 + minute


def _resolve(start: Tok, end: Tok) -> tuple[int, int]:
    """(start, end) minutes of a written range, reading 12 h clocks as a person would."""
    _check(start)
    _check(end)
    sh, sm = _hour_minute(start)
    eh, em = _hour_minute(end)
    s_suffix, e_suffix = start.suffix, end.suffix
    if s_suffix is None and e_suffix == "pm" and sh < 12:
        s_suffix = "pm" if _apply(sh, "pm") * 60 + sm < _apply(eh, "pm") * 60 + em else "am"
    if e_suffix is None and s_suffix == "pm" and eh < 12 and (eh + 12) * 60 + em > _apply(sh, "pm") * 60 + sm:
        e_suffix = "pm"
    s = _apply(sh, s_suffix) * 60 + sm
    e = _apply(eh, e_suffix) * 60 + em
    if s_suffix is None and e_suffix is None and e < s and eh < 12 and sh <= 12 and (eh + 12) * 60 > s \
            and (not end.has_minutes or sh >= 7) and not (start.clock24 or end.clock24):
        e += 12 * 60  # "9-5": morning to afternoon
    if e == 0 and (s > 0 or e_suffix == "am" or end.value == "midnight"):
        e = 24 * 60
    if e_suffix == "am" and eh == 12 and em == 0:
        e = 24 * 60
    if e == 23 * 60 + 59:
        e = 24 * 60  # '23:59' is written for the end of the day
    return s, e


# --- rules --------------------------------------------------------------------------------------


@dataclass
class Rule:
    sel: Selector
    times: Times | None


def _pair(groups: list[object]) -> list[Rule]:
    rules: list[Rule] = []
    pending_sel: Selector | None = None
    pending_times: Times | None = None
    last: Rule | None = None
    last_sel_first = False
    context: list[str] = []
    open_seen = False

    def flush() -> None:
        nonlocal pending_sel, pending_times, last
        if pending_times is not None:
            rules.append(Rule(Selector(dates=list(context)), pending_times))
        if pending_sel is not None:
            if open_seen:
                pending_sel.open_word = True
            rules.append(Rule(pending_sel, None))
        pending_sel = pending_times = None

    for index, group in enumerate(groups):
        following = groups[index + 1] if index + 1 < len(groups) else None
        if isinstance(group, Selector) and pending_times is not None and pending_times.ranges \
                and isinstance(following, Times) and _own_times(following):
            # '11-22 (日曜定休)', '8am to 8pm (Thursday until 9pm)': the days have times of their own
            rules.append(Rule(Selector(dates=list(context)), pending_times))
            pending_times = None
        if group == "sep":
            flush()
            last = None
            context = []
            open_seen = False
            continue
        if group == "line":  # a line break: days on one line may have their times on the next
            if pending_times is not None and pending_sel is None:
                rules.append(Rule(Selector(dates=list(context)), pending_times))
                pending_times = None
            last = None
            continue
        if group == "open":
            open_seen = True
            if pending_sel is not None:
                pending_sel.open_word = True
            continue
        if isinstance(group, Selector):
            if group.dates and not group.has_days:
                context = group.dates
                if pending_sel is not None and pending_sel.has_days and not pending_sel.dates:
                    pending_sel.dates = list(group.dates)
                    pending_sel.single_date = group.single_date
                    continue
                if pending_times is not None:
                    rules.append(Rule(group, pending_times))
                    pending_times = None
                    last, last_sel_first = rules[-1], False
                    continue
                if pending_sel is not None:
                    flush()
                pending_sel = group
                continue
            if not group.dates and context:
                group.dates = list(context)
                group.single_date = False
            if pending_times is not None:
                rules.append(Rule(group, pending_times))
                pending_times = None
                last, last_sel_first = rules[-1], False
            elif pending_sel is not None and not pending_sel.has_days:
                group.dates = pending_sel.dates
                group.single_date = pending_sel.single_date
                pending_sel = group
            elif pending_sel is not None:  # two selections apart: the first had nothing said of it
                flush()
                pending_sel = group
            else:
                pending_sel = group
            continue
        assert isinstance(group, Times)
        if group.is_break and last is not None and pending_sel is None:
            group.status = "closed"
            rules.append(Rule(last.sel, group))
            continue
        if pending_sel is not None and group.until is not None and not group.ranges:
            start = _opening_of(rules, pending_sel)
            if start is not None and start < group.until:
                rules.append(Rule(pending_sel, Times(ranges=[(start, group.until)])))
            pending_sel = None
            continue
        if pending_sel is not None and group.since is not None and not group.ranges:
            end = _closing_of(rules, pending_sel)
            if end is not None and group.since < end:
                group.ranges, group.since = [(group.since, end)], None
        if pending_sel is not None:
            rules.append(Rule(pending_sel, group))
            pending_sel = None
            last, last_sel_first = rules[-1], True
        elif last is not None and last_sel_first and last.times is not None and _extends(last.times, group):
            last.times.ranges += group.ranges
            last.times.events += group.events
            last.times.points += group.points
        elif pending_times is not None and group.status and not group.ranges and pending_times.ranges:
            rules.append(Rule(Selector(dates=list(context)), pending_times))  # '11-22 定休日 水曜日'
            pending_times = group
        elif pending_times is not None:
            pending_times.ranges += group.ranges
            pending_times.events += group.events
            pending_times.points += group.points
            pending_times.status = pending_times.status or group.status
            pending_times.comment = pending_times.comment or group.comment
        else:
            pending_times = group
    flush()
    return rules


def _opening_of(rules: list[Rule], sel: Selector) -> int | None:
    """When the days of ``sel`` open by the rules so far (the last rule naming them, or every day)."""
    for rule in reversed(rules):
        times = rule.times
        if times is not None and times.ranges and not times.status and _every(sel) <= _every(rule.sel):
            return times.ranges[0][0]
    return None


def _own_times(times: Times) -> bool:
    """Times that say something of their days alone: closed, closing later, opening later."""
    own = times.status == "closed" or times.until is not None or times.since is not None
    return (own or bool(times.comment)) and not times.ranges


def _closing_of(rules: list[Rule], sel: Selector) -> int | None:
    """When the days of ``sel`` close by the rules so far (the last rule naming them, or every day)."""
    for rule in reversed(rules):
        times = rule.times
        if times is not None and times.ranges and not times.status and _every(sel) <= _every(rule.sel):
            return times.ranges[-1][1]
    return None


def _extends(before: Times, after: Times) -> bool:
    if before.points and not before.ranges and after.points and not after.ranges and not after.status:
        return True  # 'opens at 8.30 ... closes at 19.00'
    if after.status or (after.comment and not after.ranges):
        return False  # a second status is a statement of its own: 'Sa geschlossen, Betriebsferien im August'
    return not before.status and bool(before.ranges or before.events)


def _fmt(minutes: int, end: bool = False) -> str:
    if end and minutes == 0:
        minutes = 24 * 60
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _fmt_date(month: int, day: int | None, year: int | None = None, same_month: int | None = None) -> str:
    if same_month == month and day is not None:
        return f"{day:02d}"
    text = MONTHS[month - 1] if day is None else f"{MONTHS[month - 1]} {day:02d}"
    return f"{year} {text}" if year else text


def _fmt_days(days: set[int]) -> str:
    ordered = sorted(days)
    parts: list[str] = []
    k = 0
    while k < len(ordered):
        j = k
        while j + 1 < len(ordered) and ordered[j + 1] == ordered[j] + 1:
            j += 1
        parts.append(_OSM_DAY[ordered[k]] if j == k else f"{_OSM_DAY[ordered[k]]}-{_OSM_DAY[ordered[j]]}")
        k = j + 1
    return ",".join(parts)


def _selector_text(sel: Selector) -> str:
    parts: list[str] = []
    if sel.dates:
        parts.append(",".join(sel.dates))
    days = "" if sel.single_date else _fmt_days(sel.days)
    wide = ",".join(p for p in (("PH" if sel.ph else ""), days) if p)
    if wide:
        parts.append(wide)
    return " ".join(parts)


def _times_text(times: Times | None) -> str:
    if times is None:
        return ""
    spans = [f"{_fmt(s)}-{_fmt(e, True)}" for s, e in times.ranges] + times.events
    if times.since is not None:
        spans.append(f"{_fmt(times.since)}+")
    text = ",".join(spans)
    if times.comment:
        text = f'{text} "{times.comment.replace(chr(34), "")}"'.strip()
    if times.status:
        text = f"{text} {times.status}".strip()
    return text


def _rules_text(rules: list[Rule]) -> str:
    has_times = any(r.times is not None for r in rules)
    kept: list[Rule] = []
    for rule in rules:
        if rule.times is None and has_times and not rule.sel.open_word:
            continue  # 'and on request Saturday': a day named with no times beside others with times
        points = rule.times.points if rule.times is not None else []
        if rule.times is not None and not rule.times.ranges and len(points) == 2 and (
            points[0] < points[1] or points[1] == 0
        ):
            rule.times.ranges.append((points[0], points[1] or 24 * 60))  # 'opens at 8.30 ... closes at 19.00'
        if rule.times is not None and not (rule.times.ranges or rule.times.events or rule.times.status) \
                and rule.times.since is None and not rule.times.comment:
            if rule.times.points and len(rules) == 1 and not rule.sel.has_days and not rule.sel.dates:
                return ",".join(_fmt(p) for p in rule.times.points)  # a time of day, nothing more
            if rule.sel.dates and not rule.sel.has_days and len(rules) == 1:
                return f"{_selector_text(rule.sel)} {','.join(_fmt(p) for p in points)}"  # 'Dec 08:00'
            continue  # days with a time that is no range: their hours were not read
        if not rule.sel.has_days and not rule.sel.dates and rule.times is None:
            continue
        unnamed = not rule.sel.has_days and not rule.sel.dates
        if rule.times is not None and rule.times.after_unknown and unnamed \
                and any(r.sel.has_days for r in rules):
            continue  # 'prefestivi 12-16': times for days named by a word not read
        if rule.times is None and not rule.sel.has_days and has_times:
            continue  # 'im August' named beside hours, with nothing said about it
        if rule.times is not None and rule.times.status == "closed" and not rule.times.ranges and unnamed \
                and any(r.sel.has_days or r.sel.dates for r in rules):
            continue  # 'closed Christmas Day': closed on days not read
        if rule.times is not None and rule.times.comment and not rule.times.ranges and unnamed \
                and any(r.sel.has_days or r.sel.dates for r in rules):
            continue  # 'nach Vereinbarung' said of days not read
        kept.append(rule)
    if not kept:
        return ""

    def order(item: tuple[int, Rule]) -> tuple[int, int]:
        index, rule = item
        closed = rule.times is not None and rule.times.status == "closed"
        return (2 if closed else 1 if rule.sel.ph and not rule.sel.days else 0, index)

    ordered = [rule for _, rule in sorted(enumerate(kept), key=order)]
    text = ""
    for k, rule in enumerate(ordered):
        piece = " ".join(p for p in (_selector_text(rule.sel), _times_text(rule.times)) if p)
        if k == 0:
            text = piece
            continue
        disjoint = rule.sel.comma_before and rule.sel.days and all(
            not (e.sel.days & rule.sel.days) for e in ordered[:k]
        ) and (rule.times is None or rule.times.status != "closed")
        text += (", " if disjoint or _adds_to(rule, ordered[:k]) else "; ") + piece
    return text


def _every(sel: Selector) -> set[int]:
    """The weekdays a selector names; none named (and no holiday) means every day."""
    return sel.days or (set() if sel.ph else set(range(7)))


def _adds_to(rule: Rule, earlier: list[Rule]) -> bool:
    """Same days, times that do not overlap: lunch and dinner add up instead of overriding."""
    if rule.times is None or rule.times.status or not rule.times.ranges:
        return False
    overlapping = [
        e for e in earlier
        if e.times is not None and not e.times.status and e.sel.dates == rule.sel.dates
        and (_every(e.sel) & _every(rule.sel) or (e.sel.ph and rule.sel.ph))
    ]
    if not overlapping:
        return False
    apart = all(
        not (s1 < e2 and s2 < e1)
        for e in overlapping
        for s1, e1 in e.times.ranges  # type: ignore[union-attr]
        for s2, e2 in rule.times.ranges
    )
    # 'Su-Th 8-14, We-Sa 13-18' adds up; 'Mo-Fr 9-18, Th 9-20' (days within days) overrides
    narrower = all(_every(rule.sel) <= _every(e.sel) for e in overlapping)
    return apart or not narrower


def text_to_osm(text: str) -> str:
    """Free text -> OSM opening_hours (not yet checked by the OSM parser); raises TextError."""
    if len(text) > MAX_LENGTH:
        raise TextError(f"opening hours text too long ({len(text)} characters)")
    cleaned = clean(text)
    if not cleaned.strip(" ;,.|") and not _QUOTE_CHARS.search(text):
        raise TextError("empty opening hours")
    lang = detect_language(cleaned)
    unknown: list[str] = []
    tokens = _prepare_times(tokenize(cleaned, lang, unknown))
    groups = _Parser(tokens, lang).parse()
    result = _rules_text(_pair(groups))
    if not result:
        if not cleaned.strip(" ;,.|-:\"“”„«»") and _QUOTE_CHARS.search(text):
            note = _QUOTE_CHARS.sub("", unicodedata.normalize("NFKC", text)).strip()
            return f'"{note}"'  # a note and nothing else
        if unknown:
            raise TextError(f"unknown word '{unknown[0]}'")
        raise TextError("no opening times found")
    return result
