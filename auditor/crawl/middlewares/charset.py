"""Downloader middleware: a text response whose declared charset does not fit its bytes is read
in the charset that does, and the mismatch is noted on its fetch record.

Two mislabellings are common and safe to tell apart: UTF-8 bytes declared as a single-byte
charset (they decode as UTF-8, which text in a single-byte charset almost never does), and
single-byte text declared as UTF-8 (it does not decode as UTF-8; read as Windows-1252). The note
makes the page a recorded gap: its values are kept but not judged.
"""

from __future__ import annotations

import codecs
from typing import Any

from scrapy import Request
from scrapy.http import Response, TextResponse

SINGLE_BYTE = ("latin-1", "iso8859", "cp125", "windows-125", "ascii")


def _codec(name: str) -> str | None:
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def declared_charset(response: Response) -> str | None:
    """The charset the Content-Type header declares, as a codec name, or None."""
    value = (response.headers.get("Content-Type") or b"").decode("latin-1").lower()
    for part in value.split(";")[1:]:
        key, _, name = part.strip().partition("=")
        if key == "charset" and name:
            return _codec(name)
    return None


def charset_mismatch(body: bytes, declared: str) -> tuple[str, str] | None:
    """(encoding to read with, note) when ``body`` is not in the ``declared`` charset."""
    if declared == "utf-8":
        try:
            body.decode("utf-8")
        except UnicodeDecodeError:
            return "cp1252", "charset: declared utf-8 but the body is not utf-8; read as windows-1252"
        return None
    if declared.startswith(SINGLE_BYTE) and not body.isascii():
        try:
            body.decode("utf-8")
        except UnicodeDecodeError:
            return None
        return "utf-8", f"charset: declared {declared} but the body is utf-8; read as utf-8"
    return None


class CharsetMiddleware:
    """Fixes the reading of mislabelled text responses; the note goes on the fetch record."""

    def process_response(self, request: Request, response: Response, spider: Any = None) -> Response:
        if not isinstance(response, TextResponse) or not response.body:
            return response
        declared = declared_charset(response)
        found = charset_mismatch(response.body, declared) if declared else None
        if found is None:
            return response
        encoding, note = found
        request.meta["fetch_note"] = note
        return response.replace(encoding=encoding)
