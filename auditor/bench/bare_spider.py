"""The baseline for the crawl benchmark: bare Scrapy + extruct over a given list of URLs.

``python -m auditor.bench.bare_spider URLS_FILE PROXY`` fetches every URL through the proxy with
the same concurrency as the auditor's loopback crawl, runs extruct on each HTML page, stores
nothing, and prints the number of pages fetched.
"""

from __future__ import annotations

import sys
from pathlib import Path

import extruct
import scrapy
from scrapy.crawler import CrawlerProcess


class BareSpider(scrapy.Spider):
    name = "bare"

    def __init__(self, urls: list[str], proxy: str, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.urls = urls
        self.proxy = proxy
        self.pages = 0

    async def start(self):
        for url in self.urls:
            yield scrapy.Request(url, meta={"proxy": self.proxy}, dont_filter=True)

    def parse(self, response):
        self.pages += 1
        if b"<html" in response.body[:200].lower() or b"<!doctype" in response.body[:50].lower():
            extruct.extract(
                response.text, base_url=response.url, syntaxes=["json-ld", "microdata"], uniform=True
            )


def main() -> None:
    urls_file, proxy = sys.argv[1], sys.argv[2]
    urls = [line.strip() for line in Path(urls_file).read_text(encoding="utf-8").splitlines() if line.strip()]
    process = CrawlerProcess(
        {
            "LOG_LEVEL": "ERROR",
            "ROBOTSTXT_OBEY": False,
            "CONCURRENT_REQUESTS": 64,
            "CONCURRENT_REQUESTS_PER_DOMAIN": 64,
            "DOWNLOAD_DELAY": 0,
            "AUTOTHROTTLE_ENABLED": False,
            "TELNETCONSOLE_ENABLED": False,
            "HTTPERROR_ALLOW_ALL": True,
        }
    )
    crawler = process.create_crawler(BareSpider)
    process.crawl(crawler, urls=urls, proxy=proxy)
    process.start()
    print(crawler.spider.pages)


if __name__ == "__main__":
    main()
