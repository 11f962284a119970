"""docs/sources.md is tested: every source block in it validates, and every worked example's page,
read with the block shown, gives exactly what its "reads" block says."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
import yaml
from scrapy.http import HtmlResponse, TextResponse

from auditor.crawl.adapters import adapter_for
from auditor.crawl.adapters.base import select
from auditor.crawl.adapters.reviews import read_reviews
from auditor.spec.models import SourceSpec

DOC = Path(__file__).resolve().parents[2] / "docs" / "sources.md"
_BLOCK = re.compile(r"^```([\w ]*)\n(.*?)^```$", re.M | re.S)
READ_ON = dt.date(2025, 3, 15)  # "Read on 15 March 2025 for a store in Germany"


def sections() -> dict[str, list[tuple[str, str]]]:
    """Example title -> its fenced blocks (info string, text), and "" -> every block."""
    text = DOC.read_text(encoding="utf-8")
    out: dict[str, list[tuple[str, str]]] = {"": _BLOCK.findall(text)}
    for part in text.split("\n### Example: ")[1:]:
        title = part.split("\n", 1)[0]
        out[title] = _BLOCK.findall(part.split("\n## ", 1)[0])
    return out


EXAMPLES = {k: v for k, v in sections().items() if k}


def test_every_source_block_in_the_doc_is_valid() -> None:
    blocks = [text for info, text in sections()[""] if info == "yaml"]
    assert len(blocks) >= 9
    for text in blocks:
        for source in yaml.safe_load(text)["sources"]:
            SourceSpec.model_validate(source)


def test_the_doc_covers_every_adapter_kind() -> None:
    assert set(EXAMPLES) >= {
        "a paginated index", "JSON-LD (with `@graph`)", "microdata", "RDFa",
        "CSS selectors (a page without structured data)",
        "a JSON API, address parts picked with JMESPath", "a review site",
        "reviews embedded on the brand's own store pages",
    }  # fmt: skip


def _page(url: str, info: str, body: str) -> TextResponse:
    if info == "json page":
        return TextResponse(url, body=body.encode(), encoding="utf-8")
    return HtmlResponse(url, body=f"<html><body>{body}</body></html>".encode(), encoding="utf-8")


def _plain(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value


@pytest.mark.parametrize("title", sorted(EXAMPLES))
def test_worked_example_reads_what_the_doc_says(title: str) -> None:
    blocks = dict((info, text) for info, text in EXAMPLES[title])
    source = yaml.safe_load(blocks["yaml"])["sources"][0]
    spec = SourceSpec.model_validate(source)
    expected = json.loads(blocks["json reads"])
    page_info = "json page" if "json page" in blocks else "html page"
    url = (spec.start_urls or ["http://www.example.com/store/"])[0]
    response = _page(url, page_info, blocks[page_info])
    if isinstance(expected, dict):  # an index page: the links it leads to
        found = {key: [response.urljoin(h) for h in select(response, source[key]).getall()]
                 for key in expected}  # fmt: skip
        assert found == expected
    elif spec.kind == "reviews":
        reviews = read_reviews(response, source["adapter"], "ST-1", (), "DE", today=READ_ON)
        got = [{k: _plain(r[k]) for k in want} for r, want in zip(reviews, expected, strict=True)]
        assert got == expected
    else:
        records = adapter_for(spec.id, source["adapter"]).extract(response).records
        got = [{k: v for k, v in dict(r).items() if k != "id"} for r in records]
        assert got == expected
