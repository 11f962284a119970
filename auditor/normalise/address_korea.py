"""Korean one-line addresses, written from the largest area to the smallest:
``서울특별시 강남구 테헤란로 152`` or ``서울 강남구 테헤란로 152`` -> region, municipality, and the
rest (road, building number, floor) as the street line.

The region is one of the 17 (특별시, 광역시, 도, or their short forms 서울, 부산, 경기), checked
against the region table. In a special or metropolitan city the municipality is its district
(구, 군); in a province it is the city or county (시, 군), and a city's district (성남시 분당구)
stays at the front of the street line, as a Japanese city's ward does. A postcode of five digits
may open or close the line, in brackets or not.
"""

from __future__ import annotations

import re
import unicodedata

from auditor.normalise.address_model import AreaLine
from auditor.normalise.address_postcodes import region_code

_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_POSTCODE = re.compile(r"^\(?(\d{5})\)?\s+|\s+\(?(\d{5})\)?$")
_COUNTRY = re.compile(r"^(?:대한민국|한국)\s+|\s+(?:대한민국|한국)$")
_CITY_REGIONS = frozenset({"11", "26", "27", "28", "29", "30", "31", "50"})  # 특별시, 광역시, 세종
_DISTRICT = re.compile(r"[\uac00-\ud7a3]+[구군]")
_MUNICIPALITY = re.compile(r"[\uac00-\ud7a3]+[시군]")


def split_korean(raw: str) -> AreaLine | None:
    """The areas of a Korean one-line address, or None when the line does not read as one."""
    text = " ".join(unicodedata.normalize("NFKC", raw).replace(",", " ").split())
    if not _HANGUL.search(text):
        return None
    text = _COUNTRY.sub("", text)
    postcode = ""
    if found := _POSTCODE.search(text):
        postcode = found.group(1) or found.group(2)
        text = (text[: found.start()] + " " + text[found.end() :]).strip()
    words = text.split()
    region = region_code(words[0], "KR") if words else ""
    if not region.isdigit():  # no region: a district or city may still open the line (강남구 테헤란로 152)
        opens = len(words) >= 3 and (_MUNICIPALITY.fullmatch(words[0]) or _DISTRICT.fullmatch(words[0]))
        return AreaLine(" ".join(words[1:]), words[0], "", postcode) if opens else None
    if len(words) < 3:
        return None
    pattern = _DISTRICT if region in _CITY_REGIONS else _MUNICIPALITY
    if not pattern.fullmatch(words[1]):
        return None
    return AreaLine(" ".join(words[2:]), words[1], words[0], postcode)
