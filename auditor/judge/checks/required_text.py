"""required_text: lines every location page must carry (legal disclaimers, "Prix TTC" in FR).

Each required phrase names where it is required: its ``scope`` (site pages, listings, owner
replies) and, when given, the stores' ``country`` / ``region`` and the page's ``language``. A
source the rule reads with no phrase required of it has nothing to judge.
"""

from __future__ import annotations

from typing import Any

from auditor.judge.checks._text import phrase_pattern
from auditor.judge.checks._voice import source_kind, text_gap, texts_by_source
from auditor.judge.checks.base import Evidence, Outcome, Rule, Seen, not_applicable
from auditor.user_regex import RegexBudgetExceeded, UserRegexError


def _language(ev: Evidence, texts: list[Seen], phrases: list[Any]) -> str:
    """The pages' language, detected only when a phrase depends on it ("" when unsure)."""
    wanted = {code for p in phrases for code in (getattr(p, "language", None) or [])}
    if not wanted:
        return ""
    from auditor.normalise import detect_language

    candidates = set(getattr(ev.spec, "languages", None) or []) | wanted | {"en"}
    return detect_language(" ".join(t.value for t in texts)[:5000], sorted(candidates)) or ""


def _applies(phrase: Any, ev: Evidence, language: str) -> bool:
    applies = getattr(phrase, "applies_to", None)
    if applies is None:
        return True
    return bool(applies(ev.country, str(ev.store.get("region") or ""), language))


def _judge(source: str, texts: list[Seen], phrases: list[Any]) -> Outcome:
    try:
        missing = [
            p.text for p in phrases if not any(phrase_pattern(p.text, p.regex).search(t.value) for t in texts)
        ]
    except (RegexBudgetExceeded, UserRegexError) as exc:
        return not_applicable(source, str(exc))
    if not missing:
        return Outcome(source, 1.0, field="text")
    score = round(1 - len(missing) / len(phrases), 3)
    return Outcome(source, score, "; ".join(missing), "missing", texts[0].url, "text")


def check(rule: Rule, ev: Evidence) -> list[Outcome]:
    if ev.is_closed:
        return []
    outcomes = []
    for source, texts in texts_by_source(rule, ev).items():
        kind = source_kind(ev, source)
        phrases = [p for p in ev.spec.voice.required_phrases if p.scope == kind]
        if not phrases:
            continue
        if not texts:
            outcomes.append(not_applicable(source, text_gap(ev, source)))
            continue
        language = _language(ev, texts, phrases)
        phrases = [p for p in phrases if _applies(p, ev, language)]
        if phrases:
            outcomes.append(_judge(source, texts, phrases))
    return outcomes
