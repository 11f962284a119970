"""Japanese one-line addresses, written from the largest area to the smallest with no separators:
``〒190-0012 東京都立川市曙町2-39-3 立川高島屋S.C. 9F`` -> postcode, prefecture, municipality, and
the rest (district, block numbers, building, floor) as the street line.

The prefecture is one of the 47 (都, 道, 府 or 県, checked against the region table); the
municipality is a city (市), a Tokyo special ward (区), or a town or village in a county (郡).
A city's ward (札幌市中央区) stays at the front of the street line, so a roster that writes the
ward with the city and one that writes it with the street read alike. Without a prefecture, only
a city, ward or county opens the line as a municipality: a bare …町 is as often a district of a
city as a town.
"""

from __future__ import annotations

import re
import unicodedata

from auditor.normalise.address_model import AreaLine
from auditor.normalise.address_postcodes import region_code

_POSTCODE = re.compile(r"(?:〒|〶)?\s*(\d{3})\s*[-‐－ー―]\s*(\d{4})\b|〒\s*(\d{3})(\d{4})\b")
_PREFECTURE = re.compile(r"(東京都|北海道|京都府|大阪府|[^\s\d\W]{2,3}県)")
_NAME = r"[^\s\d\W]+?"
_COUNTY_TOWN = re.compile(rf"{_NAME}郡{_NAME}[町村]")
_CITY = re.compile(rf"{_NAME}市")
_WARD = re.compile(rf"{_NAME}区")
_TOWN = re.compile(rf"{_NAME}[町村]")
_KANJI = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
_DASH = r"\s*[-‐－ー―−]\s*"
# 1丁目3番1号, 1丁目3-1, 1丁目3番地1 -> 1-3-1 (chōme, banchi, gō); 3番1号 -> 3-1; 1丁目3 -> 1-3
_BLOCKS = (
    (re.compile(rf"(\d+)\s*丁目\s*(\d+)\s*(?:番地?|{_DASH})\s*(\d+)(?:\s*号)?"), r"\1-\2-\3"),
    (re.compile(r"(\d+)\s*丁目\s*(\d+)(?:\s*(?:番地?|号))?"), r"\1-\2"),
    (re.compile(r"(\d+)\s*番地?\s*(\d+)(?:\s*号)?"), r"\1-\2"),
    (re.compile(r"(\d+)\s*(?:番地?|号)"), r"\1"),
    (re.compile(r"(\d+)\s*丁目"), r"\1"),
    (re.compile(rf"(?<=\d){_DASH}(?=\d)"), "-"),
)
_SEPARATORS = re.compile(r"\s*[,、，]\s*")



def _municipality(text: str, after_prefecture: bool) -> str:
    """The municipality that opens ``text`` ('' when none can be told)."""
    for pattern in (_COUNTY_TOWN, _CITY, _WARD) + ((_TOWN,) if after_prefecture else ()):
        found = pattern.match(text)
        if found:
            name = found.group()
            if pattern is _CITY and text[len(name) :].startswith("市"):  # 四日市市, 廿日市市
                name += "市"
            return name
    return ""


def japanese_blocks(text: str) -> str:
    """Block numbers in one form: ``1丁目3番1号`` and ``１丁目３−１`` are ``1-3-1``."""
    text = unicodedata.normalize("NFKC", text)
    for pattern, form in _BLOCKS:
        text = pattern.sub(form, text)
    return text


def _areas_first(text: str) -> str:
    """A line written from the smallest part (``北区梅田1-3-1, 大阪市``): its trailing areas moved
    to the front, where Japanese writes them."""
    segments = [s for s in _SEPARATORS.split(text) if s]
    moved: list[str] = []
    while len(segments) > 1 and (_POSTCODE.fullmatch(segments[-1]) or _is_area(segments[-1])):
        moved.insert(0, segments.pop())
    return "".join(moved) + "、".join(segments) if moved else text


def _is_area(segment: str) -> bool:
    if (found := _PREFECTURE.fullmatch(segment)) and region_code(found.group(), "JP").isdigit():
        return True
    return _municipality(segment, True) == segment


def split_japanese(raw: str) -> AreaLine | None:
    """The areas of a Japanese one-line address, or None when the line does not read as one."""
    text = unicodedata.normalize("NFKC", raw).strip()
    if not _KANJI.search(text):
        return None
    postcode = ""
    if found := _POSTCODE.search(text):
        digits = "".join(g for g in found.groups() if g)
        postcode = f"{digits[:3]}-{digits[3:]}"
        text = (text[: found.start()] + " " + text[found.end() :]).strip()
    text = _areas_first(text)
    # words before the address proper (a floor, a building) are kept for the end of the street line
    start = next((m.start() for m in re.finditer(r"\S+", text) if _KANJI.match(m.group())), 0)
    lead, text = text[:start].strip(" ,、"), text[start:]
    prefecture = ""
    if (found := _PREFECTURE.match(text)) and region_code(found.group(), "JP"):
        prefecture, text = found.group(), text[found.end() :].lstrip(" ,、")
    locality = _municipality(text, bool(prefecture))
    if not locality:
        return None
    street = text[len(locality) :].strip(" ,、")
    if not street:
        return None
    return AreaLine(" ".join(p for p in (street, lead) if p), locality, prefecture, postcode)


def split_ward(locality: str) -> tuple[str, str]:
    """A city written with its ward (札幌市中央区) -> (city, ward); else (locality, '')."""
    text = unicodedata.normalize("NFKC", locality).strip()
    city = _CITY.match(text)
    if city and (ward := _WARD.fullmatch(text[city.end() :])):
        return city.group(), ward.group()
    return locality, ""
