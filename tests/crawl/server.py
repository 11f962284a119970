"""A small virtual-host HTTP server on 127.0.0.1 that the crawler reaches as an HTTP proxy.

Pages are registered per absolute URL; each can misbehave on purpose (slow, 500, truncated)
so the crawl's handling of faults is tested against real sockets.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit


@dataclass
class Page:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    fault: str | None = None  # slow | truncated
    etag: bool = True


@dataclass
class VirtualHosts:
    pages: dict[str, Page] = field(default_factory=dict)
    hits: Counter = field(default_factory=Counter)
    conditional_hits: Counter = field(default_factory=Counter)
    user_agents: set[str] = field(default_factory=set)

    def add(self, url: str, body: str | bytes, **kwargs) -> None:
        data = body.encode() if isinstance(body, str) else body
        self.pages[url] = Page(data, **kwargs)


def _handler(world: VirtualHosts):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args) -> None:  # quiet
            pass

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            host = parts.hostname or (self.headers.get("Host") or "").split(":")[0]
            url = f"http://{host}{parts.path or '/'}" + (f"?{parts.query}" if parts.query else "")
            world.hits[url] += 1
            world.user_agents.add(self.headers.get("User-Agent", ""))
            page = world.pages.get(url)
            if page is None:
                return self._send(404, b"not found", "text/plain")
            etag = '"' + hashlib.sha1(page.body).hexdigest()[:16] + '"'
            if page.etag and self.headers.get("If-None-Match") == etag:
                world.conditional_hits[url] += 1
                self.send_response(304)
                self.send_header("ETag", etag)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None
            if page.fault == "slow":
                time.sleep(5)
            if page.fault == "truncated":
                self.send_response(200)
                self.send_header("Content-Type", page.content_type)
                self.send_header("Content-Length", str(len(page.body) + 500))
                self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(page.body)
                self.wfile.flush()
                self.close_connection = True
                return None
            headers = {"ETag": etag} if page.etag and page.status == 200 else {}
            return self._send(page.status, page.body, page.content_type, headers)

        def _send(self, status, body, content_type, headers=None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(body)

    return Handler


class ProxyServer:
    """Context manager: serves ``world`` on a random loopback port; ``proxy_url`` to crawl via."""

    def __init__(self, world: VirtualHosts) -> None:
        self.world = world
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(world))
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def proxy_url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def __enter__(self) -> ProxyServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
