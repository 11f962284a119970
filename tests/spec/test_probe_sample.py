"""The first line of `auditor probe`: how many stores are probed, of how many, and why a store
asked for is not (closed for good in the roster, or more asked for than there are)."""

from __future__ import annotations

from pathlib import Path

from auditor.crawl.probe import Sample
from auditor.crawl.probe_report import sample_line
from auditor.spec import load_spec


def closed_store_spec(spec_dir: Path) -> Path:
    roster = spec_dir / "roster.csv"
    lines = roster.read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].replace(",open,", ",closed,")  # ST-002 has closed for good
    roster.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return spec_dir / "brand.yaml"


def test_a_closed_store_is_named_as_not_probed(spec_dir: Path) -> None:
    spec = load_spec(closed_store_spec(spec_dir))
    sample = Sample.of(spec, 3)
    assert sample.stores == ["ST-001", "ST-003"]
    assert sample_line(spec, sample) == (
        "probe of 2 of 3 stores (ST-001, ST-003) on every source; 1 closed in the roster, not probed (ST-002)"
    )
    assert sample_line(spec, Sample.of(spec, 5)).endswith("not probed (ST-002); --stores 5: the roster has 3")


def test_a_sample_smaller_than_the_roster_says_only_what_it_probes(spec_dir: Path) -> None:
    spec = load_spec(spec_dir / "brand.yaml")
    sample = Sample.of(spec, 2)
    assert sample_line(spec, sample) == "probe of 2 of 3 stores (ST-001, ST-002) on every source"


def test_a_roster_of_closed_stores_only_probes_them(spec_dir: Path) -> None:
    roster = spec_dir / "roster.csv"
    text = roster.read_text(encoding="utf-8")
    roster.write_text(text.replace(",open,", ",closed,").replace(",temporarily_closed,", ",closed,"))
    spec = load_spec(spec_dir / "brand.yaml")
    sample = Sample.of(spec, 3)
    assert sample_line(spec, sample) == "probe of 3 of 3 stores (ST-001, ST-002, ST-003) on every source"
