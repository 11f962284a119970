"""Source sanity before store judgement: a source that read nothing is one problem, not many.

A directory whose adapter matched nothing, whose pages all failed or that robots.txt closed to
the crawl would otherwise report every store as "not listed". Such a source gets one finding
about itself (store id ``""``), and every absence on it becomes a coverage gap for its stores.

A source is judged broken when, with pages requested:

- every page failed or was dropped (robots.txt, offsite, redirect or size limits, errors);
- nothing was read: no listing (listing sources, the site) or no review (review sources);
- it matched too few roster stores: fewer than ``min_match_share`` (default 20%) of the open
  roster stores, when there are at least ``min_roster`` (default 5) of them. Small rosters are
  exempt: two of three stores missing from a directory may simply be true.

A source is judged over the stores expected on it: with ``countries:`` in its block, those in
the countries it covers; without, a listing source that matched stores in some countries and none
in another is taken not to cover that one (``coverage_notes``: one line per source asking to set
``countries:``), and the stores there get coverage gaps instead of "not listed".

Site pages that match no roster store are named too (which pages, and what they showed), even
when the rest of the site is fine: a store without a page may be one of them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from auditor.judge.checks.base import Rule, SourceFacts, uncovered_note

MIN_MATCH_SHARE = 0.2
MIN_ROSTER = 5
ROBOTS_WORDS = ("robots",)


@dataclass(frozen=True)
class SourceProblem:
    """One problem with a whole source: what it is, what was expected, a page to try."""

    source: str
    observed: str
    expected: str
    url: str = ""
    broken: bool = True  # False: a note about some pages (unmatched site pages), stores still judged


def _reasons(facts: SourceFacts, limit: int = 3) -> str:
    parts = [f"{reason} x{count}" if count > 1 else reason for reason, count in facts.reasons.items()]
    return "; ".join(parts[:limit]) + ("; ..." if len(parts) > limit else "")


def _extract_hint(facts: SourceFacts) -> str:
    url = facts.sample_url or "URL"
    return f"; try `auditor extract {url}`"


def judge_source(
    facts: SourceFacts,
    open_stores: int,
    min_share: float = MIN_MATCH_SHARE,
    min_roster: int = MIN_ROSTER,
    where: str = "",
) -> SourceProblem | None:
    """The problem with one source as a whole, or None when its stores can be judged one by one.

    ``open_stores`` are the open roster stores expected on the source (``where``: " in SE, NO"
    when that is not the whole roster)."""
    sid = facts.source
    robots = {r: c for r, c in facts.reasons.items() if any(w in r.lower() for w in ROBOTS_WORDS)}
    read = facts.reviews if facts.kind == "reviews" else facts.entities
    noun = "reviews" if facts.kind == "reviews" else "pages" if facts.kind == "site" else "listings"
    if robots and not read:
        rule = next(iter(robots))
        return SourceProblem(
            sid,
            f"robots.txt forbids the crawl: {rule} ({sum(robots.values())} pages not fetched)",
            "the crawler may fetch the source's pages",
            facts.sample_url,
        )
    if facts.pages and facts.failed >= facts.pages:
        return SourceProblem(
            sid, f"all {facts.pages} pages failed ({_reasons(facts)})", "pages fetched", facts.sample_url
        )
    if not read:
        if not facts.pages:
            return SourceProblem(sid, f"0 {noun} read: no page of the source was fetched", f"{noun} read")
        fetched = facts.pages - facts.failed
        return SourceProblem(
            sid,
            f"0 {noun} read from {fetched} pages" + _extract_hint(facts),
            f"{noun} read",
            facts.sample_url,
        )
    matched = facts.matched_stores
    if facts.covers:
        matched = sum(n for c, n in facts.matched_countries.items() if c in facts.covers)
    if facts.kind != "reviews" and open_stores >= min_roster and matched < min_share * open_stores:
        unmatched = facts.unmatched_count
        detail = f"; {unmatched} matched no store" if unmatched else ""
        examples = f" (e.g. {facts.unmatched[0]})" if facts.unmatched else ""
        return SourceProblem(
            sid,
            f"{facts.entities} {noun} read but only {matched} of {open_stores} roster stores{where} "
            f"matched{detail}{examples}" + _extract_hint(facts),
            f"at least {min_share:.0%} of the roster's open stores{where} matched",
            facts.sample_url,
        )
    if facts.kind == "site" and facts.unmatched:
        return SourceProblem(
            sid,
            f"{facts.unmatched_count} site pages matched no roster store: " + "; ".join(facts.unmatched),
            "every store page matched to a roster store",
            facts.unmatched[0].split(" ", 1)[0],
            broken=False,
        )
    return None


def open_by_country(spec: Any) -> Counter[str]:
    """The roster's open stores counted per country (the spec's default for a store naming none)."""
    default = str(getattr(spec, "country", "") or "")
    return Counter(
        str(getattr(e, "country", "") or default).upper()
        for e in spec.roster
        if getattr(e, "status", "open") != "closed"
    )


def uncovered_countries(facts: SourceFacts, stores: Counter[str]) -> dict[str, int]:
    """Countries a listing source without ``countries:`` matched no store of while it matched
    stores in others (country -> open roster stores there): it likely does not cover them."""
    if facts.kind != "listing" or facts.covers or not facts.matched_countries or len(stores) < 2:
        return {}
    return {c: n for c, n in sorted(stores.items()) if n and not facts.matched_countries.get(c)}


def coverage_notes(facts: dict[str, SourceFacts], stores: Counter[str]) -> dict[str, str]:
    """One line per source whose coverage is limited: the countries it covers (``countries:``),
    or the countries it matched no store of (inferred)."""
    notes: dict[str, str] = {}
    for sid in sorted(facts):
        f = facts[sid]
        if f.covers:
            expected = sum(n for c, n in stores.items() if c in f.covers)
            others = sum(stores.values()) - expected
            noun = "open roster store" if expected == 1 else "open roster stores"
            notes[sid] = (
                f"{sid} covers {', '.join(f.covers)} ({expected} {noun}); "
                f"the {others} elsewhere are not expected there"
            )
        elif len(f.uncovered) == 1:
            notes[sid] = uncovered_note(sid, *next(iter(f.uncovered.items())))
        elif f.uncovered:
            missing = ", ".join(f"{c} ({n})" for c, n in f.uncovered.items())
            matched = ", ".join(sorted(c for c, n in f.matched_countries.items() if n))
            notes[sid] = (
                f"{sid} matched no store in {missing} (open roster stores) while it matched stores in "
                f"{matched}: does it cover them? set `countries:` in its source block"
            )
    return notes


def judge_sources(facts: dict[str, SourceFacts], spec: Any, rule: Rule | None = None) -> list[SourceProblem]:
    """Judge every source; a broken one's facts get ``problem`` set so its stores get gaps.

    A source judged over part of the roster: the stores in the countries it covers (``countries:``)
    or, without that option, all but those of countries it matched no store of while it matched
    stores elsewhere (``SourceFacts.uncovered``, set here: their stores get coverage gaps)."""
    min_share = float(rule.option("min_match_share", MIN_MATCH_SHARE)) if rule else MIN_MATCH_SHARE
    min_roster = int(rule.option("min_roster", MIN_ROSTER)) if rule else MIN_ROSTER
    stores = open_by_country(spec)
    problems = []
    for sid in sorted(facts):
        f = facts[sid]
        if sid == "site" and getattr(spec, "site", True) is None:
            continue  # the spec names no brand site to read: nothing was expected of it
        f.uncovered = uncovered_countries(f, stores)
        judged = [c for c in stores if f.expects(c) and c not in f.uncovered]
        open_stores = sum(stores[c] for c in judged)
        where = f" in {', '.join(sorted(judged))}" if len(judged) < len(stores) else ""
        problem = judge_source(f, open_stores, min_share, min_roster, where)
        if problem is None:
            continue
        if problem.broken:
            facts[sid].problem = problem.observed
        problems.append(problem)
    return problems


def source_finding_rows(problems: list[SourceProblem], rule: Rule, fingerprint: Any) -> list[dict]:
    """Finding rows (store id ``""``) for the source problems, in the shape evaluate writes."""
    rows = []
    for p in problems:
        rows.append(
            {
                "location_id": "",
                "rule_id": rule.id,
                "severity": rule.severity if p.broken else "warning",
                "category": rule.category,
                "source": p.source,
                "field": "source",
                "expected": p.expected[:2000],
                "observed": p.observed[:2000],
                "url": p.url,
                "message": rule.message.format_map(
                    _Context(
                        source=p.source,
                        observed=p.observed,
                        expected=p.expected,
                        store="",
                        field="source",
                        note="",
                    )
                ),
                "score": 0.0,
                "weight": rule.weight,
                "points": 0.0,
                "fingerprint": fingerprint("", rule.id, p.source, "source"),
            }
        )
    return rows


class _Context(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def check(rule: Rule, ev: Any) -> list:
    """Per store a source rule has nothing to say: it is judged once per run (``judge_sources``)."""
    return []
