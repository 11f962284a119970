"""``check`` and ``extract`` pick, among several sources on one host, the one a URL belongs to."""

from __future__ import annotations

from types import SimpleNamespace

from auditor.crawl.source_fit import WHOLE, best_source, fit


def _source(sid: str, kind: str = "listing", start: tuple[str, ...] = (), template: str | None = None):
    return SimpleNamespace(id=sid, kind=kind, start_urls=list(start), url_template=template)


SECTIONS = [
    _source("dir-se", start=("http://dir.example/se/mobelaffarer?page=1",)),
    _source("dir-no", start=("http://dir.example/no/mobelbutikker?page=1",)),
    _source("dir-pl", start=("http://dir.example/pl/sklepy-meblowe?page=1",)),
]


def test_a_listing_page_belongs_to_the_section_its_path_starts_in():
    assert best_source("http://dir.example/pl/sklepy-meblowe/nordhem-warszawa", SECTIONS).id == "dir-pl"
    assert best_source("http://dir.example/no/mobelbutikker?page=2", SECTIONS).id == "dir-no"


def test_a_url_no_section_fits_keeps_the_spec_order():
    assert best_source("http://dir.example/about", SECTIONS).id == "dir-se"


def test_a_template_fits_its_pages_whole():
    reviews = _source("rev", "reviews", template="http://r.example/company/acme-{slug}")
    assert fit("http://r.example/company/acme-oslo", reviews) == WHOLE
    assert fit("http://r.example/company/acme-oslo/more", reviews) < WHOLE
    per_store = [_source("a", template="http://x.example/de/{store_id}/"),
                 _source("b", template="http://x.example/at/{store_id}/")]  # fmt: skip
    assert best_source("http://x.example/at/1234/", per_store).id == "b"


def test_a_page_that_is_both_listing_and_reviews_is_read_as_the_listing():
    both = [_source("biz-reviews", "reviews", template="http://f.example/biz/acme-{slug}"),
            _source("biz", start=("http://f.example/brands/acme",))]  # fmt: skip
    assert best_source("http://f.example/biz/acme-quebec", both).id == "biz"
