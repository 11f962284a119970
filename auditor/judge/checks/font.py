"""font: location pages set their text in the brand's font families.

A ``font-family`` stack counts by its first family, the one a browser uses when it has it: a stack
led by a brand font is on-brand whatever fallbacks follow it (``"Source Sans 3", Georgia, serif``;
the spec's ``identity.font_fallbacks`` name such fallbacks, never a first choice). A stack led by
another family is off-brand, unless the rule allows that family first (``also_allowed``). Stacks
led by a generic family or a CSS keyword (``monospace``, ``inherit``) say nothing about the brand
and are not judged. Pages read before stacks were kept have only their families: there, only a
page with no brand font at all fails.
"""

from __future__ import annotations

from auditor.judge.checks.base import Evidence, Outcome, Rule, Seen, not_applicable
from auditor.normalise import font_family_key
from auditor.normalise.fonts import GENERIC_FAMILIES


def _off_stacks(stacks: list[list[str]], brand: set[str], allowed: set[str]) -> tuple[int, list[str]]:
    judged, off = 0, []
    for stack in stacks:
        first = font_family_key(str(next(iter(stack), "")))
        if not first or first in GENERIC_FAMILIES:
            continue
        judged += 1
        if first not in brand and first not in allowed:
            off.append(", ".join(stack))
    return judged, off


def check(rule: Rule, ev: Evidence) -> list[Outcome]:
    if ev.is_closed:
        return []
    identity = ev.spec.identity
    brand = {font_family_key(f) for f in identity.fonts}
    allowed = {font_family_key(f) for f in rule.option("also_allowed", [])}
    if not brand:
        return []
    pages: list[tuple[dict[str, Seen], Seen]] = [
        (f, f["fonts"]) for f in ev.observed.get("site", {}).values() if "fonts" in f and f["fonts"].value
    ]
    if not pages:
        return [not_applicable("site", ev.field_gap("site", "fonts"))]
    expected = ", ".join(sorted(brand))
    judged_total, off_all, worst_url = 0, [], ""
    for fields, fonts in pages:
        stacks = fields.get("font_stacks")
        if stacks is not None and isinstance(stacks.value, list):
            judged, off = _off_stacks(stacks.value, brand, allowed)
        else:  # families only: a fallback cannot be told from a first choice
            families = {font_family_key(f) for f in fonts.value}
            judged, off = 1, ([] if families & brand else [", ".join(sorted(families))])
        judged_total += judged
        if off and not off_all:
            worst_url = fonts.url
        off_all.extend(s for s in off if s not in off_all)
    if not off_all:
        return [Outcome("site", 1.0, field="fonts")]
    score = round(max(0.0, 1 - len(off_all) / max(judged_total, 1)), 3)
    return [Outcome("site", score, expected, "; ".join(off_all), worst_url, "fonts")]
