"""Normalisers: raw values as sites show them -> one comparable form each."""

from auditor.normalise.address import Address, addresses_match, normalise_address
from auditor.normalise.colours import colours_from_css, delta_e, is_neutral, nearest_palette
from auditor.normalise.errors import NormaliseError
from auditor.normalise.fonts import font_family_key, fonts_from_css
from auditor.normalise.hours import (
    HoursError,
    WeeklyHours,
    format_hours,
    parse_holiday_hours,
    parse_hours,
)
from auditor.normalise.language import detect_language
from auditor.normalise.logos import hash_distance, logo_hash
from auditor.normalise.names import contains_name, name_similarity, normalise_name
from auditor.normalise.phone import normalise_phone
from auditor.normalise.text import visible_text
from auditor.normalise.urls import normalise_url

__all__ = [
    "Address", "HoursError", "NormaliseError", "WeeklyHours", "addresses_match", "colours_from_css",
    "contains_name", "delta_e", "detect_language", "font_family_key", "fonts_from_css",
    "format_hours", "hash_distance", "is_neutral", "logo_hash", "name_similarity",
    "nearest_palette", "normalise_address", "normalise_name", "normalise_phone", "normalise_url",
    "parse_holiday_hours", "parse_hours", "visible_text",
]
