"""Colours used by CSS -> ``#rrggbb`` (tinycss2 parses, coloraide converts and compares)."""

from __future__ import annotations

from functools import lru_cache

import tinycss2
from coloraide import Color

_COLOUR_PROPERTIES = (
    "color", "background", "background-color", "border", "border-color", "border-top",
    "border-bottom", "border-left", "border-right", "border-top-color", "border-bottom-color",
    "outline", "outline-color", "fill", "stroke", "text-decoration-color", "box-shadow",
    "text-shadow", "caret-color", "accent-color", "column-rule-color",
)
_KEYWORDS_NOT_COLOURS = {"transparent", "inherit", "initial", "unset", "currentcolor", "none", "revert"}


def _declarations(css: str) -> list:
    """Declarations from a stylesheet or from a bare ``style=""`` attribute value."""
    if "{" not in css:
        return tinycss2.parse_blocks_contents(css, skip_whitespace=True, skip_comments=True)
    found = []
    for rule in tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True):
        if rule.type == "qualified-rule":
            found.extend(tinycss2.parse_blocks_contents(rule.content, True, True))
        elif rule.type == "at-rule" and rule.content is not None:  # @media: nested rules
            found.extend(_declarations(tinycss2.serialize(rule.content)))
    return found


def _to_hex(text: str) -> str | None:
    text = text.strip()
    if not text or text.lower() in _KEYWORDS_NOT_COLOURS or text.lower().startswith("var("):
        return None
    try:
        colour = Color(text)
    except ValueError:
        return None
    return colour.convert("srgb").fit("srgb").to_string(hex=True, alpha=False)


def colours_from_css(css: str) -> list[str]:
    """Every colour the CSS sets, as ``#rrggbb``, in order of first appearance, deduplicated."""
    seen: dict[str, None] = {}
    for decl in _declarations(css or ""):
        if decl.type != "declaration":
            continue
        name = decl.lower_name
        if name not in _COLOUR_PROPERTIES and not name.startswith("--"):
            continue
        for token in decl.value:
            text = None
            if token.type == "hash":
                text = "#" + token.value
            elif token.type == "ident":
                text = token.value
            elif token.type == "function" and token.lower_name in ("rgb", "rgba", "hsl", "hsla", "hwb",
                                                                     "lab", "lch", "oklab", "oklch"):
                text = tinycss2.serialize([token])
            if text:
                hex_value = _to_hex(text)
                if hex_value:
                    seen.setdefault(hex_value, None)
    return list(seen)


@lru_cache(maxsize=65536)
def delta_e(a_hex: str, b_hex: str) -> float:
    """CIEDE2000 difference between two colours."""
    return float(Color(a_hex).delta_e(Color(b_hex), method="2000"))


@lru_cache(maxsize=65536)
def is_neutral(hex_value: str, chroma_limit: float = 4.0) -> bool:
    """White, black and greys (low chroma in LCh)."""
    lch = Color(hex_value).convert("lch")
    return float(lch["chroma"]) < chroma_limit


def nearest_palette(hex_value: str, palette: list[str]) -> tuple[str, float]:
    """The palette colour closest to ``hex_value`` and its CIEDE2000 distance."""
    if not palette:
        raise ValueError("empty palette")
    return min(((p, delta_e(hex_value, p)) for p in palette), key=lambda pair: pair[1])
