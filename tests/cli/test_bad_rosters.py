"""Rosters as spreadsheets write them (BOM, CRLF) are read; broken ones are one line and exit 3."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from tests.cli.conftest import auditor, edit, line_number


def _roster(spec: Path) -> Path:
    return spec.parent / "roster.csv"


def test_utf8_bom_as_excel_writes_it_is_read(spec: Path) -> None:
    roster = _roster(spec)
    roster.write_bytes(b"\xef\xbb\xbf" + roster.read_bytes())
    out = auditor("validate", spec)
    assert out.code == 0 and ": ok: Example Co, 3 locations" in out.line


def test_crlf_line_ends_are_read(spec: Path) -> None:
    roster = _roster(spec)
    roster.write_bytes(roster.read_bytes().replace(b"\n", b"\r\n"))
    out = auditor("validate", spec)
    assert out.code == 0 and ": ok: Example Co, 3 locations" in out.line


def test_bom_and_crlf_together_are_read(spec: Path) -> None:
    roster = _roster(spec)
    roster.write_bytes(b"\xef\xbb\xbf" + roster.read_bytes().replace(b"\n", b"\r\n"))
    out = auditor("validate", spec)
    assert out.code == 0 and ": ok: Example Co, 3 locations" in out.line


def test_roster_path_outside_the_spec_folder_is_not_read(spec: Path) -> None:
    edit(spec, "roster: roster.csv ", "roster: ../../../../../../etc/passwd ")
    out = auditor("validate", spec)
    assert out.code == 3
    assert out.line.startswith(f"{spec}:{line_number(spec, 'etc/passwd')}: roster file "
                               "'../../../../../../etc/passwd' is outside the spec's folder")  # fmt: skip
    assert "root:" not in out.line


def test_missing_store_id_column(spec: Path) -> None:
    roster = _roster(spec)
    rows = list(csv.DictReader(io.StringIO(roster.read_text(encoding="utf-8"))))
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=[k for k in rows[0] if k != "store_id"], extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    roster.write_text(buffer.getvalue(), encoding="utf-8")
    out = auditor("validate", spec)
    assert (out.code, out.line) == (3, f"{roster}:1: missing column 'store_id'")


def test_duplicate_store_id(spec: Path) -> None:
    roster = _roster(spec)
    edit(roster, "ST-002,", "ST-001,")
    out = auditor("validate", spec)
    assert (out.code, out.line) == (3, f"{roster}:3: duplicate store id 'ST-001' (first at line 2)")


def test_bad_phone_for_the_country(spec: Path) -> None:
    roster = _roster(spec)
    edit(roster, "(02) 9876 5432", "(02) 98")
    out = auditor("validate", spec)
    assert (out.code, out.line) == (3, f"{roster}:2: store ST-001: phone '(02) 98' is not a valid AU number")


def test_unknown_region(spec: Path) -> None:
    roster = _roster(spec)
    edit(roster, ",NSW,12 Church", ",TAS,12 Church")
    out = auditor("validate", spec)
    assert out.code == 3
    assert (
        out.line == f"{roster}:2: store ST-001: region 'TAS' is not one of the spec's regions (NSW, VIC, QLD)"
    )


def test_unknown_status(spec: Path) -> None:
    roster = _roster(spec)
    edit(roster, ",open,2019", ",shut,2019")
    out = auditor("validate", spec)
    assert out.code == 3 and out.line.startswith(f"{roster}:2: status: 'shut' is not one of")


def test_roster_file_missing(spec: Path) -> None:
    _roster(spec).unlink()
    out = auditor("validate", spec)
    assert out.code == 3
    line = line_number(spec, "roster: roster.csv")
    assert out.line == f"{spec}:{line}: roster file 'roster.csv' not found (looked for {_roster(spec)})"


def test_empty_roster(spec: Path) -> None:
    _roster(spec).write_text("", encoding="utf-8")
    out = auditor("validate", spec)
    assert (out.code, out.line) == (3, f"{_roster(spec)}:1: empty roster: expected a header row")


def test_binary_roster(spec: Path) -> None:
    _roster(spec).write_bytes(b"store_id\x00\x01\x02")
    out = auditor("validate", spec)
    assert (out.code, out.line) == (3, f"{_roster(spec)}: not a text roster (binary data)")
