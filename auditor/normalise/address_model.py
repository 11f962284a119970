"""An address as comparable parts, and how two addresses compare."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

MAX_LENGTH = 1000  # characters; longer text is not an address
PARTS = ("street", "number", "unit", "locality", "region", "postcode", "country")


@dataclass(frozen=True, init=False)
class Address:
    """An address as comparable parts; ``key`` is the canonical one-line form.

    ``state`` is accepted and read as another name of ``region``."""

    unit: str = ""
    number: str = ""
    street: str = ""
    locality: str = ""
    region: str = ""
    postcode: str = ""
    country: str = ""

    def __init__(
        self,
        unit: str = "",
        number: str = "",
        street: str = "",
        locality: str = "",
        region: str = "",
        postcode: str = "",
        country: str = "",
        *,
        state: str = "",
    ) -> None:
        values = (unit, number, street, locality, region or state, postcode, country)
        for name, value in zip(("unit", "number", "street", "locality", "region", "postcode", "country"),
                               values, strict=True):
            object.__setattr__(self, name, str(value or ""))

    @property
    def state(self) -> str:
        return self.region

    @property
    def key(self) -> str:
        if self.unit:
            number = f"{self.unit}/{self.number}" if self.number else f"unit {self.unit}"
        else:
            number = self.number
        head = " ".join(p for p in (number, self.street) if p)
        tail = " ".join(p for p in (self.region, self.postcode) if p)
        return ", ".join(p for p in (head, self.locality, tail) if p)

    def as_dict(self) -> dict[str, str]:
        return {**asdict(self), "key": self.key}


@dataclass(frozen=True)
class AddressComparison:
    """How two addresses compare: a score in [0, 1] and which parts differed.

    ``differences`` maps each part shown on both sides and not equivalent to its two values;
    ``missing`` names the parts only one side shows (never held against the match)."""

    score: float
    differences: dict[str, tuple[str, str]] = field(default_factory=dict)
    missing: tuple[str, ...] = ()

    @property
    def equal(self) -> bool:
        return not self.differences

    @property
    def differing(self) -> tuple[str, ...]:
        return tuple(self.differences)

    def explain(self) -> str:
        """``street differs: george street / george avenue; postcode differs: 2000 / 2010``."""
        if self.equal:
            return "same address"
        return "; ".join(f"{part} differs: {a} / {b}" for part, (a, b) in self.differences.items())


@dataclass
class AreaLine:
    """A one-line address written from the largest area to the smallest (Japanese, Chinese), split:
    ``street`` is everything below the municipality; the region is as written."""

    street: str
    locality: str
    region: str = ""
    postcode: str = ""
