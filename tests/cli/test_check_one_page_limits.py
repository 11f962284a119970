"""`auditor check` on one brand page judges what one page can tell: a rule that needs to know
whether the site shows a field on its other pages (holiday hours) is named, not silently passed,
and is judged as in a full run once the spec declares what the site shows."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from auditor.cli import app
from auditor.demo import generate, serve, write_served_spec

pytestmark = pytest.mark.server
runner = CliRunner()


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str, str]]:
    made = generate(tmp_path_factory.mktemp("world"), locations=40, seed=7)
    truth = json.loads(made.ground_truth.read_text())
    on_site = [(d["store_id"], d["kind"]) for d in truth["defects"] if d["source"] == "site"]
    only = {s for s, _k in on_site if [k for t, k in on_site if t == s] == ["missing_holiday_hours"]}
    store = sorted(only)[0]  # a page whose only planted defect is its missing holiday hours
    pages = [p for p in (made.world_dir / "www.furnco.example" / "stores").rglob("index.html")
             if f'"{store}"' in p.read_text(encoding="utf-8")]  # fmt: skip
    assert len(pages) == 1
    url = f"http://www.furnco.example/{pages[0].parent.relative_to(made.world_dir / 'www.furnco.example')}"
    with serve(made.world_dir, faults=False) as server:
        yield write_served_spec(made, server.proxy_url), f"{url}/", store


def test_a_rule_one_page_cannot_judge_is_named(served: tuple[Path, str, str]) -> None:
    spec, url, store = served
    result = runner.invoke(app, ["check", url, "--spec", str(spec)])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert lines[0] == (f"{url}: no findings (read, matched and judged against the roster with the rules "
                        "about this page's source, except those below)")  # fmt: skip
    (note,) = [line for line in lines if line.startswith("hours.holiday")]
    assert note.startswith(f"hours.holiday ({store}): not judged from this page alone: the page shows no "
                           "holiday hours; a run judges it when other pages of site show holiday hours")
    assert note.endswith("to judge it here, declare site.carries: {holiday_hours: true}")


def test_declared_carries_judge_it_as_a_run_does(served: tuple[Path, str, str], tmp_path: Path) -> None:
    spec, url, store = served
    declared = spec.with_name("brand.declared.yaml")
    allow = '  allow: ["/stores/"]\n'
    text = spec.read_text(encoding="utf-8").replace(allow, allow + "  carries: {holiday_hours: true}\n")
    declared.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["check", url, "--spec", str(declared), "--format", "json"])
    assert result.exit_code == 2, result.output
    (row,) = json.loads(result.output)
    assert (row["store"], row["rule"], row["observed"]) == (store, "hours.holiday", "none shown")
    assert row["message"] == f"site's holiday hours: none shown; the roster says {row['expected']}"
