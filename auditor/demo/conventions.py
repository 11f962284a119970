"""Conventions of the variant demo worlds: countries, languages and the ways sites write things.

Each variant world draws, from its seed, the countries its roster spans, the markup each source
uses, how hours, addresses, phones, stars and dates are written, where reviews live and how
index pages paginate. The tables hold facts (day names, postcode and phone shapes, legal
suffixes), not expectations about any reader.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

import phonenumbers


@dataclass(frozen=True)
class Country:
    """How one country writes addresses and phones, and what its stores must say."""

    code: str
    languages: tuple[str, ...]
    # (locality, state or "", postcode, phone area code in national form, region)
    cities: tuple[tuple[str, str, str, str, str], ...]
    # (street as the roster writes it, as signs and listings abbreviate it)
    streets: tuple[tuple[str, str], ...]
    number_first: bool  # "12 High Street" (True) or "Hauptstraße 12" (False)
    number_comma: bool = False  # "Calle Mayor, 12"
    state_names: dict[str, str] = field(default_factory=dict)
    legal_suffix: str = ""
    disclaimer: dict[str, str] = field(default_factory=dict)  # language -> required line


COUNTRIES: dict[str, Country] = {
    "AU": Country(
        "AU",
        ("en",),
        (
            ("Parramatta", "NSW", "2150", "02", "NSW"),
            ("Richmond", "VIC", "3121", "03", "VIC"),
            ("Fortitude Valley", "QLD", "4006", "07", "QLD"),
            ("Fremantle", "WA", "6160", "08", "WA"),
        ),
        (("George Street", "George St"), ("Church Road", "Church Rd"), ("Beach Parade", "Beach Pde")),
        True,
        state_names={
            "NSW": "New South Wales",
            "VIC": "Victoria",
            "QLD": "Queensland",
            "WA": "Western Australia",
        },
        legal_suffix="Pty Ltd",
        disclaimer={"en": "Prices include GST."},
    ),
    "GB": Country(
        "GB",
        ("en",),
        (
            ("London", "", "EC2A 4NE", "020", "London"),
            ("Manchester", "", "M1 1AE", "0161", "North West"),
            ("Birmingham", "", "B1 1BB", "0121", "Midlands"),
            ("Leeds", "", "LS1 4AP", "0113", "North East"),
            ("Bristol", "", "BS1 4DJ", "0117", "South West"),
            ("Edinburgh", "", "EH1 1YZ", "0131", "Scotland"),
        ),
        (("High Street", "High St"), ("Station Road", "Station Rd"), ("Church Lane", "Church Ln")),
        True,
        legal_suffix="Ltd",
        disclaimer={"en": "Prices include VAT."},
    ),
    "US": Country(
        "US",
        ("en",),
        (
            ("Seattle", "WA", "98101", "206", "West"),
            ("Portland", "OR", "97205", "503", "West"),
            ("San Francisco", "CA", "94103", "415", "West"),
            ("Austin", "TX", "78701", "512", "South"),
            ("Chicago", "IL", "60601", "312", "Midwest"),
            ("Boston", "MA", "02108", "617", "East"),
        ),
        (("Main Street", "Main St"), ("Pine Street", "Pine St"), ("Congress Avenue", "Congress Ave")),
        True,
        state_names={
            "WA": "Washington",
            "OR": "Oregon",
            "CA": "California",
            "TX": "Texas",
            "IL": "Illinois",
            "MA": "Massachusetts",
        },
        legal_suffix="Inc.",
        disclaimer={"en": "Prices exclude sales tax."},
    ),
    "CA": Country(
        "CA",
        ("en",),
        (
            ("Toronto", "ON", "M5V 2T6", "416", "Ontario"),
            ("Ottawa", "ON", "K1P 5G4", "613", "Ontario"),
            ("Vancouver", "BC", "V6B 1A1", "604", "West"),
            ("Calgary", "AB", "T2P 1J9", "403", "West"),
            ("Halifax", "NS", "B3J 1S9", "902", "Atlantic"),
        ),
        (
            ("King Street West", "King St W"),
            ("Granville Street", "Granville St"),
            ("Queen Street", "Queen St"),
        ),
        True,
        state_names={
            "ON": "Ontario",
            "BC": "British Columbia",
            "AB": "Alberta",
            "NS": "Nova Scotia",
        },
        legal_suffix="Inc.",
        disclaimer={"en": "Prices exclude applicable taxes."},
    ),
    "DE": Country(
        "DE",
        ("de",),
        (
            ("Hamburg", "", "20095", "040", "Nord"),
            ("Berlin", "", "10115", "030", "Ost"),
            ("München", "", "80331", "089", "Süd"),
            ("Köln", "", "50667", "0221", "West"),
            ("Frankfurt am Main", "", "60311", "069", "West"),
            ("Leipzig", "", "04109", "0341", "Ost"),
        ),
        (
            ("Mönckebergstraße", "Mönckebergstr."),
            ("Hauptstraße", "Hauptstr."),
            ("Schillerstraße", "Schillerstr."),
            ("Bahnhofstraße", "Bahnhofstr."),
        ),
        False,
        legal_suffix="GmbH",
        disclaimer={"de": "Preise inkl. MwSt."},
    ),
    "AT": Country(
        "AT",
        ("de",),
        (
            ("Wien", "", "1010", "01", "Wien"),
            ("Graz", "", "8010", "0316", "Süd"),
            ("Linz", "", "4020", "0732", "Nord"),
            ("Salzburg", "", "5020", "0662", "West"),
        ),
        (
            ("Kärntner Straße", "Kärntner Str."),
            ("Mariahilfer Straße", "Mariahilfer Str."),
            ("Landstraßer Hauptstraße", "Landstraßer Hauptstr."),
        ),
        False,
        legal_suffix="GmbH",
        disclaimer={"de": "Preise inkl. MwSt."},
    ),
    "FR": Country(
        "FR",
        ("fr",),
        (
            ("Paris", "", "75002", "01", "Île-de-France"),
            ("Lyon", "", "69002", "04", "Sud-Est"),
            ("Marseille", "", "13001", "04", "Sud-Est"),
            ("Lille", "", "59000", "03", "Nord"),
            ("Bordeaux", "", "33000", "05", "Sud-Ouest"),
            ("Nantes", "", "44000", "02", "Ouest"),
        ),
        (
            ("avenue Jean Jaurès", "av. Jean Jaurès"),
            ("boulevard Voltaire", "bd Voltaire"),
            ("avenue de la Gare", "av. de la Gare"),
            ("boulevard Gambetta", "bd Gambetta"),
        ),
        True,
        legal_suffix="SAS",
        disclaimer={"fr": "Prix TTC"},
    ),
    "NL": Country(
        "NL",
        ("nl",),
        (
            ("Amsterdam", "", "1012 AB", "020", "Noord"),
            ("Rotterdam", "", "3011 AD", "010", "Zuid"),
            ("Utrecht", "", "3511 AX", "030", "Midden"),
            ("Den Haag", "", "2511 BT", "070", "Zuid"),
            ("Eindhoven", "", "5611 AH", "040", "Zuid"),
        ),
        (("Kalverstraat", "Kalverstr."), ("Hoogstraat", "Hoogstr."), ("Stationsstraat", "Stationsstr.")),
        False,
        legal_suffix="B.V.",
        disclaimer={"nl": "Prijzen incl. btw"},
    ),
    "BE": Country(
        "BE",
        ("fr", "nl"),
        (
            ("Bruxelles", "", "1000", "02", "Bruxelles"),
            ("Liège", "", "4000", "04", "Wallonie"),
            ("Antwerpen", "", "2000", "03", "Vlaanderen"),
            ("Gent", "", "9000", "09", "Vlaanderen"),
        ),
        (("Boulevard Anspach", "Bd Anspach"), ("Avenue Louise", "Av. Louise"), ("Veldstraat", "Veldstr.")),
        False,
        legal_suffix="SRL",
        disclaimer={"fr": "Prix TTC", "nl": "Prijzen incl. btw"},
    ),
    "ES": Country(
        "ES",
        ("es",),
        (
            ("Madrid", "", "28013", "91", "Centro"),
            ("Barcelona", "", "08002", "93", "Este"),
            ("Valencia", "", "46002", "96", "Este"),
            ("Sevilla", "", "41004", "95", "Sur"),
        ),
        (
            ("Calle Mayor", "C/ Mayor"),
            ("Avenida de la Constitución", "Avda. de la Constitución"),
            ("Calle de Alcalá", "C/ de Alcalá"),
        ),
        False,
        number_comma=True,
        legal_suffix="S.L.",
        disclaimer={"es": "IVA incluido"},
    ),
    "IT": Country(
        "IT",
        ("it",),
        (
            ("Roma", "", "00186", "06", "Centro"),
            ("Milano", "", "20121", "02", "Nord"),
            ("Torino", "", "10121", "011", "Nord"),
            ("Firenze", "", "50122", "055", "Centro"),
        ),
        (
            ("Via Giuseppe Garibaldi", "Via G. Garibaldi"),
            ("Corso Vittorio Emanuele II", "C.so Vittorio Emanuele II"),
        ),
        False,
        number_comma=True,
        legal_suffix="S.r.l.",
        disclaimer={"it": "Prezzi IVA inclusa"},
    ),
}

# the roster mixes, one per seed (seed % len): single- and multi-country brands
MIXES: tuple[tuple[str, ...], ...] = (
    ("GB", "US", "CA"),
    ("DE", "AT", "FR", "BE", "NL"),
    ("DE",),
    ("FR",),
    ("US",),
    ("NL", "BE"),
    ("ES", "IT"),
    ("GB", "AU"),
)

DAY_KEYS = ("mo", "tu", "we", "th", "fr", "sa", "su")
DAY_NAMES = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "de": ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "nl": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
    "es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
    "it": ("lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"),
}
DAY_SHORT = {
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    "de": ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"),
    "fr": ("lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."),
    "nl": ("ma", "di", "wo", "do", "vr", "za", "zo"),
    "es": ("lun", "mar", "mié", "jue", "vie", "sáb", "dom"),
    "it": ("lun", "mar", "mer", "gio", "ven", "sab", "dom"),
}
CLOSED = {
    "en": "Closed",
    "de": "geschlossen",
    "fr": "fermé",
    "nl": "gesloten",
    "es": "cerrado",
    "it": "chiuso",
}
AND = {"en": "and", "de": "und", "fr": "et", "nl": "en", "es": "y", "it": "e"}
MONTHS = {
    "en": ("January February March April May June July August September October November December"),
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
}
TEMP_CLOSED = {
    "en": "Temporarily closed",
    "de": "Vorübergehend geschlossen",
    "fr": "Fermé temporairement",
    "nl": "Tijdelijk gesloten",
    "es": "Cerrado temporalmente",
    "it": "Chiuso temporaneamente",
}
PERM_CLOSED = {
    "en": "Permanently closed",
    "de": "Dauerhaft geschlossen",
    "fr": "Définitivement fermé",
    "nl": "Permanent gesloten",
    "es": "Cerrado permanentemente",
    "it": "Chiuso definitivamente",
}
NEXT = {
    "en": "Next",
    "de": "Weiter",
    "fr": "Suivant",
    "nl": "Volgende",
    "es": "Siguiente",
    "it": "Successivo",
}
FORBIDDEN = {
    "en": "Cheapest in town",
    "de": "Billigste der Stadt",
    "fr": "Le moins cher de la ville",
    "nl": "Goedkoopste van de stad",
    "es": "El más barato de la ciudad",
    "it": "Il più economico della città",
}
STORES_PATH = {
    "en": "stores",
    "de": "filialen",
    "fr": "boutiques",
    "nl": "winkels",
    "es": "tiendas",
    "it": "negozi",
}

# hours patterns per language: day -> ranges (lunch breaks where shops close at midday)
HOURS_PATTERNS: dict[str, tuple[dict[str, tuple[tuple[str, str], ...]], ...]] = {
    "en": (
        {
            **{d: (("07:00", "18:00"),) for d in DAY_KEYS[:5]},
            "sa": (("08:00", "17:00"),),
            "su": (("09:00", "15:00"),),
        },
        {**{d: (("07:30", "17:30"),) for d in DAY_KEYS[:5]}, "sa": (("08:30", "16:00"),), "su": ()},
        {  # late opening on Thursdays
            **{d: (("07:00", "18:00"),) for d in DAY_KEYS[:5]},
            "th": (("07:00", "21:00"),),
            "sa": (("08:00", "17:00"),),
            "su": (),
        },
    ),
    "de": (
        {**{d: (("06:30", "18:30"),) for d in DAY_KEYS[:5]}, "sa": (("07:00", "13:00"),), "su": ()},
        {**{d: (("07:00", "19:00"),) for d in DAY_KEYS[:6]}, "su": (("08:00", "11:00"),)},
        {
            **{d: (("06:30", "18:30"),) for d in DAY_KEYS[:5]},
            "th": (("06:30", "20:00"),),
            "sa": (("07:00", "13:00"),),
            "su": (),
        },
    ),
    "fr": (
        {
            **{d: (("09:30", "12:30"), ("14:00", "19:00")) for d in DAY_KEYS[1:6]},
            "mo": (),
            "su": (("08:00", "13:00"),),
        },
        {**{d: (("07:00", "19:30"),) for d in DAY_KEYS[:6]}, "su": ()},
    ),
    "nl": (
        {
            **{d: (("09:00", "18:00"),) for d in DAY_KEYS[:5]},
            "sa": (("09:00", "17:00"),),
            "su": (("12:00", "17:00"),),
        },
        {  # koopavond: open late on Thursdays
            **{d: (("09:00", "18:00"),) for d in DAY_KEYS[:5]},
            "th": (("09:00", "21:00"),),
            "sa": (("09:00", "17:00"),),
            "su": (),
        },
    ),
    "es": (
        {
            **{d: (("09:30", "14:00"), ("17:00", "20:30")) for d in DAY_KEYS[:5]},
            "sa": (("10:00", "14:00"),),
            "su": (),
        },
    ),
    "it": ({**{d: (("09:00", "13:00"), ("15:30", "19:30")) for d in DAY_KEYS[:6]}, "su": ()},),
}


@dataclass(frozen=True)
class Brand:
    name: str
    slug: str
    and_word: str  # the brand's "&" written out in its own language
    business_type: str  # schema.org type
    retired: str
    fonts: tuple[str, str]
    fallbacks: tuple[str, str]  # the stacks after each brand font
    palette: tuple[str, str]
    tagline: dict[str, str]


BRANDS = {
    "en": Brand(
        "Bean & Leaf",
        "beanleaf",
        "and",
        "CafeOrCoffeeShop",
        "Leafy Bean",
        ("Lato", "Playfair Display"),
        ('"Helvetica Neue", Arial, sans-serif', "Georgia, serif"),
        ("#2E5E4E", "#D98E04"),
        {"en": "Good coffee, every day."},
    ),
    "de": Brand(
        "Müller & Söhne",
        "muellersoehne",
        "und",
        "Bakery",
        "Backstube Müller",
        ("Source Sans 3", "Merriweather"),
        ("Arial, sans-serif", "Georgia, serif"),
        ("#7A3B12", "#F2C14E"),
        {"de": "Jeden Tag frisch.", "fr": "Frais chaque jour.", "nl": "Elke dag vers."},
    ),
    "fr": Brand(
        "Pain & Cie",
        "painetcie",
        "et",
        "Bakery",
        "Le Fournil Doré",
        ("Raleway", "Libre Baskerville"),
        ("Arial, sans-serif", "Georgia, serif"),
        ("#1D3557", "#E63946"),
        {"fr": "Le bon pain du quartier."},
    ),
    "nl": Brand(
        "Koffie & Koek",
        "koffiekoek",
        "en",
        "CafeOrCoffeeShop",
        "Koffiehuis Jansen",
        ("Nunito", "Lora"),
        ("Verdana, sans-serif", "Georgia, serif"),
        ("#264653", "#E9C46A"),
        {"nl": "Koffie zoals het hoort.", "fr": "Le café comme il se doit."},
    ),
    "es": Brand(
        "Forno & Co",
        "fornoco",
        "y",
        "Bakery",
        "Panadería Antigua",
        ("Open Sans", "Crimson Text"),
        ("Arial, sans-serif", '"Times New Roman", serif'),
        ("#6D2E46", "#F4A261"),
        {"es": "Pan de verdad.", "it": "Pane vero."},
    ),
}


@dataclass(frozen=True)
class SourceStyle:
    """How one directory writes its pages."""

    id: str
    host: str
    markup: str  # jsonld | jsonld_graph | microdata | rdfa | css | json_api
    pagination: str  # rel_next | next_class | numbered | offset | api_next (JSON: paging.next)
    hours: str  # shown: "rows" (a day per row) | "grouped" (Mo-Fr ...) | "none" (not shown)
    clock: str  # 24h | 12h
    holidays: bool = False  # shows holiday hours (schema.org specialOpeningHoursSpecification)


@dataclass(frozen=True)
class Conventions:
    """Everything a variant world draws from its seed."""

    seed: int
    countries: tuple[str, ...]
    language: str  # the brand's first language
    brand: Brand
    site_markup: str  # jsonld | jsonld_graph | microdata | rdfa
    site_clock: str
    directories: tuple[SourceStyle, ...]
    reviews_where: str  # separate | embedded
    stars: str  # attr | fraction | glyphs | aria | class | width | none
    dates: str  # iso | text | numeric (in the country's order) | none
    replies: bool
    review_pagination: str
    review_markup: str = "html"  # html | jsonld (schema.org Review objects on the store page)
    # the brand's pages name their store id (schema.org branchCode); else pages are matched by URL,
    # and the roster may write the URL another way (no trailing slash, https)
    site_store_ref: bool = True
    roster_house_number: bool = False  # the roster keeps the house number in its own column
    # a directory whose listing pages show their data only through a script: the crawl reads nothing
    script_directory: SourceStyle | None = None

    def as_dict(self) -> dict:
        return {
            "seed": self.seed,
            "countries": list(self.countries),
            "language": self.language,
            "brand": self.brand.name,
            "site_markup": self.site_markup,
            "site_clock": self.site_clock,
            "directories": [vars(d) for d in self.directories],
            "reviews_where": self.reviews_where,
            "stars": self.stars,
            "dates": self.dates,
            "replies": self.replies,
            "review_pagination": self.review_pagination,
            "review_markup": self.review_markup,
            "script_directory": vars(self.script_directory) if self.script_directory else None,
            "site_store_ref": self.site_store_ref,
            "roster_house_number": self.roster_house_number,
        }


DIRECTORY_HOSTS = (
    ("cityfinder", "cityfinder.example"),
    ("placebook", "placebook.example"),
    ("localguide", "localguide.example"),
    ("mapspot", "mapspot.example"),
)
MARKUPS = ("jsonld", "jsonld_graph", "microdata", "rdfa", "css")


def languages_of(countries: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for code in countries:
        for lang in COUNTRIES[code].languages:
            if lang not in out:
                out.append(lang)
    return out


def choose(seed: int) -> Conventions:
    """The conventions of variant world ``seed`` (the same seed, the same choices)."""
    rng = random.Random(f"conventions-{seed}")
    countries = MIXES[seed % len(MIXES)]
    language = languages_of(countries)[0]
    brand = BRANDS[language if language in BRANDS else "en"]
    uses_12h = any(c in ("US", "CA", "AU") for c in countries)
    hosts = rng.sample(DIRECTORY_HOSTS, 2)
    markups = rng.sample(MARKUPS, 2)
    paginations = rng.sample(("rel_next", "next_class", "numbered", "offset"), 2)
    hours_styles = ["rows", rng.choice(("grouped", "none"))]
    rng.shuffle(hours_styles)
    directories = tuple(
        SourceStyle(
            source_id,
            host,
            markups[i],
            paginations[i],
            hours_styles[i],
            "12h" if uses_12h and rng.random() < 0.7 else "24h",
            # holiday hours where a directory shows regular hours in structured data
            holidays=markups[i] != "css" and hours_styles[i] != "none" and seed % 2 == 1,
        )
        for i, (source_id, host) in enumerate(hosts)
    )
    # a places API beside the directories: hours as text lines, in the store's language
    api_clock = "12h" if uses_12h else "24h"
    directories += (
        SourceStyle("placesapi", "api.placesapi.example", "json_api", "api_next", "rows", api_clock),
    )
    return Conventions(
        seed=seed,
        countries=countries,
        language=language,
        brand=brand,
        # rotated with the seed, so any run of consecutive seeds covers every form
        site_markup=("jsonld_graph", "microdata", "rdfa", "jsonld")[seed % 4],
        site_clock="12h" if uses_12h and rng.random() < 0.5 else "24h",
        directories=directories,
        reviews_where=("separate", "embedded")[(seed // 2) % 2],
        # (seeds 3 and 7 rate in schema.org Review objects; 4 shows no stars at all, text only)
        stars=("glyphs", "fraction", "aria", "attr", "none", "width", "class", "attr")[
            seed % 8
        ],  # 3, 7: unused
        dates=("numeric", "text", "numeric", "none", "iso", "text", "iso", "none")[seed % 8],
        replies=seed % 4 != 1,
        review_pagination=rng.choice(("rel_next", "next_class")),
        review_markup="jsonld" if seed % 4 == 3 else "html",  # embedded in a JSON-LD store page
        site_store_ref=seed % 3 != 0,
        roster_house_number=seed % 8 in (2, 5),
        script_directory=SourceStyle("citymap", "citymap.example", "script", "next_class", "none", "24h")
        if seed % 4 == 2
        else None,
    )


def phone(rng: random.Random, country: str, area: str) -> phonenumbers.PhoneNumber:
    """A number in ``area`` that the numbering plan accepts (as a real roster holds)."""
    for _ in range(2000):
        length = rng.choice((6, 7, 8))
        digits = area + str(rng.randint(2, 9)) + "".join(rng.choice("0123456789") for _ in range(length - 1))
        number = phonenumbers.parse(digits, country)
        if phonenumbers.is_valid_number(number):
            return number
    raise ValueError(f"no valid phone number found for {country} area {area}")


def national(number: phonenumbers.PhoneNumber) -> str:
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)


def international(number: phonenumbers.PhoneNumber) -> str:
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
