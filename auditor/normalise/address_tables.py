"""Tables for address folding: street types, unit words, state names (AU, US, CA, GB)."""

from __future__ import annotations

_STREET_TYPE_FORMS = {
    "st": ("st", "street", "str"),
    "rd": ("rd", "road"),
    "ave": ("ave", "av", "avenue"),
    "hwy": ("hwy", "highway"),
    "pde": ("pde", "parade"),
    "dr": ("dr", "drive", "drv"),
    "ct": ("ct", "court"),
    "cres": ("cres", "crescent", "cr", "cresc"),
    "pl": ("pl", "place"),
    "tce": ("tce", "terrace", "terr"),
    "blvd": ("blvd", "boulevard", "bvd"),
    "ln": ("ln", "lane"),
    "cl": ("cl", "close"),
    "cct": ("cct", "circuit"),
    "esp": ("esp", "esplanade"),
    "gr": ("gr", "grove"),
    "sq": ("sq", "square"),
    "way": ("way",),
    "mall": ("mall",),
    "pkwy": ("pkwy", "parkway"),
    "cir": ("cir", "circle"),
    "plz": ("plz", "plaza"),
    "tpke": ("tpke", "turnpike"),
    "gdns": ("gdns", "gardens"),
    "bypass": ("bypass", "byp"),
}
STREET_TYPES: dict[str, str] = {
    form: canonical for canonical, forms in _STREET_TYPE_FORMS.items() for form in forms
}

UNIT_WORDS = ("unit", "suite", "ste", "shop", "level", "lvl", "apt", "apartment", "flat", "shp", "u")

_AU = {
    "NSW": ("new south wales", "nsw"),
    "VIC": ("victoria", "vic"),
    "QLD": ("queensland", "qld"),
    "WA": ("western australia", "wa"),
    "SA": ("south australia", "sa"),
    "TAS": ("tasmania", "tas"),
    "ACT": ("australian capital territory", "act"),
    "NT": ("northern territory", "nt"),
}
_CA = {
    "AB": ("alberta", "ab"),
    "BC": ("british columbia", "bc"),
    "MB": ("manitoba", "mb"),
    "NB": ("new brunswick", "nb"),
    "NL": ("newfoundland and labrador", "newfoundland", "nl"),
    "NS": ("nova scotia", "ns"),
    "NT": ("northwest territories", "nt"),
    "NU": ("nunavut", "nu"),
    "ON": ("ontario", "on"),
    "PE": ("prince edward island", "pe", "pei"),
    "QC": ("quebec", "québec", "qc", "pq"),
    "SK": ("saskatchewan", "sk"),
    "YT": ("yukon", "yt"),
}
_US_NAMES = (
    "alabama al|alaska ak|arizona az|arkansas ar|california ca|colorado co|connecticut ct|"
    "delaware de|district of columbia dc|florida fl|georgia ga|hawaii hi|idaho id|illinois il|"
    "indiana in|iowa ia|kansas ks|kentucky ky|louisiana la|maine me|maryland md|massachusetts ma|"
    "michigan mi|minnesota mn|mississippi ms|missouri mo|montana mt|nebraska ne|nevada nv|"
    "new hampshire nh|new jersey nj|new mexico nm|new york ny|north carolina nc|north dakota nd|"
    "ohio oh|oklahoma ok|oregon or|pennsylvania pa|rhode island ri|south carolina sc|"
    "south dakota sd|tennessee tn|texas tx|utah ut|vermont vt|virginia va|washington wa|"
    "west virginia wv|wisconsin wi|wyoming wy"
)
_US = {
    entry.rsplit(" ", 1)[1].upper(): (entry.rsplit(" ", 1)[0], entry.rsplit(" ", 1)[1])
    for entry in _US_NAMES.split("|")
}
# GB addresses name a county or nation rarely and inconsistently; only the nations are folded.
_GB = {"ENG": ("england", "eng"), "SCT": ("scotland", "sct"), "WLS": ("wales", "wls"),
       "NIR": ("northern ireland", "nir")}


def _flatten(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {form: code for code, forms in table.items() for form in forms}


STATES: dict[str, dict[str, str]] = {
    "AU": _flatten(_AU),
    "CA": _flatten(_CA),
    "US": _flatten(_US),
    "GB": _flatten(_GB),
}
