"""Free-text opening hours, cleaned and cut into tokens: clock times, dates and words with meanings.

The first half of the multilingual front end (:mod:`auditor.normalise.hours_rules` is the second):
HTML line breaks and newlines become rule separators, compatibility forms are folded (full-width
digits, ``：``), every dash and wave dash is ``-``, quoted names are dropped; clock times
(``9h30``, ``18 Uhr``, ``9:00 AM``, ``午後3時``), dates and words are read, each word looked up in
:mod:`auditor.normalise.hours_words` for the text's language (guessed from its words). Every
pattern is linear in the input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from auditor.normalise.errors import NormaliseError
from auditor.normalise.hours_words import _CJK, fold, vocabulary

MAX_LENGTH = 4000
_OSM_CODES = {"mo", "tu", "we", "th", "fr", "sa", "su", "ph"}
_OSM_DAY = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")


class TextError(NormaliseError):
    """Free text with no opening hours in it."""


# --- cleaning -----------------------------------------------------------------------------------

_BREAK = re.compile(r"<\s*(?:br|/p|/li|/tr|/div|/h\d)\b[^>]{0,200}>|\r\n|\r|\n", re.I)
_TAG = re.compile(r"<[^<>]{0,500}>")
_DASHES = re.compile(r"[\u2010-\u2015\u2212\u2043\ufe58\ufe63\u301c\u3030~\u2192\u279c\u2794]| > ")
_LONG_VOWEL_DASH = re.compile(r"(?<=\d)\s*\u30fc\s*(?=\d)")
_NAMES = re.compile(r"[「『][^」』]{0,200}[」』]")  # names quoted; 【営業時間】, 【定休日】 are labels, kept
_QUOTED = re.compile(r"[\"“”„«][^\"“”„«»]{0,200}[\"“”»]")
# '9 h 30', '12 : 00' joined; not '12h 14h' (two times, the second with its own 'h')
_COLON_SPACES = re.compile(r"(?<=\d)[ \t]{0,3}([:.h])[ \t]{0,3}(?=\d\d(?![\d:.]|[ \t]?h(?![a-z])))")
_UHR_MINUTES = re.compile(r"(?<![\d:.])(\d{1,2})\s*uhr\s+(\d{2})\b(?![:.]\d|\s*uhr)")  # '18 Uhr 30'
_URLS = re.compile(r"\b(?:https?://|www\.)\S+|\S+@\S+\.\w+", re.I)
_GLUED_CLOCKS = re.compile(r"(?<=\d[:.h]\d\d)(?=\d{1,2}[:.h]\d\d)")  # '13:0014:00'

_QUOTE_CHARS = re.compile(r"[\"“”„«»]")
_SPACES = re.compile(r"[ \t\u00a0\u202f\u3000]+")
_LINES = re.compile(r"(?:\s*\n\s*)+")


# Portuguese weekdays by number: '2ª a 6ª feira', '2ª-feira' (2ª = segunda = Monday ... 6ª = sexta)
_PT_ORDINAL_DAY = re.compile(r"(?<![\d/.:])([2-6])\s?[ªº°]\.?(?:\s*-?\s*feira)?(?![\w])", re.I)
_PT_ORDINAL_NAMES = {"2": "segunda", "3": "terça", "4": "quarta", "5": "quinta", "6": "sexta"}
_PT_ORDINAL_CONTEXT = re.compile(r"feira|[2-6]\s?[ªº°]\.?\s*(?:a|à|-|e|/|,)\s*[2-6]\s?[ªº°]", re.I)


# '09::00', '16;30' (not '9-12;14-18'): slips of the keyboard in a clock time
_KEY_SLIPS = re.compile(r"(?<=\d)::(?=\d)|(?<=\b\d\d);(?=\d\d\b(?![ \t]*[-:.h]|[ \t]*\d))")
# '09:00:17:00': a colon between two clock times (a clock with seconds has three parts, not four)
_COLON_RANGE = re.compile(r"(?<![\d.])(?<!\d:)(\d{1,2}:[0-5]\d):(\d{1,2}:[0-5]\d)(?![\d:.])")
_DOT_RANGE = re.compile(r"(?<![\d.:])(\d{1,2}:[0-5]\d)\.(\d{1,2}:[0-5]\d)(?![\d:])")  # '16:30.20:30'
# '09-00-18-00': dashes between hours and minutes as well as between the two times
_DASHED_CLOCKS = re.compile(
    r"(?<![\d\-./:])([01]?\d|2[0-4])-([0-5]\d) ?- ?([01]?\d|2[0-4])-([0-5]\d)(?![\d\-./:])")


_PT_FEIRA = re.compile(r"\b(segunda|ter[cç]a|quarta|quinta|sexta)\s+(feira)\b", re.I)  # 'segunda feira'


def _pt_ordinal_days(text: str) -> str:
    if not _PT_ORDINAL_CONTEXT.search(text):
        return text
    return _PT_ORDINAL_DAY.sub(lambda m: f"{_PT_ORDINAL_NAMES[m.group(1)]}-feira", text)


# 'AM9:00-PM10:00': am/pm written before the clock, as in East Asia
_AMPM_BEFORE = re.compile(r"(^|[^\d\s]\s*)\b([ap]\.?m\.?)\s?(\d{1,2}:\d\d)", re.I)
_AMPM_GLUED = re.compile(r"(?<=\d)\s?([ap])(\.?)m\2(?=[^\W\d_]{2})", re.I)  # 'p.m.Sábado', 'pmSat'
_GLUED_HOURS = re.compile(r"\b(\d{1,2})h(\d{1,2})h\b", re.I)  # '9h12h': 9h-12h
_CJK_PAREN_DAY = re.compile(r"[(（]\s*([一二三四五六日天])\s*[)）]")  # '(一)~(五)': 週一~週五


def clean(text: str) -> str:
    text = _URLS.sub(" ", text)
    text = _PT_FEIRA.sub(r"\1-\2", text)
    text = _AMPM_BEFORE.sub(r"\1\3\2", text)
    text = _AMPM_GLUED.sub(r" \1\2m\2 ", text)
    text = re.sub(r"\b12(?::00)?\s?mn\b", " midnight ", text)  # '7am a 12mn' (Philippines)
    text = re.sub(r"\b12(?::00)?\s?nn\b", " noon ", text)
    text = _GLUED_HOURS.sub(r"\1h-\2h", text)
    text = _CJK_PAREN_DAY.sub(r"週\1", text)
    text = _GLUED_CLOCKS.sub(" ", text)
    text = _pt_ordinal_days(text)
    text = _BREAK.sub(" \n ", text)
    text = _TAG.sub(" ", text)
    text = fold(text)
    text = _LONG_VOWEL_DASH.sub("-", text)
    text = _DASHES.sub("-", text)
    text = _NAMES.sub(" ", text)
    text = re.sub(r"[【】〔〕［］]", " ", text)
    text = _QUOTED.sub(" ", text)
    text = _KEY_SLIPS.sub(":", text)
    text = _COLON_RANGE.sub(r"\1-\2", text)
    text = _DOT_RANGE.sub(r"\1-\2", text)
    text = _DASHED_CLOCKS.sub(r"\1:\2-\3:\4", text)
    text = _COLON_SPACES.sub(r"\1", text)
    text = _UHR_MINUTES.sub(r"\1:\2", text)
    return _LINES.sub("\n", _SPACES.sub(" ", text)).strip()


# --- tokens -------------------------------------------------------------------------------------


@dataclass
class Tok:
    kind: str
    value: object = None
    text: str = ""
    spaced: bool = True  # whitespace before it
    # clock times
    minutes: int | None = None
    has_minutes: bool = False
    suffix: str | None = None  # am / pm written with the time
    explicit: bool = False  # written as a time (9:30, 9h, 18 Uhr), not a bare number
    clock24: bool = False  # written the 24-hour way ('18 Uhr', '9h30'): never read as a 12 h clock
    opens: bool = False  # after 'from' ('ab 18 Uhr'): with no end, open from then on
    closes: bool = False  # after 'until' right after days ('Do bis 20 Uhr'): that day's closing time


_RAW = re.compile(
    r"(?P<cjkdate>(?P<cm>\d{1,2})\s*月\s*(?P<cd>\d{1,2})\s*日)"
    r"|(?P<cjkmonth>(?P<cmo>\d{1,2})\s*月)"
    r"|(?P<cjkalways>24\s*(?:時間|小[时時]))"
    r"|(?P<cjktime>(?P<kh>\d{1,2})\s*[時时点點](?:\s*(?P<km>\d{1,2})\s*分|\s*(?P<khalf>半))?)"
    r"|(?P<always>24\s*/\s*7|24\s*(?:h|ore|heures|horas|uur)?\s*(?:/|su|sur|sobre|op)\s*24\b|h24|24\s*(?:hours|hour|hrs|hr|stunden|std|heures|uur|ore|horas"
    r"|часа|jam|godz\w*)\b)"
    r"|(?P<seven>7\s*j?\s*/\s*7)"
    r"|(?P<dotdate>\d{1,2}\.\d{1,2}\.(?:\d{2,4})?)(?![\d:])"
    r"|(?P<time>(?P<th>\d{1,2})(?:[:h'’.](?P<tm>\d{2})(?::[0-5]\d)?|\s?h(?![a-z])))(?!\d)"
    r"|(?P<commatime>(?P<ch>[01]?\d|2[0-3]),(?P<cmin>00|15|30|45))(?!\d)"
    r"|(?P<num>\d+)"
    r"|(?P<word>[^\W\d_]+(?:[-'’/.][^\W\d_]+)*\.?)"
    r"|(?P<punct>[;|,/&+()\-:=.、・。，；\n])"
)
_SEP = {";", "。", "；"}
_AND = {",", "/", "&", "+", "、", "・", "，", "|"}
_TWELVE_HOUR_WORDS = {"o'clock", "oclock", "hr", "hrs"}
_AMPM = {"am": "am", "a.m": "am", "a.m.": "am", "pm": "pm", "p.m": "pm", "p.m.": "pm", "a": "am", "p": "pm"}


def detect_language(text: str) -> str:
    """The language whose hours words explain most of the text ('en' on a tie or nothing)."""
    if _CJK.search(text):
        return "ja" if re.search(r"[\u3040-\u30ff曜]", text) else "zh"
    vocab = vocabulary()
    scores: dict[str, float] = {}
    letter_range = bool(_LETTER_PAIR.search(text))  # 'H-P', 'E-R': one-letter days joined
    for word in re.findall(r"(?<!\d)[^\W\d_]{2,}|(?<![\d\w])[^\W\d_](?![\d\w])", text):  # not the h of 9h30
        if word in _AMPM and len(word) > 1:
            continue
        langs = vocab.word_langs.get(word)
        if langs and len(word) == 1 and word.isascii():
            # one letter tells a language only as 'a', 'y', 'e' or as its day ('H-P' hu, 'E-R' et)
            langs = {lang for lang in langs if vocab.phrases.get(lang, {}).get(word) in ("range", "and")
                     or (letter_range and word in vocab.short_days.get(lang, {}) and word != "h")}
        if not langs:
            continue
        for lang in langs:
            scores[lang] = scores.get(lang, 0.0) + 1.0 / len(langs)
    if _LETTER_DAYS.search(text):  # 'L, M, X, J, V': the one-letter days of Spanish
        scores["es"] = scores.get("es", 0.0) + 2.0
    if not scores:
        return "en"
    rank = {lang: k for k, lang in enumerate(_PRIORITY)}
    return max(sorted(scores), key=lambda lang: (scores[lang], -rank.get(lang, len(rank))))


_LETTER_PAIR = re.compile(r"(?<![\w.])[^\W\d_]\s*[-–,/]\s*[^\W\d_](?![\w.])")
_LETTER_DAYS = re.compile(
    r"(?<![\w.])(?:l\s*-\s*v|[lmxjv](?:\s*[,/]\s*[lmxjvsd])*\s*[,/]\s*[xj](?:\s*[,/]\s*[lmxjvsd])*)(?![\w.])")
_PRIORITY = ("en", "de", "fr", "nl", "es", "it", "pt", "ru", "ja", "zh")


def _phrase_kind(words: tuple[str, ...], lang: str) -> str | None:
    vocab = vocabulary()
    phrase = " ".join(words)
    for table in (vocab.phrases.get(lang, {}), vocab.phrases.get("en", {})):
        if phrase in table:
            return table[phrase]
    kinds = {vocab.phrases[lang2][phrase] for lang2 in vocab.phrases if phrase in vocab.phrases[lang2]}
    if len(kinds) == 1 and (len(words) > 1 or len(phrase) > 1):
        return kinds.pop()
    return None


@lru_cache(maxsize=64)
def _cjk_words(lang: str) -> tuple[dict[str, tuple[str, object]], int]:
    """CJK vocabulary for longest-match segmentation: word -> (kind, value)."""
    vocab = vocabulary()
    table: dict[str, tuple[str, object]] = {}
    for langs in ("ja", "zh"):
        for word, kind in vocab.phrases.get(langs, {}).items():
            table[word] = (kind, None)
        for names in (vocab.full_days.get(langs, {}), vocab.short_days.get(langs, {})):
            for word, index in names.items():
                if _CJK.search(word):
                    table[word] = ("day", index)
    for word, kind in vocab.phrases.get(lang, {}).items():
        if _CJK.search(word):
            table[word] = (kind, None)
    for extra in ("曜日", "曜"):
        table[extra] = ("filler", None)
    for word in ("から",):
        table[word] = ("range", None)
    return table, max(len(w) for w in table)


def _cjk_tokens(run: str, lang: str, unknown: list[str]) -> list[Tok]:
    table, longest = _cjk_words(lang)
    tokens: list[Tok] = []
    index = 0
    skipped = ""
    while index < len(run):
        for size in range(min(longest, len(run) - index), 0, -1):
            piece = run[index : index + size]
            if piece in table:
                if skipped:
                    unknown.append(skipped)
                    skipped = ""
                kind, value = table[piece]
                tokens.append(Tok(kind, value, piece))
                index += size
                break
        else:
            skipped += run[index]
            index += 1
    if skipped:
        unknown.append(skipped)
    return tokens


def tokenize(text: str, lang: str, unknown: list[str]) -> list[Tok]:
    raw: list[Tok] = []
    last_end = 0
    for match in _RAW.finditer(text):
        spaced = match.start() > last_end
        last_end = match.end()
        group = match.lastgroup
        if group == "cjkdate" and 1 <= int(match["cm"]) <= 12:
            raw.append(Tok("date", (int(match["cm"]), int(match["cd"])), match[0], spaced))
        elif group == "cjkmonth" and 1 <= int(match["cmo"]) <= 12:
            raw.append(Tok("month", int(match["cmo"]), match[0], spaced))
        elif group in ("cjkdate", "cjkmonth"):
            raw.append(Tok("num", int(re.match(r"\d+", match[0]).group()), match[0], spaced))  # type: ignore[union-attr]
        elif group in ("cjkalways", "always"):
            raw.append(Tok("always", None, match[0], spaced))
        elif group == "seven":
            raw.append(Tok("daily", None, match[0], spaced))
        elif group == "cjktime":
            minute = 30 if match["khalf"] else int(match["km"] or 0)
            raw.append(_time(int(match["kh"]), minute, match[0], spaced, bool(match["km"] or match["khalf"])))
            raw[-1].clock24 = True
        elif group == "dotdate":
            day, month = (int(p) for p in match[0].split(".")[:2])
            if 1 <= month <= 12 and 1 <= day <= 31:
                raw.append(Tok("date", (month, day), match[0], spaced))
            else:  # '13.30.' at the end of a sentence is a time
                raw.append(_time(day, month, match[0][:-1], spaced, True))
                raw.append(Tok("punct", ".", ".", False))
        elif group == "time":
            raw.append(_time(int(match["th"]), int(match["tm"] or 0), match[0], spaced, bool(match["tm"])))
            raw[-1].clock24 = "h" in match[0] or match[0].startswith("0")
        elif group == "commatime":  # '19,00 : 23,00', '7,30 a 11,30 hs'
            raw.append(_time(int(match["ch"]), int(match["cmin"]), match[0], spaced, True))
        elif group == "num":
            raw.append(Tok("num", int(match[0]), match[0], spaced))
        elif group == "punct":
            raw.append(Tok("punct", match[0], match[0], spaced))
        else:
            raw.extend(_word_tokens(match[0], spaced, lang, unknown))
    return _phrases(raw, lang, unknown)


def _time(hour: int, minute: int, text: str, spaced: bool, has_minutes: bool) -> Tok:
    return Tok("time", None, text, spaced, hour * 60 + minute, has_minutes, None, True)


_HOMOGLYPHS = str.maketrans("aeopcxy", "аеорсху")


def _word_tokens(word: str, spaced: bool, lang: str, unknown: list[str]) -> list[Tok]:
    if _CJK.search(word):
        out: list[Tok] = []
        for part in re.split(r"([-'’/.])", word):
            if part in ("-", "'", "’", "/", "."):
                out.append(Tok("punct", part, part, False))
            elif part:
                out.extend(_cjk_tokens(part, lang, unknown))
        return out
    if re.search(r"[\u0400-\u04ff]", word):  # Latin look-alikes typed inside a Cyrillic word
        word = word.translate(_HOMOGLYPHS)
    vocab = vocabulary()
    bare = word.rstrip(".")
    last = re.split(r"[-'’/.]", bare)[-1]
    if word.endswith(".") and len(last) > 4 and last not in vocab.short_words:
        # 'lundi.' ends a sentence; 'sab.', 'Mo.', 'a.m.' are abbreviations
        return [*_word_tokens(bare, spaced, lang, unknown), Tok("punct", ".", ".", False)]
    known = bare in vocab.word_langs or bare in vocab.phrase_words or bare in _AMPM
    if known or not re.search(r"[-'’/.]", bare):
        return [Tok("word", bare, word, spaced)]
    parts = re.split(r"([-'’/.])", bare)
    out: list[Tok] = []
    for i, part in enumerate(parts):
        if not part:
            continue
        if part in "-'’/.":
            out.append(Tok("punct", part, part, False))
        else:
            out.append(Tok("word", part, part, spaced and i == 0))
    return out


def _phrases(raw: list[Tok], lang: str, unknown: list[str]) -> list[Tok]:
    """Words -> meanings, longest phrase first (up to four words)."""
    narrow = vocabulary().narrow_days(lang)
    out: list[Tok] = []
    index = 0
    while index < len(raw):
        tok = raw[index]
        if tok.kind != "word":
            out.append(tok)
            index += 1
            continue
        span = _letter_span(raw, index, lang, narrow)
        if span:  # 'L-V', 'de L a V', 'L, M, X': one-letter day names in a range or a list
            out.extend(span)
            index += len(span)
            continue
        matched = False
        for size in (4, 3, 2):
            words = raw[index : index + size]
            if len(words) == size and all(w.kind == "word" for w in words):
                kind = _phrase_kind(tuple(str(w.value) for w in words), lang)
                if kind:
                    out.append(Tok(kind, None, " ".join(w.text for w in words), tok.spaced))
                    index += size
                    matched = True
                    break
        if matched:
            continue
        before = raw[index - 1] if index else None
        day = vocabulary().day(str(tok.value), lang)
        if day is not None and len(out) > 1 and out[-2].kind == "day" and (
                out[-1].kind == "range" or out[-1].text == "-"):
            out.append(Tok("day", day, tok.text, tok.spaced))  # 'Mon - Sat in winter': a range ends on a day
            index += 1
            continue
        out.append(_classify(tok, before, raw[index + 1 : index + 3], lang, unknown))
        index += 1
    return out


def _letter_list(raw: list[Tok], index: int, narrow: dict[str, int]) -> list[Tok]:
    """Where every day has its own letter (es: L M X J V S D): 'L, M, X, J, V' and a lone 'S' that
    starts a clause before its times ('L-V 9-14, S 10-14')."""
    if len(narrow) < 7:
        return []
    out: list[Tok] = []
    k = index
    while k < len(raw) and raw[k].kind == "word" and str(raw[k].value) in narrow:
        out.append(Tok("day", narrow[str(raw[k].value)], raw[k].text, raw[k].spaced))
        if k + 2 < len(raw) and raw[k + 1].kind == "punct" and raw[k + 1].value in (",", "/") \
                and raw[k + 2].kind == "word" and str(raw[k + 2].value) in narrow:
            out.append(Tok("punct", ",", ",", False))
            k += 2
            continue
        k += 1
        break
    if len(out) > 1:
        return out
    before = raw[index - 1] if index else None
    after = raw[index + 1] if index + 1 < len(raw) else None
    starts = before is None or (before.kind == "punct" and before.value in (",", ";", "\n", "|", "/"))
    timed = after is not None and (after.kind in ("time", "num") or after.text == ":")
    return out if starts and timed else []


def _letter_span(raw: list[Tok], index: int, lang: str, narrow: dict[str, int]) -> list[Tok]:
    window = raw[index : index + 3]
    if len(window) < 3 or not narrow:
        return _letter_list(raw, index, narrow)
    first, link, last = window
    joined = (link.kind == "punct" and link.value == "-") or (
        link.kind == "word" and vocabulary().phrases.get(lang, {}).get(str(link.value)) == "range"
    )
    end = narrow.get(str(last.value)) if last.kind == "word" else None
    if end is None and last.kind == "word" and len(str(last.value)) > 1:
        end = vocabulary().day(str(last.value), lang)  # 'M-Sat', 'M-Th'
    if not joined or str(first.value) not in narrow or end is None:
        return _letter_list(raw, index, narrow)
    return [Tok("day", narrow[str(first.value)], first.text, first.spaced), Tok("range", None, link.text),
            Tok("day", end, last.text, last.spaced)]


def _classify(tok: Tok, before: Tok | None, after: list[Tok], lang: str, unknown: list[str]) -> Tok:
    vocab = vocabulary()
    word = str(tok.value)
    if word in _AMPM and before is not None and before.kind in ("time", "num") and (
        len(word) > 1 or not tok.spaced
    ) and not (lang == "de" and word == "am"):
        return Tok("ampm", _AMPM[word], tok.text, tok.spaced)
    kind = vocab.phrases.get(lang, {}).get(word)
    next_tok = after[0] if after else None
    number_follows = next_tok is not None and next_tok.kind == "num"
    month = vocab.month(word, lang)
    full_month = word in vocab.months.get(lang, {}) and len(word) > 4  # 'agosto' even in a sentence
    if month is not None and (number_follows or kind is None) and (
        number_follows
        or (_is_month_context(word, lang) and (full_month or _abbreviation_context(after, lang)))
    ):
        return Tok("month", month, tok.text, tok.spaced)
    if kind and kind != "filler":
        return Tok(kind, None, tok.text, tok.spaced)
    day = vocab.day(word, lang)
    if day is not None:
        full = any(word in names for names in vocab.full_days.values()) or len(word) > 4
        if full or _abbreviation_context(after, lang):
            return Tok("day", day, tok.text, tok.spaced)
    if kind == "filler":
        return Tok("filler", None, tok.text, tok.spaced)
    other = _phrase_kind((word,), lang)
    if other:
        return Tok(other, None, tok.text, tok.spaced)
    if month is not None and _abbreviation_context(after, lang):
        return Tok("month", month, tok.text, tok.spaced)
    if len(word) > 1 or (word.isalpha() and not word.isascii()):
        unknown.append(word)
    return Tok("unknown_word", word, tok.text, tok.spaced)


def _is_month_context(word: str, lang: str) -> bool:
    """A month name standing alone; short forms that are also day names need a number beside them."""
    vocab = vocabulary()
    return vocab.day(word, lang) is None


def _abbreviation_context(after: list[Tok], lang: str) -> bool:
    """'So' is Sunday before a time, a day, a connector or at the end, not before an unknown word."""
    next_tok = after[0] if after else None
    if next_tok is None or next_tok.kind != "word":
        return True
    word = str(next_tok.value)
    vocab = vocabulary()
    then = after[1] if len(after) > 1 else None
    if vocab.phrases.get(lang, {}).get(word) == "filler" and (then is None or then.kind == "word"):
        return False  # 'We are open': a word of the sentence, not a day ('Пт с 9' is a day)
    known = word in vocab.word_langs or word in vocab.phrase_starts
    return word in _AMPM or known or vocab.day(word, lang) is not None


def _prepare_times(tokens: list[Tok]) -> list[Tok]:
    """Suffixes, hour words, morning/evening words and 'between X and Y' folded into the times."""
    out: list[Tok] = []
    pending_period: str | None = None
    between = False
    opening = False
    for tok in tokens:
        if tok.kind == "from":
            opening = True
            continue
        prev = next((t for t in reversed(out) if t.kind != "filler"), None)
        if tok.kind in ("time", "num"):
            tok.opens, opening = opening, False
            words = [t for t in out if t.kind not in ("filler", "open")]
            before = words[-2] if len(words) > 1 else None
            # 'Thursday until 9pm', 'Do bis 20 Uhr', 'Friday open til 9pm', '; until 10pm on Fri+Sat':
            # a closing time with no opening time
            tok.closes = prev is not None and prev.kind == "range" and (
                before is None or before.kind in ("day", "daily", "weekdays", "weekend", "ph")
                or before.text in (";", "\n", "-"))
        elif tok.kind not in ("filler", "hour", "ampm", "am", "pm"):
            opening = False
        if tok.kind == "ampm" and prev is not None and prev.kind in ("time", "num"):
            _make_time(prev)
            prev.suffix = str(tok.value)
            continue
        if tok.kind == "hour":
            if prev is not None and prev.kind in ("num", "time"):
                _make_time(prev)
                prev.clock24 = tok.text not in _TWELVE_HOUR_WORDS
            else:
                out.append(Tok("hour_before", None, tok.text, tok.spaced))
            continue
        if tok.kind in ("am", "pm"):
            if prev is not None and prev.kind in ("time", "num") and prev.suffix is None and out[-1] is prev:
                _make_time(prev)
                prev.suffix = tok.kind if 1 <= (prev.minutes or 0) // 60 <= 12 else None
            else:
                pending_period = tok.kind
            continue
        if tok.kind == "noon":
            tok = _time(12, 0, tok.text, tok.spaced, True)
        elif tok.kind == "midnight":
            tok = _time(0, 0, tok.text, tok.spaced, True)
            tok.value = "midnight"
        if tok.kind in ("time", "num"):
            if prev is not None and prev.kind == "hour_before":
                out.pop()
                _make_time(tok)
            if pending_period and tok.suffix is None and not tok.text.startswith("0"):  # not '… soir de 09:00
                _make_time(tok)
                tok.suffix = pending_period if 1 <= (tok.minutes or 0) // 60 <= 12 else None
                pending_period = None
        if tok.kind == "between":
            between = True
            continue
        if tok.kind == "and" and between and prev is not None and prev.kind in ("time", "num"):
            tok = Tok("range", None, tok.text, tok.spaced)
            between = False
        out.append(tok)
    return [t for t in out if t.kind != "hour_before"]


def _make_time(tok: Tok) -> None:
    if tok.kind == "num":
        value = int(str(tok.value))
        if value >= 100:
            tok.minutes, tok.has_minutes = (value // 100) * 60 + value % 100, True
        else:
            tok.minutes = value * 60
        tok.kind = "time"
        tok.explicit = True


def _num_time(tok: Tok) -> Tok | None:
    """A bare number read as a clock time (``8`` -> 08:00, ``1730`` -> 17:30), or None."""
    if tok.kind == "time":
        return tok
    if tok.kind != "num":
        return None
    value = int(str(tok.value))
    if len(tok.text) in (3, 4):
        hour, minute = divmod(value, 100)
        if hour <= 24 and minute < 60:
            return Tok("time", None, tok.text, tok.spaced, hour * 60 + minute, True, tok.suffix, clock24=True)
        return None
    if value <= 24:
        zero = tok.text.startswith("0")
        return Tok("time", None, tok.text, tok.spaced, value * 60, False, tok.suffix, clock24=zero)
    return None
