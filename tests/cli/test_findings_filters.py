"""`auditor findings` filters: a store, region, rule or source the database does not know is one
line and exit 1 (an empty table would read as "no problems"); a known one with nothing to show
is an empty table and exit 0."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.conftest import auditor
from tests.report.builder import build


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "audit.db"
    build(path)
    return path


@pytest.mark.parametrize(
    ("option", "value", "line"),
    [
        ("--store", "FC-0001", "--store FC-0001: no such store in this database (did you mean 'FC-00001'?)"),
        ("--store", "9999", "--store 9999: no such store in this database"),
        ("--region", "ZZ", "--region ZZ: no such region in this database"),
        ("--region", "NWS", "--region NWS: no such region in this database (did you mean 'NSW'?)"),
        ("--rule", "nap.phon", "--rule nap.phon: no such rule in the rule packs (did you mean 'nap.phone'?)"),
        ("--rule", "bogus", "--rule bogus: no such rule in the rule packs"),
        ("--source", "nosuch", "--source nosuch: no such source in this database"),
    ],
)
def test_unknown_filter_is_one_line_and_exit_1(db: Path, option: str, value: str, line: str) -> None:
    out = auditor("findings", "--db", db, option, value)
    assert (out.code, out.line) == (1, line)


@pytest.mark.parametrize(
    "filters",
    [("--store", "FC-00003"), ("--region", "VIC"), ("--source", "localpages"), ("--rule", "nap.website")],
)
def test_known_filter_with_no_findings_is_an_empty_table(db: Path, filters: tuple[str, str]) -> None:
    out = auditor("findings", "--db", db, *filters, "--format", "json")  # run 2: none of these
    assert (out.code, out.lines) == (0, ["[]"])


def test_a_shipped_rule_with_no_findings_is_known(db: Path) -> None:
    out = auditor("findings", "--db", db, "--rule", "hours.regular", "--format", "json")
    assert (out.code, out.lines) == (0, ["[]"])
