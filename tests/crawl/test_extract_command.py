"""`auditor extract FILE`: the documented JSON contract (docs/extract.md) and its exit codes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import typer
from typer.testing import CliRunner

from auditor.commands import extract

ROOT = Path(__file__).resolve().parents[2]
PAGES = ROOT / "tests" / "data" / "real_pages"
runner = CliRunner()


def app() -> typer.Typer:
    cli = typer.Typer()
    extract.register(cli)
    cli.command("noop")(lambda: None)  # two commands: Typer keeps the command name
    return cli


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app(), ["extract", *args])
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def documented_keys() -> set[str]:
    """The keys of the JSON contract table in docs/extract.md (first column, in backticks)."""
    text = (ROOT / "docs" / "extract.md").read_text(encoding="utf-8")
    table = text.split("## JSON output (a contract)", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `([^`]+)` \|", table, flags=re.MULTILINE))


def actual_keys(report: dict) -> set[str]:
    keys = {f"{k}[]" if k in ("locations", "unread") else k for k in report}
    for location in report["locations"]:
        keys |= {f"locations[].{k}" for k in location}
        for value in location["fields"].values():
            keys |= {f"fields.*.{k}" for k in value}
    return keys


def test_json_output_is_the_documented_contract() -> None:
    code, output = run(str(PAGES / "sk_lekaren_europa_banska_bystrica.html"), "--format", "json")
    assert code == 0, output
    report = json.loads(output)
    assert actual_keys(report) == documented_keys()
    (location,) = report["locations"]
    phone = location["fields"]["phone"]
    assert phone["normalised"] is None and "placeholder" in phone["problem"] and phone["source"] == "json-ld"
    assert location["fields"]["hours"]["normalised"] is not None
    assert location["country"] == "SK" and location["country_from"] == "page"
    for item in report["unread"]:
        assert set(item) == {"what", "reason"}


def test_table_output_and_exit_codes(tmp_path: Path) -> None:
    code, output = run(str(PAGES / "jp_saitoh_kenchiku_tainai.html"))
    assert code == 0 and "json-ld" in output and "not read: json-ld Organization" in output
    empty = tmp_path / "empty.html"
    empty.write_text("<html><body><p>Nothing here.</p></body></html>")
    code, output = run(str(empty))
    assert code == extract.EXIT_NOTHING_READ and "no location read" in output
    code, output = run(str(tmp_path / "missing.html"))
    assert code == extract.EXIT_FAILED and output.strip().endswith("no such file")
    data = tmp_path / "places.json"
    data.write_text('{"results": []}')
    code, output = run(str(data))
    assert code == extract.EXIT_FAILED and "a JSON document, not a page" in output
    assert len(output.strip().splitlines()) == 1
