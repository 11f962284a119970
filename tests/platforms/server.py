# ruff: noqa: E501 (platform answers, one a line)
"""A local mock of the platforms' APIs on 127.0.0.1, reached by the crawler as an HTTP proxy:
each platform's host answers with its documented shape, checks the credential the way the
platform does, and can misbehave per listing id: ``429`` (Too Many Requests with Retry-After,
then the answer), ``429_always``, ``gone`` (the platform's not-found answer), ``malformed`` and
``cut`` (JSON that does not parse, or stops half-way) and ``short`` (shorter than announced)."""

from __future__ import annotations

import json
import threading
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from tests.platforms import render
from tests.platforms.world import HOSTS, Listing, Store

PLATFORM_OF_HOST = {host: name for name, host in HOSTS.items()}


@dataclass
class MockPlatforms:
    stores: list[Store]
    shown: dict[str, dict[str, Listing]]  # platform -> store id -> listing
    tokens: dict[str, str] = field(default_factory=dict)  # platform -> the credential it accepts
    faults: dict[tuple[str, str], str] = field(default_factory=dict)  # (platform, listing id) -> fault
    hits: Counter = field(default_factory=Counter)
    headers_seen: list[dict[str, str]] = field(default_factory=list)

    def store_by_id(self, platform: str, ident: str) -> Store | None:
        column = {"google_business_profile": "google_location", "google_places": "place_id",
                  "foursquare": "fsq_id", "facebook": "facebook_page",
                  "apple_business_connect": "apple_location"}[platform]  # fmt: skip
        return next((s for s in self.stores if s.ids[column] == ident), None)


def _ident(platform: str, path: str) -> str:
    parts = [unquote(p) for p in path.strip("/").split("/")]
    if platform == "google_business_profile":
        return "/".join(parts[1:3])  # v1/locations/N
    return parts[-1]


def _credential_error(platform: str, given: str) -> tuple[int, dict[str, Any]]:
    """The platform's own answer to a missing, wrong or expired credential."""
    if platform == "facebook" and given == "expired-token":
        return 400, {"error": {"message": "Error validating access token: Session has expired on Monday, "
                               "30-Nov-26 10:00:00 PST.", "type": "OAuthException", "code": 190,
                               "error_subcode": 463, "fbtrace_id": "AbC1"}}  # fmt: skip
    if platform in ("google_business_profile",):
        return 401, {"error": {"code": 401, "status": "UNAUTHENTICATED", "message": "Request had invalid "
                               "authentication credentials. Expected OAuth 2 access token."}}  # fmt: skip
    if platform == "google_places":
        return 400, {"error": {"code": 400, "status": "INVALID_ARGUMENT",
                               "message": "API key not valid. Please pass a valid API key."}}
    if platform == "foursquare":  # some APIs repeat what they were sent
        return 401, {"message": f"Invalid request token {given}."}
    if platform == "facebook":
        return 400, {"error": {"message": "Invalid OAuth access token - Cannot parse access token",
                               "type": "OAuthException", "code": 190, "fbtrace_id": "AbC2"}}
    return 403, {"code": "FORBIDDEN", "message": "The access token is not valid for this company."}


def _not_found(platform: str, ident: str) -> tuple[int, dict[str, Any]]:
    if platform.startswith("google"):
        return 404, {"error": {"code": 404, "status": "NOT_FOUND", "message": "Requested entity was not found."}}
    if platform == "facebook":
        return 400, {"error": {"message": f"Unsupported get request. Object with ID '{ident}' does not exist, "
                               "cannot be loaded due to missing permissions, or does not support this operation.",
                               "type": "GraphMethodException", "code": 100, "error_subcode": 33}}  # fmt: skip
    return 404, {"message": "Place not found"}


def _masked(answer: dict[str, Any], mask: str) -> dict[str, Any]:
    """Places answers only the fields the X-Goog-FieldMask names."""
    wanted = {m.strip().split(".")[0] for m in mask.split(",")}
    return {k: v for k, v in answer.items() if k in wanted or "*" in wanted}


def _handler(world: MockPlatforms) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: Any) -> None:
            pass

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            host = parts.hostname or ""
            platform = PLATFORM_OF_HOST.get(host)
            world.hits[(platform, parts.path)] += 1
            world.headers_seen.append(dict(self.headers.items()))
            if platform is None:
                return self.send(502, {"error": "unknown host"})
            if parts.path == "/robots.txt":
                return self.send(404, {"error": "no robots.txt"})
            if platform == "osm_overpass":
                return self.overpass(parse_qs(parts.query).get("data", [""])[0])
            if platform == "alltheplaces":
                features = [render.atp_feature(s, world.shown[platform][s.store_id]) for s in world.stores]
                return self.send(200, {"type": "FeatureCollection", "features": features})
            if platform == "google_business_profile_reviews":
                platform, reviews = "google_business_profile", True
            else:
                reviews = False
            given = self.credential(platform)
            if given != world.tokens.get(platform):
                return self.send(*_credential_error(platform, given))
            if reviews:
                return self.reviews(platform, parts.path)
            if platform == "google_business_profile" and parts.path.endswith("/locations"):
                return self.location_list(parse_qs(parts.query))
            ident = _ident(platform, parts.path)
            fault = world.faults.get((platform, ident), "")
            if (fault == "429" and world.hits[(platform, parts.path)] == 1) or fault == "429_always":
                return self.send(429, {"error": {"code": 429, "status": "RESOURCE_EXHAUSTED",
                                                 "message": "Quota exceeded."}}, {"Retry-After": "1"})  # fmt: skip
            store = world.store_by_id(platform, ident)
            if store is None or fault == "gone":
                return self.send(*_not_found(platform, ident))
            if platform == "google_places" and not self.headers.get("X-Goog-FieldMask"):
                return self.send(400, {"error": {"code": 400, "status": "INVALID_ARGUMENT",
                                                 "message": "FieldMask is a required parameter."}})  # fmt: skip
            answer = render.PER_STORE[platform](store, world.shown[platform][store.store_id])
            if platform == "google_places":
                answer = _masked(answer, self.headers["X-Goog-FieldMask"])
            body = json.dumps(answer).encode()
            if fault == "malformed":
                body = body.replace(b'":', b'"=', 1)
            elif fault == "cut":
                body = body[: len(body) // 2]
            elif fault == "short":
                return self.send_raw(200, body[: len(body) // 2], announced=len(body))
            return self.send_raw(200, body)

        def location_list(self, query: dict[str, list[str]]) -> None:
            """accounts.locations.list: ``pageSize`` a page, ``nextPageToken`` while more remain."""
            size = int(query.get("pageSize", ["10"])[0])
            start = int(query.get("pageToken", ["0"])[0])
            shown = world.shown["google_business_profile"]
            page = []
            for store in world.stores[start : start + size]:
                location = render.google_business_profile(store, shown[store.store_id])
                page.append({**location, "storeCode": store.store_id})
            answer: dict[str, Any] = {"locations": page}
            if start + size < len(world.stores):
                answer["nextPageToken"] = str(start + size)
            return self.send(200, answer)

        def reviews(self, platform: str, path: str) -> None:
            parts = path.strip("/").split("/")
            ident = "/".join(parts[3:5]) if platform == "google_business_profile" else parts[-2]
            store = world.store_by_id(platform, ident)
            if store is None:
                return self.send(*_not_found(platform, ident))
            return self.send(200, render.gbp_reviews(store))

        def credential(self, platform: str) -> str:
            if platform == "google_places":
                return self.headers.get("X-Goog-Api-Key", "")
            value = self.headers.get("Authorization", "")
            if platform == "foursquare":
                return value
            return value[7:] if value.startswith("Bearer ") else ""

        def overpass(self, query: str) -> None:
            if "brand:wikidata" not in query or "out:json" not in query:
                return self.send_raw(400, b"<html><body><p>Error: line 1: parse error</p></body></html>")
            elements = [render.osm_element(s, world.shown["osm_overpass"][s.store_id]) for s in world.stores]
            return self.send(200, {"version": 0.6, "generator": "Overpass API (mock)",
                                   "osm3s": {"timestamp_osm_base": "2026-12-01T00:00:00Z",
                                             "copyright": "The data included in this document is from "
                                                          "www.openstreetmap.org. The data is made available "
                                                          "under ODbL."},
                                   "elements": elements})  # fmt: skip

        def send(self, status: int, data: Any, headers: dict[str, str] | None = None) -> None:
            self.send_raw(status, json.dumps(data).encode(), headers=headers)

        def send_raw(self, status: int, body: bytes, announced: int | None = None,
                     headers: dict[str, str] | None = None) -> None:  # fmt: skip
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=UTF-8")
            self.send_header("Content-Length", str(announced or len(body)))
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            if announced:
                self.send_header("Connection", "close")
                self.close_connection = True
            self.end_headers()
            self.wfile.write(body)

    return Handler


class MockServer:
    """``with MockServer(world) as server: server.proxy_url``."""

    def __init__(self, world: MockPlatforms) -> None:
        self.world = world
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(world))
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def proxy_url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def __enter__(self) -> MockServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
