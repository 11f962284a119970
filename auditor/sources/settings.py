"""The ``platform:`` part of an expanded source block: credential, headers, quotas, retention."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

# Roster columns that hold a store's id on a platform (empty: the store is not checked there).
PLATFORM_ID_COLUMNS = ("google_location", "place_id", "fsq_id", "facebook_page", "apple_location",
                       "osm_id")  # fmt: skip


class PlatformSettings(BaseModel):
    """How the crawl talks to one platform. The credential is the *name* of an environment
    variable; its value is read at crawl time and never written anywhere."""

    model_config = ConfigDict(extra="forbid")

    name: str  # the preset (google_business_profile, foursquare, ...)
    title: str = ""
    credential: str | None = None  # environment variable holding the key or token
    auth: Literal["bearer", "header", "none"] = "none"
    auth_header: str = "Authorization"  # for auth: header (the raw key as the header's value)
    headers: dict[str, str] = Field(default_factory=dict)  # X-Goog-FieldMask and such
    rate_limit: float = Field(default=1.0, gt=0)  # requests per second
    daily_budget: int | None = Field(default=None, ge=0)  # requests per run (one run a night)
    store: Literal["all", "findings_only"] = "all"
    grace_days: float = Field(default=0.0, ge=0)  # a change younger than this is "propagating"
    categories: list[str] = Field(default_factory=list)  # the platform's names the listing should have
    # the platform shows dated (holiday) hours only this many days ahead (Places: the next 7)
    holiday_window_days: int | None = Field(default=None, ge=1)

    @property
    def label(self) -> str:
        return self.title or self.name


def holiday_window(spec: Any, source: str) -> int | None:
    """How many days ahead ``source`` shows dated hours, when it shows only those (else None)."""
    for block in getattr(spec, "sources", None) or []:
        platform = getattr(block, "platform", None)
        if str(getattr(block, "id", "")) == source and platform is not None:
            return platform.holiday_window_days
    return None


def within_window(
    days: dict[str, Any], spec: Any, source: str, today: dt.date
) -> tuple[dict[str, Any], int | None]:
    """The ``days`` (ISO date -> value) a source with a dated window can show today, and the window
    (all of them and None for other sources)."""
    window = holiday_window(spec, source)
    if window is None:
        return days, None
    last = (today + dt.timedelta(days=window - 1)).isoformat()
    return {d: v for d, v in days.items() if today.isoformat() <= d <= last}, window
