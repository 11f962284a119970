"""substitution: discouraged terms where the brand prefers another (``couch`` -> ``sofa``)."""

from __future__ import annotations

from auditor.judge.checks._text import phrase_pattern, site_texts, snippet
from auditor.judge.checks.base import Evidence, Outcome, Rule, not_applicable


def check(rule: Rule, ev: Evidence) -> list[Outcome]:
    if ev.is_closed:
        return []
    terms = dict(ev.spec.voice.preferred_terms) or dict(rule.option("terms", {}))
    texts = list(site_texts(ev))
    if not terms:
        return []
    if not texts:
        return [not_applicable("site", "no page text read")]
    for seen in texts:
        for preferred, discouraged in terms.items():
            for word in discouraged:
                match = phrase_pattern(word).search(seen.value)
                if match:
                    return [
                        Outcome(
                            "site",
                            0.0,
                            f"'{preferred}'",
                            snippet(seen.value, match),
                            seen.url,
                            "text",
                            note=f"'{word}'",
                        )
                    ]
    return [Outcome("site", 1.0, field="text")]
