"""Per-field quality counters: read, normalised, unreadable and why, per source and field."""

from __future__ import annotations

import scrapy
from scrapy.utils.test import get_crawler

from auditor.crawl.adapters.base import Record
from auditor.crawl.field_stats import field_quality, reason_kind
from auditor.crawl.items import ObservedPage
from auditor.crawl.pipelines.normalise import NormalisePipeline


class Spider(scrapy.Spider):
    name = "fields"
    country = "GB"


def pipeline() -> tuple[NormalisePipeline, object]:
    crawler = get_crawler(Spider)
    crawler.spider = Spider()
    return NormalisePipeline.from_crawler(crawler), crawler.stats


def page(raw: dict, problems: dict | None = None, source: str = "dir") -> ObservedPage:
    record = Record(raw)
    record.problems.update(problems or {})
    return ObservedPage(url="http://dir.example/1", source=source, entity="e", location_id=None, raw=record)


def test_counts_per_source_and_field_with_reasons() -> None:
    normalise, stats = pipeline()
    for hours in ("Mo-Fr 09:00-17:00", "sometimes, ask", "whenever"):
        normalise.process_item(page({"hours": hours, "phone": "020 7946 0000"}))
    placeholder = {"phone": "template placeholder 'Your…'"}
    normalise.process_item(page({"phone": "Your Telephone Number"}, placeholder))
    rows = {(r["source"], r["field"]): r for r in field_quality(stats.get_stats())}
    hours, phone = rows[("dir", "hours")], rows[("dir", "phone")]
    assert (hours["read"], hours["normalised"], hours["unreadable"]) == (3, 1, 2)
    assert (phone["read"], phone["normalised"], phone["unreadable"]) == (4, 3, 1)
    assert phone["main_reason"] == "template placeholder … (1)"
    assert next(iter(rows)) == ("dir", "hours")  # the worst first


def test_the_page_country_drives_normalisation() -> None:
    normalise, _stats = pipeline()
    item = normalise.process_item(page({"address": {"street": "Rue Haute 2", "country": "BE"},
                                        "phone": "02 511 11 11"}))  # fmt: skip
    assert item.country == "BE"
    assert {v.field: v.normalised for v in item.values}["phone"] == "+3225111111"
    item = normalise.process_item(page({"phone": "020 7946 0000"}))
    assert item.country == "GB" and item.values[0].normalised == "+442079460000"


def test_reason_kind_drops_quoted_values() -> None:
    assert reason_kind("not a valid GB phone number") == "not a valid GB phone number"
    assert reason_kind("template placeholder 'Your Telephone Number'") == "template placeholder …"


def test_run_summary_and_report_show_the_counters(tmp_path) -> None:
    import json

    from rich.console import Console
    from sqlmodel import Session

    from auditor.report.html import write_html_report
    from auditor.report.terminal import print_run_summary
    from auditor.store.tables import AuditRun
    from tests.report.builder import build

    engine = build(tmp_path / "audit.db")
    stats = {"brand": "Furn.Co", "field/dir/hours/read": 10, "field/dir/hours/unreadable": 10,
             "field/dir/hours/unreadable/<b>hours</b> not understood": 10,
             "field/dir/phone/read": 10, "field/dir/phone/normalised": 10}  # fmt: skip
    with Session(engine) as session:
        run = session.get(AuditRun, 2)
        run.stats = json.dumps(stats)
        session.add(run)
        session.commit()
    console = Console(record=True, width=200)
    print_run_summary(engine, 2, console)
    text = console.export_text()
    assert "What each source let us read" in text and "10 (100%)" in text
    assert text.count("│ dir ") == 1  # only the field with something unreadable
    index = write_html_report(engine, tmp_path / "report", run_id=2).read_text()
    assert "What each source let us read" in index and "&lt;b&gt;hours&lt;/b&gt;" in index
