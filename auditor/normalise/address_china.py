"""Chinese one-line addresses, written from the largest area to the smallest:
``广东省深圳市南山区深南大道10000号`` -> province, city, and the rest (district, road, number,
building) as the street line.

The province is checked against the region table (省, 自治区, or one of the four municipalities,
which are their own city). The district (区, 县) stays at the front of the street line, as a
Japanese city's ward does, so rosters that write it with the city or with the street read alike.
"""

from __future__ import annotations

import re
import unicodedata

from auditor.normalise.address_model import AreaLine
from auditor.normalise.address_postcodes import region_code

_POSTCODE = re.compile(r"(?:邮编|郵編|邮政编码)[:：\s]*(\d{6})(?!\d)|(?<!\d)(\d{6})(?![\d号號])")
_MUNICIPALITY = re.compile(r"(北京|上海|天津|重庆)市?")
_PROVINCE = re.compile(r"[^\s\d\W]{2,3}省|[^\s\d\W]{2,8}?自治区")
_CITY = re.compile(r"[^\s\d\W]+?市")
_HAN = re.compile(r"[\u3400-\u9fff]")



def split_chinese(raw: str) -> AreaLine | None:
    """The areas of a Chinese one-line address, or None when the line does not read as one."""
    text = unicodedata.normalize("NFKC", raw).strip()
    if not _HAN.search(text):
        return None
    postcode = ""
    if found := _POSTCODE.search(text):
        postcode = found.group(1) or found.group(2)
        text = (text[: found.start()] + text[found.end() :]).strip(" ,，")
    text = re.sub(r"^中国|^中华人民共和国", "", text).lstrip(" ,，")
    province = locality = ""
    if found := _MUNICIPALITY.match(text):
        province = locality = found.group(1) + "市"
        text = text[found.end() :]
    else:
        if (found := _PROVINCE.match(text)) and region_code(found.group(), "CN").isdigit():
            province, text = found.group(), text[found.end() :]
        if city := _CITY.match(text):
            locality, text = city.group(), text[city.end() :]
    street = text.strip(" ,，")
    if not locality or not street:
        return None
    return AreaLine(street, locality, province, postcode)


def split_district(locality: str) -> tuple[str, str]:
    """A city written with its district (深圳市南山区) -> (city, district); else (locality, '')."""
    text = unicodedata.normalize("NFKC", locality).strip()
    city = _CITY.match(text)
    if city and re.fullmatch(r"[^\s\d\W]+?[区县]", rest := text[city.end() :]):
        return city.group(), rest
    return locality, ""
