"""Give each listing found by discovery its roster store (or count it as unmatched)."""

from __future__ import annotations

from typing import Any

from auditor.crawl.fields import normalise_field
from auditor.crawl.items import ObservedPage
from auditor.crawl.matching import Match, RosterMatcher, StoreKeys
from auditor.crawl.roster import option, roster_rows
from auditor.spec.models import store_names


def _normalised(field: str, raw: Any, country: str) -> Any:
    if not raw:
        return None
    value, _problem = normalise_field(field, str(raw), country)
    return value


_KEYS_OF: list[tuple[Any, list[StoreKeys]]] = []  # (spec, keys): one spec per crawl process


def roster_keys(spec: Any) -> list[StoreKeys]:
    """Every roster store's comparison keys, normalised like the listings are (computed once
    per spec, however many spiders match listings)."""
    for known, keys in _KEYS_OF:
        if known is spec:
            return keys
    keys = _roster_keys(spec)
    _KEYS_OF[:] = [(spec, keys)]
    return keys


def _roster_keys(spec: Any) -> list[StoreKeys]:
    default = str(option(spec, "country", "AU"))
    keys = []
    for store_id, row in roster_rows(spec).items():
        country = str(row.get("country") or default)
        address_raw = ", ".join(
            p
            for p in (
                str(row.get("street") or ""),
                " ".join(str(row.get(k) or "") for k in ("locality", "state", "postcode") if row.get(k)),
            )
            if p
        )
        address = _normalised("address", address_raw, country)
        keys.append(
            StoreKeys(
                store_id=store_id,
                website=_normalised("website", row.get("website"), country),
                phone=_normalised("phone", row.get("phone"), country),
                address_key=address.get("key") if isinstance(address, dict) else None,
                address=address if isinstance(address, dict) else None,
                name=_normalised("name", row.get("name"), country),
                locality=str(row.get("locality") or ""),
                other_names=tuple(
                    n
                    for other in store_names("", row.get("other_names"))
                    if (n := _normalised("name", other, country))
                ),
            )
        )
    return keys


class MatchPipeline:
    """Sets ``location_id`` of unmatched ObservedPage items; stats ``auditor/<src>/unmatched``."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self.matcher: RosterMatcher | None = None
        self._countries: tuple[str, ...] | None = None  # the roster's countries

    @classmethod
    def from_crawler(cls, crawler: Any) -> MatchPipeline:
        return cls(crawler)

    def process_item(self, item: Any, spider: Any = None) -> Any:
        if not isinstance(item, ObservedPage) or item.location_id is not None:
            return item
        if self.matcher is None:
            self.matcher = RosterMatcher(roster_keys(self.crawler.spider.spec))
        values = {v.field: v.normalised for v in item.values if v.normalised is not None}
        if item.source == "site" and "website" not in values:
            # a brand page is its own website: its address names the store even when its
            # structured data could not be read
            values["website"] = _normalised(
                "website", item.url, str(option(self.crawler.spider.spec, "country", "AU"))
            )
        match = self.matcher.match(values, own_url=item.source == "site")
        if match is None and not getattr(item, "country_stated", False):
            match = self._in_another_country(item, values)
        stats = self.crawler.stats
        if match is None:
            stats.inc_value(f"auditor/{item.source}/unmatched")
        else:
            item.location_id = match.store_id
            stats.inc_value(f"match/by_{match.by}")
            if match.conflict:  # the listing's other keys name other stores (a wrong link, ...)
                stats.inc_value(f"auditor/{item.source}/match_conflicts")
            self._store_country(item)
        return item

    def _in_another_country(self, item: ObservedPage, values: dict[str, Any]) -> Match | None:
        """A listing that names no country and matched no store, read with each other country it
        may be in (auditor.crawl.listing_country.other_countries); the first reading that matches
        a store decides (the listing is then normalised again with that store's country)."""
        from auditor.crawl.fields import normalise_record
        from auditor.crawl.listing_country import other_countries

        spider = self.crawler.spider
        if self.matcher is None or not isinstance(item.raw, dict) or not hasattr(spider, "source_countries"):
            return None
        if self._countries is None:
            default = str(getattr(spider, "country", "") or "")
            stores = (getattr(spider, "roster", {}) or {}).values()
            self._countries = tuple(sorted({str(r.get("country") or default).upper() for r in stores}))
        problems = getattr(item.raw, "problems", None) or {}
        covered = spider.source_countries(item.source)
        for country in other_countries(item.raw, str(item.country or ""), covered, self._countries):
            read = normalise_record(item.raw, country, problems)
            again = {f: v for f, _raw, v, _p in read if v is not None}
            if "website" in values and "website" not in again:
                again["website"] = values["website"]
            if match := self.matcher.match(again, own_url=item.source == "site"):
                return match
        return None

    def _store_country(self, item: ObservedPage) -> None:
        """A listing that states no country is normalised again with its store's country."""
        from auditor.crawl.field_stats import count
        from auditor.crawl.pipelines.normalise import normalise_item, reading_day

        spider = self.crawler.spider
        if getattr(item, "country_stated", False) or not hasattr(spider, "country_of"):
            return
        country = spider.country_of(item.location_id)
        if not country or country == item.country:
            return
        old = list(item.values)
        item.country = country
        normalise_item(item, country, reading_day(self.crawler.settings))
        for before, after in zip(old, item.values, strict=False):
            if before.field in ("text", "colours", "fonts", "logo") or before.problem == after.problem:
                continue
            count(self.crawler.stats, item.source, before.field, before.problem, -1)
            count(self.crawler.stats, item.source, after.field, after.problem)
