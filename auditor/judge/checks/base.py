"""What a check sees (one location's evidence) and what it returns (scored outcomes).

A check is a function ``check(rule, evidence) -> list[Outcome]``. An outcome with
``score=None`` means the check could not run there (page not fetched, nothing observed): a
coverage gap, never a failure.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Category = Literal["listings", "site", "reviews", "coverage"]
Scope = Literal["listing", "site", "reviews", "location"]


class Rule(BaseModel):
    """One rule of a pack; type-specific options stay as extra keys (``rule.option(name)``)."""

    model_config = ConfigDict(extra="allow")

    id: str
    type: str
    # one touchpoint or several: ``scope: [listing, site]`` judges listings and the brand's pages alike
    scope: Scope | list[Scope] = "listing"
    sources: list[str] = Field(default_factory=list)  # only these sources (empty: every source in scope)
    exclude_sources: list[str] = Field(default_factory=list)
    regions: list[str] = Field(default_factory=list)  # only stores in these roster regions
    exclude_regions: list[str] = Field(default_factory=list)
    field: str = ""
    compare: Literal["exact", "e164", "address", "fuzzy", "url", "name", "hours", "holiday"] = "exact"
    severity: Literal["error", "warning", "info"] = "warning"
    weight: float = Field(default=1.0, ge=0)
    category: Category = "listings"
    message: str
    threshold: float | None = None
    enabled: bool = True
    line: int = 0
    file: str = ""

    def option(self, name: str, default: Any = None) -> Any:
        return (self.model_extra or {}).get(name, default)

    @property
    def scopes(self) -> list[str]:
        return list(self.scope) if isinstance(self.scope, list) else [self.scope]

    def applies_to_region(self, region: str) -> bool:
        if self.regions and region not in self.regions:
            return False
        return region not in self.exclude_regions


@dataclass(frozen=True)
class Seen:
    """One observed field of one entity (a listing or page)."""

    raw: str
    value: Any  # the normalised value (decoded JSON), None when it could not be read
    url: str
    problem: str | None = None


# review capabilities a source may or may not show, and the review attribute that shows each
REVIEW_CAPABILITIES = ("replies", "dates", "stars")


@dataclass
class SourceFacts:
    """What the crawl saw of one source across every store of a run: what the source carries.

    A field no entity of the source ever showed (no reply on any review, no holiday hours on any
    listing) is one the source does not carry: its absence at one store is a coverage note, not a
    failure. A declaration in the spec (``carries: {replies: false}``) wins over the inference.
    """

    source: str
    kind: str = "listing"  # site | listing | reviews
    fields: frozenset[str] = frozenset()  # fields at least one entity showed (readable or not)
    entities: int = 0  # listings or pages read
    matched_stores: int = 0  # roster stores at least one entity was matched to
    unmatched: tuple[str, ...] = ()  # a few entities matched to no store, each "url (why)"
    unmatched_count: int = 0
    pages: int = 0  # fetch records (robots.txt excepted)
    failed: int = 0  # of which failed or were dropped
    reasons: dict[str, int] = field(default_factory=dict)  # failure reason -> pages
    sample_url: str = ""  # a page of the source that was fetched (for `auditor extract URL`)
    reviews: int = 0
    rated: int = 0  # reviews with readable stars
    dated: int = 0
    replied: int = 0
    # country -> (reviews, rated, dated, replied): a source whose pages differ by country (a reply
    # block only on some national sites) is judged per country when it spans several
    review_countries: dict[str, tuple[int, int, int, int]] = field(default_factory=dict)
    declared: dict[str, bool] = field(default_factory=dict)
    problem: str | None = None  # a source-level problem (auditor.judge.sources): its stores get gaps
    unmatched_names: dict[str, str] = field(default_factory=dict)  # folded name -> "url (why)", unmatched
    covers: tuple[str, ...] = ()  # the countries the spec says it covers (``countries:``); (): all
    matched_countries: dict[str, int] = field(default_factory=dict)  # roster country -> stores matched
    # countries it matched no store of while it matched stores elsewhere -> open roster stores
    # there (auditor.judge.sources): their stores' absence is a coverage gap, not "not listed"
    uncovered: dict[str, int] = field(default_factory=dict)

    def expects(self, country: str) -> bool:
        """Whether a store in ``country`` is expected on the source (its ``countries:``)."""
        return not self.covers or country.upper() in self.covers

    def carries(self, name: str, country: str | None = None) -> bool | None:
        """True / False when known (declared or seen across the run), None when nothing was read.

        Review capabilities of a source spanning several countries are judged for the store's
        country: replies seen in GB say nothing of the NL pages."""
        if name in self.declared:
            return bool(self.declared[name])
        if name in REVIEW_CAPABILITIES:
            counts = (self.reviews, self.rated, self.dated, self.replied)
            if country and len(self.review_countries) > 1 and country in self.review_countries:
                counts = self.review_countries[country]
            if not counts[0]:
                return None
            return {"stars": counts[1], "dates": counts[2], "replies": counts[3]}[name] > 0
        if not self.entities:
            return None
        return name in self.fields


def uncovered_note(source: str, country: str, stores: int) -> str:
    """The note for a country a source matched no store of while it matched stores elsewhere."""
    noun = "roster store" if stores == 1 else "roster stores"
    return (
        f"{source} matched no store in {country} ({stores} {noun}) while it matched stores elsewhere: "
        f"does it cover {country}? set `countries:` in its source block"
    )


@dataclass
class Evidence:
    """Everything known about one location in one run."""

    store: dict[str, Any]  # the roster row
    spec: Any  # auditor.spec.Spec
    # source -> entity -> field -> Seen
    observed: dict[str, dict[str, dict[str, Seen]]] = field(default_factory=dict)
    failed_sources: set[str] = field(default_factory=set)  # a fetch of this store's page failed there
    unattributed_failures: dict[str, int] = field(default_factory=dict)  # source -> failed pages
    reviews: dict[str, Any] | None = None  # the ReviewSummary of the run ("all" sources)
    failure_reasons: dict[str, str] = field(default_factory=dict)  # source -> why this store's page failed
    facts: dict[str, SourceFacts] = field(default_factory=dict)  # per source, over the whole run
    texts: dict[str, list[Seen]] = field(default_factory=dict)  # review source -> owner replies, when asked
    read_problems: dict[str, str] = field(default_factory=dict)  # source -> why its page was read in part
    today: Any = None  # the run's date (datetime.date), for checks that look ahead

    @property
    def store_id(self) -> str:
        return str(self.store["store_id"])

    @property
    def country(self) -> str:
        return str(self.store.get("country") or getattr(self.spec, "country", "AU"))

    @property
    def is_closed(self) -> bool:
        return self.store.get("status") == "closed"

    def sources(self, scope: str | list[str]) -> list[str]:
        """The sources a rule of ``scope`` looks at: listing sources, the site, review sources."""
        if isinstance(scope, list):  # several touchpoints: each one's sources, in order
            return [s for one in scope for s in self.sources(one)]
        if scope == "site":
            return ["site"]
        kind = "listing" if scope == "listing" else "reviews"
        spec, by_kind = _LAST_SPEC_SOURCES
        if spec is not self.spec:
            by_kind = {}
            for source in self.spec.sources:
                by_kind.setdefault(source.kind, []).append(source.id)
            _LAST_SPEC_SOURCES[:] = [self.spec, by_kind]
        return list(by_kind.get(kind, []))

    def sources_for(self, rule: Rule) -> list[str]:
        """The sources ``rule`` judges: its scopes, limited by ``sources`` and ``exclude_sources``,
        and by the countries each source covers (a store elsewhere is not expected there, unless
        the source showed it all the same)."""
        out: list[str] = []
        for scope in rule.scopes:
            out.extend(s for s in self.sources(scope) if s not in out)
        if rule.sources:
            out = [s for s in out if s in rule.sources]
        return [s for s in out if s not in rule.exclude_sources and self.expected_on(s)]

    def expected_on(self, source: str) -> bool:
        """Whether this store is expected on ``source``: the source covers its country, or
        something of the store was seen there."""
        facts = self.facts.get(source)
        if facts is None or not facts.covers or facts.expects(self.country):
            return True
        return bool(self.observed.get(source))

    def carries(self, source: str, name: str) -> bool:
        """Whether ``source`` shows ``name`` at all: declared, else seen for any store in the run;
        with no run-wide facts (one page judged at once), seen for this store."""
        facts = self.facts.get(source)
        known = facts.carries(name, self.country) if facts is not None else None
        if known is not None:
            return known
        if name in REVIEW_CAPABILITIES:
            return True  # nothing known of the source's reviews: the store's summary decides
        return any(name in fields for fields in self.observed.get(source, {}).values())

    def source_problem(self, source: str) -> str | None:
        facts = self.facts.get(source)
        return facts.problem if facts is not None else None

    def absence_gap(self, source: str, whole_source_failures: bool = True) -> str | None:
        """Why nothing of this store on ``source`` may be absent only because it was not read."""
        problem = self.source_problem(source)
        if problem:
            return f"{source} could not be judged: {problem}"
        facts = self.facts.get(source)
        country = self.country.upper()
        if facts is not None and country in facts.uncovered:
            return uncovered_note(source, country, facts.uncovered[country])
        if source in self.failed_sources or source in self.failure_reasons:
            reason = self.failure_reasons.get(source) or "fetch failed"
            return f"its page on {source} was not fetched ({reason})"
        if whole_source_failures and self.unattributed_failures.get(source, 0):
            count = self.unattributed_failures[source]
            return f"{count} page(s) of {source} could not be fetched"
        return None

    def partial_read(self, source: str) -> str | None:
        """Why this store's page on ``source`` was read only in part (malformed structured data ...)."""
        return self.read_problems.get(source) or self.failure_reasons.get(source)

    def field_gap(self, source: str, name: str, label: str | None = None) -> str:
        """The coverage note for a field this store's entities on ``source`` do not show readably."""
        label = label or name.replace("_", " ")
        problems = [
            fields[name].problem
            for fields in self.observed.get(source, {}).values()
            if name in fields and fields[name].value is None
        ]
        if problems:
            return f"{label} unreadable on {source}: {problems[0] or 'could not be read'}"
        if not self.observed.get(source):
            return self.absence_gap(source) or f"not found on {source}"
        if not self.carries(source, name):
            return f"{source} does not show {label}"
        partial = self.partial_read(source)
        if partial:
            return f"the {source} page was read only in part ({partial})"
        return f"the {source} page shows no {label}"


_LAST_SPEC_SOURCES: list[Any] = [None, {}]  # the last spec asked and its source ids by kind


@dataclass(frozen=True)
class Outcome:
    """One scored result of a check at one source (``score`` None: not applicable)."""

    source: str
    score: float | None
    expected: str = ""
    observed: str = ""
    url: str = ""
    field: str = ""
    note: str = ""  # why not applicable, or extra detail for the message

    @property
    def applicable(self) -> bool:
        return self.score is not None


def not_applicable(source: str, note: str) -> Outcome:
    return Outcome(source=source, score=None, note=note)


def decode(value: str | None) -> Any:
    return None if value is None else json.loads(value)
