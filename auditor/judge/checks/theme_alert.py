"""theme_alert: complaints about one theme (delivery, staff ...) pile up and grow."""

from __future__ import annotations

from auditor.judge.checks._reviews import review_source, summary_or_gap
from auditor.judge.checks.base import Evidence, Outcome, Rule


def check(rule: Rule, ev: Evidence) -> list[Outcome]:
    if ev.is_closed:
        return []
    summary, gap = summary_or_gap(ev, "themes")
    if gap:
        return [gap]
    minimum = int(rule.threshold if rule.threshold is not None else 5)
    growth = float(rule.option("growth", 2.0))
    change = (summary.get("change") or {}).get("themes", {})
    worst = None
    for theme, stats in summary["themes"].items():
        recent = int(stats.get("negative_recent", 0))
        before = change.get(theme, {}).get("negative_recent_before")
        grew = before is None or recent >= growth * max(int(before), 1)
        if recent >= minimum and grew and (worst is None or recent > worst[1]):
            worst = (theme, recent, before)
    source = review_source(ev)
    if worst is None:
        return [Outcome(source, 1.0, field="themes")]
    theme, recent, before = worst
    was = "" if before is None else f" (was {before})"
    return [
        Outcome(
            source,
            0.0,
            f"fewer than {minimum} recent {theme} complaints",
            f"{recent} recent {theme} complaints{was}",
            field="themes",
            note=theme,
        )
    ]
