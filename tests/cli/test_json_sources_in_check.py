"""`check` and `extract` read a JSON answer with the adapter of the source it belongs to (a
platform preset such as alltheplaces, or json_api): every record in it is read, matched and
judged; JSON nothing can read is refused with what would read it."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from auditor.cli import app
from auditor.demo import generate, serve, write_served_spec
from auditor.demo.world import url_file

pytestmark = pytest.mark.server
runner = CliRunner()
ATP = "http://data.alltheplaces.example/runs/latest/output/furnco.geojson"
BLOCK = ("sources:\n  - preset: alltheplaces\n    id: atp\n    spider: furnco\n"
         "    base_url: http://data.alltheplaces.example\n")  # fmt: skip


def feature(row: dict[str, str], phone: str) -> dict:
    """An alltheplaces feature for a roster row (the locator's own data, as the project keeps it)."""
    props = {"ref": row["store_id"], "name": row["name"], "addr:street_address": row["street"],
             "addr:city": row["locality"], "addr:state": row["state"], "addr:postcode": row["postcode"],
             "addr:country": row["country"], "phone": phone, "website": row["website"]}  # fmt: skip
    return {"type": "Feature", "geometry": None, "properties": props}


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, list[dict[str, str]]]]:
    made = generate(tmp_path_factory.mktemp("world"), locations=4, seed=5)
    rows = list(csv.DictReader((made.root / "roster.csv").open(encoding="utf-8")))
    wrong = "(07) 3730 9999"  # the first store's phone, wrong on alltheplaces
    features = [feature(rows[0], wrong)] + [feature(r, r["phone"]) for r in rows[1:]]
    path = url_file(made.world_dir, ATP)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    with serve(made.world_dir, faults=False) as server:
        spec = write_served_spec(made, server.proxy_url)
        text = spec.read_text(encoding="utf-8")
        spec.write_text(text.replace("\nsources:\n", "\n" + BLOCK, 1), encoding="utf-8")
        yield spec, rows


def test_check_judges_every_record_of_a_platform_answer(served: tuple[Path, list[dict[str, str]]]) -> None:
    spec, rows = served
    result = runner.invoke(app, ["check", ATP, "--spec", str(spec), "--format", "json"])
    assert "Traceback" not in result.output
    assert result.exit_code == 2, result.output
    found = json.loads(result.output)
    assert [(f["store"], f["rule"]) for f in found] == [(rows[0]["store_id"], "nap.phone")]


def test_extract_reads_a_platform_answer_with_the_presets_adapter(
    served: tuple[Path, list[dict[str, str]]],
) -> None:
    spec, rows = served
    result = runner.invoke(app, ["extract", ATP, "--spec", str(spec), "--format", "json"])
    assert result.exit_code == 0, result.output
    locations = json.loads(result.output)["locations"]
    assert [loc["store"] for loc in locations] == [r["store_id"] for r in rows]
    assert {loc["fields"]["phone"]["source"] for loc in locations} == {"json"}


def test_json_on_a_host_that_reads_pages_says_what_reads_json(
    served: tuple[Path, list[dict[str, str]]], tmp_path: Path
) -> None:
    spec, _rows = served
    from auditor.commands.check import CheckError, reading_of
    from auditor.spec import load_spec

    loaded = load_spec(spec)
    body = b'{"stores": []}'
    on_site = (r"a JSON document on the brand site, which is read as pages; to read it, give this "
               r"address a source of its own \(adapter type json_api\)")
    with pytest.raises(CheckError, match=on_site):
        reading_of("http://www.furnco.example/stores.json", body, "application/json", loaded)
    on_pages = (r"a JSON document, but source 'yellowbook' reads pages \(adapter '\w+'\); JSON is read "
                r"by a source whose adapter reads JSON")
    with pytest.raises(CheckError, match=on_pages):
        reading_of("http://yellowbook.example/data.json", body, "application/json", loaded)
    data = tmp_path / "answer.json"
    data.write_bytes(body)
    result = runner.invoke(app, ["extract", str(data)])
    assert result.exit_code == 1
    assert "a JSON document, not a page; JSON is read only by a source whose adapter reads" in result.output
    assert "platform preset (osm_overpass, alltheplaces" in result.output
