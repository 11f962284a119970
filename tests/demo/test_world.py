"""The demo world: deterministic, complete ground truth, served like the real web."""

from __future__ import annotations

import hashlib
import json
import urllib.request
from pathlib import Path

import pytest

from auditor.demo import generate, serve
from auditor.demo.world import HOSTILE, url_file


def tree_digest(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def test_same_seed_gives_byte_identical_worlds(tmp_path: Path) -> None:
    first = generate(tmp_path / "a", locations=60, seed=11)
    second = generate(tmp_path / "b", locations=60, seed=11)
    other = generate(tmp_path / "c", locations=60, seed=12)
    assert tree_digest(first.root) == tree_digest(second.root)
    assert tree_digest(first.root) != tree_digest(other.root)


def test_ground_truth_covers_every_kind(tmp_path: Path) -> None:
    world = generate(tmp_path, locations=40, seed=7)
    truth = json.loads(world.ground_truth.read_text())
    defect_kinds = {d["kind"] for d in truth["defects"]}
    trap_kinds = {t["kind"] for t in truth["traps"]}
    print(f"defect kinds: {len(defect_kinds)}, trap kinds: {len(trap_kinds)}")
    assert len(defect_kinds) >= 12 and len(trap_kinds) >= 6
    planted = {(d["store_id"], d["source"], d["field"], d["kind"]) for d in truth["defects"]}
    assert len(planted) == len(truth["defects"])
    assert {f["fault"] for f in truth["fetch_faults"]} == {
        "timeout",
        "status_500",
        "truncated",
        "malformed_jsonld",
    }
    assert {r["label"] for r in truth["reviews"]} == {"negative", "neutral", "positive"}


def test_night_two_fixes_one_defect_and_plants_one(tmp_path: Path) -> None:
    one = json.loads(generate(tmp_path / "1", seed=7, night=1).ground_truth.read_text())
    two = json.loads(generate(tmp_path / "2", seed=7, night=2).ground_truth.read_text())

    def key(d: dict) -> tuple:
        return d["store_id"], d["kind"], d["source"]

    before, after = {key(d) for d in one["defects"]}, {key(d) for d in two["defects"]}
    assert before - after == {key(two["changes"]["fixed"][0])}
    assert after - before == {key(two["changes"]["new"][0])}


@pytest.mark.slow
def test_ten_thousand_locations_generate(tmp_path: Path) -> None:
    world = generate(tmp_path, locations=10_000, seed=3)
    assert len(world.roster.read_text().splitlines()) == 10_001


@pytest.mark.server
def test_server_answers_as_proxy_and_virtual_host_with_conditional_requests(tmp_path: Path) -> None:
    world = generate(tmp_path, locations=12, seed=5)
    with serve(world.world_dir, fault_delay=0.5) as server:
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({"http": server.proxy_url}))
        page = opener.open("http://www.furnco.example/sitemap.xml", timeout=5)
        etag = page.headers["ETag"]
        assert page.status == 200 and b"<urlset" in page.read()
        request = urllib.request.Request(
            f"{server.proxy_url}/robots.txt", headers={"Host": "www.furnco.example"}
        )
        assert b"Sitemap:" in urllib.request.urlopen(request, timeout=5).read()
        conditional = urllib.request.Request(
            "http://www.furnco.example/sitemap.xml", headers={"If-None-Match": etag}
        )
        with pytest.raises(urllib.error.HTTPError) as not_modified:
            opener.open(conditional, timeout=5)
        assert not_modified.value.code == 304
        with pytest.raises(urllib.error.HTTPError) as unknown:
            opener.open("http://elsewhere.example/", timeout=5)
        assert unknown.value.code == 502


@pytest.mark.server
def test_planted_faults_behave_as_declared(tmp_path: Path) -> None:
    world = generate(tmp_path, locations=40, seed=7)
    truth = json.loads(world.ground_truth.read_text())
    faults = {f["fault"]: f["url"] for f in truth["fetch_faults"]}
    with serve(world.world_dir, fault_delay=2.0) as server:
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({"http": server.proxy_url}))
        with pytest.raises(urllib.error.HTTPError) as failed:
            opener.open(faults["status_500"], timeout=5)
        assert failed.value.code == 500
        with pytest.raises(TimeoutError):
            opener.open(faults["timeout"], timeout=0.5).read()
        response = opener.open(faults["truncated"], timeout=5)
        with pytest.raises(Exception, match=r"IncompleteRead|incomplete"):
            response.read()
    broken = url_file(world.world_dir, faults["malformed_jsonld"]).read_text()
    assert '"branchCode" "' in broken


def test_hostile_review_is_escaped_in_the_page_source(tmp_path: Path) -> None:
    world = generate(tmp_path, locations=12, seed=5)
    pages = [p.read_text() for p in (world.world_dir / "reviewhub.example").rglob("*") if p.is_file()]
    assert not any(HOSTILE in page for page in pages)
    assert sum("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page for page in pages) == 1
