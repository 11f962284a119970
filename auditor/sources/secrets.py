"""Credentials: read from the environment variable a source names, never stored; any text that
leaves the crawl (a reason, a log line) has the secret's value redacted."""

from __future__ import annotations

import os

from auditor.sources.settings import PlatformSettings

REDACTED = "[redacted]"


def credential(platform: PlatformSettings) -> str | None:
    """The secret's value, or None when the platform needs none."""
    if platform.auth == "none" or not platform.credential:
        return None
    return os.environ.get(platform.credential, "").strip()


def auth_headers(platform: PlatformSettings, secret: str | None) -> dict[str, str]:
    """The request headers the platform wants: its fixed ones and the credential's."""
    headers = dict(platform.headers)
    if secret and platform.auth == "bearer":
        headers["Authorization"] = f"Bearer {secret}"
    elif secret and platform.auth == "header":
        headers[platform.auth_header] = secret
    return headers


def redact(text: str, *secrets: str | None) -> str:
    """``text`` with every secret (at least 4 characters long) replaced by ``[redacted]``."""
    for secret in secrets:
        if secret and len(secret) >= 4:
            text = text.replace(secret, REDACTED)
    return text
