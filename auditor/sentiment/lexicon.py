"""VADER's lexicon and rules, extended with review vocabulary and multi-word review phrases."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from vaderSentiment.vaderSentiment import N_SCALAR, SentimentIntensityAnalyzer, negated

from auditor.sentiment.spelling import with_spelling_variants
from auditor.sentiment.text import Clause, split_clauses, split_sentences

_ALPHA = 15.0  # VADER's normalisation constant: compound = x / sqrt(x^2 + alpha)
_RATING = re.compile(
    r"(?<![\w.])(\d{1,2}(?:\.\d)?)\s*(?:/|out of)\s*(10|5)\b(?!\s*(?:minutes|mins|hours|days))"
    r"|(?<![\w.])(\d(?:\.\d)?|one|two|three|four|five|zero)\s+stars?\b",
    re.IGNORECASE,
)
_PHRASE_SCOPE = re.compile(r"[,;:]|\b(?:and|or|so|then)\b")
_NUMBER_WORDS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}


def normalise_score(raw: float) -> float:
    """VADER's squashing of a summed valence into [-1, 1]."""
    return raw / math.sqrt(raw * raw + _ALPHA)


def unnormalise_score(compound: float) -> float:
    """The summed valence a compound score came from (inverse of ``normalise_score``)."""
    compound = max(-0.9999, min(0.9999, compound))
    return compound * math.sqrt(_ALPHA / (1.0 - compound * compound))


def load_review_lexicon(text: str) -> tuple[dict[str, float], dict[str, float]]:
    """Parse ``term<TAB>valence`` lines into single words and multi-word phrases."""
    words: dict[str, float] = {}
    phrases: dict[str, float] = {}
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        term, sep, value = line.rpartition("\t")
        try:
            valence = float(value)
        except ValueError:
            raise ValueError(f"review lexicon line {number}: expected 'term<TAB>valence'") from None
        if not sep or not term.strip():
            raise ValueError(f"review lexicon line {number}: expected 'term<TAB>valence'")
        term = term.strip().lower()
        (phrases if " " in term else words)[term] = valence
    return words, phrases


@dataclass(frozen=True)
class LexiconScore:
    """What the lexicon sees in a text, before any trained weighting."""

    compound: float  # VADER over the text with phrases taken out, contrast-weighted
    phrases: float  # summed valence of the review phrases found
    rating: float | None  # a rating written in the text ("9/10", "two stars"), in [-1, 1]
    positive: float  # share of positive sentiment (VADER's pos)
    negative: float  # share of negative sentiment (VADER's neg)
    last_clause: float  # compound of the final weighted clause

    @property
    def polarity(self) -> float:
        """One score in [-1, 1]: VADER's sum plus the phrases, and a written rating if any."""
        raw = unnormalise_score(self.compound) + self.phrases
        score = normalise_score(raw)
        if self.rating is not None:
            score = 0.4 * score + 0.6 * self.rating
        return score


class ReviewLexicon:
    """VADER with review vocabulary; contrast clauses weighted; phrases matched whole."""

    def __init__(self, words: dict[str, float], phrases: dict[str, float]) -> None:
        self._vader = SentimentIntensityAnalyzer()
        self._vader.lexicon.update(words)
        self._phrases = phrases
        ordered = sorted(phrases, key=len, reverse=True)
        self._phrase_re = (
            re.compile(
                r"\b(?:"
                + "|".join(r"\s+".join(map(re.escape, p.split())) for p in ordered)
                + r")\b",
                re.IGNORECASE,
            )
            if ordered
            else None
        )

    @classmethod
    def default(cls) -> ReviewLexicon:
        """The lexicon shipped with the package (shared, built once)."""
        return _default_lexicon()

    def phrase_hits(self, text: str) -> tuple[str, list[float]]:
        """The text with review phrases removed, and their valences; a phrase after a negator
        within three words of its own part of the clause is negated as VADER negates a word
        ("I don't think I will be back"; not "it never came and nobody answered")."""
        if self._phrase_re is None:
            return text, []
        hits: list[float] = []

        def take(match: re.Match[str]) -> str:
            valence = self._phrases[" ".join(match.group(0).lower().split())]
            before = _PHRASE_SCOPE.split(text[: match.start()].lower())[-1].split()[-3:]
            hits.append(valence * N_SCALAR if before and negated(before) else valence)
            return " , "

        return self._phrase_re.sub(take, text), hits

    def score(self, text: str) -> LexiconScore:
        """Score a cleaned text sentence by sentence, clause by clause; a phrase counts with
        the weight of the clause it is in."""
        total = 0.0
        phrases = 0.0
        weight_sum = 0.0
        pos = neg = 0.0
        last = 0.0
        clauses: list[Clause] = []
        for sentence in split_sentences(text.replace("’", "'")):
            clauses.extend(split_clauses(sentence))
        for clause in clauses:
            # Case is kept: VADER reads "SUCKS" as stronger than "sucks".
            rest, hits = self.phrase_hits(clause.text)
            scores = self._vader.polarity_scores(rest)
            total += clause.weight * unnormalise_score(scores["compound"])
            phrases += clause.weight * sum(hits)
            weight_sum += clause.weight
            pos += clause.weight * scores["pos"]
            neg += clause.weight * scores["neg"]
            last = scores["compound"]
        if weight_sum:
            pos, neg = pos / weight_sum, neg / weight_sum
        return LexiconScore(
            compound=normalise_score(total),
            phrases=phrases,
            rating=written_rating(text),
            positive=pos,
            negative=neg,
            last_clause=last,
        )


def written_rating(text: str) -> float | None:
    """A rating stated in the text ('9/10', '4 out of 5', 'one star') scaled to [-1, 1]."""
    found = None
    for match in _RATING.finditer(text):
        if match.group(1):
            value, scale = float(match.group(1)), float(match.group(2))
        else:
            word = match.group(3).lower()
            value, scale = float(_NUMBER_WORDS.get(word, word)), 5.0
        if 0 <= value <= scale:
            found = 2.0 * value / scale - 1.0
    return found


@dataclass(frozen=True)
class PatternScore:
    """TextBlob's reading of a text: the mean polarity and subjectivity of the words its pattern
    lexicon rates, with that lexicon's own negation, intensifier and '!' rules."""

    polarity: float  # in [-1, 1]; 0.0 when no rated word was found
    subjectivity: float  # in [0, 1]
    assessed: int  # how many rated words (or negated/intensified pairs) were found


QUANTITIES = frozenset({"few", "fewer", "little", "less", "more", "much", "many", "half", "several", "most"})
"""Words of amount that pattern rates ("a few days": -0.2) but that carry no opinion of their own."""


_PATTERN_TOKEN = re.compile(
    r"[A-Za-z]+(?=n't\b)|n't\b|[A-Za-z]+(?:'[A-Za-z]+)?|[!?]|[:;=][-']?[()DPp/\\|]"
)


def pattern_score(text: str) -> PatternScore:
    """Score a text with TextBlob's shipped lexicon and rules, as ``TextBlob(text).sentiment``
    does, on a faster tokenisation ("didn't" splits into "did" + "n't", as TextBlob's does),
    without the words of amount it rates ("a few days" is no opinion).

    A second general lexicon with rules of its own, built independently of VADER's: the trained
    model weighs the two readings against each other."""
    from textblob.en import sentiment as pattern_lexicon

    words = (t.lower() for t in _PATTERN_TOKEN.findall(text.replace("’", "'")))
    tokens = (t for t in words if t not in QUANTITIES)
    found = pattern_lexicon.assessments(((t, None) for t in tokens), True)
    if not found:
        return PatternScore(0.0, 0.0, 0)
    n = len(found)
    return PatternScore(sum(a[1] for a in found) / n, sum(a[2] for a in found) / n, n)


PATTERN_SCALE = 2.0
"""TextBlob's (pattern's) adjective polarities are in [-1, 1]; VADER's valences in [-4, 4]."""
PATTERN_MIN = 0.1


def pattern_words(known: dict[str, float]) -> dict[str, float]:
    """Words TextBlob's lexicon rates (|polarity| >= 0.1) that VADER's lexicon lacks, on VADER's
    scale: more coverage for the same rules ('unconvincing', 'riveting', 'inexpensive')."""
    from textblob.en import sentiment as pattern_lexicon

    extra: dict[str, float] = {}
    for word, senses in pattern_lexicon.items():
        if not word.isalpha() or word in known or word in QUANTITIES or None not in senses:
            continue
        polarity = senses[None][0]
        if abs(polarity) >= PATTERN_MIN:
            extra[word] = round(polarity * PATTERN_SCALE, 3)
    return extra


@cache
def _default_lexicon() -> ReviewLexicon:
    text = (
        resources.files("auditor.sentiment")
        .joinpath("data/review_lexicon.txt")
        .read_text(encoding="utf-8")
    )
    words, phrases = load_review_lexicon(text)
    vader_words = SentimentIntensityAnalyzer().lexicon
    merged = {**vader_words, **pattern_words(vader_words), **words}
    return ReviewLexicon(with_spelling_variants(merged), phrases)
