"""field_match: a listing's (or the site's) name, address, phone or website vs the roster."""

from __future__ import annotations

from auditor.judge.checks._expected import expected_value
from auditor.judge.checks._names import fold_name
from auditor.judge.checks.base import Evidence, Outcome, Rule, not_applicable
from auditor.normalise import Address, compare_addresses, contains_name, name_similarity


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
    return str(ev.store.get(field) or "")


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
        compared = [(*_compare(rule, expected, s.value, ev.spec), s) for _e, s in seen]
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
