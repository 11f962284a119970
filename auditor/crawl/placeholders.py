"""Values a page shows that are not the business's own: template slots left unfilled ("Your
Telephone Number", ``yoursite.com``), documentation example domains (RFC 2606 ``example.com``),
dummy digit runs (``123 456 789``). Each answer is the reason the value is not trusted."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from auditor.normalise.accents import strip_accents

# "your" in the languages the readers cover, and what a template asks to be filled in
_YOUR = ("your", "you", "my", "tu", "tus", "su", "sus", "votre", "vos", "ton", "ihre", "ihr", "ihren", "dein",
         "deine", "uw", "je", "jouw", "il tuo", "la tua", "tuo", "tua", "seu", "sua", "vas", "tvoj",
         "vase")  # fmt: skip
_SLOT = ("site", "sitio", "web", "website", "webseite", "sito", "domain", "dominio", "domaine", "url",
         "page", "pagina", "company", "business", "empresa", "entreprise", "firma", "bedrijf", "shop",
         "store", "tienda", "boutique", "name", "nombre", "nom", "phone", "telephone", "telefono",
         "telefon", "number", "numero", "email", "mail", "address", "adresse", "direccion",
         "street", "city", "link", "logo", "image")  # fmt: skip
_TEMPLATE_WORDS = re.compile(
    r"^\s*(?:[\[{{<(]\s*)?(?:{})\s+(?:\w+\s+){{0,3}}?(?:{})s?\s*[\]}})>]?\s*$".format(
        "|".join(_YOUR), "|".join(_SLOT)
    ),
    re.IGNORECASE,
)
_BRACKETED_SLOT = re.compile(r"^\s*(?:\{\{.*\}\}|\[\[.*\]\]|<%.*%>|\$\{.*\}|%[A-Z_]+%|xxx+)\s*$", re.I)
_LOREM = re.compile(r"\blorem ipsum\b", re.IGNORECASE)
_SLOT_HOST = re.compile(r"^(?:www\.)?(?:{})-?(?:{})s?\.".format("|".join(w.replace(" ", "") for w in _YOUR),
                                                           "|".join(_SLOT)), re.IGNORECASE)  # fmt: skip
_EXAMPLE_HOST = re.compile(
    r"(?:^|\.)example\.(?:com|net|org)$|(?:^|\.)(?:invalid|test|localhost)$|^localhost$"
)
_GENERIC_HOST = re.compile(r"^(?:www\.)?(?:{})\.[a-z]+$".format("|".join(_SLOT)), re.IGNORECASE)


def _ascii(text: str) -> str:
    return strip_accents(text)


_FIRST_WORDS = frozenset(w.split()[0] for w in _YOUR)
_OPENERS = tuple("[{<($%x")


def text_placeholder(text: str) -> str | None:
    """Why a text value is a template placeholder, or None."""
    head = (text or "").lstrip()[:12].casefold()
    first = head.split(None, 1)[0] if head else ""
    if first not in _FIRST_WORDS and not head.startswith(_OPENERS) and "lorem" not in text.casefold():
        return None
    plain = _ascii(text or "")
    if _TEMPLATE_WORDS.search(plain):
        return f"template placeholder {text.strip()[:40]!r}"
    if _BRACKETED_SLOT.match(plain) or _LOREM.search(plain):
        return f"template placeholder {text.strip()[:40]!r}"
    return None


def example_host(url: str) -> bool:
    """A host reserved for documentation (RFC 2606 / RFC 6761): copied example content."""
    host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").lower()
    return bool(_EXAMPLE_HOST.search(host))


def url_placeholder(url: str) -> str | None:
    """Why a URL is not a business's own address: a template slot or an example domain."""
    if reason := text_placeholder(url):
        return reason
    text = url.strip()
    host = (urlsplit(text if "//" in text else f"//{text}").hostname or "").lower()
    if not host or " " in text:
        return f"not a web address {text[:40]!r}"
    if example_host(text):
        return f"documentation example domain {host!r}"
    if _SLOT_HOST.match(_ascii(host)) or _GENERIC_HOST.match(host):
        return f"placeholder domain {host!r}"
    return None


_RUNS = ("1234567890", "0123456789", "9876543210")


def _dummy_national(national: str) -> bool:
    if len(national) < 6:
        return False
    return len(set(national)) == 1 or any(run.startswith(national) for run in _RUNS)


def _dummy_digits(raw: str) -> bool:
    """The number after its country code or trunk prefix is a run (123 456 789) or one digit."""
    digits = re.sub(r"\D", "", raw or "")
    if raw.strip().startswith(("+", "00")):
        digits = digits[2:] if raw.strip().startswith("00") else digits
        if len(digits) >= 6 and not digits.strip("0"):
            return True
        code = _country_code_length(digits)
        # the national number after the country code (+34 912 345 678 is Madrid's 912..., not a
        # run 12345678); without a known code, each possible length
        return any(_dummy_national(digits[n:].lstrip("0")) for n in ((code,) if code else (1, 2, 3)))
    return len(digits) >= 6 and (not digits.strip("0") or _dummy_national(digits.lstrip("0")))


def _country_code_length(digits: str) -> int:
    """How many leading digits are a country calling code (0 when none is)."""
    from phonenumbers import COUNTRY_CODE_TO_REGION_CODE

    return next((n for n in (1, 2, 3) if int(digits[:n] or 0) in COUNTRY_CODE_TO_REGION_CODE), 0)


def phone_placeholder(raw: str) -> str | None:
    """Why a phone value is a placeholder (template words, dummy digit runs), or None."""
    if reason := text_placeholder(raw):
        return reason
    if _dummy_digits(raw or ""):
        return f"dummy number {raw.strip()[:30]!r}"
    return None
