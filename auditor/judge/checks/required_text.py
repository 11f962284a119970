"""required_text: phrases every location page must carry (legal disclaimers)."""

from __future__ import annotations

from auditor.judge.checks._text import phrase_pattern, site_texts
from auditor.judge.checks.base import Evidence, Outcome, Rule, not_applicable
from auditor.user_regex import RegexBudgetExceeded, UserRegexError


def check(rule: Rule, ev: Evidence) -> list[Outcome]:
    if ev.is_closed:
        return []
    phrases = [p for p in ev.spec.voice.required_phrases if p.scope == "site"]
    texts = list(site_texts(ev))
    if not phrases:
        return []
    if not texts:
        return [not_applicable("site", "no page text read")]
    try:
        missing = [
            p.text for p in phrases if not any(phrase_pattern(p.text, p.regex).search(t.value) for t in texts)
        ]
    except (RegexBudgetExceeded, UserRegexError) as exc:
        return [not_applicable("site", str(exc))]
    if not missing:
        return [Outcome("site", 1.0, field="text")]
    score = round(1 - len(missing) / len(phrases), 3)
    return [Outcome("site", score, "; ".join(missing), "missing", texts[0].url, "text")]
