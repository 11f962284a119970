"""Read the location roster (CSV or YAML) into RosterEntry rows, keeping each row's line."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from pydantic import ValidationError

from auditor.spec.errors import describe_error
from auditor.spec.models import REQUIRED_ROSTER_COLUMNS, ROSTER_COLUMNS, RosterEntry
from auditor.spec.yamlfile import LineList, Problem, YamlFileError, line_of, load_yaml, read_text


def load_roster(path: Path, default_country: str) -> tuple[list[RosterEntry], list[Problem], list[int]]:
    """(entries, problems, line of each entry); a CSV's header is line 1."""
    try:
        if path.suffix.lower() in (".yml", ".yaml"):
            rows, lines, problems = _yaml_rows(path)
        else:
            rows, lines, problems = _csv_rows(path)
    except YamlFileError as exc:
        return [], [exc.problem], []
    entries: list[RosterEntry] = []
    entry_lines: list[int] = []
    for row, line in zip(rows, lines, strict=True):
        try:
            entry = RosterEntry.model_validate(row)
        except ValidationError as exc:
            for error in exc.errors():
                problems.append(Problem(str(path), line, describe_error(error, RosterEntry, row)))
            continue
        if not entry.country:
            entry = entry.model_copy(update={"country": default_country})
        if entry.house_number:  # every reader of the roster sees the street as it is written
            entry = entry.model_copy(update={"street": entry.street_line})
        entries.append(entry)
        entry_lines.append(line)
    return entries, problems, entry_lines


def _csv_rows(path: Path) -> tuple[list[dict], list[int], list[Problem]]:
    text = read_text(path, "roster")
    if "\x00" in text:
        raise YamlFileError(Problem(str(path), 0, "not a text roster (binary data)"))
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if not header:
        raise YamlFileError(Problem(str(path), 1, "empty roster: expected a header row"))
    header = [h.strip() for h in header]
    problems = []
    missing = [c for c in REQUIRED_ROSTER_COLUMNS if c not in header]
    for column in missing:
        near = [h for h in header if h not in ROSTER_COLUMNS and known_column_near(h) == column]
        extra = f" ('{near[0]}' is close: rename it)" if near else ""
        problems.append(Problem(str(path), 1, f"missing column '{column}'{extra}"))
    if problems:
        return [], [], problems
    rows, lines = [], []
    line = reader.line_num + 1
    for record in reader:
        if any(cell.strip() for cell in record):
            if len(record) != len(header):
                problems.append(
                    Problem(str(path), line, f"expected {len(header)} columns, found {len(record)}")
                )
            else:
                rows.append({k: v.strip() for k, v in zip(header, record, strict=True) if k})
                lines.append(line)
        line = reader.line_num + 1
    return rows, lines, problems


def _yaml_rows(path: Path) -> tuple[list[dict], list[int], list[Problem]]:
    data, problems = load_yaml(path, "roster")
    if isinstance(data, dict) and "locations" in data:
        data = data["locations"]
    if not isinstance(data, list):
        raise YamlFileError(Problem(str(path), 1, "expected a list of stores"))
    lines = [line_of(data, (i,)) if isinstance(data, LineList) else 0 for i in range(len(data))]
    return list(data), lines, problems


# Names people give roster columns, and the column the auditor reads them from.
COLUMN_ALIASES = {
    "city": "locality", "town": "locality", "suburb": "locality", "zip": "postcode", "zipcode": "postcode",
    "zip_code": "postcode", "postal_code": "postcode", "postalcode": "postcode", "plz": "postcode",
    "opening_hours": "hours", "openinghours": "hours", "address": "street", "street_address": "street",
    "tel": "phone", "telephone": "phone", "phone_number": "phone", "url": "website", "homepage": "website",
    "province": "state", "county": "state", "id": "store_id", "store": "store_id", "store_name": "name",
}  # fmt: skip


def known_column_near(column: str) -> str | None:
    """The known roster column a column of another name most likely means (a typo, another
    case, a common other name), or None for a column of the brand's own."""
    import difflib

    folded = column.strip().casefold().replace(" ", "_").replace("-", "_")
    if folded in ROSTER_COLUMNS and folded != column:
        return folded
    if folded in COLUMN_ALIASES:
        return COLUMN_ALIASES[folded]
    hint = difflib.get_close_matches(folded, ROSTER_COLUMNS, n=1, cutoff=0.8)
    return hint[0] if hint else None


def column_warnings(path: Path, roster: list[RosterEntry], lines: list[int]) -> list[Problem]:
    """One warning per roster column that is not a known one but looks like it was meant to be:
    it is kept as the brand's own column, and the known column stays empty."""
    csv_file = path.suffix.lower() not in (".yml", ".yaml")
    first: dict[str, int] = {}
    for entry, line in zip(roster, lines, strict=False):
        for column in entry.extra_columns:
            first.setdefault(column, 1 if csv_file else line)
    out = []
    for column, line in first.items():
        near = known_column_near(column)
        if near:
            empty = not any(str(getattr(entry, near, "") or "").strip() for entry in roster)
            tail = f" and '{near}' stays empty" if empty else ""
            out.append(Problem(str(path), line, (
                f"column '{column}' is not one the auditor reads (did you mean '{near}'?); it is kept as "
                f"the roster's own column{tail}")))  # fmt: skip
    return out
