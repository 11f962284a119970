"""existence: phrases that must not appear (forbidden claims, retired brand names)."""

from __future__ import annotations

from auditor.judge.checks._text import phrase_pattern, site_texts, snippet
from auditor.judge.checks.base import Evidence, Outcome, Rule, not_applicable
from auditor.user_regex import RegexBudgetExceeded, UserRegexError


def _phrases(rule: Rule, ev: Evidence) -> list[str]:
    source = rule.option("phrases_from")
    if source == "voice.forbidden_phrases":
        return list(ev.spec.voice.forbidden_phrases)
    if source == "brand.retired_names":
        return list(ev.spec.brand.retired_names)
    return list(rule.option("phrases", []))


def check(rule: Rule, ev: Evidence) -> list[Outcome]:
    if ev.is_closed:
        return []
    phrases = _phrases(rule, ev)
    texts = list(site_texts(ev))
    if not phrases:
        return []
    if not texts:
        return [not_applicable("site", "no page text read")]
    for seen in texts:
        for phrase in phrases:
            try:
                match = phrase_pattern(phrase, bool(rule.option("regex", False))).search(seen.value)
            except (RegexBudgetExceeded, UserRegexError) as exc:
                return [not_applicable("site", str(exc))]
            if match:
                return [Outcome("site", 0.0, f"no '{phrase}'", snippet(seen.value, match), seen.url, "text")]
    return [Outcome("site", 1.0, field="text")]
