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


class Rule(BaseModel):
    """One rule of a pack; type-specific options stay as extra keys (``rule.option(name)``)."""

    model_config = ConfigDict(extra="allow")

    id: str
    type: str
    scope: Literal["listing", "site", "reviews", "location"] = "listing"
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


@dataclass(frozen=True)
class Seen:
    """One observed field of one entity (a listing or page)."""

    raw: str
    value: Any  # the normalised value (decoded JSON), None when it could not be read
    url: str
    problem: str | None = None


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

    @property
    def store_id(self) -> str:
        return str(self.store["store_id"])

    @property
    def country(self) -> str:
        return str(self.store.get("country") or getattr(self.spec, "country", "AU"))

    @property
    def is_closed(self) -> bool:
        return self.store.get("status") == "closed"

    def sources(self, scope: str) -> list[str]:
        """The sources a rule of ``scope`` looks at: listing sources, the site, review sources."""
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
