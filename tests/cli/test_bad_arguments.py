"""Bad command lines: one line naming the command and what is wrong, exit 64 (usage)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.conftest import auditor


def test_check_format_bogus_is_usage_not_findings(spec: Path) -> None:
    out = auditor("check", "http://www.example.com/stores/parramatta/", "--spec", spec, "--format", "bogus")
    assert out.code == 64 and out.code != 2
    assert out.line == ("auditor check: Invalid value for '--format' / '-f': 'bogus' is not one of 'table', "
                        "'json', 'csv'. (see auditor check --help)")  # fmt: skip


def test_report_format_bogus(tmp_path: Path) -> None:
    out = auditor("report", "--db", tmp_path / "a.db", "--format", "bogus")
    assert (out.code, out.line) == (64, "auditor report: Invalid value for '--format': 'bogus': use table, "
                                        "html, csv or json (see auditor report --help)")  # fmt: skip


def test_scorecard_format_bogus(tmp_path: Path) -> None:
    out = auditor("scorecard", "ST-001", "--format", "xml")
    assert out.code == 64 and out.line.startswith("auditor scorecard: Invalid value for '--format'")


def test_unknown_command() -> None:
    out = auditor("audit", "brand.yaml")
    assert (out.code, out.line) == (64, "auditor: No such command 'audit'. (see auditor --help)")


def test_unknown_option(spec: Path) -> None:
    out = auditor("validate", spec, "--strict")
    assert (out.code, out.line) == (
        64,
        "auditor validate: No such option: --strict (see auditor validate --help)",
    )


def test_fail_under_not_a_number(spec: Path) -> None:
    out = auditor("run", spec, "--fail-under", "high")
    assert out.code == 64 and out.line == (
        "auditor run: Invalid value for '--fail-under': Input should be a valid "
        "number, unable to parse string as a number (see auditor run --help)"
    )


def test_run_id_not_a_number(tmp_path: Path) -> None:
    out = auditor("report", "--run", "latest")
    assert out.code == 64 and out.line.startswith(
        "auditor report: Invalid value for '--run': Input should be a valid integer"
    )


def test_missing_spec_argument() -> None:
    out = auditor("run")
    assert (out.code, out.line) == (64, "auditor run: Missing argument 'spec'. (see auditor run --help)")


def test_unknown_analyzer(tmp_path: Path) -> None:
    sentences = tmp_path / "s.tsv"
    sentences.write_text("Great service\t1\nRude staff\t0\n", encoding="utf-8")
    out = auditor("sentiment-eval", sentences, "-a", "bert")
    assert out.code == 64 and out.line.startswith("auditor sentiment-eval: Invalid value for '--analyzer': "
                                                  "unknown analyzer 'bert'")  # fmt: skip


def test_no_command_shows_help_with_usage_code() -> None:
    out = auditor()
    assert out.code == 64 and any("Usage: auditor" in line for line in out.lines)


def test_unknown_run_is_one_line_and_code_1(spec: Path) -> None:
    db = spec.parent / "empty.db"
    assert auditor("doctor", "--db", db).code == 4  # not created by doctor
    import sqlite3

    sqlite3.connect(db).close()
    out = auditor("report", "--db", db, "--run", "999")
    assert (out.code, out.line) == (1, "run 999 not found: run `auditor run brand.yaml` (or `auditor "
                                       "evaluate`) first")  # fmt: skip


def test_evaluate_before_any_crawl(spec: Path) -> None:
    out = auditor("evaluate", spec)
    assert (out.code, out.line) == (1, "no crawl to evaluate: run `auditor crawl` (or `auditor run`) first")


@pytest.mark.parametrize("how", ["--debug", "AUDITOR_DEBUG"])
def test_debug_shows_the_traceback(tmp_path: Path, how: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from auditor.cli import app

    args = ["report", "--db", str(tmp_path / "none.db")]
    if how == "--debug":
        args.insert(0, "--debug")
    else:
        monkeypatch.setenv("AUDITOR_DEBUG", "1")
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 4
    assert "Traceback" in result.output and result.output.rstrip().endswith(
        "no such database; check the path, or run `auditor run` first"
    )
