"""Review stars in the forms review sites write them, read as a number of stars out of 5.

``read_stars(text)`` returns ``(stars, None)`` or ``(None, reason)``: a rating that cannot be read
is never 0 and never counted. Forms read (each in any language, since only the numbers and the
markup conventions matter):

- a number: ``4``, ``4.5``, ``4,5``, ``4.5 stars``, ``4 Sterne``
- a number out of a scale: ``4/5``, ``4,5 von 5``, ``4.5 out of 5``, ``8/10``, ``Rated 4 out of 5
  stars`` (an ``aria-label``), ``4 sur 5 étoiles``
- star glyphs: ``★★★★☆`` (filled out of filled + empty; ``½``/``⯪`` adds a half)
- a CSS width: ``width: 80%`` (the filled part of a five-star bar)
- class names: ``stars-4``, ``rating-45`` (4.5), ``star-rating-4-5``, ``rating_40`` (4.0)
- number words in English, German, French, Spanish, Dutch and Italian (``five stars``)

There is no library made for this job (it is markup convention, not language), hence the
hand-written reader; it runs once per review, so every pattern is a single linear regex.
"""

from __future__ import annotations

import re
from functools import lru_cache

MAX_STARS = 5.0
MAX_TEXT = 1000

_NUM = r"(\d{1,3}(?:[.,]\d{1,2})?)"
_FULL_GLYPHS = "★⭐✭✮✯🌟"
_EMPTY_GLYPHS = "☆✩✰"
_HALF_GLYPHS = "½⯨⯪⯫"
_SCALE = re.compile(
    _NUM + r"\s*(?:/|\bof\b|\bout\s+of\b|\bvon\b|\bsur\b|\bde\b|\bsu\b|\bvan\b|\bz\b|\bav\b|\baf\b|\bi\b|"
    r"\bиз\b|\bna\b|\bdi\b|\bsobre\b)\s*" + _NUM + r"(?!\d)",
    re.IGNORECASE,
)
_WIDTH = re.compile(r"width\s*:\s*" + _NUM + r"\s*%", re.IGNORECASE)
_PERCENT = re.compile(r"^\s*" + _NUM + r"\s*%\s*$")
# a class token such as stars-4, rating-45, star-rating-4-5, rating_40, rate4, s45
_CLASS = re.compile(
    r"(?:^|[\s_-])(?:stars?|ratings?|rated|rate|score|sterne?|etoiles?|estrellas?)"
    r"(?:[-_]++[a-z]++)*+[-_]*+(\d)(?:[-_.]?(\d))?(?![\d])",
    re.IGNORECASE,
)
_NUMBER = re.compile(_NUM)
_BARE = re.compile(r"^" + _NUM + r"$")
_ICON_NUMBER = re.compile(_NUM + r"\s*[" + _FULL_GLYPHS + r"]|[" + _FULL_GLYPHS + r"]\s*" + _NUM)
_WORDS = {
    # one .. five in en, de, fr, es, nl, it
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "eins": 1, "ein": 1, "einen": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "fuenf": 5,
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5,
    "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5,
    "een": 1, "twee": 2, "drie": 3, "vijf": 5,
    "due": 2, "tre": 3, "quattro": 4, "cinque": 5,
}  # fmt: skip
_WORD = re.compile(r"\b(" + "|".join(sorted(_WORDS, key=len, reverse=True)) + r")\b", re.IGNORECASE)
_STAR_WORD = re.compile(r"\b(?:stars?|sterne?n?|étoiles?|etoiles?|estrellas?|sterren|stelle|stella)\b",
                        re.IGNORECASE)  # fmt: skip


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def _on_scale(value: float, scale: float, text: str) -> tuple[float | None, str | None]:
    if scale <= 0:
        return None, f"'{text}' has a scale of 0"
    if value < 0 or value > scale:
        return None, f"'{text}' is outside its scale of {scale:g}"
    return round(value / scale * MAX_STARS, 2), None


def _glyphs(text: str) -> tuple[float | None, str | None] | None:
    full = sum(text.count(g) for g in _FULL_GLYPHS)
    empty = sum(text.count(g) for g in _EMPTY_GLYPHS)
    half = sum(text.count(g) for g in _HALF_GLYPHS)
    if not (full or empty):
        return None
    if full + empty == 1 and _NUMBER.search(text):  # one star as an icon beside the number
        icon = _ICON_NUMBER.search(text)
        return _plain(icon.group(1) or icon.group(2)) if icon else None
    filled = full + 0.5 * half
    if empty:  # an explicit scale: filled out of all the glyphs
        return _on_scale(filled, full + empty + half, text)
    if filled > MAX_STARS:
        return None, f"'{text}' shows {full} stars and no empty ones: the scale is unknown"
    return filled, None


def _class_token(text: str) -> tuple[float | None, str | None] | None:
    match = _CLASS.search(text)
    if match is None:
        return None
    first, second = match.group(1), match.group(2)
    if second is None:
        value = float(first)
    elif first in "012345" and (first != "5" or second == "0"):
        value = float(f"{first}.{second}")  # rating-45 -> 4.5, stars-50 -> 5.0
    else:
        return None, f"'{text}' names a rating class that is not on a five-star scale"
    if value > MAX_STARS:
        return None, f"'{text}' names a rating class above 5"
    return value, None


def _plain(text: str) -> tuple[float | None, str | None] | None:
    numbers = _NUMBER.findall(text)
    if not numbers:
        return None
    value = _number(numbers[0])
    if value > MAX_STARS:
        return None, f"'{text}': {numbers[0]} is above 5 and the page gives no scale"
    return value, None


@lru_cache(maxsize=4096)
def read_stars(text: str | float | int | None, scale: float | None = None) -> tuple[float | None, str | None]:
    """(stars out of 5, None) or (None, why the rating cannot be read). ``scale`` is what a bare
    number is out of when the page does not say (a 10-point review site); default 5."""
    if text is None or isinstance(text, bool):
        return None, "no star rating shown"
    if isinstance(text, int | float):
        text = str(text)
    text = " ".join(str(text)[:MAX_TEXT].split())  # a rating is short: bound the work
    if not text:
        return None, "no star rating shown"
    if scale and scale != MAX_STARS and _BARE.match(text):
        return _on_scale(_number(text), scale, text)
    glyphs = _glyphs(text)
    if glyphs is not None:
        return glyphs
    scaled = _SCALE.search(text)
    if scaled:
        return _on_scale(_number(scaled.group(1)), _number(scaled.group(2)), text)
    width = _WIDTH.search(text) or _PERCENT.match(text)
    if width:
        return _on_scale(_number(width.group(1)), 100.0, text)
    token = _class_token(text)
    if token is not None:
        return token
    plain = _plain(text)
    if plain is not None:
        return plain
    word = _WORD.search(text)
    if word and _STAR_WORD.search(text):
        return float(_WORDS[word.group(1).casefold()]), None
    shown = text if len(text) <= 60 else text[:57] + "..."
    return None, f"'{shown}' shows no star rating in a form the auditor reads"
