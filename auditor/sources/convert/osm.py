"""OpenStreetMap tags: a shop or amenity kept only under a lifecycle prefix (``disused:shop``,
``was:amenity``...) is closed; an object with its plain tag is open."""

from __future__ import annotations

from typing import Any

LIFECYCLE = ("disused:", "was:", "abandoned:", "demolished:", "razed:", "removed:")
KINDS = ("shop", "amenity", "office", "craft", "leisure", "tourism")


def status(value: Any) -> str | None:
    """The object's tags -> ``open`` / ``closed`` (OSM has no agreed temporary-closure tag)."""
    if not isinstance(value, dict):
        return None
    if any(k in value for k in KINDS):
        return "open"
    if any(k.startswith(LIFECYCLE) and k.split(":", 1)[1] in KINDS for k in value):
        return "closed"
    return None
