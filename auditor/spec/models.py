"""Pydantic models of the brand spec (brand.yaml) and the location roster.

The format is described in docs/architecture.md; unknown keys are errors (``extra="forbid"``) so
a misspelt key is reported instead of silently ignored.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

StoreStatus = Literal["open", "temporarily_closed", "closed"]


class Strict(BaseModel):
    """Base of every spec model: unknown keys are errors."""

    model_config = ConfigDict(extra="forbid")


class BrandInfo(Strict):
    name: str
    variants: list[str] = Field(default_factory=list)
    retired_names: list[str] = Field(default_factory=list)
    legal_name: str = ""
    domains: list[str] = Field(default_factory=list)
    contact: str = ""


class PaletteColour(Strict):
    name: str = ""
    hex: str

    @field_validator("hex")
    @classmethod
    def _is_colour(cls, value: str) -> str:
        from coloraide import Color

        try:
            return Color(value).convert("srgb").to_string(hex=True)
        except ValueError:
            raise ValueError(f"'{value}' is not a colour (use a hex value like #1F4E5F)") from None


class Identity(Strict):
    palette: list[PaletteColour] = Field(default_factory=list)
    palette_tolerance: float = 3.0
    neutrals_allowed: bool = True
    fonts: list[str] = Field(default_factory=list)
    logo: list[str] = Field(default_factory=list)
    logo_max_distance: int = 8
    tagline: str = ""


class RequiredPhrase(Strict):
    text: str
    scope: Literal["site", "listing", "reviews"] = "site"
    regex: bool = False

    @model_validator(mode="after")
    def _regex_compiles(self) -> RequiredPhrase:
        if self.regex:
            try:
                re.compile(self.text)
            except re.error as exc:
                raise ValueError(f"text {self.text!r} is not a valid regular expression: {exc}") from None
        return self


class Voice(Strict):
    required_phrases: list[RequiredPhrase] = Field(default_factory=list)
    forbidden_phrases: list[str] = Field(default_factory=list)
    preferred_terms: dict[str, list[str]] = Field(default_factory=dict)

    @field_validator("required_phrases", mode="before")
    @classmethod
    def _plain_strings(cls, value: object) -> object:
        if isinstance(value, list):
            return [{"text": item} if isinstance(item, str) else item for item in value]
        return value


class SiteSpec(Strict):
    sitemap: str | None = None
    url_template: str | None = None
    allow: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _one_way_in(self) -> SiteSpec:
        if not self.sitemap and not self.url_template:
            raise ValueError("give either 'sitemap' or 'url_template' for the brand site")
        return self


class AdapterSpec(Strict):
    type: Literal["jsonld", "microdata", "css", "json_api"]
    types: list[str] = Field(default_factory=list)
    fields: dict[str, str] = Field(default_factory=dict)
    records: str | None = None
    next: str | None = None
    review: str | None = None
    review_fields: dict[str, str] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _complete(self) -> AdapterSpec:
        if self.type == "css" and not (self.fields or self.review or self.review_fields):
            raise ValueError("a css adapter needs 'fields' (field -> selector)")
        if self.type == "json_api" and not self.records:
            raise ValueError("a json_api adapter needs 'records' (JMESPath to the record list)")
        return self


class SourceSpec(Strict):
    id: str
    kind: Literal["listing", "reviews"]
    title: str = ""
    allowed_domains: list[str] = Field(default_factory=list)
    start_urls: list[str] = Field(default_factory=list)
    follow: str | None = None
    next_page: str | None = None
    url_template: str | None = None
    # with url_template: pages the sitemap lists with their lastmod as last read are carried over
    sitemap: str | None = None
    adapter: AdapterSpec

    @model_validator(mode="after")
    def _how_found(self) -> SourceSpec:
        if not self.url_template and not self.start_urls:
            raise ValueError(f"source '{self.id}' needs 'start_urls' or 'url_template'")
        needs_review_selectors = self.kind == "reviews" and self.adapter.type == "css"
        if needs_review_selectors and not (self.adapter.review and self.adapter.review_fields):
            raise ValueError(f"reviews source '{self.id}' needs adapter 'review' and 'review_fields'")
        return self


class ScoringOverride(Strict):
    match: dict[Literal["region", "store"], str]
    rules: dict[str, Literal["off"] | float]

    @field_validator("rules", mode="before")
    @classmethod
    def _off_is_not_a_number(cls, value: object) -> object:
        """YAML 1.1 reads a bare ``off`` as false: keep it as "off", refuse ``on``/``true``."""
        if not isinstance(value, dict):
            return value
        fixed = {}
        for rule_id, setting in value.items():
            if setting is True:
                raise ValueError(f"rule '{rule_id}': expected off or a number (new weight), found true/on")
            fixed[rule_id] = "off" if setting is False else setting
        return fixed


class Scoring(Strict):
    weights: dict[Literal["listings", "site", "reviews", "coverage"], float] = Field(
        default_factory=lambda: {"listings": 35, "site": 25, "reviews": 25, "coverage": 15}
    )
    grades: dict[str, float] = Field(default_factory=lambda: {"A": 90, "B": 80, "C": 70, "D": 60})
    alerts: dict[str, float] = Field(
        default_factory=lambda: {"overall_drop": 5, "sustained_runs": 2}
    )
    rating_floor: float = 3.8
    overrides: list[ScoringOverride] = Field(default_factory=list)


class CrawlSpec(Strict):
    user_agent: str | None = None
    max_page_bytes: int = 2_000_000
    max_depth: int = 4
    concurrency: int = 16
    download_timeout: float = 20.0
    retries: int = 2
    autothrottle: bool = True
    # loopback, private or link-local addresses (or networks) the crawl may reach: none by default
    allow_private: list[str] = Field(default_factory=list)
    obey_robots: bool = True
    proxy: str | None = None
    # Pages known to be unchanged without a request (review pages behind an unchanged first
    # page, site pages whose sitemap lastmod is the one they had when last read) are carried
    # over while they were last read within this many days; 0 re-checks every page every run.
    refresh_days: float = Field(default=7.0, ge=0)


class BrandSpec(Strict):
    """The whole of brand.yaml."""

    version: int = 1
    brand: BrandInfo
    country: str = "AU"
    regions: list[str] = Field(default_factory=list)
    roster: str
    identity: Identity = Field(default_factory=Identity)
    voice: Voice = Field(default_factory=Voice)
    site: SiteSpec | None = None
    sources: list[SourceSpec] = Field(default_factory=list)
    journey: dict[str, list[str]] = Field(default_factory=dict)
    scoring: Scoring = Field(default_factory=Scoring)
    crawl: CrawlSpec = Field(default_factory=CrawlSpec)
    rules: list[str] = Field(default_factory=lambda: ["default"])
    themes: dict[str, list[str]] = Field(default_factory=dict)

    @field_validator("country")
    @classmethod
    def _upper_country(cls, value: str) -> str:
        return value.upper()


class RosterEntry(Strict):
    """One store, as the roster (the source of truth) describes it."""

    store_id: str
    name: str
    region: str
    street: str = ""
    locality: str = ""
    state: str = ""
    postcode: str = ""
    country: str = ""
    phone: str = ""
    hours: str = ""
    holiday_hours: str = ""
    website: str = ""
    status: StoreStatus = "open"
    opened: str = ""

    @field_validator("status", mode="before")
    @classmethod
    def _status_words(cls, value: object) -> object:
        if isinstance(value, str):
            value = value.strip().lower().replace(" ", "_") or "open"
        return value

    @field_validator("*", mode="before")
    @classmethod
    def _strings(cls, value: object) -> object:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return str(value)
        return "" if value is None else value

    @property
    def address(self) -> str:
        """The address as one line, for normalising and display."""
        tail = " ".join(p for p in (self.state, self.postcode) if p)
        return ", ".join(p for p in (self.street, self.locality, tail) if p)


ROSTER_COLUMNS = tuple(RosterEntry.model_fields)
REQUIRED_ROSTER_COLUMNS = ("store_id", "name", "region")
