"""Phone numbers on real store rows (``make quality``): tests/data/locations/starbucks_gb_ca.csv.

Parse rate: of the numbers phonenumbers itself calls valid for the row's country, the share our
normaliser reads to the same E.164 number. Extensions: each valid number written with an extension
in every form the normaliser documents must give ``E.164;ext=N``, read back unchanged, and differ
from the number without it and with another extension.
"""

from __future__ import annotations

import csv
from pathlib import Path

import phonenumbers

from auditor.normalise.errors import NormaliseError
from auditor.normalise.phone import normalise_phone
from auditor.quality.base import Metric, share

SUITE = "phones"
EXTENSION_FORMS = (
    "{n} ext. {x}", "{n} x{x}", "{n} extension {x}", "{n} #{x}", "{n};ext={x}", "{n} poste {x}",
    "{n} Durchwahl {x}", "{n} (Durchwahl: {x})", "{n} Dw. {x}", "{n} toestel {x}", "{n} interno {x}",
    "tel:{n};ext={x}",
)


def _rows(data_dir: Path) -> list[tuple[str, str]]:
    with (data_dir / "locations" / "starbucks_gb_ca.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [(r["Phone Number"].strip(), r["Country"]) for r in rows if r["Phone Number"]]


def _valid(raw: str, country: str) -> str:
    """E.164 when phonenumbers calls the number valid, else ""."""
    try:
        number = phonenumbers.parse(raw, country)
    except phonenumbers.NumberParseException:
        return ""
    if not phonenumbers.is_valid_number(number):
        return ""
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _ours(raw: str, country: str) -> str:
    try:
        return normalise_phone(raw, country)
    except NormaliseError:
        return ""


def measure(data_dir: Path) -> list[Metric]:
    rows = _rows(data_dir)
    valid = [(raw, country, e164) for raw, country in rows if (e164 := _valid(raw, country))]
    read = [(raw, country, e164) for raw, country, e164 in valid if _ours(raw, country) == e164]
    missed = next((raw for raw, country, e164 in valid if _ours(raw, country) != e164), "")
    trips = good = 0
    failed = ""
    for index, (raw, country, e164) in enumerate(valid[:200]):
        extension = str(10 + index % 990)
        for form in EXTENSION_FORMS:
            trips += 1
            written = form.format(n=raw if not form.startswith("tel:") else e164, x=extension)
            value = _ours(written, country)
            ok = (
                value == f"{e164};ext={extension}"
                and _ours(value, country) == value
                and value != _ours(raw, country)
                and value != _ours(form.format(n=raw, x=str(int(extension) + 1)), country)
            )
            good += ok
            failed = failed or ("" if ok else f"{written!r} -> {value!r}")
    example = f"; e.g. {missed!r}" if missed else ""
    return [
        Metric(SUITE, "valid numbers read", share(len(read), len(valid)), "== 1.0",
               f"{len(read)}/{len(valid)} valid of {len(rows)} rows{example}"),
        Metric(SUITE, "all numbers read", share(len(read), len(rows)), "",
               f"{len(read)}/{len(rows)} (the rest are not valid numbers)"),
        Metric(SUITE, "extension round-trips", share(good, trips), "== 1.0",
               f"{good}/{trips}" + (f"; e.g. {failed}" if failed else "")),
    ]
