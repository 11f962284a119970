"""Adapters read listings from JSON-LD, microdata, CSS selectors, JSON APIs and review pages."""

import json
from pathlib import Path

from scrapy.http import HtmlResponse, TextResponse

from auditor.crawl.adapters import adapter_for
from auditor.crawl.adapters.reviews import extract_reviews
from auditor.crawl.schema_org import fields_from_schema, hours_text
from auditor.crawl.structured import extract_structured

DATA = Path(__file__).parent.parent / "data" / "html"


def html(url: str, body: str | bytes) -> HtmlResponse:
    data = body if isinstance(body, bytes) else body.encode()
    return HtmlResponse(url, body=data, encoding="utf-8")


def test_microdata_example_maps_to_fields():
    page = html("http://mapdir.example/place/1", (DATA / "LocalBusiness.002.html").read_bytes())
    records = adapter_for("mapdir", {"type": "microdata", "types": ["Restaurant"]}).extract(page)
    assert records.records == [
        {
            "name": "GreatFood",
            "address": {"street": "1901 Lemur Ave", "locality": "Sunnyvale", "state": "CA",
                        "postcode": "94086"},
            "phone": "(408) 714-1489",
            "hours": "Mo-Th 11:00-14:30,17:00-21:30; Fr,Sa 11:00-14:30,17:00-22:00",
            "website": "http://www.dishdash.com",
            "rating": "4",
            "review_count": "250",
        }
    ]


def test_malformed_jsonld_block_is_reported_and_the_good_one_still_read():
    good = {"@type": "Store", "name": "Furn.Co Parramatta", "branchCode": "FC-00001"}
    body = (
        '<script type="application/ld+json">{"@type": "Store", "name": </script>'
        f'<script type="application/ld+json">{json.dumps(good)}</script>'
    )
    data = extract_structured(body, "http://x.example/", ("json-ld",))
    assert [o["name"] for o in data.jsonld] == ["Furn.Co Parramatta"]
    assert len(data.errors) == 1 and data.errors[0].startswith("malformed JSON-LD")


def test_opening_hours_specification_regular_and_holiday():
    obj = {
        "openingHoursSpecification": [
            {"dayOfWeek": ["https://schema.org/Monday", "Tuesday"], "opens": "09:00:00",
             "closes": "17:30:00"},
            {"validFrom": "2026-12-25", "validThrough": "2026-12-25", "opens": "00:00",
             "closes": "00:00"},
            {"validFrom": "2026-12-26", "opens": "10:00", "closes": "16:00"},
        ]
    }  # fmt: skip
    assert hours_text(obj) == (
        "Mo,Tu 09:00-17:30",
        "2026-12-25 closed; 2026-12-26 10:00-16:00",
    )


def test_schema_fields_only_what_is_stated():
    assert fields_from_schema({"@type": "Store", "name": " Furn.Co ", "identifier": "FC-9"}) == {
        "name": "Furn.Co",
        "store_ref": "FC-9",
    }


def test_css_adapter_reads_rows_as_day_value_lines():
    body = """<h1 class="biz-name"> Furn.Co  Parramatta </h1>
      <div class="addr"><span>12 George St</span> , <span>Parramatta NSW 2150</span></div>
      <table class="hours"><tr><th>Monday</th><td>9am - 5pm</td></tr>
      <tr><th>Sunday</th><td>Closed</td></tr></table>"""
    fields = {"name": "h1.biz-name::text", "address": ".addr *::text", "hours": "table.hours tr",
              "phone": ".phone::text", "status": "xpath://div[@class='closed']/text()"}  # fmt: skip
    (record,) = (
        adapter_for("yb", {"type": "css", "fields": fields})
        .extract(html("http://yellowbook.example/listing/1", body))
        .records
    )
    assert record == {
        "name": "Furn.Co Parramatta",
        "address": "12 George St, Parramatta NSW 2150",
        "hours": "Monday: 9am - 5pm\nSunday: Closed",
    }


def test_json_api_records_and_next_page():
    payload = {
        "results": [
            {"id": 7, "title": "Furn.Co Parramatta", "tel": "02 9876 5401",
             "location": {"streetAddress": "12 George St", "addressLocality": "Parramatta"}},
            {"id": 8, "title": "Furn.Co Chatswood", "tel": None},
        ],
        "next": "/v1/places?brand=furnco&page=2",
    }  # fmt: skip
    config = {
        "type": "json_api",
        "records": "results",
        "next": "next",
        "fields": {"id": "id", "name": "title", "phone": "tel", "address": "location"},
    }
    response = TextResponse("http://api.placesdata.example/v1/places?brand=furnco&page=1",
                            body=json.dumps(payload).encode(), encoding="utf-8")  # fmt: skip
    out = adapter_for("placesdata", config).extract(response)
    assert out.records == [
        {"id": "7", "name": "Furn.Co Parramatta", "phone": "02 9876 5401",
         "address": {"street": "12 George St", "locality": "Parramatta"}},
        {"id": "8", "name": "Furn.Co Chatswood"},
    ]  # fmt: skip
    assert out.next_urls == ["http://api.placesdata.example/v1/places?brand=furnco&page=2"]


def test_json_api_malformed_body_is_an_error_not_a_crash():
    response = TextResponse("http://api.placesdata.example/v1", body=b"{oops", encoding="utf-8")
    out = adapter_for("p", {"type": "json_api", "records": "results"}).extract(response)
    assert out.records == [] and out.errors[0].startswith("malformed JSON")


def test_reviews_with_reply_and_without_key():
    body = """
    <article class="review" data-review-id="r-1"><span class="author">Ann</span>
      <span class="stars" data-value="4.5"></span><time datetime="2026-10-01T10:00:00Z"></time>
      <p class="body">Great sofa</p>
      <div class="owner-reply"><p class="text">Thanks Ann</p><time datetime="2026-10-03"></time>
      </div></article>
    <article class="review"><span class="author">Bob</span>
      <span class="stars" data-value="1"></span><time datetime="bad"></time>
      <p class="body">Late delivery</p></article>"""
    fields = {"reply": ".owner-reply .text::text",
              "reply_date": ".owner-reply time::attr(datetime)"}  # fmt: skip
    page = html("http://reviewhub.example/furnco/FC-00001/reviews", body)
    first, second = extract_reviews(page, "FC-00001", "article.review", fields)
    assert first["key"] == "r-1" and first["stars"] == 4.5
    assert str(first["date"]) == "2026-10-01" and str(first["reply_date"]) == "2026-10-03"
    assert first["reply"] == "Thanks Ann"
    assert second["key"].startswith("h-") and second["date"] is None and second["reply"] is None
    again = extract_reviews(page, "FC-00001", "article.review", fields)[1]["key"]
    other_store = extract_reviews(page, "FC-00002", "article.review", fields)[1]["key"]
    assert again == second["key"] != other_store


def test_unknown_adapter_type_is_a_clear_error():
    import pytest

    from auditor.crawl.adapters import UnknownAdapterError

    with pytest.raises(UnknownAdapterError, match="source 'x': unknown adapter type 'xml'"):
        adapter_for("x", {"type": "xml"})
