"""`auditor probe` against the demo world served on 127.0.0.1: what each source read, which store
each page matched (and why not), and warnings for a spec whose sources read nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from auditor.demo import generate, serve, write_served_spec

pytestmark = [pytest.mark.server, pytest.mark.slow]
ROOT = Path(__file__).resolve().parents[2]


def probe(spec: Path, *args: str) -> subprocess.CompletedProcess:
    done = subprocess.run(
        [sys.executable, "-m", "auditor.cli", "probe", str(spec), "--loopback", *args],
        cwd=ROOT, capture_output=True, text=True, timeout=240,
    )  # fmt: skip
    assert "Traceback" not in done.stdout + done.stderr, done.stderr[-3000:]
    return done


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    out = tmp_path_factory.mktemp("probe")
    made = generate(out, locations=6, seed=3)
    with serve(made.world_dir, faults=False) as server:
        yield write_served_spec(made, server.proxy_url)


def sections(output: str) -> dict[str, str]:
    """Source id -> its block of lines."""
    blocks = {}
    for block in output.split("\n\n"):
        head = block.split(" ", 1)[0]
        blocks[head] = block
    return blocks


def test_probe_of_the_demo_world_reads_every_source(world: Path) -> None:
    done = probe(world, "--stores", "2")
    assert done.returncode == 0, done.stdout[-3000:]
    assert done.stdout.startswith("probe of 2 of 6 stores (FC-00001, FC-00002) on every source")
    blocks = sections(done.stdout)
    assert set(blocks) >= {"site", "localpages", "mapdir", "yellowbook", "placesdata", "reviewhub"}
    site = blocks["site"]
    assert "-> FC-00001 (by " in site and "-> FC-00002 (by " in site
    assert "    phone         " in site and "-> +61" in site
    for listing in ("localpages", "mapdir", "yellowbook", "placesdata"):
        assert "-> FC-" in blocks[listing], blocks[listing]
        assert "no roster store" not in blocks[listing]
    reviews = blocks["reviewhub"]
    assert "for 2 stores (FC-00001, FC-00002)" in reviews
    count = int(reviews.split(" reviews on ")[0].split()[-1])
    assert count > 0 and f"stars: read on {count} of {count}" in reviews
    assert f"dates: read on {count} of {count}" in reviews
    assert done.stdout.rstrip().endswith("no warnings")


def test_probe_warns_about_sources_that_read_nothing_or_match_nothing(world: Path, tmp_path: Path) -> None:
    spec = tmp_path / "brand.yaml"
    text = world.read_text()
    for old, new in [
        ("{type: jsonld, types: [FurnitureStore, LocalBusiness, Store]}", "{type: jsonld, types: [Hotel]}"),
        ('phone: ".phone::text"', 'phone: ".telephone::text"'),
        ('website: "a.website::attr(href)"', 'website: "a.site::attr(href)"'),
        ('address: ".addr *::text"', 'address: ".street::text"'),
        ('stars: ".stars::attr(data-value)"', 'stars: "p.review-body::text"'),
    ]:
        assert old in text, old
        text = text.replace(old, new, 1)
    spec.write_text(text)
    (tmp_path / "roster.csv").write_bytes((world.parent / "roster.csv").read_bytes())
    done = probe(spec, "--stores", "2", "--strict")
    assert done.returncode == 2, done.stdout[-3000:] + done.stderr[-2000:]
    warnings = [line for line in done.stdout.splitlines() if line.startswith("warning: ")]
    assert any(w.startswith("warning: localpages: empty source, no listing read from ") and
               "try `auditor extract URL`" in w for w in warnings), warnings  # fmt: skip
    assert any(w.startswith("warning: yellowbook: ") and "matched no roster store" in w for w in warnings)
    assert "-> no roster store: the name alone cannot decide (no locality read)" in done.stdout
    assert any(w.startswith("warning: yellowbook: phone never read on ") for w in warnings)
    assert any(w.startswith("warning: reviewhub: stars unreadable on ") for w in warnings), warnings


def test_probe_of_a_bad_spec_is_one_line_per_problem(tmp_path: Path) -> None:
    spec = tmp_path / "brand.yaml"
    spec.write_text("brand: {name: X}\n")
    done = probe(spec)
    assert done.returncode != 0 and done.stdout == ""
    assert done.stderr.strip().splitlines()[0].startswith(f"{spec}:")
