"""status: what a touchpoint shows (open / temporarily closed / closed) agrees with the roster.

Both ways: a store the roster says is closed must not be shown as trading (a live listing with no
closed marker counts as shown open), a temporarily closed store must not be shown open, and an open
store must not be shown closed. ``roster_status`` limits a rule to stores the roster gives one of
those statuses. A closed store should not be listed at all, so a listing with no status marker
shows it as trading. A temporarily closed store may rightly stay listed: one with no marker is
judged "shown open" only where the source shows statuses for some store (an explicit "open", or
a marker missing where others have one); elsewhere the source cannot say, and it is a coverage
note.
"""

from __future__ import annotations

from auditor.judge.checks.base import Evidence, Outcome, Rule, not_applicable

STATUSES = ("open", "temporarily_closed", "closed")
LABEL = {"open": "open", "temporarily_closed": "temporarily closed", "closed": "closed"}


def _wanted(rule: Rule) -> tuple[str, ...]:
    option = rule.option("roster_status")
    if option is None:
        return STATUSES
    return tuple([option] if isinstance(option, str) else option)


def _judge(roster: str, shown: str) -> float:
    if roster == "closed":
        return 1.0 if shown == "closed" else 0.0
    if roster == "temporarily_closed":
        return 0.0 if shown == "open" else 1.0
    return 0.0 if shown in ("closed", "temporarily_closed") else 1.0


def check(rule: Rule, ev: Evidence) -> list[Outcome]:
    roster = str(ev.store.get("status") or "open")
    if roster not in _wanted(rule):
        return []
    expected = LABEL.get(roster, roster)
    outcomes = []
    for source in ev.sources_for(rule):
        entities = ev.observed.get(source, {})
        if not entities:
            if roster == "closed":
                gap = ev.absence_gap(source)
                outcomes.append(
                    not_applicable(source, gap)
                    if gap
                    else Outcome(source, 1.0, expected, "not listed", field="status")
                )
            continue  # an open store that is not listed is the presence rule's business
        for _entity, fields in sorted(entities.items()):
            status = fields.get("status")
            url = next(iter(fields.values())).url
            if status is not None and status.value in STATUSES:
                shown = status.value
            elif status is not None and status.problem:
                outcomes.append(not_applicable(source, f"status unreadable on {source}: {status.problem}"))
                continue
            elif roster == "open":
                continue  # nothing shown says otherwise: nothing to judge
            elif roster == "closed" or ev.carries(source, "status"):
                shown = "open"  # a live listing with no closed marker shows the store as trading
            else:
                outcomes.append(not_applicable(source, f"{source} does not show whether a store is open"))
                continue
            outcomes.append(
                Outcome(source, _judge(roster, shown), expected, f"shown as {LABEL[shown]}", url, "status")
            )
    return outcomes
