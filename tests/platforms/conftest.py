"""The platform world, built once: stores, each platform's listings, the credentials."""

from __future__ import annotations

import pytest

from tests.platforms.server import MockPlatforms
from tests.platforms.world import PLANTS, listings_for, load_stores

ENV = {"google_business_profile": "GBP_ACCESS_TOKEN", "google_places": "GOOGLE_PLACES_API_KEY",
       "foursquare": "FOURSQUARE_API_KEY", "facebook": "FACEBOOK_PAGE_TOKEN",
       "apple_business_connect": "APPLE_BC_ACCESS_TOKEN"}  # fmt: skip


def secret(platform: str) -> str:
    return f"s3cr3t-{platform}-7f4e9a"


@pytest.fixture
def world() -> MockPlatforms:
    stores = load_stores()
    return MockPlatforms(stores, {p: listings_for(p, stores) for p in PLANTS},
                         tokens={p: secret(p) for p in ENV})  # fmt: skip


@pytest.fixture
def env() -> dict[str, str]:
    return {var: secret(platform) for platform, var in ENV.items()}
