"""The store on PostgreSQL (DATABASE_URL): schema under concurrency, the lock, doctor, a whole run."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from sqlalchemy import insert, text

pytestmark = [pytest.mark.server, pytest.mark.slow]

NOBODY = 65534  # PostgreSQL refuses to run as root


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _as_server_user(command: list[str]) -> None:
    kwargs = {"user": NOBODY, "group": NOBODY} if os.geteuid() == 0 else {}
    subprocess.run(command, check=True, capture_output=True, timeout=60, **kwargs)


@pytest.fixture(scope="module")
def postgres_url():
    pytest.importorskip("psycopg")
    if not (shutil.which("initdb") and shutil.which("pg_ctl")):
        found = sorted(Path("/usr/lib/postgresql").glob("*/bin"))  # Debian keeps them off PATH
        if not found:
            if os.environ.get("CI"):
                pytest.fail("PostgreSQL is missing: `make test` installs it (apt-get install -y postgresql)")
            pytest.skip("PostgreSQL's initdb and pg_ctl are not installed")
        os.environ["PATH"] = f"{found[-1]}{os.pathsep}{os.environ['PATH']}"
    folder = Path(tempfile.mkdtemp(prefix="auditor-pg-"))
    folder.chmod(0o777)
    data, port = folder / "data", _free_port()
    _as_server_user(["initdb", "-D", str(data), "-A", "trust", "-U", "audit", "--no-sync"])
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
    _as_server_user(["pg_ctl", "-D", str(data), "-o", options, "-l", str(folder / "log"), "-w", "start"])
    try:
        yield f"postgresql+psycopg://audit@127.0.0.1:{port}/postgres"
    finally:
        _as_server_user(["pg_ctl", "-D", str(data), "-m", "immediate", "stop"])
        shutil.rmtree(folder, ignore_errors=True)


def _reset(url: str) -> None:
    from sqlalchemy import create_engine

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


OPEN = "import sys; from auditor.store.engine import make_engine; make_engine(sys.argv[1]); print('ok')"


def test_five_processes_create_the_schema_at_once(postgres_url: str) -> None:
    _reset(postgres_url)
    children = [subprocess.Popen([sys.executable, "-c", OPEN, postgres_url], stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True) for _ in range(5)]  # fmt: skip
    results = [child.communicate(timeout=60) for child in children]
    assert [child.returncode for child in children] == [0] * 5, [err[-800:] for _out, err in results]


def test_lock_and_doctor(postgres_url: str) -> None:
    import datetime as dt

    from auditor.store.doctor import diagnose, repair
    from auditor.store.engine import make_engine
    from auditor.store.errors import DatabaseLocked
    from auditor.store.lock import DatabaseLock
    from auditor.store.schema import needs_repair
    from auditor.store.tables import AuditRun, Review

    _reset(postgres_url)
    engine = make_engine(postgres_url)
    with DatabaseLock(engine, "run", "pg") as held, pytest.raises(DatabaseLocked, match=r"^pg: in use by"):
        held.attach(1)
        DatabaseLock(engine, "run", "pg").acquire()
    with engine.begin() as conn:
        conn.execute(text("DROP INDEX uq_review_source_key"))
        now = dt.datetime.now(dt.UTC)
        conn.execute(insert(AuditRun.__table__).values(id=1, status="complete", started=now))
        rows = [{"source": "s", "location_id": "L", "key": "k", "first_run_id": 1, "last_seen_run_id": 1}] * 3
        conn.execute(insert(Review.__table__), rows)
    engine.dispose()
    engine = make_engine(postgres_url)
    assert needs_repair(engine) == ["review"]
    assert diagnose(engine).duplicates["review"] == 2
    with DatabaseLock(engine, "doctor --fix", "pg"):
        repair(engine)
    assert diagnose(engine).healthy
    with engine.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM review")).scalar() == 1


def test_a_whole_run_and_its_report(postgres_url: str, served_spec: Path, tmp_path: Path) -> None:
    from tests.store.world import auditor_command, environment

    _reset(postgres_url)
    env = {**environment(), "DATABASE_URL": postgres_url}
    command = auditor_command("run", served_spec, "--report", tmp_path / "r", "--no-progress", "--loopback")
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    (run_id,) = {int(m) for m in re.findall(r"^run (\d+):", done.stdout, re.M)}
    report = subprocess.run(auditor_command("report", "--format", "csv"), capture_output=True, text=True,
                            env=env, timeout=60)  # fmt: skip
    assert report.returncode == 0, report.stderr
    assert len(report.stdout.strip().splitlines()) == 1 + 3  # header and the three stores
    doctor = subprocess.run(auditor_command("doctor"), capture_output=True, text=True, env=env, timeout=60)
    assert doctor.returncode == 0 and doctor.stdout.strip().endswith("healthy"), doctor.stdout + doctor.stderr
    assert run_id == 1
