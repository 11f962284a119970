"""Review stars and dates read on the eight variant demo worlds (written in other conventions than
the readers': glyphs, fractions, aria labels, attributes; ISO, written and no dates; reviews on a
review site or embedded on the brand's pages): every review's stars equal the world's truth."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from scrapy.http import HtmlResponse

from auditor.crawl.adapters.reviews import read_reviews
from auditor.demo.variant import generate_variant
from auditor.spec import load_spec

pytestmark = [pytest.mark.slow]


def _pages(world: Path, host: str) -> list[tuple[str, Path]]:
    """(URL, file) of every page the world serves on ``host``."""
    out = []
    for path in sorted((world / host).rglob("*")):
        if path.is_dir():
            continue
        rel = path.relative_to(world / host).as_posix().removesuffix("index.html")
        out.append((f"http://{host}/{rel.replace('@', '?')}", path))
    return out


@pytest.mark.parametrize("seed", range(8))
def test_stars_and_dates_on_variant_world(tmp_path: Path, seed: int) -> None:
    made = generate_variant(tmp_path, seed=seed)
    spec = load_spec(made.spec)
    truth = json.loads(made.ground_truth.read_text())
    source = next(s for s in spec.sources if s.kind == "reviews")
    expected = {r["key"]: r["stars"] for r in truth["reviews"] if r["source"] == source.id}
    today = dt.date.fromisoformat(str(truth["today"])[:10])
    read: dict[str, dict] = {}
    for host in source.allowed_domains:
        for url, path in _pages(made.world_dir, host):
            page = HtmlResponse(url, body=path.read_bytes(), encoding="utf-8")
            found = read_reviews(page, source.adapter, "S", tuple(spec.languages), spec.country, today)
            for review in found:
                read.setdefault(review["key"], review)
    assert expected and set(expected) <= set(read)
    wrong = {k: (read[k]["stars"], v) for k, v in expected.items() if read[k]["stars"] != pytest.approx(v)}
    assert not wrong, f"{truth['conventions'].get('stars')}: {list(wrong.items())[:5]}"
    dated = [k for k in expected if read[k]["date"] is not None]
    if truth["conventions"].get("dates") == "none":
        assert not dated and all(read[k]["problems"]["date"] == "no date shown" for k in expected)
    else:
        assert len(dated) == len(expected), [read[k]["problems"] for k in expected if k not in dated][:3]
