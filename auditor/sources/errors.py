"""A platform's error answer in one line: HTTP status, the platform's own error code and
message (Google ``error.status``, Graph ``error.code``, Yelp ``error.code``), and whether the
credential was rejected or has expired."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

_EXPIRED_WORDS = ("expired", "session has expired", "token_expired")
FACEBOOK_EXPIRED = 190  # Graph API OAuthException code for an invalid or expired access token
_REFUSED_CODES = (str(FACEBOOK_EXPIRED), "UNAUTHENTICATED", "PERMISSION_DENIED", "UNAUTHORIZED_ACCESS_TOKEN",
                  "TOKEN_INVALID", "UNAUTHORIZED", "FORBIDDEN")  # fmt: skip
_REFUSED_WORDS = ("api key not valid", "invalid api key", "invalid request token",
                  "invalid oauth access token")  # fmt: skip


@dataclass(frozen=True)
class PlatformError:
    status: int
    code: str = ""
    message: str = ""

    @property
    def credential_problem(self) -> str | None:
        """``expired`` / ``rejected`` when the answer refuses the credential, else None."""
        text = self.message.lower()
        if any(word in text for word in _EXPIRED_WORDS) or self.code.upper() == "TOKEN_EXPIRED":
            return "expired"
        refused = self.status in (401, 403) or self.code.upper() in _REFUSED_CODES
        if refused or any(word in text for word in _REFUSED_WORDS):
            return "rejected"
        return None

    @property
    def not_found(self) -> bool:
        """The platform says the listing does not exist (Graph answers that with HTTP 400)."""
        text = self.message.lower()
        return self.status in (404, 410) or self.code.upper() in ("NOT_FOUND", "BUSINESS_NOT_FOUND") or (
            "does not exist" in text or "not found" in text)

    def line(self) -> str:
        """``HTTP 401 UNAUTHENTICATED: Request had invalid authentication credentials``."""
        head = f"HTTP {self.status}" + (f" {self.code}" if self.code else "")
        return f"{head}: {self.message[:160]}" if self.message else head


def read_error(status: int, body: bytes) -> PlatformError:
    """The platform's error as the body states it (any of the common shapes), else the status."""
    try:
        data: Any = json.loads(body[:100_000])
    except ValueError:
        return PlatformError(status)
    error = data.get("error") if isinstance(data, dict) else None
    if isinstance(error, dict):  # Google, Graph, Yelp
        code = error.get("status") or error.get("code") or error.get("type") or ""
        return PlatformError(status, str(code), " ".join(str(error.get("message") or
                                                             error.get("description") or "").split()))
    if isinstance(data, dict) and "message" in data:  # Foursquare, Apple
        return PlatformError(status, str(data.get("code") or ""), " ".join(str(data["message"]).split()))
    return PlatformError(status)
