"""Which parts of two addresses differ, and how similar they are."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from auditor.normalise.address_bilingual import ALTERNATIVES
from auditor.normalise.address_model import PARTS, Address, AddressComparison
from auditor.normalise.address_postcodes import same_postcode, same_region
from auditor.normalise.address_tables import country_format, fold
from auditor.normalise.address_units import unit_parts
from auditor.normalise.address_words import Lexicon, lexicon_for, word_classes


def _words_match(a: str, b: str, country: str) -> bool:
    if a == b:
        return True
    lexicon = lexicon_for(country or "US", latin=(a + b).isascii())
    xs = word_classes(a.split(), lexicon)
    ys = word_classes(b.split(), lexicon)
    if len(xs) == len(ys) and all(x & y for x, y in zip(xs, ys, strict=True)):
        return True
    xs_words, ys_words = a.split(), b.split()
    if _initials_match(xs_words, ys_words, lexicon) or _leading_type_left_out(xs_words, ys_words, lexicon):
        return True
    # a linking word after the type, written or left out: Calle (de) Fuencarral, Rua (da) Prata
    xs_bare, ys_bare = _without_particles(xs_words, lexicon), _without_particles(ys_words, lexicon)
    changed = (xs_bare, ys_bare) != (xs_words, ys_words)
    return changed and _words_match(" ".join(xs_bare), " ".join(ys_bare), country)


_PARTICLES = frozenset({"de", "del", "la", "las", "los", "el", "da", "do", "das", "dos", "di", "della", "dei",
                        "degli", "du", "des", "d"})  # fmt: skip


def _without_particles(words: list[str], lexicon: Lexicon) -> list[str]:
    """The words without the linking words that follow a leading street type (``calle de la``)."""
    if not words or not lexicon.languages or not set(lexicon.languages) & _TYPE_FIRST:
        return words
    index = 1
    while index < len(words) - 1 and words[index] in _PARTICLES:
        index += 1
    return [words[0], *words[index:]]


_TYPE_FIRST = frozenset({"fr", "es", "it", "pt", "ca", "pl", "ru"})  # languages writing the type first


def _leading_type_left_out(xs: list[str], ys: list[str], lexicon: Lexicon) -> bool:
    """The street named without the type word it opens with, as is usual where the type comes
    first (``ul. Floriańska`` = ``Floriańska``, ``Calle Mayor`` = ``Mayor``): the one side is the
    other but for a leading street type, and the name left has a word of four letters or more."""
    if not _TYPE_FIRST.intersection(lexicon.languages):
        return False
    longer, shorter = (xs, ys) if len(xs) > len(ys) else (ys, xs)
    if len(longer) != len(shorter) + 1 or not shorter or (longer[0],) not in lexicon.streets:
        return False
    if not any(len(word) >= 4 and word.isalpha() for word in shorter):
        return False
    pairs = zip(word_classes(longer[1:], lexicon), word_classes(shorter, lexicon), strict=True)
    return all(x & y for x, y in pairs)


def _initials_match(xs: list[str], ys: list[str], lexicon: Lexicon) -> bool:
    """A given name written as its initial in a street name (Via G. Garibaldi = Via Giuseppe
    Garibaldi): word for word the same, but for initials standing for the other side's word, and
    at least one full name word shared."""
    if len(xs) != len(ys) or len(xs) < 3:
        return False
    initials = shared = 0
    for x, y in zip(xs, ys, strict=True):
        if x == y or word_classes([x], lexicon)[0] & word_classes([y], lexicon)[0]:
            shared += len(x) >= 3 and x == y
            continue
        short, full = sorted((x, y), key=len)
        if len(short) == 1 and short.isalpha() and len(full) > 2 and full.isalpha() and full[0] == short:
            initials += 1
            continue
        return False
    return initials > 0 and shared > 0


_UMLAUT_SPELLING = re.compile(r"(?<=[aou])e")
_HOUSE_LETTER = re.compile(r"-(?=[a-z]$)")  # 12-A = 12A


_EAST_ASIAN = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3\uf900-\ufaff]")
_LATIN = re.compile(r"[a-zA-Z]")


def _other_scripts(a: str, b: str) -> bool:
    """One side in an East Asian script, the other in Latin letters only (渋谷区 / Shibuya-ku):
    the same name written in two scripts cannot be told equal or different by its letters."""
    x, y = (bool(_EAST_ASIAN.search(t)) for t in (a, b))
    return x != y and bool(_LATIN.search(b if x else a))


def _part_equal(part: str, a: str, b: str, country: str) -> bool:
    if ALTERNATIVES in a or ALTERNATIVES in b:  # named in two languages: either name will do
        names = [(x, y) for x in a.split(ALTERNATIVES) for y in b.split(ALTERNATIVES)]
        return any(_part_equal(part, x, y, country) for x, y in names)
    if part in ("street", "locality"):
        if _words_match(fold(a), fold(b), country):
            return True
        if _EAST_ASIAN.search(a) and _EAST_ASIAN.search(b):  # written unspaced: 大阪駅前第1ビル 2F
            return fold(a).replace(" ", "") == fold(b).replace(" ", "")
        # German written with or without its umlauts: Zürich = Zuerich = Zurich
        german = "de" in country_format(country or "US").languages
        return german and _words_match(*(_UMLAUT_SPELLING.sub("", fold(x)) for x in (a, b)), country)
    if part == "postcode":
        return same_postcode(a, b, country)
    if part == "region":
        return a.upper() == b.upper() or same_region(a, b, country)
    if part == "unit":
        # one side may name more of the premises (Bldg 2, Suite 200 / Suite 200): the rest must agree
        xs, ys = set(unit_parts(fold(a))), set(unit_parts(fold(b)))
        return xs <= ys or ys <= xs
    if part == "number":
        xa, xb = (_HOUSE_LETTER.sub("", fold(x).replace(" ", "")) for x in (a, b))
        return xa == xb
    return fold(a).replace(" ", "") == fold(b).replace(" ", "")


_WEIGHTS = {"street": 3.0, "number": 3.0, "unit": 1.0, "locality": 2.0, "region": 1.0, "postcode": 2.0,
            "country": 3.0}


def _qualified_locality(a: Address, b: Address) -> bool:
    """One locality is the other with more words after it (Frankfurt / Frankfurt am Main,
    Uffculme / Uffculme, Cullompton) and both give the same postcode."""
    if not (a.postcode and b.postcode and same_postcode(a.postcode, b.postcode, a.country or b.country)):
        return False
    x, y = sorted((a.locality.split(), b.locality.split()), key=len)
    return bool(x) and y[: len(x)] == x


def compare_addresses(a: Address, b: Address) -> AddressComparison:
    """Which parts of two addresses differ, with a similarity score (1.0 when none differ).

    A part only one side shows is listed as missing, not as a difference."""
    country = a.country or b.country
    same_area = bool(
        a.postcode and b.postcode and same_postcode(a.postcode, b.postcode, country)
        and a.region and b.region and same_region(a.region, b.region, country)
    )
    differences: dict[str, tuple[str, str]] = {}
    missing: list[str] = []
    scores: list[tuple[float, float]] = []
    for part in PARTS:
        x, y = getattr(a, part), getattr(b, part)
        if x and y and part in ("street", "locality") and _other_scripts(x, y):
            missing.append(part)  # not comparable; never a difference, and half the credit
            scores.append((_WEIGHTS[part], 0.5))
            continue
        if not x or not y:
            if x or y:
                missing.append(part)
                if part == "unit":
                    scores.append((_WEIGHTS[part], 0.5))
            continue
        if _part_equal(part, x, y, country) or (part == "locality" and _qualified_locality(a, b)):
            scores.append((_WEIGHTS[part], 1.0))
            continue
        if part == "locality" and same_area:
            # the postcode and the region fix the area: a town named by its district (Coyoacán /
            # Ciudad de México, both CDMX 04000) is the same place at another grain
            missing.append(part)
            scores.append((_WEIGHTS[part], 0.5))
            continue
        differences[part] = (x, y)
        similar = fuzz.token_set_ratio(x, y) / 100.0 if part in ("street", "locality") else 0.0
        scores.append((_WEIGHTS[part], min(similar, 0.9)))
    if not differences:
        return AddressComparison(1.0, {}, tuple(missing))
    total = sum(w for w, _ in scores)
    score = round(sum(w * s for w, s in scores) / total, 4) if total else 0.0
    return AddressComparison(min(score, 0.99), differences, tuple(missing))


def addresses_match(a: Address, b: Address) -> float:
    """Similarity in [0, 1]: 1.0 for equivalent addresses, partial credit for near misses.

    Parts missing on either side are not held against the match; ``compare_addresses`` says
    which parts differ."""
    return compare_addresses(a, b).score
