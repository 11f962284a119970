"""`auditor extract URL --spec` and `auditor check` read one page: they leave no database behind
(not in the current folder, not anywhere), even with a platform source whose daily budget is
looked up in the crawl's history."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from auditor.demo import generate, serve, write_served_spec

pytestmark = pytest.mark.server

BUDGETED = ("sources:\n  - preset: foursquare\n    base_url: http://api.foursquare.example\n"
            "    daily_budget: 5\n")


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    made = generate(tmp_path_factory.mktemp("world"), locations=4, seed=5)
    with serve(made.world_dir, faults=False) as server:
        spec = write_served_spec(made, server.proxy_url)
        text = spec.read_text(encoding="utf-8")
        assert text.count("\nsources:\n") == 1
        spec.write_text(text.replace("\nsources:\n", "\n" + BUDGETED, 1), encoding="utf-8")
        page = sorted(p for p in (made.world_dir / "localpages.example").rglob("*") if p.is_file()
                      and p.suffix in ("", ".html"))[0]  # fmt: skip
        yield spec, f"http://localpages.example/{page.relative_to(made.world_dir / 'localpages.example')}"


@pytest.mark.parametrize("command", ["extract", "check"])
def test_one_page_leaves_no_database(served: tuple[Path, str], tmp_path: Path, command: str) -> None:
    spec, url = served
    before = set(spec.parent.rglob("*"))
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    done = subprocess.run([sys.executable, "-m", "auditor.cli", command, url, "--spec", str(spec)],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)  # fmt: skip
    assert "Traceback" not in done.stderr, done.stderr[-2000:]
    assert done.returncode in (0, 2), done.stdout[-1000:] + done.stderr[-1000:]
    assert list(tmp_path.iterdir()) == []
    assert set(spec.parent.rglob("*")) == before
