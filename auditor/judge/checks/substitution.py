"""substitution: discouraged terms where the brand prefers another (``couch`` -> ``sofa``).

Reads the text of every source the rule's scope names (pages, listings, owner replies).
"""

from __future__ import annotations

from auditor.judge.checks._text import phrase_pattern, snippet
from auditor.judge.checks._voice import text_gap, texts_by_source
from auditor.judge.checks.base import Evidence, Outcome, Rule, not_applicable


def _judge(source: str, texts: list, terms: dict) -> Outcome:
    for seen in texts:
        for preferred, discouraged in terms.items():
            for word in discouraged:
                match = phrase_pattern(word).search(seen.value)
                if match:
                    return Outcome(
                        source,
                        0.0,
                        f"'{preferred}'",
                        snippet(seen.value, match),
                        seen.url,
                        "text",
                        note=f"'{word}'",
                    )
    return Outcome(source, 1.0, field="text")


def check(rule: Rule, ev: Evidence) -> list[Outcome]:
    if ev.is_closed:
        return []
    terms = dict(ev.spec.voice.preferred_terms) or dict(rule.option("terms", {}))
    if not terms:
        return []
    return [
        _judge(source, texts, terms) if texts else not_applicable(source, text_gap(ev, source))
        for source, texts in texts_by_source(rule, ev).items()
    ]
