"""Normalisers: raw values as sites show them -> one comparable form each.

The names below are the public API (documented with examples in docs/normalise.md)."""

from auditor.normalise.address import (
    Address,
    AddressComparison,
    addresses_match,
    compare_addresses,
    normalise_address,
)
from auditor.normalise.colours import colours_from_css, delta_e, is_neutral, nearest_palette
from auditor.normalise.errors import NormaliseError
from auditor.normalise.fonts import font_family_key, fonts_from_css
from auditor.normalise.hours import (
    HoursError,
    WeeklyHours,
    format_hours,
    hours_to_osm,
    parse_holiday_hours,
    parse_hours,
)
from auditor.normalise.language import detect_language
from auditor.normalise.logos import hash_distance, logo_hash
from auditor.normalise.names import contains_name, fold_name, name_similarity, names_match, normalise_name
from auditor.normalise.phone import normalise_phone, phone_extension
from auditor.normalise.status import StatusError, normalise_status
from auditor.normalise.text import visible_text
from auditor.normalise.urls import normalise_url

__all__ = [
    "Address", "AddressComparison", "HoursError", "NormaliseError", "StatusError", "WeeklyHours",
    "addresses_match",
    "colours_from_css", "compare_addresses", "contains_name", "delta_e", "detect_language", "fold_name",
    "font_family_key", "fonts_from_css", "format_hours", "hash_distance", "hours_to_osm", "is_neutral",
    "logo_hash", "name_similarity", "names_match", "nearest_palette", "normalise_address",
    "normalise_name", "normalise_phone", "normalise_status", "normalise_url", "parse_holiday_hours",
    "parse_hours", "phone_extension", "visible_text",
]
