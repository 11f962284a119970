"""Spider middleware: close a page's fetch record once the spider has read the page."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Iterator
from typing import Any

from scrapy.http import Response


class SettleFetchMiddleware:
    """After a callback, its fetch record is final; a callback crash is noted on it.

    Both forms are given so that Scrapy runs plain callbacks without async wrapping."""

    def process_spider_output(
        self, response: Response, result: Iterable[Any], spider: Any = None
    ) -> Iterator[Any]:
        try:
            yield from result
        finally:
            _settle(response)

    async def process_spider_output_async(
        self, response: Response, result: AsyncIterator[Any], spider: Any = None
    ) -> AsyncIterator[Any]:
        try:
            async for item in result:
                yield item
        finally:
            _settle(response)

    def process_spider_exception(self, response: Response, exception: Exception, spider=None):
        record = response.meta.get("fetch_record")
        if record is not None:
            record.error = record.error or f"parse error: {type(exception).__name__}: {exception}"
            record.settled = True
        return []


def _settle(response: Response) -> None:
    record = response.meta.get("fetch_record")
    if record is not None:
        record.settled = True
