"""Business names: case, accents and punctuation folded so `Furn.Co` = `FURN.CO` = `Furn. Co`.

Names are compared by a key that also folds the words that join a name's parts (``&``, and, und,
et, y, en …, from ``data/names/connectors.txt``) and drops a trailing legal form (GmbH, AG, Ltd,
Limited, Inc., LLC, S.A., SARL, B.V., Pty Ltd …: cleanco's table of legal forms by country and
type, with ``data/names/legal_forms_extra.txt``), so ``Müller und Söhne GmbH`` = ``Müller & Söhne``.
A brand's declared variants are accepted as the name itself.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache, lru_cache
from pathlib import Path

from rapidfuzz import fuzz

from auditor.normalise.accents import strip_accents

_DATA = Path(__file__).with_name("data") / "names"
_PUNCT = re.compile(r"[^\w\s&]+")
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=65536)
def normalise_name(raw: str) -> str:
    """Casefolded, accents and punctuation dropped, whitespace folded; `&` kept as `and`."""
    text = strip_accents(unicodedata.normalize("NFKC", raw or "")).casefold()
    text = text.replace("&", " and ").replace("+", " and ")
    text = _PUNCT.sub("", text)
    return _SPACE.sub(" ", text).strip()


def _table(name: str) -> list[str]:
    lines = (_DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t")[0] for line in lines if line.strip() and not line.startswith("#")]


@cache
def connectors() -> frozenset[str]:
    """Words read as ``and`` in names (folded)."""
    return frozenset(normalise_name(w) or "and" for w in _table("connectors.txt"))


@cache
def legal_forms() -> tuple[tuple[str, ...], ...]:
    """Legal forms as folded word tuples, longest first."""
    from cleanco.termdata import terms_by_country, terms_by_type

    terms = {t for group in (*terms_by_type.values(), *terms_by_country.values()) for t in group}
    terms.update(_table("legal_forms_extra.txt"))
    folded = {tuple(_joined_initials(_words(t))) for t in terms}
    return tuple(sorted((t for t in folded if t), key=lambda t: (-len(t), t)))


def _words(raw: str) -> list[str]:
    words = normalise_name(raw).split()
    joins = connectors()
    return ["and" if w in joins else w for w in words]


def _joined_initials(words: list[str]) -> list[str]:
    """Runs of single letters as one word: ``s a`` -> ``sa``, ``b v`` -> ``bv``."""
    out: list[str] = []
    run = ""
    for word in words:
        if len(word) == 1 and word.isalpha():
            run += word
            continue
        if run:
            out.append(run)
            run = ""
        out.append(word)
    if run:
        out.append(run)
    return out


def _without_legal_form(words: list[str]) -> list[str]:
    """Trailing legal forms dropped (``gmbh and co kg``, ``pty ltd``), never the whole name."""
    changed = True
    while changed:
        changed = False
        for form in legal_forms():
            n = len(form)
            if len(words) > n and tuple(words[-n:]) == form:
                words = words[:-n]
                if words and words[-1] == "and":
                    words = words[:-1] if len(words) > 1 else words
                changed = True
                break
    return words


@lru_cache(maxsize=65536)
def name_key(raw: str) -> str:
    """The name with case, accents, punctuation, spaces and the joining word (``&``/und/et) folded."""
    return "".join(_joined_initials(_words(raw)))


@lru_cache(maxsize=65536)
def name_core(raw: str) -> str:
    """``name_key`` without a trailing legal form: ``Müller & Söhne GmbH`` -> ``mullerandsohne``."""
    return "".join(_without_legal_form(_joined_initials(_words(raw))))


@lru_cache(maxsize=65536)
def fold_name(raw: str) -> str:
    """Words of the name folded for comparison: joining words as ``and``, a trailing legal form
    dropped (``Müller und Söhne GmbH`` -> ``muller and sohne``)."""
    return " ".join(_without_legal_form(_joined_initials(_words(raw))))


def _keys(name: str) -> set[str]:
    return {name_key(name), name_core(name)} - {""}


def names_match(a: str, b: str, variants: Iterable[str] = ()) -> bool:
    """Whether two names are the same name, in any case, punctuation, joining word or legal form.

    ``variants`` are other names the brand declares for the name (``Furniture Company`` for
    ``Furn.Co``): a name equal to one of them is equal to the name."""
    keys_a, keys_b = _keys(a), _keys(b)
    if keys_a & keys_b:
        return True
    declared = [_keys(v) for v in variants]
    return any(keys_a & k for k in declared) or any(keys_b & k for k in declared)


def name_similarity(a: str, b: str, variants: Iterable[str] = ()) -> float:
    """Similarity in [0, 1]; 1.0 when the names are equivalent (see ``names_match``)."""
    if names_match(a, b, variants):
        return 1.0
    return fuzz.token_set_ratio(" ".join(_words(a)), " ".join(_words(b))) / 100.0


def contains_name(text: str, name: str) -> bool:
    """Whether ``name`` appears in ``text`` as whole words, in any case or punctuation."""
    target = normalise_name(name)
    if not target:
        return False
    haystack = f" {normalise_name(text)} "
    return f" {target} " in haystack
