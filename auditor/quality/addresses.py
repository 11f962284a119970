"""Address comparison on pairs generated from the shipped tables (``make quality``).

Equal pairs: every variant of every street type (USPS Pub 28 C1, G-NAF, libpostal en/de/fr/nl/es/it)
written in a realistic line of each country that uses the table, against the same line with the
type's canonical form; every unit and level designator (Pub 28 C2, libpostal) against ``Unit``/
``Level``; every English directional variant against its full form; English ordinal words against
``5th``; postcodes written with and without their prefix, space or hyphen. Different pairs: the same
lines with another house number, street name, postcode or unit, another street type (one that is
not a variant of the first) or the opposite direction. Figures: the share of equal pairs judged
equal, and the share of different pairs wrongly judged equal.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from auditor.normalise.address import compare_addresses, normalise_address
from auditor.normalise.address_tables import (
    DATA,
    country_format,
    directionals,
    ordinals,
    street_types,
    unit_designators,
)
from auditor.normalise.errors import NormaliseError
from auditor.quality.base import Metric, share

SUITE = "addresses"


@dataclass(frozen=True)
class _Country:
    code: str
    template: str  # {num} {street} {unit}: the street line; {place}: locality, region, postcode
    street: str  # how type and name combine: "{name} {type}" or "{type} {name}"
    names: tuple[str, ...]
    places: tuple[tuple[str, str], ...]  # (locality line, another postcode in the same form)


_COUNTRIES = (
    _Country("US", "{num} {street}, {place}", "{name} {type}", ("Lincoln", "Harrison", "Jefferson"),
             (("Springfield, IL 62701", "62702"), ("Palm Desert, CA 92260", "92211"))),
    _Country("GB", "{num} {street}, {place}", "{name} {type}", ("Kensington", "Ashford", "Wellington"),
             (("London SW1A 1AA", "SW1A 2AA"), ("Leeds LS1 4AP", "LS2 7EE"))),
    _Country("AU", "{num} {street}, {place}", "{name} {type}", ("Wattle", "Banksia", "Macquarie"),
             (("Parramatta NSW 2150", "2151"), ("Fitzroy VIC 3065", "3066"))),
    _Country("CA", "{num} {street}, {place}", "{name} {type}", ("Laurier", "Sherbrooke", "Granville"),
             (("Toronto, ON M5H 2M9", "M5J 2N8"), ("Ottawa, ON K1P 5G4", "K2P 1L4"))),
    _Country("DE", "{street} {num}, {place}", "{name} {type}", ("Goethe", "Schiller", "Linden"),
             (("10115 Berlin", "10117"), ("20095 Hamburg", "20097"))),
    _Country("NL", "{street} {num}, {place}", "{name} {type}", ("Kalver", "Linden", "Ruysdael"),
             (("1012 AB Amsterdam", "1013 CD"), ("3511 LX Utrecht", "3512 JE"))),
    _Country("FR", "{num} {street}, {place}", "{type} {name}", ("Victor Hugo", "de la Paix", "Pasteur"),
             (("75002 Paris", "75003"), ("69001 Lyon", "69002"))),
    _Country("ES", "{street} {num}, {place}", "{type} {name}", ("Mayor", "de Alcalá", "Cervantes"),
             (("28013 Madrid", "28014"), ("08001 Barcelona", "08002"))),
    _Country("IT", "{street} {num}, {place}", "{type} {name}", ("Garibaldi", "Roma", "Mazzini"),
             (("00184 Roma", "00185"), ("20121 Milano", "20122"))),
)


def _classes(vocabulary: dict[tuple[str, ...], frozenset[str]]) -> dict[str, set[str]]:
    """Class -> every written form of it (canonical included)."""
    forms: dict[str, set[str]] = {}
    for phrase, classes in vocabulary.items():
        for label in classes:
            forms.setdefault(label, {label}).add(" ".join(phrase))
    return forms


def _line(country: _Country, i: int, street_type: str, *, num: str = "", name: str = "", unit: str = "",
          place: str = "") -> str:
    name = name or country.names[i % len(country.names)]
    street = country.street.format(name=name, type=street_type)
    line = country.template.format(
        num=num or str(10 + i % 90), street=street,
        place=place or country.places[i % len(country.places)][0],
    )
    return f"{unit}, {line}" if unit else line


def _equal_pairs() -> Iterator[tuple[str, str, str, str]]:
    """(family, country, a, b) pairs naming the same address."""
    for country in _COUNTRIES:
        languages = country_format(country.code).languages
        forms = _classes(street_types(languages))
        i = 0
        for canonical, variants in sorted(forms.items()):
            for variant in sorted(variants - {canonical}):
                i += 1
                yield ("street type", country.code, _line(country, i, variant), _line(country, i, canonical))
        units = unit_designators(languages)
        street = "Street" if "en" in languages else sorted(forms)[0]
        for phrase, kinds in sorted(units.items()):
            i += 1
            canonical = _designator(languages, "level" if "level" in kinds else "unit")
            yield ("unit", country.code, _line(country, i, street, unit=f"{' '.join(phrase)} 5"),
                   _line(country, i, street, unit=f"{canonical} 5"))
        if "en" in languages:
            for canonical, variants in sorted(_classes(directionals(("en",))).items()):
                for variant in sorted(variants - {canonical}):
                    i += 1
                    yield ("directional", country.code, _line(country, i, f"Street {variant}"),
                           _line(country, i, f"Street {canonical}"))
                    yield ("directional", country.code,
                           _line(country, i, "Street", name=f"{variant} Lincoln"),
                           _line(country, i, "Street", name=f"{canonical} Lincoln"))
            for phrase, numeric in sorted(ordinals(("en",)).items()):
                i += 1
                yield ("ordinal", country.code, _line(country, i, "Avenue", name=" ".join(phrase).title()),
                       _line(country, i, "Ave.", name=numeric))
            yield ("unit", country.code, _line(country, i, "Street", unit="#100").replace("#100, ", "")
                   + "", _line(country, i, "Street", unit="Suite 100"))
    yield from _postcode_pairs()


def _designator(languages: tuple[str, ...], kind: str) -> str:
    """The canonical unit or level word of a country's first language (``Unit``, ``wohnung``)."""
    if "en" in languages:
        return "Unit" if kind == "unit" else "Level"
    name = "unit_types_numbered" if kind == "unit" else "level_types_numbered"
    path = DATA / "libpostal" / languages[0] / f"{name}.txt"
    return path.read_text(encoding="utf-8").split("|", 1)[0].split("\n", 1)[0]


def _postcode_pairs() -> Iterator[tuple[str, str, str, str]]:
    for a, b, code in (
        ("1 Main St, Palm Desert, CA 922626970", "1 Main St, Palm Desert, CA 92262-6970", "US"),
        ("1 Main St, Palm Desert, CA 92262 6970", "1 Main St, Palm Desert, CA 92262-6970", "US"),
        ("Hauptstraße 5, D-10115 Berlin", "Hauptstraße 5, 10115 Berlin", "DE"),
        ("Kalverstraat 92, 1012AB Amsterdam", "Kalverstraat 92, 1012 AB Amsterdam", "NL"),
        ("Kalverstraat 92, NL-1012 AB Amsterdam", "Kalverstraat 92, 1012 AB Amsterdam", "NL"),
        ("12 rue de la Paix, F-75002 Paris", "12 rue de la Paix, 75002 Paris", "FR"),
        ("Bahnhofstrasse 1, CH-8001 Zürich", "Bahnhofstrasse 1, 8001 Zürich", "CH"),
        ("89 High St, Ashford TN248SA", "89 High Street, Ashford TN24 8SA", "GB"),
        ("123 Queen St W, Toronto, ON M5H2M9", "123 Queen Street West, Toronto ON M5H 2M9", "CA"),
    ):
        yield ("postcode form", code, a, b)


def _different_pairs() -> Iterator[tuple[str, str, str, str]]:
    """(family, country, a, b) pairs naming different addresses."""
    for country in _COUNTRIES:
        languages = country_format(country.code).languages
        vocabulary = street_types(languages)
        forms = _classes(vocabulary)
        names = sorted(forms)
        for i, canonical in enumerate(names):
            other = names[(i * 7 + 3) % len(names)]
            if other == canonical or canonical in forms[other] or other in forms[canonical]:
                continue
            yield ("street type", country.code, _line(country, i, canonical), _line(country, i, other))
            for variant in sorted(forms[canonical] - forms[other])[:2]:
                yield ("street type", country.code, _line(country, i, variant), _line(country, i, other))
            if i % 4:
                continue
            yield ("number", country.code, _line(country, i, canonical, num="12"),
                   _line(country, i, canonical, num="14"))
            yield ("street name", country.code, _line(country, i, canonical, name=country.names[0]),
                   _line(country, i, canonical, name=country.names[1]))
            locality, postcode = country.places[i % len(country.places)]
            original = locality.split()[-1] if country.code not in ("GB", "CA", "NL") else " ".join(
                locality.split()[-2:]) if country.code != "NL" else " ".join(locality.split()[:2])
            yield ("postcode", country.code, _line(country, i, canonical),
                   _line(country, i, canonical, place=locality.replace(original, postcode)))
            yield ("unit", country.code, _line(country, i, canonical, unit="Unit 5" if "en" in languages else
                                               "Apt 5"),
                   _line(country, i, canonical, unit="Unit 6" if "en" in languages else "Apt 6"))
        if "en" in languages:
            for a, b in (("North", "South"), ("East", "West"), ("NW", "NE"), ("SW", "SE")):
                yield ("directional", country.code, _line(country, 1, f"Street {a}"),
                       _line(country, 1, f"Street {b}"))


def _judged_equal(country: str, a: str, b: str) -> bool | None:
    try:
        return compare_addresses(normalise_address(a, country), normalise_address(b, country)).equal
    except NormaliseError:
        return None


def _same_key(country: str, a: str, b: str) -> bool:
    try:
        return normalise_address(a, country).key == normalise_address(b, country).key
    except NormaliseError:
        return False


def measure(data_dir: Path) -> list[Metric]:
    equal = Counter()
    equal_total = Counter()
    misses: Counter[str] = Counter()
    keys = 0
    for family, country, a, b in _equal_pairs():
        equal_total[family] += 1
        keys += _same_key(country, a, b)
        if _judged_equal(country, a, b):
            equal[family] += 1
        else:
            misses[f"{country}: {a} / {b}"] += 1
    wrong = Counter()
    different_total = Counter()
    wrong_examples: list[str] = []
    for family, country, a, b in _different_pairs():
        different_total[family] += 1
        if _judged_equal(country, a, b):
            wrong[family] += 1
            wrong_examples.append(f"{country}: {a} / {b}")
    hits, total = sum(equal.values()), sum(equal_total.values())
    bad, pairs = sum(wrong.values()), sum(different_total.values())
    metrics = [
        Metric(SUITE, "variant pairs judged equal", share(hits, total), ">= 0.99",
               f"{hits}/{total}" + (f"; e.g. {next(iter(misses))}" if misses else "")),
        Metric(SUITE, "different pairs judged equal", share(bad, pairs), "== 0",
               f"{bad}/{pairs}" + (f"; e.g. {wrong_examples[0]}" if wrong_examples else "")),
    ]
    metrics.append(Metric(SUITE, "variant pairs with one canonical key", share(keys, total), "",
                          f"{keys}/{total} (the rest are abbreviations of several types, e.g. Br)"))
    for family in sorted(equal_total):
        metrics.append(Metric(SUITE, f"equal: {family}", share(equal[family], equal_total[family]), "",
                              f"{equal[family]}/{equal_total[family]}"))
    for family in sorted(different_total):
        metrics.append(Metric(SUITE, f"different: {family}", share(wrong[family], different_total[family]),
                              "", f"{wrong[family]}/{different_total[family]} judged equal"))
    return metrics


def failures() -> tuple[list[str], list[str]]:
    """The equal pairs judged different and the different pairs judged equal (for inspection)."""
    missed = [f"{f} {c}: {a} | {b}" for f, c, a, b in _equal_pairs() if not _judged_equal(c, a, b)]
    wrong = [f"{f} {c}: {a} | {b}" for f, c, a, b in _different_pairs() if _judged_equal(c, a, b)]
    return missed, wrong
