"""field_match: a listing's (or the site's) name, address, phone or website vs the roster.

A name or an address written in another script than the roster's (katakana, Hangul, a romanised
address on an English page) is not compared letter by letter: a name is compared with the store's
``other_names`` in that script, else it is a coverage note; an address is compared by the numbers
both show (house number, floor, unit, postcode), else it is a coverage note. A page of the brand's
own site matched to the store is one of the store's pages: a listing or page giving its URL does
not give a wrong website (a listing linking to another store's page, or off the brand's pages,
still does).
"""

from __future__ import annotations

import re
import unicodedata

from auditor.judge.checks._expected import expected_value
from auditor.judge.checks._names import branch_scripts, fold_name
from auditor.judge.checks.base import Evidence, Outcome, Rule, Seen, not_applicable
from auditor.normalise import (
    Address,
    NormaliseError,
    compare_addresses,
    contains_name,
    name_similarity,
    normalise_name,
)
from auditor.normalise.scripts import family, main_script, numbers
from auditor.normalise.urls import normalise_url
from auditor.spec.models import store_names


def _compare(rule: Rule, expected, observed, spec) -> tuple[float, str]:
    """(score, what differed); the second says which address parts differ."""
    if rule.compare == "address":
        parts = {k: v for k, v in observed.items() if k != "key"}
        comparison = compare_addresses(expected, Address(**parts))
        return comparison.score, "" if comparison.equal else comparison.explain()
    score = _score_value(rule, expected, observed, spec)
    if rule.field == "name" and score < 1.0:
        retired = next((r for r in spec.brand.retired_names if contains_name(str(observed), r)), None)
        if retired:
            return score, f"'{retired}' is a retired name of the brand"
    return score, ""


def _score_value(rule: Rule, expected, observed, spec) -> float:
    if rule.compare in ("name", "fuzzy"):
        if rule.compare == "name":
            expected, observed = fold_name(str(expected), spec), fold_name(str(observed), spec)
        similarity = name_similarity(str(expected), str(observed))
        threshold = rule.threshold if rule.threshold is not None else 1.0
        return 1.0 if similarity >= threshold else round(similarity, 3)
    return 1.0 if expected == observed else 0.0


_PAGES: list = [None, {}]  # the last spec asked, and its stores' websites (normalised) -> store id


def _store_of_page(ev: Evidence, url: object) -> str:
    """The other roster store whose page ``url`` is ("" when none): a listing linked to another
    store's page says which."""
    spec, pages = _PAGES
    if spec is not ev.spec:
        pages = {}
        default = str(getattr(ev.spec, "country", "") or "")
        for entry in getattr(ev.spec, "roster", []):
            store = entry.model_dump() if hasattr(entry, "model_dump") else dict(entry)
            page = expected_value(store, "website", str(store.get("country") or default))
            if page:
                pages[page] = None if page in pages else str(store.get("store_id"))
        _PAGES[:] = [ev.spec, pages]
    other = pages.get(url) if isinstance(url, str) else None
    return other if other and other != ev.store_id else ""


def _roster_text(ev: Evidence, field: str) -> str:
    """The roster's value as the roster writes it, for people to compare with what was seen."""
    if field == "address":
        tail = " ".join(str(ev.store.get(k) or "") for k in ("state", "postcode")).strip()
        return ", ".join(p for p in (ev.store.get("street"), ev.store.get("locality"), tail) if p)
    if field == "name":
        return " | ".join(_names_of(ev))
    return str(ev.store.get(field) or "")


def _names_of(ev: Evidence) -> list[str]:
    return store_names(str(ev.store.get("name") or ""), str(ev.store.get("other_names") or ""))


def _judge(rule: Rule, ev: Evidence, source: str, expected, seen: Seen) -> tuple[float | None, str]:
    """(score, what differed) of one entity's value; score None: not comparable, and why."""
    if rule.field == "name" and rule.compare in ("name", "fuzzy"):
        return _judge_name(rule, ev, source, seen.value)
    if rule.compare == "address" and (scripts := _other_script(_roster_text(ev, "address"), seen.raw)):
        return _judge_numbers(ev, source, seen, *scripts)
    if rule.field == "website" and _one_of_its_pages(ev, seen.value):
        return 1.0, ""
    return _compare(rule, expected, seen.value, ev.spec)


def _judge_name(rule: Rule, ev: Evidence, source: str, observed) -> tuple[float | None, str]:
    """The name against each of the store's names (``name``, ``other_names``): the best score
    among the names written in the observed name's scripts; None when there is no such name."""
    forms = _names_of(ev)
    results = [(form, *_compare(rule, normalise_name(form), observed, ev.spec)) for form in forms]
    if any(score >= 1.0 for _form, score, _note in results):
        return 1.0, ""
    shown = branch_scripts(str(observed), ev.spec)
    comparable = [(score, note) for form, score, note in results if shown <= branch_scripts(form, ev.spec)]
    if comparable:
        return max(comparable, key=lambda pair: pair[0])
    retired = next((note for _form, score, note in results if note), "")
    if retired:  # a retired brand name is a finding whatever the script of the rest
        return min(score for _form, score, _note in results), retired
    known = sorted({s for form in forms for s in branch_scripts(form, ev.spec)})
    return None, (
        f"{source} writes the name in another script ({', '.join(sorted(shown))}) than the roster's "
        f"names ({', '.join(known)}): to compare it, give the store's name in that script in the "
        "roster column other_names"
    )


def _other_script(roster: str, observed: str) -> tuple[str, str] | None:
    """(roster's script, observed script) when an address is written in another script."""
    ours, theirs = family(main_script(roster)), family(main_script(observed))
    return (ours, theirs) if ours and theirs and ours != theirs else None


def _judge_numbers(ev: Evidence, source: str, seen: Seen, ours: str, theirs: str) -> tuple[float | None, str]:
    """An address in another script than the roster's, compared by the parts both can show:
    the postcode, then the other numbers (house number, floor, unit) when each shows one the
    other does not. Anything else is a coverage note."""
    postcode = str(ev.store.get("postcode") or "")
    shown_postcode = str(seen.value.get("postcode") or "") if isinstance(seen.value, dict) else ""
    ours_pc, theirs_pc = numbers(postcode), numbers(shown_postcode)
    if ours_pc and theirs_pc and "".join(_digits(postcode)) != "".join(_digits(shown_postcode)):
        return 0.0, f"written in {theirs}; postcode differs: {postcode} / {shown_postcode}"
    roster_numbers = numbers(_roster_text(ev, "address")) - ours_pc
    shown_numbers = numbers(seen.raw) - theirs_pc - ours_pc
    if (
        roster_numbers
        and shown_numbers
        and not (roster_numbers <= shown_numbers or shown_numbers <= roster_numbers)
    ):
        only_ours = " ".join(sorted(roster_numbers - shown_numbers, key=lambda n: (len(n), n)))
        only_theirs = " ".join(sorted(shown_numbers - roster_numbers, key=lambda n: (len(n), n)))
        return 0.0, f"written in {theirs}; numbers differ: {only_ours} / {only_theirs}"
    return None, (
        f"{source} writes the address in another script ({theirs}) than the roster ({ours}): "
        "only the numbers both show could be compared, and they agree"
    )


def _page(url: str) -> str:
    try:
        return normalise_url(url)
    except NormaliseError:
        return ""


def _digits(text: str) -> list[str]:
    return re.findall(r"\d", unicodedata.normalize("NFKC", text))


def _one_of_its_pages(ev: Evidence, url: object) -> bool:
    """Whether ``url`` is one of the store's own pages: a page of the brand's site the crawl
    matched to this store (its page in another language, at a second address)."""
    if not isinstance(url, str) or not url:
        return False
    site = ev.observed.get("site", {}).values()
    return url in {_page(seen.url) for fields in site for seen in fields.values()}


def _show(value) -> str:
    if hasattr(value, "key"):
        return value.key
    if isinstance(value, dict) and "key" in value:
        return str(value["key"])
    return str(value)


def check(rule: Rule, ev: Evidence) -> list[Outcome]:
    if ev.is_closed:
        return []
    expected = expected_value(ev.store, rule.field, ev.country)
    outcomes = []
    for source in ev.sources_for(rule):
        seen = [
            (entity, fields[rule.field])
            for entity, fields in ev.observed.get(source, {}).items()
            if rule.field in fields and fields[rule.field].value is not None
        ]
        if expected is None:
            outcomes.append(not_applicable(source, f"the roster has no {rule.field}"))
            continue
        if not seen:
            outcomes.append(not_applicable(source, ev.field_gap(source, rule.field)))
            continue
        judged = [(*_judge(rule, ev, source, expected, s), s) for _e, s in seen]
        compared = [triple for triple in judged if triple[0] is not None]
        if not compared:
            outcomes.append(not_applicable(source, judged[0][1]))
            continue
        score, differed, found = min(compared, key=lambda triple: triple[0])
        if rule.field == "website" and score < 1.0 and (other := _store_of_page(ev, found.value)):
            differed = f"the page of store {other}"
        outcomes.append(
            Outcome(
                source,
                score,
                _roster_text(ev, rule.field) or _show(expected),
                found.raw,
                found.url,
                rule.field,
                note=differed,
            )
        )
    return outcomes
