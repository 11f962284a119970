"""The demo world's HTTP server on 127.0.0.1: every ``.example`` site as a virtual host.

It answers proxy-style requests (``GET http://localpages.example/biz/1 HTTP/1.1``, what a
crawler sends through an HTTP proxy) and plain ones by their Host header. Pages carry stable
ETag and Last-Modified headers and answer conditional requests with 304. ``faults.json`` in the
world makes chosen URLs time out, fail with 500 or arrive truncated.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from auditor.demo.spec_file import brand_yaml

LAST_MODIFIED = "Fri, 20 Nov 2026 06:00:00 GMT"
TYPES = {
    ".xml": "application/xml",
    ".css": "text/css",
    ".png": "image/png",
    ".txt": "text/plain",
    ".json": "application/json",
}


class _Handler(BaseHTTPRequestHandler):
    server: DemoHTTPServer
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out as separate writes: no 40 ms waits

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _target(self) -> tuple[str, str]:
        if self.path.startswith(("http://", "https://")):
            parts = urlsplit(self.path)
            host, path = parts.hostname or "", parts.path or "/"
            query = parts.query
        else:
            host = (self.headers.get("Host") or "").split(":")[0]
            path, _, query = self.path.partition("?")
        return host.lower(), f"http://{host.lower()}{path}" + (f"?{query}" if query else "")

    def do_GET(self) -> None:
        host, url = self._target()
        if host not in self.server.hosts:
            self._send(502, b"unknown host", "text/plain")
            return
        fault = self.server.faults.get(url)
        if fault == "timeout":
            time.sleep(self.server.fault_delay)
        elif fault == "status_500":
            self._send(500, b"<h1>Internal Server Error</h1>", "text/html")
            return
        page = self.server.page(url)
        if page is None and "?" not in url and not url.endswith("/") and self.server.page(url + "/"):
            self._send(301, b"", "text/html", {"Location": url + "/"})  # as web servers do for folders
            return
        if page is None:
            self._send(404, b"<h1>Not found</h1>", "text/html")
            return
        body, content_type, etag = page
        if self.headers.get("If-None-Match") == etag or (
            self.headers.get("If-Modified-Since") == LAST_MODIFIED and not self.headers.get("If-None-Match")
        ):
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if fault == "truncated":
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(body[: len(body) // 3])
            self.wfile.flush()
            self.close_connection = True
            return
        self._send(200, body, content_type, {"ETag": etag, "Last-Modified": LAST_MODIFIED})

    def _send(
        self, status: int, body: bytes, content_type: str, headers: dict[str, str] | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)


class DemoHTTPServer(ThreadingHTTPServer):
    """Serves a generated world from memory (files read once, then cached)."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, world_dir: Path, fault_delay: float, faults: bool = True) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.world_dir = world_dir
        self.hosts = {p.name for p in world_dir.iterdir() if p.is_dir()}
        faults_file = world_dir / "faults.json"
        planted = json.loads(faults_file.read_text()) if faults and faults_file.exists() else {}
        self.faults: dict[str, str] = planted
        self.fault_delay = fault_delay
        self._cache: dict[str, tuple[bytes, str, str] | None] = {}
        self._lock = threading.Lock()

    def handle_error(self, request, client_address) -> None:
        """A crawler that gave up on a slow page (a planted timeout) is not an error here."""
        import sys

        if not isinstance(sys.exc_info()[1], ConnectionError | TimeoutError):
            super().handle_error(request, client_address)

    def page(self, url: str) -> tuple[bytes, str, str] | None:
        """(body, content type, ETag) of ``url``, or None."""
        cached = self._cache.get(url)
        if cached is not None or url in self._cache:
            return cached
        from auditor.demo.world import url_file

        path = url_file(self.world_dir, url)
        entry = None
        if path.is_file():
            body = path.read_bytes()
            suffix = path.name.split("@", 1)[0]
            content_type = next(
                (t for ext, t in TYPES.items() if suffix.endswith(ext)), "text/html; charset=utf-8"
            )
            entry = (body, content_type, '"' + hashlib.sha1(body).hexdigest()[:20] + '"')
        with self._lock:
            self._cache[url] = entry
        return entry


class DemoServer:
    """A running demo server; use as a context manager."""

    def __init__(self, world_dir: str | Path, fault_delay: float = 13.0, faults: bool = True) -> None:
        self.httpd = DemoHTTPServer(Path(world_dir), fault_delay, faults)
        self.thread = threading.Thread(target=self.httpd.serve_forever, name="demo-server", daemon=True)

    @property
    def proxy_url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def start(self) -> DemoServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self) -> DemoServer:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()


def serve(world_dir: str | Path, fault_delay: float = 13.0, faults: bool = True) -> DemoServer:
    """A server for a generated world (not yet started: use ``with serve(dir) as server``);
    ``faults=False`` serves every page normally (for benchmarks)."""
    return DemoServer(world_dir, fault_delay, faults)


def write_served_spec(world, proxy_url: str) -> Path:
    """A copy of the world's brand.yaml whose crawl goes through ``proxy_url``; returns its path."""
    path = world.root / "brand.served.yaml"
    path.write_text(brand_yaml(proxy=proxy_url), encoding="utf-8")
    return path
