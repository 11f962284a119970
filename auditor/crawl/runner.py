"""Run the whole crawl (site, listings, reviews) in one CrawlerProcess for one audit run.

Scrapy's reactor starts once per process: call ``run_crawl`` once, or use
``python -m auditor.crawl.runner SPEC DB`` from tests and benchmarks.
"""

from __future__ import annotations

import argparse
import gc
import logging
import sys
from typing import Any

from scrapy import signals
from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings
from sqlalchemy.engine import Engine

from auditor.crawl import settings as default_settings
from auditor.crawl.context import register_engine, start_run
from auditor.crawl.memo import ensure_memo_table
from auditor.crawl.pipelines.store import crawl_stats, finish_run
from auditor.crawl.roster import sync_roster

SPIDERS = ("spiders.site.BrandSiteSpider", "spiders.listings.ListingsSpider",
           "spiders.reviews.ReviewsSpider")  # fmt: skip


def crawl_settings(spec: Any, overrides: dict[str, Any] | None = None) -> Settings:
    """Defaults (auditor.crawl.settings) < the spec's crawl block < explicit overrides."""
    settings = Settings()
    settings.setmodule(default_settings, priority="project")
    settings.update(default_settings.spec_settings(spec), priority="project")
    if overrides:
        settings.update(overrides, priority="cmdline")
    return settings


def _spider_class(dotted: str) -> type:
    from importlib import import_module

    module, name = dotted.rsplit(".", 1)
    return getattr(import_module(module), name)


def run_crawl(
    spec: Any,
    engine: Engine,
    progress: bool = True,
    settings_overrides: dict[str, Any] | None = None,
) -> int:
    """Crawl every touchpoint the spec names into a new run; returns the run id.

    The run ends ``complete``, ``interrupted`` (Ctrl-C, a spider closed early) or ``failed``.
    """
    ensure_memo_table(engine)
    sync_roster(engine, spec)
    run_id = start_run(engine, spec)
    settings = crawl_settings(spec, settings_overrides)
    settings.set("AUDITOR_ENGINE", register_engine(engine), priority="cmdline")
    settings.set("AUDITOR_RUN_ID", run_id, priority="cmdline")
    settings.set("LOG_INSTALL_ROOT_HANDLER", False, priority="cmdline")
    process = CrawlerProcess(settings)
    # Scrapy's loggers are left at NOTSET, so a debug record per page and per item would be
    # built and then dropped by the handler; filter at the logger instead.
    logging.getLogger("scrapy").setLevel(settings.get("LOG_LEVEL"))
    crawlers = []
    reasons: dict[str, str] = {}
    for dotted in SPIDERS:
        crawler = process.create_crawler(_spider_class(dotted))
        crawler.signals.connect(
            lambda spider, reason, **_: reasons.__setitem__(spider.name, reason),
            signal=signals.spider_closed,
            weak=False,
        )
        crawlers.append(crawler)
        process.crawl(crawler, spec=spec)
    display = None
    if progress:
        from auditor.crawl.progress import CrawlProgress

        display = CrawlProgress(crawlers)
        display.start()
    status = "failed"
    # A crawl holds many long-lived objects (spec, roster, memos, review keys) and makes few
    # reference cycles, so the default collector spent ~15% of a crawl re-scanning them:
    # keep what exists now out of collections and collect young objects less often.
    thresholds = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(20_000, 20, 10)
    try:
        process.start()
        finished = all(reasons.get(c.spidercls.name) == "finished" for c in crawlers)
        status = "complete" if finished else "interrupted"
    except KeyboardInterrupt:
        status = "interrupted"
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()
        if display is not None:
            display.stop()
        stats: dict[str, Any] = {}
        for crawler in crawlers:
            for key, value in crawl_stats(crawler.stats.get_stats() or {}).items():
                stats[key] = stats.get(key, 0) + value
        finish_run(engine, run_id, status, stats)
    return run_id


def main(argv: list[str] | None = None) -> int:
    """``python -m auditor.crawl.runner SPEC DB [--loopback] [--quiet]``: print the run id."""
    parser = argparse.ArgumentParser(prog="python -m auditor.crawl.runner")
    parser.add_argument("spec")
    parser.add_argument("db")
    parser.add_argument("--loopback", action="store_true", help="no politeness delay (local)")
    parser.add_argument("--quiet", action="store_true", help="no progress display")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                        help="a Scrapy setting (e.g. DOWNLOAD_TIMEOUT=2)")  # fmt: skip
    args = parser.parse_args(argv)
    from auditor.spec import SpecError, load_spec
    from auditor.store.engine import make_engine

    try:
        spec = load_spec(args.spec)
    except SpecError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    overrides = dict(default_settings.LOOPBACK_OVERRIDES) if args.loopback else {}
    for pair in args.set:
        name, _, value = pair.partition("=")
        overrides[name.strip()] = value.strip()
    run_id = run_crawl(spec, make_engine(args.db), progress=not args.quiet,
                       settings_overrides=overrides)  # fmt: skip
    print(run_id)
    return 0


if __name__ == "__main__":
    sys.exit(main())
