"""Singapore's address forms: the postcode written ``S(078884)``, ``S078884`` or ``Singapore
078884``; and the city, which is the country, never a locality to compare."""

from __future__ import annotations

import re

_POSTCODE = re.compile(r"(?<![A-Za-z0-9])S\s*\(?\s*(\d{6})\s*\)?(?![\w])")


def singapore_line(text: str) -> str:
    """The line with its postcode in the plain form (``S(078884)`` -> ``078884``)."""
    return _POSTCODE.sub(r"\1", text)


def singapore_locality(tokens: list[str]) -> list[str]:
    """The locality without the city-state's own name (``Singapore`` is the country)."""
    return [] if tokens in (["singapore"], ["sg"], ["republic", "of", "singapore"]) else tokens
