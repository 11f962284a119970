"""Tokens of free-text opening hours -> an OSM ``opening_hours`` expression.

The middle of the multilingual front end (after :mod:`auditor.normalise.hours_text`, before
:mod:`auditor.normalise.hours_write`); it never decides what OSM syntax means (the library does),
it only writes what a page says in that syntax. Here the tokens are grouped: day selections
(``lundi au vendredi``, ``Mo, We-Sa``, ``daily except We``), dates and months (``del 29 de marzo
al 15 de septiembre``) and time lists (``9-12, 14-18``, ``closed``), with clock times read as a
person reads them (``9-5`` is 09:00-17:00, ``18 Uhr`` never a 12 h clock).

Unknown words are skipped once something was read; when nothing is, the error names the first
unknown word.
"""

from __future__ import annotations

import re
import unicodedata

from auditor.normalise.hours_text import (
    _AND,
    _OSM_CODES,
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
from auditor.normalise.hours_words import fold
from auditor.normalise.hours_write import Selector, Times, _fmt, _fmt_date, _pair, _rules_text

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
        self.twelve = lang in _TWELVE_HOUR_LANGS

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
                clause = self._clause()
                # unread before any day of the clause, or right after times ('M-F 9-5, S 10-2'):
                # the times that follow belong to days not read
                unread = not any(isinstance(g, Selector) for g in clause) or (
                    bool(clause) and isinstance(clause[0], Times) and r.kind(-1) in _AND)
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
            elif kind == "half":
                if self.groups and isinstance(self.groups[-1], Selector) and self.groups[-1].has_days:
                    if self.groups[-1].all_but or self._except_before():
                        raise TextError(f"a part of a day in an exception is not read ('{tok.text}')")
                    self.groups[-1].half = str(tok.value)
                r.i += 1
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

    def _except_before(self) -> bool:
        """'sauf mardi soir': an exception word stands before the days of this clause."""
        for tok in reversed(self.r.toks[: self.r.i]):
            if tok.kind == "except":
                return True
            if tok.kind in ("time", "num") or tok.text in (";", "\n"):
                return False
        return False

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
                k + 1 < len(inner) and (inner[k + 1].kind == "range" or inner[k + 1].text == "-")
                and k + 2 == len(inner))
            for k, t in enumerate(inner))
        if lone_time and not has_range and {"day", "weekend", "weekdays", "ph"} & set(kinds):
            # '11:00-21:30 (20:00 on weekend)': some days' other time, opening or closing not said
            raise TextError("a time in brackets for some days is not read")
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
        if tok is not None and tok.kind == "num" and r.kind(1) in ("range", "-") and r.kind(2) == "num" \
                and r.kind(3) == "month":  # '1 - 15 août', '1-15 Aug': a range of days in a month
            return True
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
                    sel.no_ph = True
                else:
                    sel.ph = True
                r.i += 1
            elif kind == "except":
                if not sel.days:
                    sel.days.update(range(7))
                    sel.all_but = True
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
            if tok.kind == "num" and r.kind(1) in ("range", "-") and r.kind(2) == "num" \
                    and r.kind(3) == "month":
                first_day, last_day = int(str(tok.value)), int(str(r.peek(2).value))  # type: ignore[union-attr]
                in_month = int(str(r.peek(3).value))  # type: ignore[union-attr]
                if 1 <= first_day < last_day <= 31:  # '1 - 15 août': days of one month
                    last_text = _fmt_date(in_month, last_day, None, in_month)
                    items.append(f"{_fmt_date(in_month, first_day, year)}-{last_text}")
                    r.i += 4
                    single = False
                    break
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
                    and r.kind(2) != ":" and not self._time_range_at(1))
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

    def _time_range_at(self, offset: int) -> bool:
        """'…, 9 a 20 h' after a date: a number that starts a range of times, not another date."""
        r = self.r
        end = r.peek(offset + 2)
        return r.kind(offset + 1) in ("range", "-") and end is not None and end.kind in ("time", "num") \
            and r.kind(offset + 3) not in ("month", "date")

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
                after_days = bool(self.groups) and isinstance(self.groups[-1], Selector)  # '土日祝 10-21'
                bare = tok.kind == "num" and end_tok is not None and end_tok.kind == "num" and (
                    not self.cjk or after_days)
                if start is not None and end is not None and (start.explicit or end.explicit or bare):
                    times.ranges.append(_resolve(start, end, self.twelve))
                    r.i += 3
                    read = True
                elif tok.kind == "time" and tok.minutes == 24 * 60 and not tok.has_minutes:
                    times.ranges.append((0, 24 * 60))  # 'open 24h'
                    r.i += 1
                    read = True
                elif tok.kind == "time" and _from_then_on(r) and r.peek(1).text in ("まで", "迄"):  # type: ignore[union-attr]
                    times.until = _resolve_point(tok) or 24 * 60  # '日曜は23時まで': until then
                    r.i += 2
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
            elif kind == "closed" and times.ranges and (
                r.kind(1) in _DAYISH or (r.kind(1) == ":" and r.kind(2) in _DAYISH)):
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


# where a bare '9-5' is a 12-hour clock (morning to afternoon); elsewhere '7.00 до 2.00' is a night
_TWELVE_HOUR_LANGS = {"en", "es", "pt", "id", "osm"}


def _resolve(start: Tok, end: Tok, twelve: bool = True) -> tuple[int, int]:
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
    # "11 - 11" read by a person as 11 am to 11 pm, as "9-5" is morning to afternoon
    same_bare_hour = e == s and sh >= 1 and not (start.has_minutes or end.has_minutes)
    twelve_hour = twelve and not (start.clock24 or end.clock24) and (not end.has_minutes or sh >= 7) \
        and end.value != "midnight"  # '10:00 - Midnight' ends the day, not at noon
    if s_suffix is None and e_suffix is None and (e < s or same_bare_hour) and eh < 12 and sh <= 12 \
            and (eh + 12) * 60 > s and twelve_hour:
        e += 12 * 60  # "9-5": morning to afternoon
    if e == 0 and (s > 0 or e_suffix == "am" or end.value == "midnight"):
        e = 24 * 60
    if e_suffix == "am" and eh == 12 and em == 0:
        e = 24 * 60
    if e == 23 * 60 + 59:
        e = 24 * 60  # '23:59' is written for the end of the day
    return s, e


_EVENING = {"soir", "du soir", "abends", "abend", "evening", "in the evening", "night", "at night", "tonight",
            "sera", "di sera", "della sera", "noche", "de la noche", "noite", "da noite", "avond", "s avonds",
            "вечера", "夜", "晚上"}


def _except_after(tokens: list[Tok], lang: str) -> list[Tok]:
    """'土・日・祝日除く': in Japanese and Chinese 'except' follows the days it takes away."""
    if lang not in ("ja", "zh"):
        return tokens
    out = list(tokens)
    for k, tok in enumerate(out):
        if tok.kind != "except":
            continue
        start = k
        while start > 0 and (out[start - 1].kind in ("day", "ph", "weekend", "filler")
                             or out[start - 1].text in ("・", "、", ",", "/")):
            start -= 1
        if start < k and any(t.kind in ("day", "ph", "weekend") for t in out[start:k]):
            out = [*out[:start], tok, *out[start:k], *out[k + 1 :]]
    return out


def _parts_of_days(tokens: list[Tok]) -> list[Tok]:
    """'Mi nachmittags geschlossen', 'dimanche midi': a morning, afternoon, evening or midday word
    after days and with no clock time beside it names a part of those days."""
    meaningful = [t for t in tokens if t.kind != "filler"]
    for k, tok in enumerate(meaningful):
        if tok.kind not in ("am", "pm", "noon") or k == 0 or meaningful[k - 1].kind != "day":
            continue
        nxt = meaningful[k + 1] if k + 1 < len(meaningful) else None
        if nxt is not None and (nxt.kind in ("time", "num", "range", "ampm") or nxt.text in ("-", ":")):
            continue  # 'Samstag vormittags 9-12', 'lundi midi-14h'
        part = {"am": "morning", "noon": "midday"}.get(tok.kind)
        tok.value = part or ("evening" if fold(tok.text) in _EVENING else "afternoon")
        tok.kind = "half"
    return tokens


def _refuse_undated_season(tokens: list[Tok]) -> None:
    """'10-18 (summer), 10-16 (winter)': hours for part of the year whose dates are not said are not
    read as the whole year's (OSM has no 'summer'); a season beside its dates or months is read."""
    clause: list[Tok] = []
    for tok in [*tokens, Tok("punct", ";", ";")]:
        if tok.kind == "punct" and (tok.value in _SEP or tok.value == "\n"):
            season = next((t for t in clause if t.kind == "season"), None)
            if season is not None and not any(t.kind in ("month", "date") for t in clause):
                raise TextError(f"seasonal hours without their dates ('{season.text}')")
            clause = []
        else:
            clause.append(tok)


_NTH = re.compile(
    r"(?<![\w.:])(?:[1-5](?:st|nd|rd|th|er|re|eme|e|º|o|a)|first|second|third|fourth|last|every other"
    r"|premier|premiere|dernier|derniere|erste[nrs]?|zweite[nrs]?|dritte[nrs]?|vierte[nrs]?|letzte[nrs]?"
    r"|primer|primero|ultimo|primo|secondo|terzo|eerste|tweede|derde|laatste)\s+(?:and\s+\w+\s+)?([^\W\d_]+)")


def _refuse_nth_weekday(cleaned: str, lang: str) -> None:
    """'4th Wed', '1er samedi du mois', 'letzter Freitag': a weekday of the month, not of every week."""
    from auditor.normalise.hours_words import vocabulary

    for match in _NTH.finditer(cleaned):
        if vocabulary().day(match.group(1), lang) is not None:
            raise TextError(f"a weekday of the month is not read ('{match.group(0)}')")
    indexed = re.search(r"\b(?:mo|tu|we|th|fr|sa|su)\[\s*-?\d[^\]]{0,10}\]", cleaned)
    if indexed:  # 'Mo,Tu[3] OFF' outside OSM syntax: the index would be lost
        raise TextError(f"a weekday of the month is not read ('{indexed.group(0)}')")
    unknown = re.search(r"[^\W\d_]\.?\s*:?\s*\?+\s*(?:[;,|\n]|$)", cleaned)
    if unknown:  # 'Mo-Sa ?; Su 09:00-17:00'
        raise TextError(f"hours written as unknown ('{unknown.group(0).strip()}')")


def _refuse_unread_days(tokens: list[Tok]) -> None:
    """'H-P: 9-17 Sz: 9-12', 'Mo-Th 9-16; Pt 9-15': short words where the days stand, not read; their
    times would be taken for other days or every day."""
    meaningful = [t for t in tokens if t.kind != "filler"]
    for k in range(len(meaningful) - 2):  # 'Даваа-Баасан 10.00-19.00': a range of words not read
        first, link, last = meaningful[k : k + 3]
        if first.kind == last.kind == "unknown_word" and (link.text == "-" or link.kind == "range") \
                and k + 3 < len(meaningful) and (meaningful[k + 3].kind in ("time", "num")
                                                 or meaningful[k + 3].text == ":"):
            raise TextError(f"days not read: '{first.text}-{last.text}'")
    for k, tok in enumerate(meaningful):  # 'März-Anfang Januar': a month range ending on a word not read
        if tok.kind == "month" and k + 2 < len(meaningful) and meaningful[k + 1].text == "-" \
                and meaningful[k + 2].kind == "unknown_word":
            raise TextError(f"dates not read: '{tok.text}-{meaningful[k + 2].text}'")
    for k, tok in enumerate(meaningful):
        word = str(tok.value)
        if tok.kind != "unknown_word" or len(word) > 3 or not word.isalpha() or word == "sh":
            continue  # ('SH', school holidays, is OSM's and not read here)
        before = meaningful[k - 1] if k else None
        after = meaningful[k + 1] if k + 1 < len(meaningful) else None
        joined = [t for t in (before, after) if t is not None and (t.kind == "range" or t.text == "-")]
        ends = [t for t in (meaningful[k - 2] if k > 1 and before in joined else None,
                            meaningful[k + 2] if k + 2 < len(meaningful) and after in joined else None)
                if t is not None]
        if any(t.kind in ("day", "month") or (len(t.text) == 1 and t.text.isalpha()) for t in ends):
            raise TextError(f"days not read: '{tok.text}'")  # 'Mo-Fo', 'T - Su', 'Ma-Fr', 'Jen-Nov'
        beside = [t for t in (before, after) if t is not None and t.kind == "day"]
        listed = [t for t in (before, after) if t is not None and t.text in (",", "&", "/")]
        in_list = listed and any(t.kind == "day" for t in meaningful[max(0, k - 2) : k + 3])
        if len(word) <= 2 and (beside or in_list):
            raise TextError(f"days not read: '{tok.text}'")  # 'M T Th F Sa'
        after_times = before is not None and before.kind in ("time", "num")  # '8:00 - 20:00?Sut 9:00'
        starts = before is None or before.text in (";", ",", "\n", "|", "/") or after_times or (
            before.text == "-" and k > 1 and meaningful[k - 2].kind == "unknown_word")
        rest = meaningful[k + 1 : k + 4]
        if rest and rest[0].text == "-" and len(rest) > 1 and rest[1].kind == "unknown_word":
            rest = rest[2:]  # 'H-P: 9-17'
        if rest and rest[0].text == ":":
            rest = rest[1:]
        if starts and rest and rest[0].kind in ("time", "num", "always"):
            raise TextError(f"days not read: '{tok.text}'")


def _close_on_days(tokens: list[Tok]) -> None:
    """'Close on Wednesday': 'close' before days is closed, not 'until close' ('9am-close')."""
    meaningful = [t for t in tokens if t.kind != "filler"]
    for k, tok in enumerate(meaningful):
        if tok.kind != "late" or k + 1 >= len(meaningful):
            continue
        before = meaningful[k - 1] if k else None
        if meaningful[k + 1].kind in _DAYISH and not (
                before is not None and (before.kind in ("time", "num", "range") or before.text == "-")):
            tok.kind = "closed"


def text_to_osm(text: str) -> str:
    """Free text -> OSM opening_hours (not yet checked by the OSM parser); raises TextError."""
    if len(text) > MAX_LENGTH:
        raise TextError(f"opening hours text too long ({len(text)} characters)")
    cleaned = clean(text)
    if not cleaned.strip(" ;,.|") and not _QUOTE_CHARS.search(text):
        raise TextError("empty opening hours")
    lang = detect_language(cleaned)
    unknown: list[str] = []
    tokens = _prepare_times(_parts_of_days(_except_after(tokenize(cleaned, lang, unknown), lang)))
    _refuse_undated_season(tokens)
    _refuse_nth_weekday(cleaned, lang)
    garbled = re.search(r"(?<![\d:.])\d{1,2}-\d{1,2}:\d\d:\d\d|\?\??[:.h]\d\d|\d[:.h]\?\?"
                        r"|\d\?+[:.\d]|[:.]\?+\d"
                        r"|(?<![\d.])\d{1,2}\.(?:1[3-9]|[2-5]\d)\.\d\d(?![\d.])", cleaned)
    if garbled:  # '09-00:17:30', '16.20.00', '??:00': no one can tell which clock time is meant
        raise TextError(f"unreadable clock time '{garbled.group(0)}'")
    _close_on_days(tokens)
    _refuse_unread_days(tokens)
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
