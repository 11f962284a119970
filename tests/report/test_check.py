"""`auditor check URL`: one page of the demo world, served on 127.0.0.1, judged at once."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from auditor.cli import app
from auditor.demo.server import serve, write_served_spec
from auditor.demo.world import generate

pytestmark = pytest.mark.server

runner = CliRunner()


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path, dict]]:
    made = generate(tmp_path_factory.mktemp("world"), locations=40, seed=7)
    truth = json.loads(made.ground_truth.read_text())
    with serve(made.world_dir) as server:
        yield made.world_dir, write_served_spec(made, server.proxy_url), truth


def page_url(world_dir: Path, host: str, under: str, needle: str) -> str:
    """The served URL of the one page under ``host/under`` whose file contains ``needle``."""
    pages = (world_dir / host / under).rglob("*")
    hits = [p for p in pages if p.is_file() and needle in p.read_text()]
    assert len(hits) == 1, hits
    return f"http://{host}/{hits[0].relative_to(world_dir / host).as_posix()}"


def check(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["check", *args])
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def test_planted_retired_name_is_found_on_its_listing(world: tuple[Path, Path, dict]) -> None:
    world_dir, spec, truth = world
    defect = next(
        d for d in truth["defects"] if d["kind"] == "retired_name_listing" and d["source"] == "yellowbook"
    )
    url = page_url(world_dir, "yellowbook.example", "listing", defect["planted"])
    code, output = check(url, "--spec", str(spec), "--format", "json")
    assert code == 2, output
    rows = json.loads(output)
    assert [(r["store"], r["rule"]) for r in rows] == [(defect["store_id"], "nap.name")]
    assert rows[0]["observed"] == defect["planted"]


def test_forbidden_phrase_on_a_site_page(world: tuple[Path, Path, dict]) -> None:
    world_dir, spec, truth = world
    defect = next(d for d in truth["defects"] if d["kind"] == "forbidden_phrase")
    url = page_url(world_dir, "www.furnco.example", "stores", f'"{defect["store_id"]}"')
    code, output = check(url.removesuffix("index.html"), "--spec", str(spec), "--format", "json")
    assert code == 2, output
    assert ("voice.forbidden", defect["store_id"]) in {(r["rule"], r["store"]) for r in json.loads(output)}


def test_equivalent_forms_are_not_findings(world: tuple[Path, Path, dict]) -> None:
    world_dir, spec, truth = world
    planted = {(d["store_id"], d["source"]) for d in truth["defects"]}
    trap = next(
        t
        for t in truth["traps"]
        if t["source"] == "localpages" and (t["store_id"], "localpages") not in planted
    )
    url = page_url(world_dir, "localpages.example", "biz", trap["shown"])
    code, output = check(url, "--spec", str(spec))
    assert code == 0, output
    assert "no findings" in output


def test_bad_input_is_one_line(world: tuple[Path, Path, dict], tmp_path: Path) -> None:
    _world_dir, spec, _truth = world
    code, output = check("http://elsewhere.example/", "--spec", str(spec))
    assert code == 1 and "neither the brand site nor a source" in output
    code, output = check("http://yellowbook.example/listing/none", "--spec", str(spec))
    assert code == 1 and "HTTP 404" in output
    code, output = check("http://yellowbook.example/", "--spec", str(tmp_path / "missing.yaml"))
    assert code == 3 and "missing.yaml" in output


def test_another_port_a_json_document_and_a_page_read_empty(world: tuple[Path, Path, dict]) -> None:
    world_dir, spec, _truth = world
    url = page_url(world_dir, "www.furnco.example", "stores", '"FC-00001"').removesuffix("index.html")
    code, output = check(url.replace("www.furnco.example", "www.furnco.example:8080"), "--spec", str(spec))
    assert code == 1 and "is not the address the spec names" in output and "another site" in output
    assert len(output.strip().splitlines()) == 1
    code, output = check("http://www.furnco.example/robots.txt", "--spec", str(spec))
    assert code == 6 and "read nothing from this page" in output and "auditor extract" in output
    assert "no findings" not in output


def test_a_json_document_is_not_read_as_a_page() -> None:
    from auditor.commands.check import CheckError, reading_of

    with pytest.raises(CheckError, match="a JSON document, not a page"):
        reading_of("http://www.furnco.example/data.json", b'{"stores": []}', "application/json")


def test_extract_reads_a_listing_with_the_source_adapter_and_matches_its_store(
    world: tuple[Path, Path, dict],
) -> None:
    world_dir, spec, _truth = world
    page = sorted(p for p in (world_dir / "localpages.example" / "biz").rglob("*") if p.is_file())[0]
    url = f"http://localpages.example/{page.relative_to(world_dir / 'localpages.example').as_posix()}"
    result = runner.invoke(app, ["extract", url, "--spec", str(spec), "--format", "json"])
    assert result.exit_code == 0, result.output
    (location,) = json.loads(result.output)["locations"]
    assert location["store"] and location["matched_by"]
    assert location["fields"]["phone"]["source"] == "json-ld" and location["country"] == "AU"
    assert location["fields"]["phone"]["normalised"].startswith("+61")
