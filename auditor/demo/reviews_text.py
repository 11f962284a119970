"""Review texts that read like furniture-store reviews, composed from clause banks.

Every review has a true label (negative / neutral / positive) kept in the ground truth. Clauses
cover delivery, staff, price, quality, waiting, returns, cleanliness and phone contact, with
negation ("not bad", "wasn't helpful") and contrast ("but") so a naive analyzer can be wrong.
"""

from __future__ import annotations

import random

PRODUCTS = (
    "sofa",
    "dining table",
    "bed frame",
    "wardrobe",
    "recliner",
    "bookshelf",
    "mattress",
    "coffee table",
    "sideboard",
    "desk",
    "armchair",
    "bunk bed",
    "TV unit",
    "chest of drawers",
)
STAFF = ("Priya", "Tom", "Mei", "Jack", "Aisha", "Liam", "Sofia", "Ben", "Hannah", "Raj", "Chloe", "Marco")
WAITS = ("three weeks", "two months", "five weeks", "over a month", "six weeks", "ten days late")

POSITIVE = {
    "delivery": (
        "delivery was on time and the guys carried the {p} upstairs",
        "the {p} arrived a day early and perfectly wrapped",
        "the delivery team were careful and quick",
    ),
    "staff": (
        "{s} was really helpful and knew the range well",
        "the staff were friendly and never pushy",
        "{s} took the time to explain every option",
    ),
    "price": (
        "the price was fair for the quality",
        "great value compared with other stores",
        "the sale price on the {p} was excellent",
    ),
    "quality": (
        "the {p} is solid and well made",
        "the {p} still looks brand new after a year",
        "the finish on the {p} is lovely",
    ),
    "waiting": ("we were served straight away", "no waiting at the counter at all"),
    "returns": ("the refund came through within a few days", "returning the {p} was painless"),
    "cleanliness": ("the showroom is spotless and well laid out", "the store was clean and tidy"),
    "phone": ("they answered the phone quickly and sorted it out", "a quick call fixed the booking"),
}
NEGATIVE = {
    "delivery": (
        "the delivery took {w}",
        "the {p} arrived damaged",
        "the driver never turned up",
        "delivery was rescheduled twice without notice",
    ),
    "staff": ("the staff were rude", "{s} wasn't helpful at all", "nobody offered to help us"),
    "price": ("it's overpriced for what you get", "they charged us twice", "the delivery fee was a rip-off"),
    "quality": (
        "the {p} started sagging within a month",
        "the {p} is flimsy and wobbles",
        "one leg of the {p} snapped",
    ),
    "waiting": ("we waited forty minutes to be served", "the queue at pick-up took forever"),
    "returns": ("they refused a refund on the faulty {p}", "the return took {w} to process"),
    "cleanliness": ("the showroom was dusty and cluttered", "the floor model {p} was stained"),
    "phone": ("nobody ever answers the phone", "I was on hold for an hour"),
}
MILD_POSITIVE = ("not bad at all", "can't complain", "would buy again", "no complaints from us")
NEUTRAL = (
    "Bought a {p}. It is a {p}.",
    "Picked up an order from the warehouse.",
    "Visited on a Saturday to look at the {p} range.",
    "Average store, average prices.",
)


def _fill(clause: str, rng: random.Random) -> str:
    return clause.format(p=rng.choice(PRODUCTS), s=rng.choice(STAFF), w=rng.choice(WAITS))


def _clause(bank: dict[str, tuple[str, ...]], rng: random.Random, exclude: str = "") -> tuple[str, str]:
    theme = rng.choice([t for t in bank if t != exclude])
    return theme, _fill(rng.choice(bank[theme]), rng)


def _sentence(text: str) -> str:
    return text[0].upper() + text[1:] + "."


def compose_review(rng: random.Random, label: str) -> str:
    """A review text whose true sentiment is ``label``."""
    if label == "neutral":
        return _fill(rng.choice(NEUTRAL), rng)
    good, bad = (POSITIVE, NEGATIVE) if label == "positive" else (NEGATIVE, POSITIVE)
    shape = rng.random()
    theme, main = _clause(good, rng)
    if shape < 0.35:
        text = _sentence(main)
    elif shape < 0.6:
        _, second = _clause(good, rng, exclude=theme)
        text = _sentence(f"{main} and {second}")
    elif shape < 0.85:
        # contrast: the clause after "but" carries the verdict
        _, other = _clause(bad, rng, exclude=theme)
        text = _sentence(f"{other}, but {main}")
    else:
        text = (
            _sentence(main)
            + " "
            + (_sentence(rng.choice(MILD_POSITIVE)) if label == "positive" else "Never again.")
        )
    return text
