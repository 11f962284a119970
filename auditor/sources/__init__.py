"""Listing platforms as ready sources: one YAML preset per platform (``presets/``), the
platform's hours and status converted to the auditor's forms (``convert/``), credentials from
environment variables, rate limits, daily budgets and ``store: findings_only`` retention.

A ``sources:`` block with ``preset: NAME`` is expanded into a full source block before the spec
is validated (:func:`auditor.sources.presets.expand_presets`).
"""

from __future__ import annotations

from auditor.sources.settings import PLATFORM_ID_COLUMNS, PlatformSettings

__all__ = ["PLATFORM_ID_COLUMNS", "PlatformSettings"]
