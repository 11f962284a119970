"""Floors as East Asian addresses write them, taken out of the street line as a level.

``2階``, ``2F``, ``2/F``, ``1F.``, ``1樓``, ``1층`` are floor 2 or 1; ``地下1階``, ``B1F`` and
``지하 1층`` the first basement (``b1``); Hong Kong's ``G/F`` and ``地下`` (alone) the ground floor
(``g``). The level is compared as a unit, so ``雲ビル1F`` and ``1F Kumo Bldg`` give the same floor.
"""

from __future__ import annotations

import re
import unicodedata

EAST_ASIA = frozenset({"JP", "KR", "TW", "HK", "MO", "CN"})
_CLOSE = r"(?![A-Za-z0-9])\.?"
_NOT_AFTER = r"(?<![A-Za-z0-9])"
_FORMS = (
    re.compile(rf"{_NOT_AFTER}(?:地下|지하)\s*(\d{{1,2}})\s*(?:階|樓|楼|층|F{_CLOSE})", re.I),  # basement
    re.compile(rf"{_NOT_AFTER}([0-9]{{1,3}}|[GLU]G|G|M|B[0-9]?)\s*/\s*F{_CLOSE}", re.I),  # 2/F, G/F
    re.compile(rf"{_NOT_AFTER}(B?[0-9]{{1,3}})\s*(?:F{_CLOSE}|階|樓|楼|층)", re.I),  # 2F, 2階, B1F
)
_BASEMENT_WORD = re.compile(r"^(?:地下|지하)")
_HK_GROUND = re.compile(r"地下(?![\d鉄鐵街道])")  # 地下 alone in Hong Kong: the ground floor


def take_floors(text: str, country: str) -> tuple[str, list[str]]:
    """(``text`` without its floors, the floors as ``level 2``/``level b1``/``level g``)."""
    if country not in EAST_ASIA:
        return text, []
    text = unicodedata.normalize("NFKC", text)
    levels: list[str] = []

    def level(found: re.Match[str]) -> str:
        value = found.group(1).lower()
        if _BASEMENT_WORD.match(found.group(0)):
            value = f"b{value}"
        value = value.lstrip("0") or "0" if value.isdigit() else value
        levels.append(f"level {value}")
        return " "

    for form in _FORMS:
        text = form.sub(level, text)
    if country in ("HK", "MO"):
        text = _HK_GROUND.sub(lambda m: (levels.append("level g"), " ")[1], text)
    return " ".join(text.split()), levels
