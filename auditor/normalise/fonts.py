"""Font families a stylesheet asks for (tinycss2), with quotes, case and generics folded."""

from __future__ import annotations

import tinycss2

from auditor.normalise.colours import _declarations

GENERIC_FAMILIES = {
    "serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui", "ui-serif",
    "ui-sans-serif", "ui-monospace", "ui-rounded", "emoji", "math", "fangsong", "inherit",
    "initial", "unset", "-apple-system", "blinkmacsystemfont",
}
def font_family_key(name: str) -> str:
    """``"Source Sans 3"`` / ``source  sans 3`` -> ``source sans 3``."""
    return " ".join(name.strip().strip("'\"").split()).casefold()


def _families(tokens: list) -> list[str]:
    families: list[str] = []
    current: list[str] = []
    for token in [*tokens, None]:
        if token is None or (token.type == "literal" and token.value == ","):
            name = " ".join(current).strip()
            if name:
                families.append(name)
            current = []
        elif token.type in ("string", "ident"):
            current.append(token.value)
        elif token.type == "number":
            current.append(token.representation)
        elif token.type == "function":
            current = []  # var(...) and the like name no family
    return families


def fonts_from_css(css: str) -> list[str]:
    """Font families in order of first appearance, generic families and var() dropped."""
    seen: dict[str, None] = {}
    for stack in font_stacks_from_css(css):
        for key in stack:
            if key not in GENERIC_FAMILIES:
                seen.setdefault(key, None)
    return list(seen)


def font_stacks_from_css(css: str) -> list[list[str]]:
    """Each distinct ``font-family`` stack in order (families folded, generics kept at their place):
    the first family of a stack is the one a browser uses when it has it, the rest are fallbacks."""
    stacks: dict[tuple[str, ...], None] = {}
    for decl in _declarations(css or ""):
        if decl.type != "declaration" or decl.lower_name not in ("font-family", "font"):
            continue
        tokens = [t for t in decl.value if t.type != "whitespace"] if decl.lower_name == "font" else None
        if tokens is not None:
            # shorthand: the family list follows the size (a dimension or percentage, maybe /lh)
            sizes = [i for i, t in enumerate(tokens) if t.type in ("dimension", "percentage")]
            if not sizes:
                continue
            start = sizes[0] + 1
            if start < len(tokens) and tokens[start].type == "literal" and tokens[start].value == "/":
                start += 2
            value = tinycss2.serialize(tokens[start:]).replace(" ,", ",")
            parsed = tinycss2.parse_component_value_list(value)
        else:
            parsed = decl.value
        stack = tuple(k for k in (font_family_key(f) for f in _families(list(parsed))) if k)
        if stack:
            stacks.setdefault(stack, None)
    return [list(s) for s in stacks]
