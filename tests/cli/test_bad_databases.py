"""Databases a run cannot use: found by `validate` (and by `run` before crawling), one line, exit 4."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests.cli.conftest import auditor


def test_file_that_is_not_sqlite(spec: Path, tmp_path: Path) -> None:
    db = tmp_path / "notes.db"
    db.write_text("these are my notes, not a database\n", encoding="utf-8")
    out = auditor("validate", spec, "--db", db)
    assert (out.code, out.line) == (
        4,
        f"{db}: not a SQLite database; point --db at an auditor database or a new file",
    )
    assert db.read_text(encoding="utf-8") == "these are my notes, not a database\n"


def test_run_refuses_a_file_that_is_not_sqlite_before_crawling(spec: Path, tmp_path: Path) -> None:
    db = tmp_path / "notes.db"
    db.write_bytes(b"PK\x03\x04 a zip file")
    out = auditor("run", spec, "--db", db, "--no-progress")
    assert out.code == 4 and out.line.startswith(f"{db}: not a SQLite database")


def test_database_path_is_a_folder(spec: Path, tmp_path: Path) -> None:
    out = auditor("validate", spec, "--db", tmp_path)
    assert (out.code, out.line) == (4, f"{tmp_path}: is a folder, expected a database file")


def test_database_folder_does_not_exist(spec: Path, tmp_path: Path) -> None:
    db = tmp_path / "no" / "such" / "audit.db"
    out = auditor("validate", spec, "--db", db)
    assert (out.code, out.line) == (4, f"{db}: folder {db.parent} does not exist")


def test_unreachable_database_server_hides_the_password(spec: Path) -> None:
    out = auditor("validate", spec, "--db", "postgresql://audit:s3cret@127.0.0.1:9/audit")
    assert out.code == 4 and out.line.startswith("postgresql://audit:***@127.0.0.1:9/audit: ")
    assert "s3cret" not in out.line


def test_report_on_a_missing_database(tmp_path: Path) -> None:
    out = auditor("report", "--db", tmp_path / "none.db")
    expected = f"{tmp_path / 'none.db'}: no such database; check the path, or run `auditor run` first"
    assert (out.code, out.line) == (4, expected)


def test_report_with_no_database_named_says_where_run_writes(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    out = auditor("diff")
    where = tmp_path / "auditor.db"
    assert out.code == 4 and out.line.startswith(f"{where}: no such database; pass --db with")
    assert "DATABASE_URL" in out.line


def test_doctor_on_a_missing_database(tmp_path: Path) -> None:
    out = auditor("doctor", "--db", tmp_path / "none.db")
    assert (out.code, out.line) == (4, f"{tmp_path / 'none.db'}: no such database")


# Root may write anywhere, so a read-only folder is tried as an unprivileged user. That user
# cannot read this interpreter's install, so the child imports everything by validating once
# as root (into a writable database), then drops to the unprivileged user and validates again.
_CHILD = """
import os, sys
from auditor.cli import app
def run(args):
    try:
        app(args, prog_name="auditor")
    except SystemExit as exc:
        return exc.code
first = run(sys.argv[1:3] + ["--db", sys.argv[3]])
assert first == 0, first
if os.geteuid() == 0:
    os.setgid(65534)
    os.setuid(65534)
sys.exit(run(sys.argv[1:3] + ["--db", sys.argv[4]]))
"""


def _as_nobody(spec: Path, warm_db: Path, db: Path) -> tuple[int, list[str]]:
    """`auditor validate SPEC --db DB` as an unprivileged user."""
    command = [sys.executable, "-c", _CHILD, "validate", str(spec), str(warm_db), str(db)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, cwd="/")
    output = done.stdout + done.stderr
    assert "Traceback" not in output, output
    lines = [line for line in output.splitlines() if line.strip()]
    return done.returncode, lines[1:]  # the first is the warm-up's "ok"


@pytest.fixture
def open_folder():
    """A folder every user can read (pytest's own tmp folders are private to their owner)."""
    folder = Path(tempfile.mkdtemp(prefix="auditor-ro-"))
    folder.chmod(0o755)
    yield folder
    for path in [folder, *folder.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    shutil.rmtree(folder)


def _readable_spec(spec: Path, folder: Path) -> Path:
    target = folder / "brand"
    shutil.copytree(spec.parent, target)
    for path in [target, *target.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    return target / "brand.yaml"


def test_read_only_database_folder(spec: Path, open_folder: Path) -> None:
    readable = _readable_spec(spec, open_folder)
    locked = open_folder / "readonly"
    locked.mkdir()
    locked.chmod(0o555)
    code, lines = _as_nobody(readable, open_folder / "warm.db", locked / "audit.db")
    assert (code, lines) == (4, [f"{locked / 'audit.db'}: folder {locked} is read-only "
                                 "(SQLite writes its journal beside the database)"])  # fmt: skip


def test_read_only_database_file(spec: Path, open_folder: Path) -> None:
    readable = _readable_spec(spec, open_folder)
    db = open_folder / "audit.db"
    import sqlite3

    sqlite3.connect(db).close()
    db.chmod(0o444)
    code, lines = _as_nobody(readable, open_folder / "warm.db", db)
    assert (code, lines) == (4, [f"{db}: the database file is read-only"])
