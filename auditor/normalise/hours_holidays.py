"""Public holidays of a store's country and region (the ``holidays`` library) and hours on a date.

``PH`` in an OSM expression is read against this calendar, not a guessed one: ``hours_on`` rewrites
the expression for the one date asked (``PH`` holds or not that day) and lets the OSM evaluator
answer.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

import holidays

from auditor.normalise.accents import strip_accents
from auditor.normalise.hours_osm import ranges_on


@lru_cache(maxsize=512)
def public_holidays(country: str, region: str | None, year: int) -> dict[date, str]:
    """Date -> holiday name for a country (ISO alpha-2) and region (its subdivision code), one year.

    An unknown region falls back to the national calendar; an unknown country has no holidays.
    """
    code = (country or "").upper()
    subdiv = (region or "").upper() or None
    for attempt in ((subdiv,) if subdiv is None else (subdiv, None)):
        try:
            calendar = holidays.country_holidays(code, subdiv=attempt, years=year)
            break
        except (NotImplementedError, KeyError, ValueError):
            continue
    else:
        return {}
    return dict(sorted(calendar.items()))


def is_public_holiday(day: date, country: str, region: str | None = None) -> bool:
    return day in public_holidays(country, region, day.year)


_QUOTED = re.compile(r'"[^"]*"')
_RULES = re.compile(r"(\s*(?:;|\|\|)\s*)")


def _for_day(expression: str, holiday: bool) -> str:
    """The expression with ``PH`` decided for one date: true -> every day matches, false -> dropped."""
    rules = _RULES.split(expression)
    out: list[str] = []
    for piece in rules:
        if _RULES.fullmatch(piece) or "PH" not in _QUOTED.sub("", piece):
            out.append(piece)
            continue
        if holiday:
            piece = re.sub(r"\bPH\s+(?=(?:Mo|Tu|We|Th|Fr|Sa|Su)\b)", "", piece)  # PH Mo-Th: PH and Mo-Th
            piece = re.sub(r"\bPH\b", "Mo-Su", piece)
        else:
            if re.match(r"\s*PH\s+(?:Mo|Tu|We|Th|Fr|Sa|Su)\b", piece) or re.match(r"\s*PH(?![,\w])", piece):
                piece = ""
            else:
                piece = re.sub(r"\bPH,|,PH\b", "", piece)
        out.append(piece)
    text = "".join(out)
    text = re.sub(r"^(?:\s*(?:;|\|\|)\s*)+|(?:\s*(?:;|\|\|)\s*)+$", "", text)
    return re.sub(r"(\s*;\s*)(?:\s*(?:;|\|\|)\s*)+", r"\1", text) or "off"


def hours_on(day: date, expression: str, country: str, region: str | None = None) -> list[tuple[str, str]]:
    """Open ranges on a calendar date, with ``PH`` read from the country's and region's holidays."""
    holiday = is_public_holiday(day, country, region)
    return ranges_on(_for_day(expression, holiday), day)


_SAINT = {"st": "saint", "ste": "sainte"}  # St Stephen's Day = Saint Stephen's Day


def _folded(name: str) -> str:
    words = re.sub(r"[^\w\s]", " ", name.replace("’", "").replace("'", "").casefold()).split()
    return " ".join(_SAINT.get(word, word) for word in words)


@lru_cache(maxsize=256)
def _named(country: str, year: int) -> dict[str, tuple[date, ...]]:
    """Folded holiday name (in the country's own language and in English) -> its dates that year."""
    names: dict[str, set[date]] = {}
    try:
        probe = holidays.country_holidays(country, years=year)
    except (NotImplementedError, KeyError, ValueError):
        return {}
    languages = dict.fromkeys([probe.default_language, *probe.supported_languages, None])
    for language in languages:
        calendar = holidays.country_holidays(country, years=year, language=language)
        for day, label in calendar.items():
            for name in str(label).split(";"):
                names.setdefault(_folded(name), set()).add(day)
    return {name: tuple(sorted(days)) for name, days in names.items() if name}


EVES: dict[str, tuple[int, int]] = {
    name: (12, 24) for name in ("christmas eve", "heiligabend", "heiliger abend", "veille de noel",
                                "reveillon de noel", "kerstavond", "vigilia di natale", "nochebuena")
} | {
    name: (12, 31) for name in ("new years eve", "silvester", "sylvester", "saint sylvestre",
                                "reveillon du nouvel an", "oudejaarsdag", "oudejaarsavond", "oudjaar",
                                "san silvestro", "nochevieja")
}  # fmt: skip
"""Days that close shops early in many countries but are no public holiday, so the ``holidays``
library does not name them (folded as ``_folded`` folds, accents left out)."""


def holiday_dates_named(text: str, country: str, since: date, whole: bool = False) -> date | None:
    """The next date on or after ``since`` of the public holiday ``text`` names in the country
    ("Christmas Day", "Neujahr", "Jour de l'an") or of an eve in ``EVES``, or None when it
    names none. Unless ``whole``, the first words of one holiday's name will do ("Thanksgiving");
    ``whole`` wants the name as written (a weekday, "lunedì", is no "Lunedì dell'Angelo")."""
    wanted = _folded(text)
    if (eve := EVES.get(strip_accents(wanted))) is not None:
        day = date(since.year, *eve)
        return day if day >= since else date(since.year + 1, *eve)
    for year in (since.year, since.year + 1):
        named = _named(country.upper(), year)
        # the name as written, or its first words ("Thanksgiving" for "Thanksgiving Day") when
        # they name one holiday only
        starts = () if whole else [ds for name, ds in named.items() if name.startswith(wanted + " ")]
        prefixed = {d for ds in starts for d in ds}
        days = named.get(wanted) or _only(prefixed)
        for day in days:
            if day >= since:
                return day
    return None


def _only(days: set[date]) -> tuple[date, ...]:
    return tuple(days) if len(days) == 1 else ()


CLOSED_ON_HOLIDAYS = re.compile(
    r"^\W*(?:closed (?:on )?(?:all )?(?:public |bank )?holidays|(?:public |bank )?holidays:? closed"
    r"|fermée? (?:les |tous les )?jours fériés|jours fériés\s*:?\s*fermée?"
    r"|(?:an )?(?:gesetzlichen )?feiertag(?:en|s)? geschlossen|feiertags?\s*:?\s*geschlossen"
    r"|(?:op )?(?:officiële |erkende )?feestdagen gesloten|feestdagen\s*:?\s*gesloten"
    r"|chius[oa] (?:nei |i )?(?:giorni )?festivi|festivi\s*:?\s*chius[oa]"
    r"|cerrado (?:los )?(?:días )?festivos|festivos\s*:?\s*cerrado)\W*$",
    re.IGNORECASE,
)
"""A page saying the store is closed on every public holiday, without naming one."""


def closed_on_holidays(text: str, country: str | None, since: date, days: int = 366) -> dict[str, list]:
    """Every public holiday of ``country`` in the ``days`` from ``since``, closed, when ``text``
    says the store closes on public holidays; empty otherwise (or for an unknown country)."""
    if not country or not CLOSED_ON_HOLIDAYS.match(text.strip()):
        return {}
    last = date.fromordinal(since.toordinal() + days - 1)
    found = {**public_holidays(country, None, since.year), **public_holidays(country, None, last.year)}
    return {day.isoformat(): [] for day in sorted(found) if since <= day <= last}
