"""Review stars and dates in the forms and languages review sites write them."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scrapy.http import HtmlResponse

from auditor.crawl.adapters.reviews import ReviewReader, read_reviews, stars_of
from auditor.normalise.dates import date_order, read_date
from auditor.normalise.stars import read_stars

TODAY = dt.date(2025, 3, 20)


@pytest.mark.parametrize(
    ("text", "stars"),
    [
        ("4", 4.0), ("4.5", 4.5), ("4,5", 4.5), (4, 4.0), ("4.5 stars (123 reviews)", 4.5),
        ("4/5", 4.0), ("4 / 5", 4.0), ("4,5 von 5", 4.5), ("Bewertung: 4,0 von 5 Sternen", 4.0),
        ("4.5 out of 5", 4.5), ("Rated 4 out of 5 stars", 4.0), ("5 sur 5 étoiles", 5.0),
        ("4 de 5 estrellas", 4.0), ("3 van 5 sterren", 3.0), ("Note : 4/5", 4.0), ("8/10", 4.0),
        ("★★★★☆", 4.0), ("★★★★", 4.0), ("★★★½☆", 3.5), ("⭐⭐⭐", 3.0),
        ("4.5 ★", 4.5), ("123 reviews · 4.5 ★", 4.5), ("⭐ 4.7 (1.2k)", 4.7),
        ("width: 80%", 4.0), ("width:90%", 4.5), ("80%", 4.0),
        ("stars-4", 4.0), ("rating-45", 4.5), ("star-rating-4-5", 4.5), ("c-rating--40", 4.0),
        ("review-stars rating_3", 3.0), ("sr-stars-val-3.5", 3.5),
        ("Five stars", 5.0), ("vier Sterne", 4.0), ("trois étoiles", 3.0),
    ],
)  # fmt: skip
def test_stars_in_written_forms(text, stars) -> None:
    assert read_stars(text) == (stars, None)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "no star rating shown"),
        (None, "no star rating shown"),
        ("great", "shows no star rating in a form the auditor reads"),
        ("9.2", "is above 5 and the page gives no scale"),
        ("6/5", "is outside its scale of 5"),
        ("★★★★★★", "the scale is unknown"),
        ("stars-7", "rating class above 5"),
    ],
)
def test_unreadable_stars_are_none_with_a_reason_never_zero(text, reason) -> None:
    value, problem = read_stars(text)
    assert value is None and reason in problem


@pytest.mark.parametrize(
    ("text", "languages", "country", "expected"),
    [
        ("2025-03-12", (), None, "2025-03-12"),
        ("2025-03-12T10:11:12+01:00", (), None, "2025-03-12"),
        ("3 days ago", ("en",), "GB", "2025-03-17"),
        ("vor 3 Tagen", ("de", "fr"), "DE", "2025-03-17"),
        ("il y a 2 semaines", ("de", "fr"), "BE", "2025-03-06"),
        ("gestern", (), "AT", "2025-03-19"),
        ("hace 3 días", (), "ES", "2025-03-17"),
        ("12. März 2025", ("de",), "DE", "2025-03-12"),
        ("12 mars 2025", ("fr",), "FR", "2025-03-12"),
        ("12 maart 2025", (), "NL", "2025-03-12"),
        ("March 12, 2025", ("en",), "US", "2025-03-12"),
        ("12/03/2025", (), "FR", "2025-03-12"),
        ("03/12/2025", (), "US", "2025-03-12"),
        ("12.03.2025", (), "DE", "2025-03-12"),
        ("Reviewed 12 March 2025", ("en",), "GB", "2025-03-12"),
        ("12. März", ("de",), "DE", "2025-03-12"),  # no year: the latest past 12 March
        ("25 déc.", ("fr",), "FR", "2024-12-25"),
    ],
)
def test_dates_in_forms_and_languages(text, languages, country, expected) -> None:
    assert read_date(text, languages, country, TODAY) == (dt.date.fromisoformat(expected), None)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "no date shown"),
        ("5", "is not a date"),
        ("2025-02-30", "is not a calendar date"),
        ("12/03/2025", "after the day the page was read"),  # 3 December in the US
        ("Verified buyer", "is not a date in a form the auditor reads"),
    ],
)
def test_unreadable_dates_have_a_reason(text, reason) -> None:
    value, problem = read_date(text, ("en",), "US", TODAY)
    assert value is None and reason in problem


def test_date_order_per_country() -> None:
    assert [date_order(c) for c in ("FR", "US", "JP", "", None)] == ["DMY", "MDY", "YMD", "DMY", "DMY"]


def test_thousands_of_dates_read_quickly() -> None:
    labels = [f"{d} {m} 2024" for d in range(1, 29) for m in ("März", "April", "Mai")]
    labels += [f"vor {n} Tagen" for n in range(1, 60)] + [f"2024-01-{d:02d}" for d in range(1, 29)]
    start = time.perf_counter()
    for _ in range(20):  # a crawl meets the same labels again and again
        for label in labels:
            assert read_date(label, ("de",), "DE", TODAY)[0] is not None
    assert time.perf_counter() - start < 10.0  # ~1 s alone: languages load once, then the cache


def page(body: str) -> HtmlResponse:
    return HtmlResponse("http://reviews.example/s/1", body=f"<html><body>{body}</body></html>".encode(),
                        encoding="utf-8")  # fmt: skip


def test_star_widget_element_read_from_its_attributes_or_parts() -> None:
    tree = page(
        '<div class="r"><span class="stars" aria-label="Rated 3 out of 5 stars"></span></div>'
        '<div class="r"><span class="stars"><i class="star full"></i><i class="star full"></i>'
        '<i class="star empty"></i><i class="star empty"></i><i class="star empty"></i></span></div>'
        '<div class="r"><span class="stars"><span style="width: 60%"></span></span></div>'
        '<div class="r"><span class="stars">lovely</span></div>'
    ).selector.root
    found = [stars_of(el.xpath(".//span[@class='stars']")) for el in tree.xpath("//div[@class='r']")]
    assert [f[0] for f in found] == [3.0, 2.0, 3.0, None]
    assert "lovely" in found[3][1]


def test_css_reviews_record_why_stars_and_dates_were_not_read() -> None:
    body = (
        '<article class="review" data-review-id="a"><span class="stars">★★★★☆</span>'
        '<time>12. März 2025</time><p class="body">Gut</p></article>'
        '<article class="review" data-review-id="b"><span class="stars">super</span>'
        '<time>bald</time><p class="body">Naja</p></article>'
    )
    adapter = {"type": "css", "review": "article.review",
               "review_fields": {"stars": ".stars::text", "date": "time::text"}}  # fmt: skip
    first, second = read_reviews(page(body), adapter, "S1", ("de",), "DE")
    assert (first["stars"], str(first["date"]), first["problems"]) == (4.0, "2025-03-12", {})
    assert second["stars"] is None and second["date"] is None
    assert set(second["problems"]) == {"stars", "date"}


def test_schema_org_reviews_embedded_on_a_store_page() -> None:
    body = """<script type="application/ld+json">{"@context": "https://schema.org",
      "@type": "Store", "name": "Bäckerei", "review": [
        {"@type": "Review", "author": {"@type": "Person", "name": "Eva"},
         "datePublished": "2025-02-01", "reviewBody": "Sehr gut",
         "reviewRating": {"@type": "Rating", "ratingValue": "9", "bestRating": "10"},
         "comment": {"@type": "Comment", "text": "Danke!", "dateCreated": "2025-02-02"}},
        {"@type": "Review", "author": "Jo", "reviewBody": "ok"}]}</script>"""
    first, second = read_reviews(page(body), {"type": "jsonld"}, "S1", (), "DE")
    assert (first["author"], first["stars"], str(first["date"])) == ("Eva", 4.5, "2025-02-01")
    assert (first["reply"], str(first["reply_date"])) == ("Danke!", "2025-02-02")
    assert second["stars"] is None and second["problems"]["stars"] == "no star rating shown"
    assert second["problems"]["date"] == "no date shown"


def test_review_reader_counts_relative_dates_from_the_fetch_day() -> None:
    reader = ReviewReader(("en",), today=TODAY)
    review = reader.review("S1", {"date": "2 weeks ago", "text": "fine"}, (5.0, None), "GB")
    assert str(review["date"]) == "2025-03-06"


def test_schema_org_reviews_in_microdata_and_rdfa() -> None:
    microdata = """<div itemscope itemtype="https://schema.org/Store"><span itemprop="name">Shop</span>
      <div itemprop="review" itemscope itemtype="https://schema.org/Review">
        <span itemprop="author">Ann</span><meta itemprop="datePublished" content="2025-01-05">
        <div itemprop="reviewRating" itemscope itemtype="https://schema.org/Rating">
          <meta itemprop="ratingValue" content="4"><meta itemprop="bestRating" content="5"></div>
        <p itemprop="reviewBody">Nice</p></div></div>"""
    (review,) = read_reviews(page(microdata), {"type": "microdata"}, "S1", (), "GB")
    assert (review["author"], review["stars"], str(review["date"]), review["text"]) == (
        "Ann", 4.0, "2025-01-05", "Nice")
    rdfa = """<div vocab="https://schema.org/" typeof="Store"><span property="name">Shop</span>
      <div property="review" typeof="Review"><span property="author">Bo</span>
        <span property="datePublished" content="2025-01-06">6 Jan</span>
        <div property="reviewRating" typeof="Rating"><span property="ratingValue">3</span></div>
        <p property="reviewBody">Fine</p></div></div>"""
    (review,) = read_reviews(page(rdfa), {"type": "auto"}, "S1", (), "GB")
    assert (review["stars"], str(review["date"]), review["text"]) == (3.0, "2025-01-06", "Fine")


def test_a_bare_score_on_a_declared_scale() -> None:
    assert read_stars("9.2", 10) == (4.6, None)
    assert read_stars("4/5", 10) == (4.0, None)  # a scale the page states wins
    assert read_stars("★★★☆☆", 10) == (3.0, None)
    assert read_stars("11", 10)[0] is None and "outside its scale of 10" in read_stars("11", 10)[1]
    body = '<div class="r"><b class="score">8,8</b></div>'
    adapter = {"type": "css", "review": "div.r", "stars_scale": 10,
               "review_fields": {"stars": ".score::text"}}  # fmt: skip
    assert read_reviews(page(body), adapter, "S1")[0]["stars"] == 4.4


def test_listing_rating_read_like_review_stars() -> None:
    from auditor.crawl.fields import normalise_field

    assert normalise_field("rating", "4,5 von 5", "DE") == (4.5, None)
    assert normalise_field("rating", "8.6/10", "GB") == (4.3, None)
    assert normalise_field("rating", "3.9 (16)", "AU") == (3.9, None)
    value, problem = normalise_field("rating", "9.2", "GB")
    assert value is None and "no scale" in problem


def test_identical_reviews_without_ids_stay_two_reviews() -> None:
    same = '<article class="review"><span class="author">Jo</span><p class="body">Nice</p></article>'
    adapter = {"type": "css", "review": "article.review", "review_fields": {}}
    first, second = read_reviews(page(same * 2), adapter, "S1")
    assert first["key"].startswith("h-") and second["key"] == first["key"] + "-2"
    assert read_reviews(page(same * 2), adapter, "S1")[1]["key"] == second["key"]  # stable


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("0123456789.,/ -_%★☆½abcdefstarvonout:;()"), max_size=3000))
def test_stars_reader_never_raises_and_stays_linear(text: str) -> None:
    start = time.perf_counter()
    value, problem = read_stars.__wrapped__(text)
    assert (value is None) != (problem is None)
    assert value is None or 0 <= value <= 5
    assert time.perf_counter() - start < 0.05


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400))
def test_date_reader_never_raises(text: str) -> None:
    value, problem = read_date(text, ("de",), "DE", TODAY)
    assert (value is None) != (problem is None)
    assert value is None or value <= TODAY + dt.timedelta(days=1)
