"""URLs: scheme, `www.`, default port, trailing slash, fragment and tracking parameters folded."""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from auditor.normalise.errors import NormaliseError

_TRACKING_PREFIXES = ("utm_", "mc_", "_hs")
_TRACKING_KEYS = {"gclid", "fbclid", "msclkid", "dclid", "yclid", "igshid", "ref", "referrer"}


@lru_cache(maxsize=65536)
def normalise_url(raw: str) -> str:
    """``HTTPS://www.X.com/a/?utm_source=y#top`` -> ``https://x.com/a``; query keys sorted."""
    text = (raw or "").strip()
    if not text:
        raise NormaliseError("empty URL")
    if "://" not in text:
        text = "http://" + text.lstrip("/")
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError as exc:
        raise NormaliseError(f"not a URL: {exc}") from None
    host = (parts.hostname or "").lower().rstrip(".")
    if not host:
        raise NormaliseError("URL has no host")
    while host.startswith("www.") and host.count(".") > 1:  # www.www.x.com is x.com too, once
        host = host[4:]
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise NormaliseError(f"not a web URL (scheme {scheme})")
    netloc = host if port in (None, 80, 443) else f"{host}:{port}"
    path = parts.path.rstrip("/")
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if k.lower() not in _TRACKING_KEYS and not k.lower().startswith(_TRACKING_PREFIXES)
    ]
    # http and https name the same page for comparison purposes
    return urlunsplit(("https", netloc, path, urlencode(sorted(query)), ""))
