"""Review text preparation: markup removed, size bounded, split into sentences and clauses."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning

MAX_REVIEW_CHARS = 5_000
"""Longer reviews are cut here: the opening says what a review is about, and a 100 KB
paste must not stall a nightly run."""

_TAG = re.compile(r"<[a-zA-Z/!][^>]*>")
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
"""Zero-width characters, soft hyphens and bidirectional marks: they split or glue words."""
_SPACE = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?…。！？])\s+|\n+")
_CONTRAST = re.compile(
    r"\s*(?:[,;:，；]\s*)?"
    r"(\b(?:but|however|yet|nevertheless|nonetheless|although|though|even though|whereas|"
    r"except that|aber|jedoch|allerdings|obwohl|mais|cependant|pourtant|toutefois|bien que|"
    r"maar|echter|hoewel)\b|但是|可是|不过|虽然)\s*[,，]?\s*",
    re.IGNORECASE,
)
"""Contrast words in English, German, French, Dutch and Chinese."""
_CONCESSIVE = {"although", "though", "even though", "whereas", "obwohl", "bien que", "hoewel", "虽然"}
_CLAUSE_COMMA = re.compile(r"[,，]")


def clean_review_text(text: str | None, limit: int = MAX_REVIEW_CHARS) -> str:
    """Plain text of an untrusted review: tags and entities resolved, spacing folded, bounded."""
    if not text:
        return ""
    text = text[: limit * 4]
    if _TAG.search(text):
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
            soup = BeautifulSoup(text, "lxml")
        for tag in soup(["script", "style", "noscript", "template"]):
            tag.decompose()
        text = soup.get_text(" ")
    else:
        text = html.unescape(text)
    text = _INVISIBLE.sub("", text)
    text = _SPACE.sub(" ", text.replace("\x00", " ")).strip()
    return text[:limit]


def split_sentences(text: str) -> list[str]:
    """Sentences by end punctuation and line breaks (fast enough to run on every review)."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


@dataclass(frozen=True)
class Clause:
    """A stretch of a sentence between contrast words, with the weight its position earns."""

    text: str
    weight: float


def split_clauses(sentence: str) -> list[Clause]:
    """Split on contrast words; what follows 'but'/'however' outweighs what precedes it, and the
    clause an 'although' introduces (up to the next comma) counts less than the main clause."""
    parts = _CONTRAST.split(sentence)
    if len(parts) == 1:
        return [Clause(sentence.strip(), 1.0)] if sentence.strip() else []
    clauses: list[Clause] = []
    head = parts[0].strip()
    weights = [1.0]
    texts = [head]
    for i in range(1, len(parts), 2):
        marker = parts[i].lower()
        body = parts[i + 1].strip() if i + 1 < len(parts) else ""
        if marker in _CONCESSIVE:
            conceded, rest = [*_CLAUSE_COMMA.split(body, maxsplit=1), ""][:2]
            texts.append(conceded.strip())
            weights.append(0.5)
            if rest.strip():
                texts.append(rest.strip())
                weights.append(1.5)
            elif texts[-2]:
                weights[-2] = max(weights[-2], 1.5)
        else:
            weights = [w * 0.5 if w >= 1.0 else w for w in weights]
            texts.append(body)
            weights.append(1.5)
    for clause_text, weight in zip(texts, weights, strict=True):
        if clause_text:
            clauses.append(Clause(clause_text, weight))
    return clauses
