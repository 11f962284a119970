"""palette: every colour a location page uses is a brand colour (CIEDE2000) or a neutral."""

from __future__ import annotations

from auditor.judge.checks.base import Evidence, Outcome, Rule, not_applicable
from auditor.normalise import is_neutral, nearest_palette


def check(rule: Rule, ev: Evidence) -> list[Outcome]:
    if ev.is_closed:
        return []
    identity = ev.spec.identity
    palette = [c.hex for c in identity.palette]
    pages = [
        f["colours"] for f in ev.observed.get("site", {}).values() if "colours" in f and f["colours"].value
    ]
    if not palette:
        return []
    if not pages:
        return [not_applicable("site", "no colours read")]
    colours = sorted({c for seen in pages for c in seen.value})
    off = [
        c
        for c in colours
        if not (identity.neutrals_allowed and is_neutral(c))
        and nearest_palette(c, palette)[1] > identity.palette_tolerance
    ]
    if not off:
        return [Outcome("site", 1.0, field="colours")]
    score = round(1 - len(off) / len(colours), 3)
    return [Outcome("site", score, ", ".join(palette), ", ".join(off), pages[0].url, "colours")]
