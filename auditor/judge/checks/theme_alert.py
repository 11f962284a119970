"""theme_alert: complaints about one theme (delivery, staff ...) pile up and grow."""

from __future__ import annotations

from auditor.judge.checks._reviews import review_source, summary_or_gap
from auditor.judge.checks.base import Evidence, Outcome, Rule, not_applicable


def check(rule: Rule, ev: Evidence) -> list[Outcome]:
    """Recent complaints need dates: undated reviews make a trend not applicable, never a pass."""
    if ev.is_closed:
        return []
    summary, gap = summary_or_gap(ev, "themes", needs=("dates",))
    if gap:
        return [gap]
    if summary.get("dated") == 0 or (
        summary.get("dated") is None and summary.get("days_since_last_review") is None
    ):
        return [not_applicable(review_source(ev), "no review of this store has a readable date")]
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
