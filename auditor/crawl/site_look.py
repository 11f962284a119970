"""A site page's look and words: colours and fonts from CSS, the logo's hash, visible text."""

from __future__ import annotations

from typing import Any


def css_look(css: str) -> dict[str, Any]:
    """Colours (``#rrggbb``) and font families a piece of CSS uses."""
    from auditor.normalise.colours import colours_from_css
    from auditor.normalise.fonts import font_stacks_from_css, fonts_from_css

    if not css.strip():
        return {"colours": [], "fonts": [], "font_stacks": []}
    return {
        "colours": list(colours_from_css(css)),
        "fonts": list(fonts_from_css(css)),
        "font_stacks": font_stacks_from_css(css),  # the first family of each stack is the one used
    }


def logo_look(image: bytes) -> dict[str, Any]:
    """The logo's perceptual hash, or the reason the image could not be read."""
    from auditor.normalise.errors import NormaliseError
    from auditor.normalise.logos import logo_hash

    try:
        return {"logo": str(logo_hash(image))}
    except NormaliseError as exc:
        return {"problem": f"unreadable logo: {exc}"}


def merge_looks(looks: list[dict[str, Any]]) -> dict[str, Any]:
    """One page's look from its inline CSS, stylesheets and logo (first seen order kept)."""
    colours: dict[str, None] = {}
    fonts: dict[str, None] = {}
    stacks: dict[tuple[str, ...], None] = {}
    logo = None
    for look in looks:
        colours.update(dict.fromkeys(look.get("colours", [])))
        fonts.update(dict.fromkeys(look.get("fonts", [])))
        stacks.update(dict.fromkeys(tuple(s) for s in look.get("font_stacks", [])))
        logo = logo or look.get("logo")
    out: dict[str, Any] = {"colours": list(colours), "fonts": list(fonts)}
    if stacks:
        out["font_stacks"] = [list(s) for s in stacks]
    if logo:
        out["logo"] = logo
    return out


def page_text(html: Any) -> str:
    """The words a visitor sees (scripts and styles dropped); HTML or a parsed lxml tree."""
    from auditor.normalise.text import visible_text

    return visible_text(html)
