"""What ``auditor probe`` prints: per source, what was read for each field, which roster store each
page matched (and why not), and the warnings a spec author should act on."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from auditor.crawl.matching import RosterMatcher
from auditor.crawl.probe import ProbeCrawl, source_ids
from auditor.crawl.roster import option

LISTING_FIELDS = ("name", "address", "phone", "website", "hours")
LOOK_FIELDS = ("text", "colours", "fonts", "logo")
REVIEW_FIELDS = {"stars": "stars", "date": "dates", "reply": "replies"}
_SHOWN = 60


@dataclass
class SourceReport:
    """One source's lines and warnings."""

    lines: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def short(value: Any, most: int = _SHOWN) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= most else text[: most - 3] + "..."


def why_unmatched(values: dict[str, Any], matcher: RosterMatcher) -> str:
    """Why a page's fields name no roster store: each key it had, and what it did not match."""
    reasons = []
    ref = values.get("store_ref")
    if ref:
        reasons.append(f"store ref '{short(ref, 30)}' is no roster store id")
    for name in ("website", "phone"):
        if isinstance(values.get(name), str):
            reasons.append(f"{name} {short(values[name], 50)} is no roster store's")
    address = values.get("address")
    if isinstance(address, dict) and address.get("key"):
        reasons.append(f"address '{short(address['key'], 50)}' is no roster store's")
    locality = address.get("locality") if isinstance(address, dict) else None
    if values.get("name") and locality:
        reasons.append(f"no roster store in {locality} has a name close to '{short(values['name'], 40)}'")
    elif values.get("name"):
        reasons.append("the name alone cannot decide (no locality read)")
    return "; ".join(reasons) or "the page gave no store ref, website, phone, address or name"


def _normalised(field: str, raw: str, country: str) -> Any:
    from auditor.crawl.fields import normalise_field

    return normalise_field(field, raw, country)[0]


def _matcher(spec: Any) -> RosterMatcher:
    from auditor.crawl.pipelines.match import roster_keys

    return RosterMatcher(roster_keys(spec))


def _template_driven(spec: Any, sid: str) -> bool:
    if sid == "site":
        return bool(option(option(spec, "site", {}), "url_template", None))
    source = next((s for s in option(spec, "sources", []) if s.id == sid), None)
    return bool(source is not None and option(source, "url_template", None))


def _carries(spec: Any, sid: str) -> dict[str, bool]:
    if sid == "site":
        source = option(spec, "site", None)
    else:
        source = next((s for s in option(spec, "sources", []) if s.id == sid), None)
    carries = option(source, "carries", None) if source is not None else None
    return carries.declared() if carries is not None and hasattr(carries, "declared") else {}


def report_source(spec: Any, crawl: ProbeCrawl, sid: str, kind: str, matcher: RosterMatcher) -> SourceReport:
    """The lines and warnings of one source."""
    out = SourceReport()
    fetches = [f for f in crawl.fetches if f["source"] == sid and not str(f["url"]).endswith("/robots.txt")]
    unaddressed = [f for f in fetches if f.get("outcome") == "no_url"]  # no request was made
    fetches = [f for f in fetches if f.get("outcome") != "no_url"]
    failed = [f for f in fetches if f.get("error") and (f.get("status") is None or f.get("outcome")
              or not 200 <= int(f.get("status") or 0) < 400)]  # fmt: skip
    title = f"{sid} ({kind})"
    out.lines.append(f"{title}: {len(fetches)} requests, {len(failed)} failed")
    if unaddressed:
        stores = ", ".join(str(f.get("location_id") or "?") for f in unaddressed[:8])
        out.lines.append(f"  no page address for {len(unaddressed)} store(s) ({stores}): "
                         f"{short(unaddressed[0]['error'], 90)}")  # fmt: skip
    for fetch in failed[:5]:
        out.lines.append(f"  failed {fetch['url']}: {short(fetch['error'], 100)}")
    if failed:
        out.warnings.append(f"{sid}: {len(failed)} of {len(fetches)} requests failed "
                            f"(first: {short(failed[0]['error'], 80)})")  # fmt: skip
    pages = [p for p in crawl.pages if p.source == sid]
    if kind == "reviews":
        _review_lines(crawl, sid, out, _carries(spec, sid))
        if not pages:
            return out
    elif not pages:
        reached = len(fetches) - len(failed)
        out.warnings.append(f"{sid}: empty source, no listing read from {reached} fetched pages; "
                            "try `auditor extract URL` on one of them")  # fmt: skip
        return out
    unmatched = 0
    seen: Counter = Counter()
    unread: dict[str, list[str]] = defaultdict(list)
    for page in pages:
        values = {v.field: v.normalised for v in page.values if v.normalised is not None}
        if sid == "site" and "website" not in values:  # a brand page is its own website
            values["website"] = _normalised("website", page.url, page.country or option(spec, "country", ""))
        if page.location_id:
            found = matcher.match(values, own_url=sid == "site") if not _template_driven(spec, sid) else None
            by_key = found is not None and found.store_id == page.location_id
            how = f"by {found.by}" if by_key and found else "from the URL template"
            if by_key and found and found.conflict:  # its other keys name other stores
                how += f"; its {found.conflict.replace(': ', ' names ')}"
            out.lines.append(f"  {page.entity} -> {page.location_id} ({how})")
        else:
            unmatched += 1
            out.lines.append(f"  {page.entity} -> no roster store: {why_unmatched(values, matcher)}")
        for value in page.values:
            if value.field in LOOK_FIELDS:
                seen[value.field] += 1
                continue
            seen[value.field] += 1
            shown = f"    {value.field:<13} {short(value.raw)!r} ->"
            if value.problem:
                unread[value.field].append(f"'{short(value.raw, 40)}': {short(value.problem, 80)}")
                out.lines.append(f"{shown} unread: {short(value.problem, 90)}")
            else:
                out.lines.append(f"{shown} {short(_form(value.normalised))}")
    if unmatched:
        out.warnings.append(f"{sid}: {unmatched} of {len(pages)} pages matched no roster store (see above)")
    carries = _carries(spec, sid)
    for name in LISTING_FIELDS:
        if name == "website" and sid == "site":
            continue  # a brand page is its own website
        if not seen[name] and carries.get(name) is not False:
            out.warnings.append(f"{sid}: {name} never read on {len(pages)} pages (declare "
                                f"carries: {{{name}: false}} if the source never shows it)")  # fmt: skip
    for name, problems in unread.items():
        out.warnings.append(
            f"{sid}: {name} unreadable on {len(problems)} of {seen[name]} pages: {problems[0]}"
        )
    return out


def _absent(problem: str | None) -> bool:
    """No problem, or the value was simply not shown ("no date shown"): not unreadable."""
    return problem is None or (problem.startswith("no ") and problem.endswith(" shown"))


def _form(value: Any) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{k}={'closed' if v == [] else v}" for k, v in value.items() if v not in (None, ""))
    return str(value)


def _review_lines(crawl: ProbeCrawl, sid: str, out: SourceReport, carries: dict[str, bool]) -> None:
    pages = [p for p in crawl.review_pages if p.source == sid]
    reviews = [r for p in pages for r in p.reviews]
    stores = sorted({p.location_id for p in pages})
    out.lines.append(f"  {len(reviews)} reviews on {len(pages)} pages for {len(stores)} stores "
                     f"({', '.join(stores)})")  # fmt: skip
    if not reviews:
        out.warnings.append(f"{sid}: empty source, no review read from {len(pages)} review pages "
                            "(check adapter.review and review_fields)")  # fmt: skip
        return
    for name, label in REVIEW_FIELDS.items():
        shown = sum(1 for r in reviews if getattr(r, name) not in (None, ""))
        problems = [r.problems[name] for r in reviews if not _absent(r.problems.get(name))]
        line = f"  {label}: read on {shown} of {len(reviews)}"
        if problems:
            line += f", unreadable on {len(problems)} (e.g. {short(problems[0], 80)})"
            out.warnings.append(f"{sid}: {label} unreadable on {len(problems)} of {len(reviews)} reviews: "
                                f"{short(problems[0], 80)}")  # fmt: skip
        elif not shown and carries.get(label) is not False:
            line += " (the source does not seem to show them)"
            out.warnings.append(f"{sid}: no review shows {label}; declare carries: {{{label}: false}} "
                                "if the source never does")  # fmt: skip
        out.lines.append(line)
    for review in reviews[:3]:
        out.lines.append(f"    {review.key}: stars={review.stars} date={review.date} "
                         f"reply={'yes' if review.reply else 'no'} {short(review.text, 40)!r}")  # fmt: skip


def sample_line(spec: Any, sample: Any) -> str:
    """Which stores are probed, of how many, and why a store asked for is not."""
    probed = sample.stores
    line = f"probe of {len(probed)} of {len(spec.roster)} stores ({', '.join(probed)}) on every source"
    if sample.closed:
        shown = ", ".join(sample.closed[:5]) + (", ..." if len(sample.closed) > 5 else "")
        line += f"; {len(sample.closed)} closed in the roster, not probed ({shown})"
    if sample.pages > len(spec.roster):
        line += f"; --stores {sample.pages}: the roster has {len(spec.roster)}"
    return line


def probe_report(spec: Any, crawl: ProbeCrawl) -> tuple[list[str], list[str]]:
    """(lines, warnings) of a probe, sources in the spec's order."""
    matcher = _matcher(spec)
    lines = [sample_line(spec, crawl.sample)]
    warnings: list[str] = []
    for sid, kind in source_ids(spec):
        report = report_source(spec, crawl, sid, kind, matcher)
        lines += ["", *report.lines]
        warnings += report.warnings
    return lines, warnings
