"""A small virtual-host HTTP server on 127.0.0.1 that the crawler reaches as an HTTP proxy.

Pages are registered per absolute URL; each can misbehave on purpose so the crawl's handling of
faults is tested against real sockets: ``slow`` (5 s), ``truncated`` (shorter than announced),
``never`` (headers, then no body), ``drip`` (one byte a second), ``unsized`` (no Content-Length,
the body streamed until the connection closes), ``echo`` (the request's headers after the body).
Any status and headers can be given (redirects, Content-Encoding). A host with no page at all
answers 502, as a forward proxy does for a name it cannot resolve. Hanging answers end when the
server stops, and after 30 s at most.
"""

from __future__ import annotations

import hashlib
import sys
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
    fault: str | None = None  # slow | truncated | never | drip | unsized | echo
    etag: bool = True
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class VirtualHosts:
    pages: dict[str, Page] = field(default_factory=dict)
    hits: Counter = field(default_factory=Counter)
    conditional_hits: Counter = field(default_factory=Counter)
    user_agents: set[str] = field(default_factory=set)
    stop: threading.Event = field(default_factory=threading.Event)

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
                known = any(urlsplit(u).hostname == host for u in world.pages)
                if not known:
                    return self._send(502, b"unknown host", "text/plain")
                return self._send(404, b"not found", "text/plain")
            if page.fault in ("never", "drip", "unsized", "echo"):
                return self._misbehave(page)
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
            return self._send(page.status, page.body, page.content_type, {**headers, **page.headers})

        def _misbehave(self, page: Page) -> None:
            body = page.body
            if page.fault == "echo":
                body += "".join(f"<p>{k}: {v}</p>" for k, v in self.headers.items()).encode()
            self.send_response(page.status)
            self.send_header("Content-Type", page.content_type)
            for key, value in page.headers.items():
                self.send_header(key, value)
            if page.fault == "unsized":
                self.send_header("Connection", "close")
                self.close_connection = True
            else:
                self.send_header("Content-Length", str(len(body) or 1000))
            self.end_headers()
            self.wfile.flush()
            deadline = time.monotonic() + 30
            try:
                if page.fault == "never":
                    while not world.stop.wait(0.2) and time.monotonic() < deadline:
                        pass
                elif page.fault == "drip":
                    for i in range(len(body)):
                        if world.stop.wait(1.0) or time.monotonic() > deadline:
                            break
                        self.wfile.write(body[i : i + 1])
                        self.wfile.flush()
                else:
                    for start in range(0, len(body), 65536):
                        self.wfile.write(body[start : start + 65536])
            except OSError:  # the crawler gave up and closed the connection
                pass
            self.close_connection = True

        def _send(self, status, body, content_type, headers=None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(body)

    return Handler


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        """A crawler that hangs up on a page it gave up on is expected, not an error."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class ProxyServer:
    """Context manager: serves ``world`` on a random loopback port; ``proxy_url`` to crawl via."""

    def __init__(self, world: VirtualHosts) -> None:
        self.world = world
        self.httpd = _QuietServer(("127.0.0.1", 0), _handler(world))
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def proxy_url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def __enter__(self) -> ProxyServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.world.stop.set()
        self.httpd.shutdown()
        self.httpd.server_close()
