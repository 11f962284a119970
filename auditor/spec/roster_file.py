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
                field = ".".join(str(p) for p in error["loc"])
                if error["type"] == "extra_forbidden":
                    problems.append(Problem(str(path), line, f"unknown column '{field}'"))
                    continue
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
        problems.append(Problem(str(path), 1, f"missing column '{column}'"))
    for column in header:
        if column and column not in ROSTER_COLUMNS:
            import difflib

            hint = difflib.get_close_matches(column, ROSTER_COLUMNS, n=1)
            extra = f" (did you mean '{hint[0]}'?)" if hint else ""
            problems.append(Problem(str(path), 1, f"unknown column '{column}'{extra}"))
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
                rows.append({k: v.strip() for k, v in zip(header, record, strict=True)})
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
