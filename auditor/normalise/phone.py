"""Phone numbers to E.164 (phonenumbers), with the country taken from the page or the roster.

An extension is kept: the normalised form is E.164 followed by ``;ext=`` and the extension digits
(the RFC 3966 parameter), so ``+61 2 9876 5432 ext. 12`` gives ``+61298765432;ext=12`` and two numbers
that differ only in their extension differ. Extensions written ``ext.``, ``x``, ``extension``, ``#``
and ``;ext=`` are read by phonenumbers; ``poste`` (French), ``Durchwahl``/``Dw.``/``Nebenstelle``
(German), ``toestel`` (Dutch), ``interno`` (Italian, Spanish) and ``ramal`` (Portuguese) are read here.
"""

from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers

from auditor.normalise.errors import NormaliseError

MAX_LENGTH = 120  # characters; longer text is not one phone number
EXTENSION_WORDS = ("poste", "durchwahl", "dw", "nebenstelle", "toestel", "tst", "interno", "ramal")
_EXTENSION = re.compile(
    r"[\s,;(]*\b(?:" + "|".join(EXTENSION_WORDS) + r")\b\.?\s*[:.\-]?\s*(\d{1,7})\)?\s*$", re.IGNORECASE
)


def _split_extension(text: str) -> tuple[str, str]:
    match = _EXTENSION.search(text)
    if not match:
        return text, ""
    return text[: match.start()], match.group(1)


@lru_cache(maxsize=65536)
def normalise_phone(raw: str, country: str) -> str:
    """``(02) 9876 5432`` and ``+61 2 9876 5432`` (country AU) both give ``+61298765432``;
    ``… ext. 12`` gives ``+61298765432;ext=12``."""
    text = (raw or "").strip()
    if len(text) > MAX_LENGTH:
        raise NormaliseError(f"phone number longer than {MAX_LENGTH} characters")
    if text.lower().startswith("tel:"):
        text = text[4:]
    if not any(ch.isdigit() for ch in text):
        raise NormaliseError("no digits in phone number")
    text, extension = _split_extension(text)
    try:
        number = phonenumbers.parse(text, (country or "").upper() or None)
    except phonenumbers.NumberParseException as exc:
        raise NormaliseError(f"not a phone number: {exc}") from None
    if not phonenumbers.is_valid_number(number):
        raise NormaliseError(f"not a valid {country} phone number")
    extension = extension or (number.extension or "")
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return f"{e164};ext={extension}" if extension else e164


def phone_extension(normalised: str) -> str:
    """The extension of a normalised number ("" when it has none)."""
    return normalised.partition(";ext=")[2]
