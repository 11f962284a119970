"""Groups read from free-text opening hours -> OSM rules: pairing days with times, writing the rules.

The last step of the multilingual front end (after :mod:`auditor.normalise.hours_text` and
:mod:`auditor.normalise.hours_rules`): each day selection is paired with its times, whichever comes
first in the sentence; rules for the same days whose times do not overlap add up (lunch and
dinner), closed days and holidays come last so they override, as a reader means; days, dates or
notes nothing was read about are left out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from auditor.normalise.hours_text import _OSM_DAY, TextError
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
    all_but: bool = False  # 'except public holidays' alone: every day but those, no day named
    half: str | None = None  # 'Mi nachmittags', 'dimanche midi': a part of the days (morning, midday, ...)
    no_ph: bool = False  # 'except public holidays': closed on holidays

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

    leading_default = _leading_default(groups)
    taken: set[int] = set()  # times added to the rule before a ';'
    for index, group in enumerate(groups):
        following = groups[index + 1] if index + 1 < len(groups) else None
        if group == "sep" and last is not None and last_sel_first and last.times is not None \
                and _continues(groups, index):
            # 'Mo-Th 8:00-12:00;13:00-19:00 Fr 8:00-12:00;13:00-20:00': ';' between two ranges of a day
            assert isinstance(following, Times)
            last.times.ranges += following.ranges
            taken.add(id(following))
            continue
        if id(group) in taken:
            continue
        if leading_default and isinstance(group, Times) and pending_sel is None and not rules:
            # '11:00-19:00, saturday 14:00-18:00, sunday closed': every day, then the days that differ
            rules.append(Rule(Selector(dates=list(context)), group))
            leading_default = False
            continue
        if isinstance(group, Selector) and pending_times is not None and pending_times.until is not None \
                and not pending_times.ranges and group.has_days:
            # '; until 10pm on Fri+Sat': the closing time said before the days it is for
            rules.append(Rule(group, _closing_later(rules, group, pending_times.until)))
            pending_times = None
            continue
        if isinstance(group, Selector) and pending_times is not None and pending_times.ranges \
                and isinstance(following, Times) and _own_times(following) \
                and not _closes_next(groups, index):
            # '11-22 (日曜定休)', '8am to 8pm (Thursday until 9pm)': the days have times of their own
            rules.append(Rule(Selector(dates=list(context)), pending_times))
            pending_times = None
        if isinstance(group, Selector) and pending_times is not None and pending_times.comment \
                and not pending_times.ranges and isinstance(following, Times) and following.ranges:
            following.comment = following.comment or pending_times.comment  # 'Nach Absprache ... Mo-Fr 8-20'
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
            if group.dates and not group.has_days and last is not None and last_sel_first \
                    and not last.sel.dates and pending_sel is None and pending_times is None \
                    and following in (None, "sep", "line"):
                # 'We 16:00-20:00 Jul-Sep': the months of the rule just read
                last.sel.dates, last.sel.single_date = list(group.dates), group.single_date
                continue
            if group.has_days and not group.dates and last is not None and last.sel.dates \
                    and not last.sel.has_days and pending_sel is None and pending_times is None \
                    and following in (None, "sep", "line"):
                last.sel.days, last.sel.ph = set(group.days), group.ph  # 'Dec-Feb 08:30-20:30 Mo-Fr'
                continue
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
        if group.is_break and pending_sel is None and pending_times is None and rules:
            group.status = "closed"  # 'closed for lunch 1:30pm-2:00pm' on a line of its own: every day
            rules.append(Rule(Selector(dates=list(context)), group))
            continue
        if pending_sel is not None and group.until is not None and not group.ranges:
            rules.append(Rule(pending_sel, _closing_later(rules, pending_sel, group.until)))
            pending_sel = None
            continue
        if pending_sel is not None and group.since is not None and not group.ranges:
            span = _day_span(rules, pending_sel)
            if span is not None and group.since < span[1]:
                group.ranges, group.since = [(group.since, span[1])], None
        if pending_sel is not None:
            rules.append(Rule(pending_sel, group))
            pending_sel = None
            last, last_sel_first = rules[-1], True
        elif last is not None and last_sel_first and last.times is not None and _extends(last.times, group) \
                and not group.after_unknown:
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
    out: list[Rule] = []
    for rule in rules:
        out.append(_half_day(out, rule) if rule.sel.half else rule)
    return out


# the part of a day a word names: ranges starting in [start, end) are that part; a range running
# across its bounds leaves the part's end unsaid
_PARTS = {"morning": (0, 12 * 60), "afternoon": (12 * 60, 24 * 60), "evening": (17 * 60, 24 * 60),
          "midday": (11 * 60, 15 * 60)}


def _half_day(earlier: list[Rule], rule: Rule) -> Rule:
    """'Mi nachmittags geschlossen', 'fermé le dimanche midi': the days keep their hours so far but
    for that part of the day."""
    sel, times = rule.sel, rule.times
    days = _selector_text(Selector(days=sel.days, ph=sel.ph))
    if times is None or times.status != "closed" or times.ranges or sel.half not in _PARTS:
        raise TextError(f"hours for part of a day ({sel.half}) on {days} are not read")
    ranges = _day_ranges(earlier, sel)
    start, end = _PARTS[sel.half]
    kept = []
    for a, b in ranges:
        if start <= a < end:
            continue
        if a < start < _end(a, b) or (sel.half == "midday" and a < end <= _end(a, b) and a < start):
            raise TextError(f"where {days} closes for the {sel.half} is not said")
        kept.append((a, b))
    if not ranges:
        raise TextError(f"closed for the {sel.half} on {days}, with no hours said for those days")
    plain = Selector(days=set(sel.days), ph=sel.ph, dates=list(sel.dates), single_date=sel.single_date)
    return Rule(plain, Times(ranges=kept) if kept else Times(status="closed"))


def _closes_next(groups: list[object], index: int) -> bool:
    """'M - F, Closed Sat & Sun': the closed word before days that have nothing else said of them."""
    after = groups[index + 1 : index + 4]
    return len(after) >= 2 and isinstance(after[0], Times) and after[0].status == "closed" \
        and not after[0].ranges and isinstance(after[1], Selector) and after[1].has_days \
        and not (len(after) > 2 and isinstance(after[2], Times))


def _kinds(groups: list[object]) -> list[str]:
    """'S' for a selection of days, 'T' for times, in order; separators and dates-only left out."""
    out: list[str] = []
    for group in groups:
        if isinstance(group, Selector) and (group.has_days or group.dates):
            out.append("S")
        elif isinstance(group, Times):
            out.append("T")
    return out


def _leading_default(groups: list[object]) -> bool:
    """Times, then days each with their own times (T S T S T): the first times are every day's."""
    kinds = _kinds(groups)
    return len(kinds) >= 3 and len(kinds) % 2 == 1 and all(
        kind == ("T" if k % 2 == 0 else "S") for k, kind in enumerate(kinds))


def _continues(groups: list[object], index: int) -> bool:
    """A ';' followed by times that no day takes: the next days have times of their own."""
    after = [g for g in groups[index + 1 : index + 5] if g != "line"][:3]
    if len(after) == 1 and isinstance(after[0], Times) and after[0].ranges and not after[0].status:
        return True  # the last times of the text
    return len(after) == 3 and isinstance(after[0], Times) and bool(after[0].ranges) \
        and not after[0].status and isinstance(after[1], Selector) and after[1].has_days \
        and isinstance(after[2], Times) and bool(after[2].ranges or after[2].status)


def _day_span(rules: list[Rule], sel: Selector, usual: bool = False) -> tuple[int, int] | None:
    """When the days of ``sel`` open and close by the rules so far (the last rule naming them, or
    every day); with ``usual``, else the hours of the rule just before ('Mo-Th 9-18; Fr until 17')."""
    ranges = _day_ranges(rules, sel, usual)
    return (ranges[0][0], ranges[-1][1]) if ranges else None


def _day_ranges(rules: list[Rule], sel: Selector, usual: bool = False) -> list[tuple[int, int]]:
    for rule in reversed(rules):
        times = rule.times
        if times is not None and times.ranges and not times.status and _every(sel) <= _every(rule.sel):
            return list(times.ranges)
    last = rules[-1] if rules else None
    if usual and last is not None and last.times is not None and last.times.ranges and not last.times.status \
            and not (last.sel.days & sel.days) and not last.sel.dates and not sel.dates:
        return list(last.times.ranges)
    return []


def _closing_later(rules: list[Rule], sel: Selector, until: int) -> Times:
    """'Thursday until 9pm': the days' hours so far, their last range closing at ``until`` instead."""
    ranges = _day_ranges(rules, sel, usual=True)
    if not ranges or ranges[-1][0] >= until:
        raise TextError(f"a closing time with no opening time for {_selector_text(sel)}")
    return Times(ranges=[*ranges[:-1], (ranges[-1][0], until)])


def _own_times(times: Times) -> bool:
    """Times that say something of their days alone: closed, closing later, opening later."""
    own = times.status == "closed" or times.until is not None or times.since is not None
    return (own or bool(times.comment)) and not times.ranges


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
    last_timed = max((k for k, r in enumerate(rules) if r.times is not None), default=-1)
    for index, rule in enumerate(rules):
        open_only = rule.times is not None and rule.times.status == "open" and not rule.times.ranges
        ranged = [r for r in rules[:index] if r.times is not None and r.times.ranges and not r.times.status]
        if open_only and rule.sel.has_days and ranged \
                and rule.sel.days <= {d for r in ranged for d in _every(r.sel)}:
            continue  # '11:00-23:00, 日曜営業': open on Sunday too, at the hours already said
        if (rule.times is None or open_only) and has_times and (rule.sel.open_word or open_only) \
                and rule.sel.has_days and any(r.times is not None and r.times.ranges for r in rules):
            # '…, 日曜営業': said open, its hours not said (OSM would read it open all day)
            raise TextError(f"{_selector_text(rule.sel)} said open with no hours")
        if rule.times is None and has_times and not rule.sel.open_word:
            if rule.sel.has_days and not rule.sel.dates and index > last_timed and not rule.sel.all_but:
                raise TextError(f"no times read for {_selector_text(rule.sel)}")  # '18-22 Su-Tu, Fr-Sa'
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
            if rule.sel.has_days:  # 'Mo-Fr: 8:00:17:00': those days' hours were not read
                raise TextError(f"no time range read for {_selector_text(rule.sel)}")
            continue
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
    ordered = [r for k, r in enumerate(ordered) if not _closes_nothing(r, ordered[:k])] or ordered
    text = ""
    for k, rule in enumerate(ordered):
        piece = " ".join(p for p in (_selector_text(rule.sel), _times_text(rule.times)) if p)
        if k == 0:
            text = piece
            continue
        closed = rule.times is not None and rule.times.status == "closed"
        disjoint = rule.sel.days and not closed and not rule.sel.ph and not rule.sel.dates and all(
            not (_every(e.sel) & rule.sel.days) for e in ordered[:k]
        ) and (rule.sel.comma_before or _night_between(rule, ordered[:k]))
        text += (", " if disjoint or _adds_to(rule, ordered[:k]) else "; ") + piece
    if text and any(r.sel.no_ph for r in rules) and not any(r.sel.ph for r in ordered):
        text += "; PH off"  # 'Mo-Fr 9-18 except public holidays'
    return text


def _end(start: int, end: int) -> int:
    """The end of a range on the clock of its start: 18:00-02:00 ends at 26:00."""
    return end + 24 * 60 if end <= start else end


def _overnight(rule: Rule) -> bool:
    return rule.times is not None and not rule.times.status and any(
        e <= s or e > 24 * 60 for s, e in rule.times.ranges if e != 0)


def _night_between(rule: Rule, earlier: list[Rule]) -> bool:
    """'Fr 22:00-04:00 / Sa 10:00-18:00': a night runs past midnight from one rule's days into the
    other's, so the later rule is added with ',': after ';' it would override its days whole, the hours
    past midnight of the night before too (the OSM specification; opening-hours-py does the same)."""
    into = {(d + 1) % 7 for e in earlier if _overnight(e) for d in _every(e.sel)}
    back = {(d + 1) % 7 for d in rule.sel.days} if _overnight(rule) else set()
    return bool(into & rule.sel.days) or any(back & _every(e.sel) for e in earlier)


def _closes_nothing(rule: Rule, earlier: list[Rule]) -> bool:
    """'Sat closed' after hours that never open on Saturday: it says only what is already so, and
    written after ';' it would close the night that runs into Saturday from Friday."""
    if rule.times is None or rule.times.status != "closed" or rule.times.ranges or rule.times.comment:
        return False
    if rule.sel.ph or rule.sel.dates or not rule.sel.days:
        return False
    opened = {d for e in earlier if e.times is not None and not e.times.status for d in _every(e.sel)}
    return not (opened & rule.sel.days) and bool(earlier)


def _every(sel: Selector) -> set[int]:
    """The weekdays a selector names; none named (and no holiday) means every day."""
    return sel.days or (set() if sel.ph else set(range(7)))


def _spans(times: Times) -> list[tuple[int, int]]:
    """Ranges, with an open end ('17:00+') counted to midnight."""
    return [*times.ranges, *([(times.since, 24 * 60)] if times.since is not None else [])]


def _adds_to(rule: Rule, earlier: list[Rule]) -> bool:
    """Same days, times that do not overlap: lunch and dinner add up instead of overriding."""
    if rule.times is None or rule.times.status or not _spans(rule.times):
        return False
    overlapping = [
        e for e in earlier
        if e.times is not None and not e.times.status and e.sel.dates == rule.sel.dates
        and (_every(e.sel) & _every(rule.sel) or (e.sel.ph and rule.sel.ph))
    ]
    if not overlapping:
        return False
    apart = all(
        not (s1 < _end(s2, e2) and s2 < _end(s1, e1))
        for e in overlapping
        for s1, e1 in _spans(e.times)  # type: ignore[arg-type]
        for s2, e2 in _spans(rule.times)
    )
    # 'Su-Th 8-14, We-Sa 13-18' adds up; 'Mo-Fr 9-18, Th 9-20' (days within days) overrides
    narrower = all(_every(rule.sel) <= _every(e.sel) for e in overlapping)
    return apart or not narrower
