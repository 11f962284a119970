"""Hong Kong one-line addresses in Chinese, written from the largest area to the smallest:
``香港中環皇后大道中88號2樓`` or ``尖沙咀廣東道30號地下G12號舖`` -> region, area, and the rest
(road, number, floor, shop) as the street line.

Hong Kong has no postcodes and its streets carry no area word, so the area is one of the names in
``data/addresses/hk_areas.tsv`` (the 18 districts and the areas addresses name); a leading region
(香港, 香港島, 九龍, 新界) is taken first.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from auditor.normalise.address_model import AreaLine
from auditor.normalise.address_tables import DATA

_HAN = re.compile(r"[\u3400-\u9fff]")
_REGION = re.compile(r"^(?:中國)?(?:香港特別行政區|香港島|香港|九龍|新界)")


@cache
def areas() -> tuple[str, ...]:
    """Area names in Chinese, longest first."""
    rows = (DATA / "hk_areas.tsv").read_text(encoding="utf-8").splitlines()
    names = {row.split("\t")[0] for row in rows if row.strip() and not row.startswith("#")}
    return tuple(sorted(names, key=lambda n: (-len(n), n)))


def split_hongkong(raw: str) -> AreaLine | None:
    """The areas of a Hong Kong one-line address in Chinese, or None when it does not read as one."""
    text = unicodedata.normalize("NFKC", raw).strip(" ,，")
    if not _HAN.search(text):
        return None
    region = ""
    while found := _REGION.match(text):
        region = region or found.group()
        text = text[found.end() :].lstrip(" ,，")
    area = next((name for name in areas() if text.startswith(name)), "")
    street = text[len(area) :].strip(" ,，")
    if not area or not street:
        return None
    return AreaLine(street, area, region)
