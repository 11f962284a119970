"""A three-store demo world served on 127.0.0.1, and five concurrent first runs on one new database."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.store.world import start_run


@pytest.fixture(scope="module")
def served_spec(tmp_path_factory: pytest.TempPathFactory):
    from auditor.demo import generate, serve, write_served_spec

    root = tmp_path_factory.mktemp("world")
    world = generate(root, locations=3, seed=11)
    with serve(world.world_dir, faults=False) as server:
        yield Path(write_served_spec(world, server.proxy_url))


@dataclass(frozen=True)
class Finished:
    code: int
    stdout: str
    stderr: str
    seconds: float  # from the common start to the process's exit


@dataclass(frozen=True)
class FirstRuns:
    db: Path
    results: list[Finished]


@pytest.fixture(scope="module")
def five_first_runs(served_spec: Path, tmp_path_factory: pytest.TempPathFactory) -> FirstRuns:
    """Five `auditor run` started together on one new database, each timed to its exit."""
    folder = tmp_path_factory.mktemp("five")
    db = folder / "new.db"
    began = time.monotonic()
    processes = [start_run(served_spec, db, folder / f"report{i}") for i in range(5)]
    ended: dict[int, float] = {}
    deadline = began + 120
    while len(ended) < len(processes) and time.monotonic() < deadline:
        for index, process in enumerate(processes):
            if index not in ended and process.poll() is not None:
                ended[index] = time.monotonic() - began
        time.sleep(0.02)
    results = []
    for index, process in enumerate(processes):
        out, err = process.communicate(timeout=30)
        results.append(Finished(process.returncode, out, err, ended.get(index, float("inf"))))
    return FirstRuns(db, results)
