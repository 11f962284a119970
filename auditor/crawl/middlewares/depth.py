"""Spider middleware: Scrapy's depth limit, with each link it leaves unfollowed recorded as a gap."""

from __future__ import annotations

from scrapy import Request
from scrapy.http import Response
from scrapy.spidermiddlewares.depth import DepthMiddleware

from auditor.crawl.fetchlog import finish
from auditor.crawl.middlewares.fetch_log import record_for


class RecordedDepthMiddleware(DepthMiddleware):
    """A request deeper than DEPTH_LIMIT gets a fetch record ``depth`` instead of vanishing."""

    def get_processed_request(self, request: Request, response: Response | None) -> Request | None:
        kept = super().get_processed_request(request, response)
        if kept is None and response is not None:
            record = record_for(self.crawler, request)
            finish(record, "depth", f"depth: deeper than crawl.max_depth ({self.maxdepth})")
            self.stats.inc_value(f"auditor/{record.source}/gaps/depth")
        return kept

