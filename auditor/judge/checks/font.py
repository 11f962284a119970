"""font: location pages use only the brand's font families."""

from __future__ import annotations

from auditor.judge.checks.base import Evidence, Outcome, Rule, not_applicable
from auditor.normalise import font_family_key


def check(rule: Rule, ev: Evidence) -> list[Outcome]:
    if ev.is_closed:
        return []
    allowed = {font_family_key(f) for f in ev.spec.identity.fonts}
    allowed |= {font_family_key(f) for f in rule.option("also_allowed", [])}
    pages = [f["fonts"] for f in ev.observed.get("site", {}).values() if "fonts" in f and f["fonts"].value]
    if not allowed:
        return []
    if not pages:
        return [not_applicable("site", "no fonts read")]
    fonts = sorted({font_family_key(f) for seen in pages for f in seen.value})
    off = [f for f in fonts if f not in allowed]
    if not off:
        return [Outcome("site", 1.0, field="fonts")]
    score = round(1 - len(off) / len(fonts), 3)
    return [Outcome("site", score, ", ".join(sorted(allowed)), ", ".join(off), pages[0].url, "fonts")]
