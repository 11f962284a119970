"""Headless Chromium driven over the DevTools protocol: load a page, collect console errors and
dialogs, take a screenshot. Debian's chromium; no browser download."""

from __future__ import annotations

import base64
import contextlib
import json
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import websocket

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    "--window-size=1280,1600",
)


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@dataclass
class PageVisit:
    """What happened while one page loaded."""

    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    screenshot: bytes = b""
    title: str = ""


class Chromium:
    """One headless browser with a fresh profile, closed on exit."""

    def __init__(self) -> None:
        binary = chromium_path()
        if binary is None:
            raise RuntimeError("chromium not found: apt-get install -y chromium")
        self.profile = tempfile.mkdtemp(prefix="auditor-chromium-")
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.process = subprocess.Popen(
            [
                binary,
                *CHROMIUM_FLAGS,
                f"--user-data-dir={self.profile}",
                f"--remote-debugging-port={self.port}",
                "--remote-debugging-address=127.0.0.1",
                "--remote-allow-origins=*",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self._wait_ready()

    def _wait_ready(self, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/json/version", timeout=2):
                    return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("chromium did not open its DevTools port")

    def _page_socket(self) -> websocket.WebSocket:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/json/list", timeout=5) as response:
            targets = json.load(response)
        page = next(t for t in targets if t.get("type") == "page")
        return websocket.create_connection(page["webSocketDebuggerUrl"], timeout=30)

    def visit(self, url: str, settle: float = 0.5) -> PageVisit:
        """Load ``url``; console errors, exceptions and JavaScript dialogs are recorded."""
        visit = PageVisit()
        ws = self._page_socket()
        ids = iter(range(1, 10_000))
        replies: dict[int, dict] = {}

        def send(method: str, **params: object) -> int:
            call_id = next(ids)
            ws.send(json.dumps({"id": call_id, "method": method, "params": params}))
            return call_id

        def handle(message: dict) -> None:
            method = message.get("method")
            params = message.get("params", {})
            if "id" in message:
                replies[message["id"]] = message
            elif method == "Runtime.exceptionThrown":
                visit.errors.append(params["exceptionDetails"].get("text", "exception"))
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                visit.errors.append(" ".join(str(a.get("value", "")) for a in params.get("args", [])))
            elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
                visit.errors.append(params["entry"].get("text", ""))
            elif method == "Page.javascriptDialogOpening":
                visit.dialogs.append(params.get("message", ""))
                send("Page.handleJavaScriptDialog", accept=True)

        def wait_for(call_id: int | None = None, event: str | None = None, timeout: float = 30) -> dict:
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                if call_id is not None and call_id in replies:
                    return replies.pop(call_id)
                ws.settimeout(max(0.05, deadline - time.monotonic()))
                message = json.loads(ws.recv())
                handle(message)
                if event and message.get("method") == event:
                    return message
            raise TimeoutError(f"no {event or call_id} from chromium")

        try:
            for domain in ("Page.enable", "Runtime.enable", "Log.enable"):
                wait_for(send(domain))
            send("Page.navigate", url=url)
            wait_for(event="Page.loadEventFired")
            end = time.monotonic() + settle
            ws.settimeout(0.1)
            while time.monotonic() < end:
                with contextlib.suppress(websocket.WebSocketTimeoutException):
                    handle(json.loads(ws.recv()))
            title = wait_for(send("Runtime.evaluate", expression="document.title", returnByValue=True))
            visit.title = title["result"]["result"].get("value", "")
            shot = wait_for(send("Page.captureScreenshot", format="png", captureBeyondViewport=True))
            visit.screenshot = base64.b64decode(shot["result"]["data"])
        finally:
            ws.close()
        return visit

    def close(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self) -> Chromium:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def save_screenshot(data: bytes, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path
