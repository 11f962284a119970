"""existence: phrases that must not appear (forbidden claims, retired brand names).

Reads the text of every source the rule's scope names: the brand's pages (``site``), listings'
descriptions (``listing``), the owner's replies on review sites (``reviews``).
"""

from __future__ import annotations

from auditor.judge.checks._text import phrase_pattern, snippet
from auditor.judge.checks._voice import text_gap, texts_by_source
from auditor.judge.checks.base import Evidence, Outcome, Rule, not_applicable
from auditor.user_regex import RegexBudgetExceeded, UserRegexError


def _phrases(rule: Rule, ev: Evidence) -> list[str]:
    source = rule.option("phrases_from")
    if source == "voice.forbidden_phrases":
        return list(ev.spec.voice.forbidden_phrases)
    if source == "brand.retired_names":
        return list(ev.spec.brand.retired_names)
    return list(rule.option("phrases", []))


def _judge(rule: Rule, source: str, texts: list, phrases: list[str]) -> Outcome:
    for seen in texts:
        for phrase in phrases:
            try:
                match = phrase_pattern(phrase, bool(rule.option("regex", False))).search(seen.value)
            except (RegexBudgetExceeded, UserRegexError) as exc:
                return not_applicable(source, str(exc))
            if match:
                return Outcome(source, 0.0, f"no '{phrase}'", snippet(seen.value, match), seen.url, "text")
    return Outcome(source, 1.0, field="text")


def check(rule: Rule, ev: Evidence) -> list[Outcome]:
    if ev.is_closed:
        return []
    phrases = _phrases(rule, ev)
    if not phrases:
        return []
    return [
        _judge(rule, source, texts, phrases) if texts else not_applicable(source, text_gap(ev, source))
        for source, texts in texts_by_source(rule, ev).items()
    ]
