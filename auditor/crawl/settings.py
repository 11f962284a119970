"""Scrapy settings: the default settings module (scrapy.cfg) and the spec-derived overrides."""

from __future__ import annotations

from typing import Any

BOT_NAME = "auditor"
SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"

ROBOTSTXT_OBEY = True
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 4.0
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 8
DOWNLOAD_TIMEOUT = 20
RETRY_ENABLED = True
RETRY_TIMES = 2
DOWNLOAD_MAXSIZE = 2_000_000
DOWNLOAD_WARNSIZE = 0
DEPTH_LIMIT = 4
# A truncated body is kept (flagged "dataloss") so the fetch is recorded as truncated, not lost.
DOWNLOAD_FAIL_ON_DATALOSS = False
COOKIES_ENABLED = False
# items go through synchronous pipelines: Scrapy's default of 100 parallel item workers per
# response costs more in task scheduling than it saves
CONCURRENT_ITEMS = 1
TELNETCONSOLE_ENABLED = False
LOG_LEVEL = "WARNING"
HTTPERROR_ALLOW_ALL = True  # spiders see every status so each fetch is recorded
USER_AGENT = "BrandAuditor/0.1"

# One network policy (auditor.crawl.netpolicy): checked on every request before it is sent, and
# by the resolver on the address a host name gives, when connecting.
TWISTED_DNS_RESOLVER = "auditor.crawl.netpolicy.PolicyResolver"
AUDITOR_ALLOWED_HOSTS: list[str] = []  # the spec's domains (spec_settings); none: nothing allowed
AUDITOR_ALLOW_PRIVATE: list[str] = []  # crawl.allow_private: addresses or networks
REDIRECT_MAX_TIMES = 5

DOWNLOADER_MIDDLEWARES = {
    # first out and last back: one record per request, with its final outcome
    "auditor.crawl.middlewares.fetch_log.FetchLogMiddleware": 10,
    "auditor.crawl.middlewares.policy.NetPolicyMiddleware": 20,
    "auditor.crawl.middlewares.charset.CharsetMiddleware": 15,  # just before the record is closed
    # the policy covers the spider's domains, with a recorded reason (Scrapy's filter drops silently)
    "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "auditor.crawl.middlewares.robots.RuleNamingRobotsMiddleware": 100,
    "auditor.crawl.middlewares.proxy.SpecProxyMiddleware": 740,
    "auditor.crawl.middlewares.conditional.ConditionalRequestMiddleware": 580,
    "auditor.sources.middleware.PlatformMiddleware": 50,  # platform APIs: credentials, slots, refusals
    "auditor.sources.middleware.RetryAfterMiddleware": 560,  # 429 + Retry-After, before Scrapy's retry
}
SPIDER_MIDDLEWARES = {
    "auditor.crawl.middlewares.settle.SettleFetchMiddleware": 10,
    "scrapy.spidermiddlewares.depth.DepthMiddleware": None,
    "auditor.crawl.middlewares.depth.RecordedDepthMiddleware": 900,
    "auditor.sources.quota.BudgetMiddleware": 950,  # platform daily budgets, least recently read first
    # an audit needs no Referer header, and working out its policy costs on every request
    "scrapy.spidermiddlewares.referer.RefererMiddleware": None,
}
ITEM_PIPELINES = {
    "auditor.crawl.pipelines.normalise.NormalisePipeline": 300,
    "auditor.crawl.pipelines.match.MatchPipeline": 400,
    "auditor.crawl.pipelines.store.StorePipeline": 900,
}

# Set by the runner: the database and the run all spiders of one crawl write to.
AUDITOR_DB = None
AUDITOR_ENGINE = None
AUDITOR_RUN_ID = None
AUDITOR_BATCH_SIZE = 500
# Links followed from one index page; the rest are noted on its fetch record (a page of 10,000
# links is a trap or a mistake, not a directory page).
AUDITOR_MAX_LINKS_PER_PAGE = 1000

# Loopback tuning for the demo world and benchmarks: no politeness delay against ourselves.
LOOPBACK_OVERRIDES: dict[str, Any] = {
    "AUTOTHROTTLE_ENABLED": False,
    "CONCURRENT_REQUESTS": 64,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 64,
    "DOWNLOAD_DELAY": 0,
    "RETRY_TIMES": 1,
    "DOWNLOAD_TIMEOUT": 10,
}


def spec_settings(spec: Any) -> dict[str, Any]:
    """The settings the spec's ``crawl:`` block and brand contact decide."""
    crawl = getattr(spec, "crawl", None)
    out: dict[str, Any] = {}
    if crawl is None:
        return out
    agent = getattr(crawl, "user_agent", None)
    contact = getattr(getattr(spec, "brand", None), "contact", None)
    if not agent:
        agent = f"BrandAuditor/0.1 (+mailto:{contact})" if contact else USER_AGENT
    elif contact and contact not in agent:
        agent = f"{agent} (+mailto:{contact})"
    out["USER_AGENT"] = agent
    domains = spec.allowed_domains() if callable(getattr(spec, "allowed_domains", None)) else []
    out["AUDITOR_ALLOWED_HOSTS"] = list(domains)
    out["AUDITOR_ALLOW_PRIVATE"] = [str(a) for a in (getattr(crawl, "allow_private", None) or [])]
    if getattr(crawl, "max_page_bytes", None):
        out["DOWNLOAD_MAXSIZE"] = int(crawl.max_page_bytes)
    if getattr(crawl, "max_depth", None) is not None:
        out["DEPTH_LIMIT"] = int(crawl.max_depth)
    if getattr(crawl, "download_timeout", None):
        out["DOWNLOAD_TIMEOUT"] = float(crawl.download_timeout)
    if getattr(crawl, "retries", None) is not None:
        out["RETRY_TIMES"] = int(crawl.retries)
    if getattr(crawl, "autothrottle", None) is not None:
        out["AUTOTHROTTLE_ENABLED"] = bool(crawl.autothrottle)
    if getattr(crawl, "obey_robots", None) is not None:
        out["ROBOTSTXT_OBEY"] = bool(crawl.obey_robots)
    if getattr(crawl, "concurrency", None):
        out["CONCURRENT_REQUESTS"] = int(crawl.concurrency)
        out["CONCURRENT_REQUESTS_PER_DOMAIN"] = int(crawl.concurrency)
    return out
