"""Pydantic models of the brand spec (brand.yaml) and the location roster.

The format is described in docs/architecture.md; unknown keys are errors (``extra="forbid"``) so
a misspelt key is reported instead of silently ignored.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from auditor.sources.settings import PlatformSettings
from auditor.user_regex import regex_problem

StoreStatus = Literal["open", "temporarily_closed", "closed"]


@lru_cache(maxsize=1)
def adapter_types() -> tuple[str, ...]:
    """The adapter types the crawl has (``auditor.crawl.adapters.ADAPTERS``)."""
    try:
        from auditor.crawl.adapters import ADAPTERS
    except ImportError:  # the crawl machinery is not installed: any type is taken as written
        return ()
    return tuple(ADAPTERS)


class Strict(BaseModel):
    """Base of every spec model: unknown keys are errors."""

    model_config = ConfigDict(extra="forbid")


def _listed(value: object) -> object:
    """A single string where a list is expected: a one-item list."""
    return [value] if isinstance(value, str) else value


class BrandInfo(Strict):
    name: str
    variants: list[str] = Field(default_factory=list)
    retired_names: list[str] = Field(default_factory=list)
    legal_name: str = ""
    legal_names: list[str] = Field(default_factory=list)  # several legal entities (per country)
    domains: list[str] = Field(default_factory=list)
    contact: str = ""

    @property
    def all_legal_names(self) -> list[str]:
        """``legal_name`` and every ``legal_names`` entry, without repeats."""
        return list(dict.fromkeys(n for n in [self.legal_name, *self.legal_names] if n))


_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


class PaletteColour(Strict):
    """A brand colour: ``{name, hex}``, or a plain ``"#1F4E5F"`` string in the palette list."""

    name: str = ""
    hex: str

    @field_validator("hex", mode="before")
    @classmethod
    def _is_colour(cls, value: object) -> str:
        text = str(value).strip() if isinstance(value, str | int) else value
        if not isinstance(text, str) or not _HEX.match(text):
            shown = f"'{value}'" if isinstance(value, str) else repr(value)
            raise ValueError(f"{shown} is not a hex colour (#rgb or #rrggbb)")
        if len(text) == 4:
            text = "#" + "".join(c * 2 for c in text[1:])
        return text.lower()


class Identity(Strict):
    palette: list[PaletteColour] = Field(default_factory=list)
    palette_tolerance: float = 3.0
    neutrals_allowed: bool = True
    fonts: list[str] = Field(default_factory=list)
    # families a page may name after the brand font (a font stack's fallbacks), never instead of it
    font_fallbacks: list[str] = Field(default_factory=list)
    logo: list[str] = Field(default_factory=list)
    logo_max_distance: int = 8
    tagline: str = ""

    @field_validator("palette", mode="before")
    @classmethod
    def _plain_hex_strings(cls, value: object) -> object:
        if isinstance(value, list):
            return [{"hex": item} if not isinstance(item, dict) else item for item in value]
        return value


class RequiredPhrase(Strict):
    """A line that must appear; ``country`` / ``language`` / ``region`` limit where it is required
    (a store's roster country and region, a page's language)."""

    text: str
    scope: Literal["site", "listing", "reviews"] = "site"
    regex: bool = False
    country: list[str] = Field(default_factory=list)
    language: list[str] = Field(default_factory=list)
    region: list[str] = Field(default_factory=list)

    @field_validator("country", "language", "region", mode="before")
    @classmethod
    def _one_or_many(cls, value: object) -> object:
        return _listed(value)

    @field_validator("country")
    @classmethod
    def _upper(cls, value: list[str]) -> list[str]:
        return [v.strip().upper() for v in value]

    @field_validator("language")
    @classmethod
    def _language_codes(cls, value: list[str]) -> list[str]:
        return [_language_code(v) for v in value]

    def applies_to(self, country: str = "", region: str = "", language: str = "") -> bool:
        """Whether the phrase is required for a store in ``country``/``region`` on a page in
        ``language`` (an unknown page language does not exclude it)."""
        if self.country and country.upper() not in self.country:
            return False
        if self.region and region not in self.region:
            return False
        return not (self.language and language and language.lower()[:2] not in self.language)

    @model_validator(mode="after")
    def _regex_compiles(self) -> RequiredPhrase:
        if self.regex and (reason := regex_problem(self.text)):
            raise ValueError(f"text {self.text!r} is not a valid regular expression: {reason}")
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


_LANGUAGE = re.compile(r"^[a-z]{2,3}$")


def _language_code(value: str) -> str:
    code = str(value).strip().lower().replace("_", "-").split("-")[0]
    if not _LANGUAGE.match(code):
        raise ValueError(f"'{value}' is not a language code (ISO 639-1, like de or fr)")
    return code


def _country_code(value: str) -> str:
    """An ISO 3166 alpha-2 code (``se``, ``SE``; ``UK`` read as ``GB``)."""
    code = str(value).strip().upper()
    code = {"UK": "GB", "EL": "GR"}.get(code, code)
    if len(code) != 2 or code not in _known_countries():
        raise ValueError(f"'{value}' is not a country code (ISO 3166 alpha-2, like SE or NO)")
    return code


@lru_cache(maxsize=1)
def _known_countries() -> frozenset[str]:
    import phonenumbers

    return frozenset(phonenumbers.SUPPORTED_REGIONS)


class Carries(Strict):
    """What a source can show, when it says so (omitted: inferred from what the crawl saw).
    ``false`` means the source never shows it: its absence is a coverage note, never a finding."""

    name: bool | None = None
    address: bool | None = None
    phone: bool | None = None
    website: bool | None = None
    hours: bool | None = None
    holiday_hours: bool | None = None
    status: bool | None = None
    categories: bool | None = None
    rating: bool | None = None
    review_count: bool | None = None
    stars: bool | None = None
    dates: bool | None = None
    replies: bool | None = None
    reply_dates: bool | None = None
    text: bool | None = None

    def declared(self) -> dict[str, bool]:
        """Only what the spec states."""
        return {k: v for k, v in self.model_dump().items() if v is not None}


class SiteSpec(Strict):
    sitemap: str | None = None
    url_template: str | None = None
    allow: list[str] = Field(default_factory=list)
    # how the brand's pages are read (default: every structured-data syntax, then the page text)
    adapter: AdapterSpec | None = None
    carries: Carries = Field(default_factory=Carries)  # what the brand's pages show

    @model_validator(mode="after")
    def _one_way_in(self) -> SiteSpec:
        if not self.sitemap and not self.url_template:
            raise ValueError("give either 'sitemap' or 'url_template' for the brand site")
        return self


class AdapterSpec(Strict):
    type: str
    types: list[str] = Field(default_factory=list)
    fields: dict[str, str] = Field(default_factory=dict)
    records: str | None = None
    next: str | None = None
    review: str | None = None
    review_fields: dict[str, str] = Field(default_factory=dict)
    # reviews: the scale a bare rating is on when the page does not say ("9.2" on a 10-point site)
    stars_scale: float | None = Field(default=None, gt=0)
    # platform: field -> converter (``module.function`` in auditor.sources.convert)
    convert: dict[str, str] = Field(default_factory=dict)
    # platform: ``next`` gives a page token, sent back in this query parameter (Google: pageToken)
    next_param: str | None = None

    @field_validator("type")
    @classmethod
    def _known_type(cls, value: str) -> str:
        known = adapter_types()
        if known and value not in known:
            raise ValueError(f"'{value}' is not an adapter type (use one of: {', '.join(known)})")
        return value

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
    carries: Carries = Field(default_factory=Carries)
    # the countries the source covers (a national directory, a per-country section): its listings
    # are read with them, and only stores there are expected on it (empty: every country)
    countries: list[str] = Field(default_factory=list)
    # "some": the source shows only some of the brand's stores (a map its volunteers keep): a store
    # it does not show is a coverage note, not a "not listed" finding
    listed: Literal["all", "some"] = "all"
    platform: PlatformSettings | None = None  # set by a preset (auditor.sources)

    @field_validator("countries", mode="before")
    @classmethod
    def _countries_listed(cls, value: object) -> object:
        return _listed(value)

    @field_validator("countries")
    @classmethod
    def _country_codes(cls, value: list[str]) -> list[str]:
        return list(dict.fromkeys(_country_code(v) for v in value))

    @model_validator(mode="after")
    def _how_found(self) -> SourceSpec:
        if not self.url_template and not self.start_urls:
            raise ValueError(f"source '{self.id}' needs 'start_urls' or 'url_template'")
        needs_review_selectors = self.kind == "reviews" and self.adapter.type == "css"
        if needs_review_selectors and not (self.adapter.review and self.adapter.review_fields):
            raise ValueError(f"reviews source '{self.id}' needs adapter 'review' and 'review_fields'")
        return self


class RuleSetting(Strict):
    """An override's fuller form: a new weight, switched off, or limited to some sources."""

    weight: float | None = Field(default=None, ge=0)
    off: bool = False
    sources: list[str] | None = None
    exclude_sources: list[str] | None = None


def _rule_setting(rule_id: str, values: dict) -> RuleSetting:
    """An override's mapping form, its mistakes said in one line naming the rule."""
    known = list(RuleSetting.model_fields)
    for key in values:
        if key not in known:
            raise ValueError(f"rule '{rule_id}': unknown key '{key}' (known keys: {', '.join(known)})")
    try:
        return RuleSetting.model_validate(values)
    except ValueError:
        raise ValueError(
            f"rule '{rule_id}': weight is a number >= 0, off is true/false, sources and "
            "exclude_sources are lists of source ids"
        ) from None


class ScoringOverride(Strict):
    match: dict[Literal["region", "store", "country"], str]
    rules: dict[str, Literal["off"] | float | RuleSetting]

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
            if isinstance(setting, dict):
                setting = _rule_setting(rule_id, setting)
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
    # the country phones and addresses are read in when a store, page or listing names none; when
    # brand.yaml leaves it out, the roster's country column gives it (see auditor.spec.load)
    country: str = ""
    languages: list[str] = Field(default_factory=list)  # the languages the brand writes in
    regions: list[str] = Field(default_factory=list)
    roster: str
    roster_outside_ok: bool = False  # a roster path outside the spec's folder is refused unless true
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

    @field_validator("languages", mode="before")
    @classmethod
    def _languages_listed(cls, value: object) -> object:
        return _listed(value)

    @field_validator("languages")
    @classmethod
    def _language_codes(cls, value: list[str]) -> list[str]:
        return list(dict.fromkeys(_language_code(v) for v in value))


class RosterEntry(Strict):
    """One store, as the roster (the source of truth) describes it. Columns of the brand's own
    (``omdome_slug``) are kept as text: url templates and presets may use them."""

    model_config = ConfigDict(extra="allow")

    store_id: str
    name: str
    region: str
    house_number: str = ""  # when the roster keeps it apart from the street
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
    # the store's names in other languages or scripts ("クモコーヒー 渋谷店|雲咖啡 渋谷店"), separated by "|"
    other_names: str = ""
    # the store's id on each platform (auditor.sources.PLATFORM_ID_COLUMNS)
    google_location: str = ""
    place_id: str = ""
    fsq_id: str = ""
    facebook_page: str = ""
    apple_location: str = ""
    osm_id: str = ""

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

    @model_validator(mode="before")
    @classmethod
    def _extra_as_text(cls, data: object) -> object:
        """A column of the brand's own keeps its value as text, as a CSV cell would be."""
        if not isinstance(data, dict):
            return data
        own = {k: ("" if v is None else v if isinstance(v, str) else str(v).lower() if isinstance(v, bool)
                   else str(v)) for k, v in data.items() if k not in cls.model_fields}  # fmt: skip
        return {**data, **own} if own else data

    @property
    def extra_columns(self) -> dict[str, str]:
        """The roster's own columns beyond the known ones, by name."""
        return dict(self.model_extra or {})

    @property
    def address(self) -> str:
        """The address as one line, for normalising and display."""
        tail = " ".join(p for p in (self.state, self.postcode) if p)
        return ", ".join(p for p in (self.street_line, self.locality, tail) if p)

    @property
    def street_line(self) -> str:
        """The street with its house number (the roster loader puts it into ``street``)."""
        return with_house_number(self.street, self.house_number, self.country)


def store_names(name: str, other_names: str) -> list[str]:
    """A store's name, then each of its ``other_names`` ("|" between them), without repeats."""
    names = [name, *str(other_names or "").split("|")]
    return list(dict.fromkeys(n.strip() for n in names if n and n.strip()))


def with_house_number(street: str, number: str, country: str) -> str:
    """``street`` with ``number`` where the country writes it ("12 George Street", "Hauptstraße
    12"); unchanged when the number is empty or already in the street."""
    if not number or number in street.replace(",", " ").split():
        return street
    if (country or "").upper() in NUMBER_FIRST_COUNTRIES:
        return f"{number} {street}".strip()
    return f"{street} {number}".strip()


# Countries writing the house number before the street ("12 George Street"); elsewhere after it.
NUMBER_FIRST_COUNTRIES = frozenset({"AU", "NZ", "GB", "IE", "US", "CA", "FR", "LU", "ZA", "IN", "SG",
                                    "MY", "PH", "IL"})  # fmt: skip


ROSTER_COLUMNS = tuple(RosterEntry.model_fields)
REQUIRED_ROSTER_COLUMNS = ("store_id", "name", "region")
