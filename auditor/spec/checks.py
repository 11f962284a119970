"""Checks on one roster row against the spec: region, phone for its country, hours."""

from __future__ import annotations

import difflib
import string
from collections.abc import Iterator

import phonenumbers

from auditor.spec.models import ROSTER_COLUMNS, BrandSpec, RosterEntry


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
    for column, holiday in (("hours", False), ("holiday_hours", True)):
        text = getattr(entry, column)
        if text and (problem := _hours_problem(text, holiday)):
            yield f"store {entry.store_id}: {column} '{text}' cannot be read: {problem}"


def _valid_phone(raw: str, country: str) -> bool:
    try:
        number = phonenumbers.parse(raw, country)
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_valid_number(number)


def _hours_problem(text: str, holiday: bool) -> str | None:
    """Why ``text`` cannot be read as opening hours (or as holiday hours), or None."""
    from auditor.normalise.hours import HoursError, parse_holiday_hours, parse_hours

    try:
        (parse_holiday_hours if holiday else parse_hours)(text)
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


def phrase_problems(spec: BrandSpec) -> Iterator[tuple[tuple, str]]:
    """(key path, problem) of required phrases limited to regions the spec does not have."""
    for index, phrase in enumerate(spec.voice.required_phrases):
        unknown = [r for r in phrase.region if spec.regions and r not in spec.regions]
        for region in unknown:
            yield ("voice", "required_phrases", index, "region"), (
                f"voice.required_phrases[{index}].region: '{region}' is not one of the spec's regions "
                f"({', '.join(spec.regions)})"
            )


def url_templates(spec: BrandSpec) -> Iterator[tuple[tuple, str, str]]:
    """(key path, source name, template) of every ``url_template`` in the spec."""
    if spec.site is not None and spec.site.url_template:
        yield ("site", "url_template"), "the brand site", spec.site.url_template
    for index, source in enumerate(spec.sources):
        if source.url_template:
            yield ("sources", index, "url_template"), f"source '{source.id}'", source.url_template


def template_fields(template: str) -> list[str]:
    """The roster fields a ``url_template`` uses (``{store_id}``, ``{slug}``); ValueError when
    its braces do not pair up."""
    return [name for _text, name, _spec, _conv in string.Formatter().parse(template) if name is not None]


def template_problems(spec: BrandSpec, own_columns: list[str] | None = ()) -> Iterator[tuple[tuple, str]]:
    """Templates with unpaired braces or fields that are neither known roster columns nor
    ``own_columns`` (the roster's columns of its own; None: the roster could not be read, so a
    name is not judged)."""
    known = [*ROSTER_COLUMNS, "slug", *(own_columns or [])]
    for keys, _owner, template in url_templates(spec):
        where = ".".join(str(k) if not isinstance(k, int) else f"[{k}]" for k in keys).replace(".[", "[")
        try:
            names = template_fields(template)
        except ValueError:
            yield keys, f"{where}: '{template}' has a '{{' or '}}' without its pair"
            continue
        for name in names:
            if name not in known and own_columns is not None:
                hint = difflib.get_close_matches(name, known, n=1)
                extra = f" (did you mean '{hint[0]}'?)" if hint else f" (use one of: {', '.join(known)})"
                yield keys, f"{where}: '{{{name}}}' is not a roster column{extra}"


def template_warnings(
    spec: BrandSpec, roster: list[RosterEntry], lines: list[int]
) -> Iterator[tuple[int, str]]:
    """(roster line, warning) for each store whose row leaves a field a URL template needs empty:
    the crawl skips that store's page there and records a coverage gap naming the field."""
    for _keys, owner, template in url_templates(spec):
        try:
            names = [n for n in template_fields(template) if n != "slug"]
        except ValueError:
            continue
        for entry, line in zip(roster, lines, strict=False):
            empty = [n for n in dict.fromkeys(names) if not str(getattr(entry, n, "") or "").strip()]
            if empty:
                yield line, (
                    f"store {entry.store_id}: '{empty[0]}' is empty, so {owner}'s url_template cannot "
                    "be filled: that page is skipped and recorded as a coverage gap"
                )
