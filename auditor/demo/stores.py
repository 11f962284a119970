"""The demo brand's stores: realistic Australian suburbs, streets, phones and hours."""

from __future__ import annotations

import random
from dataclasses import dataclass

import phonenumbers

# state -> (phone area code, first local digit choices, [(suburb, postcode)])
STATES: dict[str, tuple[str, str, list[tuple[str, str]]]] = {
    "NSW": (
        "02",
        "4689",
        [
            ("Parramatta", "2150"),
            ("Penrith", "2750"),
            ("Chatswood", "2067"),
            ("Liverpool", "2170"),
            ("Hornsby", "2077"),
            ("Castle Hill", "2154"),
            ("Bondi Junction", "2022"),
            ("Newcastle", "2300"),
            ("Wollongong", "2500"),
            ("Campbelltown", "2560"),
            ("Blacktown", "2148"),
            ("Alexandria", "2015"),
        ],
    ),
    "VIC": (
        "03",
        "589",
        [
            ("Richmond", "3121"),
            ("Box Hill", "3128"),
            ("Frankston", "3199"),
            ("Geelong", "3220"),
            ("Ringwood", "3134"),
            ("Essendon", "3040"),
            ("Dandenong", "3175"),
            ("Ballarat", "3350"),
            ("Moorabbin", "3189"),
        ],
    ),
    "QLD": (
        "07",
        "3457",
        [
            ("Fortitude Valley", "4006"),
            ("Chermside", "4032"),
            ("Toowoomba", "4350"),
            ("Southport", "4215"),
            ("Ipswich", "4305"),
            ("Cairns", "4870"),
            ("Maroochydore", "4558"),
            ("Townsville", "4810"),
        ],
    ),
    "WA": (
        "08",
        "69",
        [
            ("Osborne Park", "6017"),
            ("Joondalup", "6027"),
            ("Cannington", "6107"),
            ("Midland", "6056"),
            ("Fremantle", "6160"),
            ("Bunbury", "6230"),
        ],
    ),
    "SA": (
        "08",
        "78",
        [
            ("Mile End", "5031"),
            ("Marion", "5043"),
            ("Modbury", "5092"),
            ("Mount Barker", "5251"),
            ("Elizabeth", "5112"),
        ],
    ),
}
STATE_WEIGHTS = {"NSW": 0.32, "VIC": 0.27, "QLD": 0.2, "WA": 0.12, "SA": 0.09}
STATE_NAMES = {
    "NSW": "New South Wales",
    "VIC": "Victoria",
    "QLD": "Queensland",
    "WA": "Western Australia",
    "SA": "South Australia",
}
STREETS = (
    "George",
    "Church",
    "Victoria",
    "Parramatta",
    "Pacific",
    "Princes",
    "High",
    "Station",
    "King",
    "Queen",
    "Main",
    "Railway",
    "Military",
    "Anzac",
    "Gympie",
    "Stirling",
    "Sturt",
    "Burwood",
    "Canterbury",
    "Whitehorse",
    "Nepean",
    "Brunswick",
    "Elizabeth",
    "Hay",
    "Market",
)
STREET_TYPES = (
    ("Street", "St"),
    ("Road", "Rd"),
    ("Highway", "Hwy"),
    ("Parade", "Pde"),
    ("Avenue", "Ave"),
    ("Drive", "Dr"),
)
HOURS_PATTERNS = (
    "Mo-Fr 09:00-17:30; Sa 09:00-17:00; Su 10:00-16:00",
    "Mo-We 09:00-17:30; Th 09:00-21:00; Fr 09:00-17:30; Sa 09:00-17:00; Su 10:00-16:00",
    "Mo-Sa 09:00-17:30; Su 10:00-17:00",
    "Mo-Fr 09:30-18:00; Sa-Su 10:00-17:00",
)
HOLIDAY_HOURS = "2026-12-25 closed; 2026-12-26 10:00-16:00; 2027-01-01 closed"


@dataclass
class Store:
    """One store as the roster (the source of truth) knows it."""

    store_id: str
    name: str
    state: str
    locality: str
    postcode: str
    unit: str
    number: str
    street_name: str
    street_type: str
    street_abbrev: str
    phone: str
    hours: str
    holiday_hours: str
    slug: str
    status: str
    opened: str

    @property
    def street(self) -> str:
        line = f"{self.number} {self.street_name} {self.street_type}"
        return f"Unit {self.unit}, {line}" if self.unit else line

    @property
    def website(self) -> str:
        return f"http://www.furnco.example/stores/{self.slug}/"

    @property
    def suburb(self) -> str:
        return self.name.removeprefix("Furn.Co ")

    def roster_row(self) -> dict[str, str]:
        return {
            "store_id": self.store_id,
            "name": self.name,
            "region": self.state,
            "street": self.street,
            "locality": self.locality,
            "state": self.state,
            "postcode": self.postcode,
            "country": "AU",
            "phone": self.phone,
            "hours": self.hours,
            "holiday_hours": self.holiday_hours,
            "website": self.website,
            "status": self.status,
            "opened": self.opened,
        }


def phone_number(rng: random.Random, state: str) -> str:
    """A valid-looking AU landline in national format: ``(02) 9876 5432``."""
    area, firsts, _ = STATES[state]
    while True:  # only numbers a phone library accepts, as a real roster would hold
        digits = rng.choice(firsts) + "".join(rng.choice("0123456789") for _ in range(7))
        text = f"({area}) {digits[:4]} {digits[4:]}"
        if phonenumbers.is_valid_number(phonenumbers.parse(text, "AU")):
            return text


def make_stores(rng: random.Random, count: int) -> list[Store]:
    """``count`` stores spread over the states by weight, deterministic for the rng."""
    states = list(STATE_WEIGHTS)
    weights = list(STATE_WEIGHTS.values())
    stores = []
    used_names: dict[str, int] = {}
    for index in range(1, count + 1):
        state = rng.choices(states, weights)[0]
        suburb, postcode = rng.choice(STATES[state][2])
        used_names[suburb] = used_names.get(suburb, 0) + 1
        label = suburb if used_names[suburb] == 1 else f"{suburb} {used_names[suburb]}"
        street_type, abbrev = rng.choice(STREET_TYPES)
        status = "open"
        stores.append(
            Store(
                store_id=f"FC-{index:05d}",
                name=f"Furn.Co {label}",
                state=state,
                locality=suburb,
                postcode=postcode,
                unit=str(rng.randint(1, 12)) if rng.random() < 0.25 else "",
                number=str(rng.randint(1, 480)),
                street_name=rng.choice(STREETS),
                street_type=street_type,
                street_abbrev=abbrev,
                phone=phone_number(rng, state),
                hours=rng.choice(HOURS_PATTERNS),
                holiday_hours=HOLIDAY_HOURS,
                slug=f"{label.lower().replace(' ', '-')}-{index}",
                status=status,
                opened=f"{rng.randint(2008, 2024)}-{rng.randint(1, 12):02d}-01",
            )
        )
    closed = rng.sample(stores, max(2, round(0.05 * count))) if count >= 10 else []
    for store in closed:
        store.status = "closed"
    still_open = [s for s in stores if s.status == "open"]
    for store in rng.sample(still_open, max(1, round(0.03 * count))) if count >= 10 else []:
        store.status = "temporarily_closed"
    return stores
