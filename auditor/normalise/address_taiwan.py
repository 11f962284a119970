"""Taiwanese one-line addresses, written from the largest area to the smallest:
``403台中市西區公益路68號`` or ``台北市信義區松高路11號1樓`` -> postcode, city or county,
district, and the rest (road, number, floor) as the street line.

As Google's address metadata writes Taiwan, the city or county (市, 縣; checked against the region
table, ``臺`` read as ``台``) is the region and its district (區, 鄉, 鎮, 市) the locality. A postcode
of three, five or six digits may open the line; ``台灣``/``臺灣``/``中華民國`` before it is the country.
"""

from __future__ import annotations

import re
import unicodedata

from auditor.normalise.address_model import AreaLine
from auditor.normalise.address_postcodes import region_code

_HAN = re.compile(r"[\u3400-\u9fff]")
_COUNTRY = re.compile(r"^(?:中華民國|[台臺]灣省?)")
_POSTCODE = re.compile(r"^(\d{3}(?:\d{2,3})?)(?!\d)")
_REGION = re.compile(r"[^\s\d\W]{2}[市縣]")
_DISTRICT = re.compile(r"[^\s\d\W]{1,3}?[區鄉鎮市]")
_WARD = re.compile(r"[^\s\d\W]{1,3}?區")


def split_taiwanese(raw: str) -> AreaLine | None:
    """The areas of a Taiwanese one-line address, or None when the line does not read as one."""
    text = unicodedata.normalize("NFKC", raw).strip(" ,，")
    if not _HAN.search(text):
        return None
    text = _COUNTRY.sub("", text).lstrip(" ,，")
    postcode = ""
    if found := _POSTCODE.match(text):
        postcode, text = found.group(1), text[found.end() :].lstrip(" ,，")
    text = _COUNTRY.sub("", text).lstrip(" ,，")
    region = ""
    if (found := _REGION.match(text)) and region_code(found.group(), "TW") != found.group():
        region, text = found.group(), text[found.end() :].lstrip(" ,，")
    # without its city, only a 區 opens the line as a district (鄉, 鎮, 市 may begin a road's name)
    district = _DISTRICT.match(text) if region else _WARD.match(text)
    if not district:
        return None
    street = text[district.end() :].strip(" ,，")
    return AreaLine(street, district.group(), region, postcode) if street else None
