"""Checks on one roster row against the spec: region, phone for its country, hours."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

import phonenumbers

from auditor.spec.models import BrandSpec, RosterEntry


def roster_row_problems(entry: RosterEntry, spec: BrandSpec) -> Iterator[str]:
    """Plain-language problems of one roster row (the caller adds file and line)."""
    if spec.regions and entry.region not in spec.regions:
        hint = difflib.get_close_matches(entry.region, spec.regions, n=1)
        extra = f" (did you mean '{hint[0]}'?)" if hint else ""
        yield (
            f"store {entry.store_id}: region '{entry.region}' is not one of the spec's regions "
            f"({', '.join(spec.regions)}){extra}"
        )
    country = (entry.country or spec.country).upper()
    if entry.phone and not _valid_phone(entry.phone, country):
        yield f"store {entry.store_id}: phone '{entry.phone}' is not a valid {country} number"
    if entry.hours:
        problem = _hours_problem(entry.hours)
        if problem:
            yield f"store {entry.store_id}: hours '{entry.hours}' cannot be read: {problem}"
    if entry.holiday_hours:
        problem = _holiday_problem(entry.holiday_hours)
        if problem:
            yield f"store {entry.store_id}: holiday_hours '{entry.holiday_hours}' cannot be read: {problem}"


def _valid_phone(raw: str, country: str) -> bool:
    try:
        number = phonenumbers.parse(raw, country)
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_valid_number(number)


def _hours_problem(text: str) -> str | None:
    from auditor.normalise.hours import HoursError, parse_hours

    try:
        parse_hours(text)
    except HoursError as exc:
        return str(exc)
    return None


def _holiday_problem(text: str) -> str | None:
    from auditor.normalise.hours import HoursError, parse_holiday_hours

    try:
        parse_holiday_hours(text)
    except HoursError as exc:
        return str(exc)
    return None


def network_problems(spec: BrandSpec) -> Iterator[tuple[tuple, str]]:
    """(spec key path, problem) of the crawl's network settings: allowed hosts, private addresses."""
    from auditor.crawl.netpolicy import networks

    hosts = list(spec.brand.domains) + [d for s in spec.sources for d in s.allowed_domains]
    if not [h for h in hosts if str(h).strip()]:
        yield ("brand", "domains"), (
            "no allowed hosts: list the brand's domains in brand.domains and each source's in its "
            "allowed_domains (nothing is fetched from a host not listed)"
        )
    _nets, bad = networks(spec.crawl.allow_private)
    for entry in bad:
        yield ("crawl", "allow_private"), f"crawl.allow_private: '{entry}' is not an IP address or network"
    if spec.crawl.proxy:
        from auditor.crawl.netpolicy import NetPolicy

        refusal = NetPolicy(tuple(hosts), _nets).proxy_refusal(spec.crawl.proxy)
        if refusal:
            message = refusal.removeprefix("policy: ")
            yield ("crawl", "proxy"), f"{message}: add it to crawl.allow_private to use it"
