"""Downloader and spider middlewares: proxy, conditional requests, fetch log, settling."""
