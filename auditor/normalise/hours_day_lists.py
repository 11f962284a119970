"""Several holiday days given one status in one line, as people write closures:
``Fermé le 25 décembre et le 1er janvier``, ``Geschlossen am 25.12. und 26.12.``, ``Eerste en
Tweede Kerstdag gesloten``, ``Closed on Christmas Day and New Year's Day``.

The line is split into its status (a closed word or times, which the hours reader must
understand) at its start or its end, and a list of days joined by ``and``/``und``/``et``/``en``/
commas. Every day of the list must be read, as a date or a public holiday's name (an item that
leaves out what the last one says is completed from it: ``25 et 26 décembre``, ``Eerste en
Tweede Kerstdag``, ``24. und 31.12.``); a list with one day that cannot be read is no reading at
all, never a shorter list.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from auditor.normalise.hours_dates import holiday_named, read_days

_JOINS = re.compile(r"\s*(?:,|&|\+|\b(?:and|und|et|en|e|y|sowie|ainsi que|as well as)\b)\s*", re.IGNORECASE)
_WORD_JOINS = re.compile(r"\s(?:and|und|et|en|e|y|sowie|ainsi que|as well as|&|\+)\s", re.IGNORECASE)
_LEADING = re.compile(
    r"^(?:(?:on|the|am|an|den|dem|le|la|les|l'|au|aux|du|op|de|het|el|il|lo|los|las)\s+|l')+",
    re.IGNORECASE,
)  # prepositions and articles before a day: "am 25.12.", "le 1er janvier", "op Tweede Kerstdag"
_DOTTED_DAY = re.compile(r"^\d{1,2}\.$")  # "24." of "24. und 31.12."
_DOTTED_FULL = re.compile(r"^\d{1,2}\.(\d{1,2}\.(?:\d{2,4})?)$")  # "31.12." -> its month part
_ORDINALS: dict[str, tuple[tuple[re.Pattern[str], str], ...]] = {
    "DE": ((re.compile(r"^1\.\s*"), "Erster "), (re.compile(r"^2\.\s*"), "Zweiter ")),
    "AT": ((re.compile(r"^1\.\s*"), "Erster "), (re.compile(r"^2\.\s*"), "Zweiter ")),
    "CH": ((re.compile(r"^1\.\s*"), "Erster "), (re.compile(r"^2\.\s*"), "Zweiter ")),
    "NL": ((re.compile(r"^1(?:e|ste)\s+", re.IGNORECASE), "Eerste "),
           (re.compile(r"^2(?:e|de)\s+", re.IGNORECASE), "Tweede ")),
    "BE": ((re.compile(r"^1(?:e|ste)\s+", re.IGNORECASE), "Eerste "),
           (re.compile(r"^2(?:e|de)\s+", re.IGNORECASE), "Tweede ")),
}  # fmt: skip
"""Holiday names written with a numeral: ``2. Weihnachtstag`` = ``Zweiter Weihnachtstag``."""
_MAX_STATUS_WORDS = 8


def split_listed(
    segment: str,
    country: str | None,
    today: dt.date,
    times_read: Callable[[str], bool],
    single: bool = False,
) -> tuple[list[dt.date], str] | None:
    """(every day the list names, the status) or None when the line is not such a list. A status
    after the days is taken only for a list joined by words unless ``single``: a single date
    before its hours is ``split_dated``'s ("Thursday, December 24: 11am-4pm")."""
    words = segment.strip(" .:;").split()
    if len(words) < 2:
        return None
    # the shortest status first: the hours reader passes over words it does not know, so a
    # longer one ("Geschlossen am 25.12.") could swallow a day of the list
    for size in range(1, min(_MAX_STATUS_WORDS, len(words) - 1) + 1):
        for first in (True, False):
            status, listed = (words[:size], words[size:]) if first else (words[-size:], words[:-size])
            status_text = " ".join(status).strip(" :,–-")
            list_text = " ".join(listed).strip(" :,–-")
            if not status_text or not (first or single or _WORD_JOINS.search(list_text)):
                continue
            if first and any(ch.isdigit() for ch in status_text):  # only a closed word leads
                continue
            if not times_read(status_text):
                continue
            days = read_list(list_text, country, today)
            if days:
                return days, status_text
    return None


def read_list(text: str, country: str | None, today: dt.date) -> list[dt.date]:
    """The days a list of dates or holiday names names; empty unless every item reads."""
    items = [_LEADING.sub("", item.strip(" :,")) if not _DOTTED_DAY.match(item.strip()) else item.strip()
             for item in _JOINS.split(text)]  # fmt: skip
    items = [item for item in items if item]
    days: list[dt.date] = []
    for item in items:
        found = _read_item(item, country, today)
        for other in items:
            if found:
                break
            found = _read_item(_completed(item, other), country, today)
        if not found:
            return []
        days.extend(found)
    return sorted(set(days))


def _read_item(item: str, country: str | None, today: dt.date) -> list[dt.date]:
    if not item:
        return []
    for pattern, word in _ORDINALS.get((country or "").upper(), ()):
        item = pattern.sub(word, item)
    return read_days(item, country, today) or holiday_named(item, country, today)


def _completed(item: str, other: str) -> str:
    """An item that leaves out what another item of its list says: ``25`` of ``25 et 26
    décembre``, ``31`` of ``December 24 and 31``, ``Eerste`` of ``Eerste en Tweede Kerstdag``,
    ``24.`` of ``24. und 31.12.``."""
    if item == other or len(item.split()) != 1:
        return ""
    if _DOTTED_DAY.match(item) and (full := _DOTTED_FULL.match(other)):
        return item + full.group(1)
    words = other.split()
    if len(words) < 2:
        return ""
    if words[0][:1].isdigit() or not words[-1][:1].isdigit():  # "26 décembre", "Tweede Kerstdag"
        return " ".join([item, *words[1:]])
    return " ".join([*words[:-1], item])  # "December 24"
