"""Business names compared as brands write them: joining words, legal forms, declared variants."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from auditor.normalise import fold_name, name_similarity, names_match
from auditor.normalise.names import legal_forms, name_core

DATA = Path(__file__).parent.parent / "data"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Müller und Söhne", "Müller & Söhne"),
        ("Müller & Söhne GmbH", "MÜLLER UND SÖHNE"),
        ("Müller GmbH & Co. KG", "Müller"),
        ("Acme Pty Ltd", "ACME"),
        ("Acme Pty. Ltd.", "Acme Limited"),
        ("Dupont et Fils SARL", "Dupont & Fils"),
        ("Bakkerij Jansen B.V.", "Bakkerij Jansen"),
        ("Jansen en Zonen", "Jansen & Zonen"),
        ("Panadería García y Hijos S.A.", "Panaderia Garcia & Hijos"),
        ("Furn.Co", "FURN. CO"),
        ("Furn. Co", "FurnCo"),
        ("Starbucks Coffee Company", "Starbucks Coffee"),
        ("Tim Hortons Inc.", "Tim Hortons"),
    ],
)
def test_equivalent_names_match(a: str, b: str) -> None:
    assert names_match(a, b)
    assert name_similarity(a, b) == 1.0


@pytest.mark.parametrize(
    ("a", "b"),
    [("Müller & Söhne", "Müller & Töchter"), ("Furn.Co", "Furniture Barn"), ("Acme Ltd", "Apex Ltd")],
)
def test_different_names_do_not(a: str, b: str) -> None:
    assert not names_match(a, b)
    assert name_similarity(a, b) < 1.0


def test_declared_variants_are_the_name() -> None:
    assert names_match("Furniture Company of Sydney", "Furn.Co", variants=["Furniture Company of Sydney"])
    variants = ["Furniture Company of Sydney"]
    assert names_match("Furn.Co", "FURNITURE COMPANY OF SYDNEY PTY LTD", variants=variants)
    assert not names_match("Furniture Barn", "Furn.Co", variants=["Furniture Company of Sydney"])


def test_legal_forms_come_from_a_table_and_never_empty_a_name() -> None:
    forms = legal_forms()
    assert ("gmbh",) in forms and ("pty", "ltd") in forms and ("sarl",) in forms and ("llc",) in forms
    assert name_core("GmbH") == "gmbh"  # a name that is only a legal form keeps it
    assert fold_name("Müller und Söhne GmbH") == "muller and sohne"


def test_nsi_variants_with_legal_forms_or_joining_words_match() -> None:
    """Real brand names and their known variants (name-suggestion-index, BSD-3) that differ by a
    joining word or a legal form only."""
    with (DATA / "brands" / "nsi_brands_flat.csv").open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["matchNames"]]
    pairs = [(r["name"], m) for r in rows for m in r["matchNames"].split("|")]
    folded = [(a, b) for a, b in pairs if name_core(a) == name_core(b)]
    assert folded, "some NSI variants differ only by case, joining word or legal form"
    assert all(names_match(a, b) for a, b in folded)
    unrelated = sum(names_match(a, b) for (a, _), (b, _) in zip(pairs, pairs[7:], strict=False) if a != b)
    assert unrelated / len(pairs) < 0.01


@pytest.mark.parametrize(
    ("a", "b"),
    [("ドトールコーヒーショップ", "トトールコーヒーショッフ"), ("雲ビル", "雲ヒル"), ("パン", "ハン")],
)
def test_kana_keep_their_voicing_marks(a: str, b: str) -> None:
    """A dakuten or handakuten is part of the letter (ド is not ト), not an accent to drop."""
    assert fold_name(a) == a
    assert not names_match(a, b)


def test_latin_accents_are_still_dropped_beside_kana() -> None:
    assert fold_name("Café ドトール") == "cafe ドトール"
