"""The reader for pages without structured data: ``tel:`` links and phone numbers in the text,
``<address>`` elements and labelled or postcode-bearing address lines, opening hours (lines the
hours normaliser reads, day names in many languages), and a name from the page's heading.

Every value it returns is a guess from the page's text (origin ``heuristic``)."""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from auditor.crawl.adapters.base import Record, clean

_CELLS = {"td", "th"}
_BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section",
          "article", "address", "dd", "dt", "table", "ul", "ol", "header", "footer", "main", "aside",
          "blockquote", "hr", "nav", "figure", "figcaption", "form", "pre"}  # fmt: skip
_SKIP = {"script", "style", "noscript", "template", "svg", "head", "title"}
_TEL = etree.XPath('//a[starts-with(translate(@href, "TEL", "tel"), "tel:")]/@href')
_CHROME = frozenset({"header", "footer", "nav", "aside"})
"""A site's header, footer, navigation and sidebars: the same on every page, so a number there
is the company's (customer care, head office), not one store's, unless the page shows no other."""
_INNER_TEL = etree.XPath(
    '//a[starts-with(translate(@href, "TEL", "tel"), "tel:")]'
    "[not(ancestor::header or ancestor::footer or ancestor::nav or ancestor::aside)]/@href"
)
_ADDRESS = etree.XPath("//address")
_H1 = etree.XPath("//h1")
_TITLE = etree.XPath("//title/text()")
_SITE_NAME = etree.XPath('//meta[@property="og:site_name"]/@content')

# labels that introduce a value, in the languages the readers cover (facts, not page strings)
_PHONE_LABEL = re.compile(
    r"(?:\btel\b|\btel\.|telephone|téléphone|telefon|teléfono|telefono|telefone|phone|\bph\b|\bfon\b"
    r"|call|ruf|appel|llam|電話|tel:|тел|телефон|電話番号|☎|📞)", re.IGNORECASE)  # fmt: skip
_ADDRESS_LABEL = re.compile(
    r"(?:^\W*(?:address|adresse|anschrift|adres|dirección|direccion|indirizzo|endereço|morada|адрес"
    r"|location|standort|lieu|ubicación|sede)\b\W*)|(?:所在地|住所|地址)\s*[=:：]?\s*",
    re.IGNORECASE,
)
_PHONE_TAIL = re.compile(r"[、,;]\s*(?:電話|tel|phone|telefon|téléphone|teléfono)", re.IGNORECASE)
_DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\.\d{1,2}\.\d{4}\b")
_PLACE = re.compile(r"^\s+[^\W\d_][^\d,;:!?]{1,40}$")  # the town after a postcode
_ONE_LINE = re.compile(
    r"^(?P<street>\d{1,5}\w?,?\s+[^\d,;:]{3,50}|[^\d,;:]{3,50}\s\d{1,5}\w?)[\s,–-]+"
    r"(?P<postcode>(?:[A-Z]{1,2}-)?\d{4,5})\s+(?P<place>[^\W\d_][^\d,;:!?]{1,40})$"
)  # a street with its number, then postcode and town, on one line without a comma between
_INFO_LABEL = re.compile(r"^[^:：]{0,30}[:：]\s*")
_TIME = re.compile(
    r"\d{1,2}\s*(?:[:.h時]\s*\d{2}|\s*(?:am|pm|a\.m\.|p\.m\.|uhr|h\b|a\b|p\b|時))|\d{1,2}\s*[-–—~〜～]\s*\d{1,2}\b"
    r"|午前|午後|24/7|24\s*h", re.IGNORECASE)  # fmt: skip
_CLOSED = re.compile(
    r"closed|geschlossen|ruhetag|fermé|ferme|cerrado|chiuso|gesloten|fechado|休業|定休|закрыт", re.IGNORECASE
)
_TITLE_SPLIT = re.compile(r"\s+[|–—·-]\s+|\s*[|｜]\s*")
_BRACKETED = re.compile(r"^[\s《〈【\[(（][^》〉】\])）]*[》〉】\])）]\s*")


def text_lines(root: Any, skip: frozenset[str] = frozenset()) -> list[str]:
    """Visible text, one line per block element or ``<br>``, whitespace folded; elements whose
    tag is in ``skip`` are left out too."""
    parts: list[str] = []

    def walk(element: Any, depth: int) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _SKIP or tag in skip or depth > 200:
            return
        block = tag in _BLOCK
        if block:
            parts.append("\n")
        elif tag in _CELLS and element.getprevious() is not None:
            parts.append(": ")
        if element.text and tag:
            parts.append(element.text.replace("\n", " "))  # only blocks and <br> break lines
        for child in element:
            walk(child, depth + 1)
            if child.tail:
                parts.append(child.tail.replace("\n", " "))
        if block:
            parts.append("\n")

    body = root.find(".//body") if hasattr(root, "find") else None
    walk(body if body is not None else root, 0)
    return [line for line in (clean(x) for x in "".join(parts).split("\n")) if line]


def _phones(root: Any, lines: list[str], country: str | None) -> tuple[str | None, str | None]:
    """(phone, problem): a ``tel:`` link, else the one number the text shows (a labelled one
    when there are several). The page's own content is read first; the header, footer,
    navigation and sidebars only when it shows no number, and never their toll-free or
    shared-cost numbers (a chain's customer care line is no store's number)."""
    inner = _phone_in(_links(_INNER_TEL(root)), text_lines(root, skip=_CHROME), country, False)
    if inner != (None, None):
        return inner
    return _phone_in(_links(_TEL(root)), lines, country, True)


def _links(hrefs: list[str]) -> list[str]:
    return list(dict.fromkeys(h.split(":", 1)[1].strip() for h in hrefs if ":" in h))


def _phone_in(
    links: list[str], lines: list[str], country: str | None, local_only: bool
) -> tuple[str | None, str | None]:
    import phonenumbers

    if local_only:
        links = [link for link in links if not _company_line(link, country)]
    if len(links) == 1:
        return links[0], None
    found: list[tuple[bool, str, str]] = []  # (labelled, raw, e164)
    for line in lines:
        matcher = phonenumbers.PhoneNumberMatcher(line, country or "ZZ", leniency=phonenumbers.Leniency.VALID)
        for match in matcher:
            if local_only and _company_type(match.number):
                continue
            e164 = phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
            labelled = bool(_PHONE_LABEL.search(line[max(0, match.start - 25): match.start]))
            found.append((labelled, match.raw_string, e164))
    distinct = list(dict.fromkeys(e for _l, _r, e in found))
    if len(distinct) == 1:
        return found[0][1], None
    labelled = list(dict.fromkeys(e for lab, _r, e in found if lab))
    if len(labelled) == 1:
        return next(r for lab, r, e in found if lab and e == labelled[0]), None
    if distinct:
        return None, f"several phone numbers and none marked as the store's ({', '.join(distinct[:3])})"
    return None, None


def _company_type(number: Any) -> bool:
    """Toll-free, shared-cost, premium-rate or universal access numbers: a company's lines."""
    import phonenumbers
    from phonenumbers import PhoneNumberType

    kinds = {PhoneNumberType.TOLL_FREE, PhoneNumberType.SHARED_COST, PhoneNumberType.PREMIUM_RATE,
             PhoneNumberType.UAN}  # fmt: skip
    return phonenumbers.number_type(number) in kinds


def _company_line(raw: str, country: str | None) -> bool:
    import phonenumbers

    try:
        return _company_type(phonenumbers.parse(raw, country or "ZZ"))
    except phonenumbers.NumberParseException:
        return False


def _postcode_pattern(country: str | None) -> re.Pattern[str]:
    patterns = {
        "GB": r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", "CA": r"\b[A-Z]\d[A-Z]\s?\d[A-Z]\d\b",
        "NL": r"\b\d{4}(?:\s?[A-Z]{2})?\b", "JP": r"〒?\s?\d{3}-\d{4}\b", "US": r"\b\d{5}(?:-\d{4})?\b",
        "AU": r"\b\d{4}\b", "AT": r"\b\d{4}\b", "CH": r"\b\d{4}\b", "BE": r"\b\d{4}\b", "DK": r"\b\d{4}\b",
    }  # fmt: skip
    # elsewhere, or where the country is not known: four or five digits, perhaps after a country
    # letter (CH-8004, D-50672)
    return re.compile(patterns.get(country or "", r"\b(?:[A-Z]{1,2}-)?\d{4,5}\b"))


def _address(root: Any, lines: list[str], country: str | None) -> tuple[str | None, str | None]:
    """(address, the name written before it): an ``<address>`` element's text, else the text
    after an address label, else the part of a line around a postcode that follows a street
    with a number ("Name, Street 22, 12345 Town")."""
    for element in _ADDRESS(root):
        text = ", ".join(text_lines(element))  # its lines (<br>) are the address's parts
        if text and any(c.isdigit() for c in text):
            return text, None
    for index, line in enumerate(lines):
        label = _ADDRESS_LABEL.search(line)
        if not label:
            continue
        rest = line[label.end():].strip(" :=：")
        if not rest and index + 1 < len(lines):
            rest = lines[index + 1]
        rest = _PHONE_TAIL.split(rest)[0]
        if any(c.isdigit() for c in rest):
            return rest.strip(" ,、"), None
    postcode = _postcode_pattern(country)
    for index, line in enumerate(lines):  # "Torstraße 12" then "10119 Berlin" on the next line
        found = postcode.match(line.strip()) if index and len(line) <= 60 else None
        if not found or not _PLACE.match(line.strip()[found.end():]):
            continue
        street = lines[index - 1]
        if len(street) < 60 and re.search(r"\d", street) and re.search(r"[^\W\d_]{3,}", street):
            return f"{street}, {line}", None
    for line in lines:
        segments = [s.strip() for s in re.split(r",\s*", line)]
        for index, segment in enumerate(segments):
            if not postcode.search(segment) or index == 0:
                continue
            street = segments[index - 1]
            if re.search(r"\d", street) and re.search(r"[^\W\d_]{3,}", street):
                name = _INFO_LABEL.sub("", segments[index - 2]).strip() if index >= 2 else None
                name = name if name and not re.search(r"\d", name) and len(name) < 60 else None
                return f"{street}, {segment}", name
    for line in lines:  # "27 rue des Sarrazins 59000 Lille", "48, rue Oberkampf – 75011 Paris"
        found = _ONE_LINE.match(line.strip()) if len(line) <= 80 else None
        if found and postcode.fullmatch(found["postcode"]) and re.search(r"[^\W\d_]{3,}", found["street"]):
            return f"{found['street'].strip(' ,–-')}, {found['postcode']} {found['place']}", None
    return None, None


def visible_hours(lines: list[str]) -> str | None:
    """The page text's hours block (see ``_hours``; whole blocks only), or None."""
    return _hours(lines, single_lines=False)[0]


def _hours(lines: list[str], single_lines: bool = True) -> tuple[str | None, str | None]:
    """The block of consecutive lines the hours normaliser reads as a week covering the most
    days; (None, reason) when lines that look like hours could not be read."""
    from auditor.normalise.hours import parse_hours

    candidates: list[str] = []
    block: list[str] = []
    for line in [*lines, ""]:
        dated = bool(_DATE.search(line))  # a dated exception is not the regular week
        closed_day = len(line) < 80 and bool(_CLOSED.search(line))
        if line and not dated and (_TIME.search(line) or closed_day) and len(line) < 400:
            block.append(line)
            continue
        if block:
            candidates.append("\n".join(block))
            candidates.extend(block if len(block) > 1 and single_lines else [])
            block = []
    best: tuple[int, str] | None = None
    unreadable: list[str] = []
    for text in candidates:
        try:
            week = parse_hours(text)
        except Exception:  # the hours normaliser's own error, or anything it trips on
            unreadable.append(text)
            continue
        data = week.as_dict() if hasattr(week, "as_dict") else {}
        days = sum(1 for ranges in data.values() if ranges) if isinstance(data, dict) else 0
        if days and (best is None or days > best[0]):
            best = (days, text)
    if best:
        return best[1], None
    if single_lines and (prose := _prose_hours([line for line in lines if len(line) >= 400])):
        return prose
    if unreadable:
        return None, f"hours-like text not understood: {unreadable[0][:80]!r}"
    return None, None


_SENTENCE_END = re.compile(r"(?<=[.!?。])\s+(?=[^\W\d_])")
_OSM_DAYS = re.compile(r"^(?:Mo|Tu|We|Th|Fr|Sa|Su|PH)\b")


def _prose_hours(paragraphs: list[str]) -> tuple[str | None, str | None] | None:
    """Hours told in sentences of a long paragraph ("open Thursday to Saturday from 6 to 10 pm and on
    Sundays from 11.30 to 2"): the sentences that name days and times, read together. Only one
    paragraph may tell hours: a page telling several (a list of businesses) is not read."""
    from auditor.normalise.hours import hours_to_osm

    found: list[str] = []
    for paragraph in paragraphs:
        told = []
        for sentence in _SENTENCE_END.split(paragraph):
            if not _TIME.search(sentence) or _DATE.search(sentence):
                continue
            try:
                osm = hours_to_osm(sentence)
            except Exception:  # the hours normaliser's own error, or anything it trips on
                continue
            if _OSM_DAYS.match(osm):  # days named: a time of day alone ("lunch from 12 to 3") is not hours
                told.append(sentence)
        if told:
            found.append(" ".join(told))
    if len(found) > 1:
        return None, f"several paragraphs tell opening hours (a list of places?): {found[0][:60]!r}"
    return (found[0], None) if found else None


_MONTHS = ("jan|ene|feb|fév|fev|mär|mar|apr|avr|abr|mai|may|mei|jun|juin|jul|juil|aug|aoû|ago|sep|set"
           "|okt|oct|out|nov|dec|déc|dez|dic")  # month names' first letters in the readers' languages
_CALENDAR_DAY = re.compile(
    rf"\b\d{{1,2}}(?:er|e|st|nd|rd|th|\.)?\s*(?:(?:de|of)\s+)?(?:{_MONTHS})[a-zéû]*\b"
    r"|\b\d{1,2}[./]\d{1,2}\.(?!\d)",
    re.IGNORECASE,
)  # a day of the year: "25 december", "1er janvier", "25 de diciembre", "25.12."
_GENERIC_HOLIDAYS = re.compile(
    r"(?:public|bank) holidays?|jours? fériés|(?:sonn- und )?feiertag(?:e|en|s)?|feestdagen|festivi|festivos"
    r"|holidays?", re.IGNORECASE)  # fmt: skip
_HOLIDAY = re.compile(
    r"holiday|christmas|new year|easter|festive|boxing day|stephen|thanksgiving"
    r"|feiertag|weihnacht|ostern|silvester|férié|ferie|noël|noel|pâques"
    r"|festivo|festivi|navidad|natale|feestdag|kerst|pasen|祝日|祝祭日|年末年始|праздни",
    re.IGNORECASE,
)


_USUAL = re.compile(r"\b(?:usual|normal|regular) (?:hours|opening|times)\b", re.IGNORECASE)


def _names_a_holiday(line: str, country: str | None) -> bool:
    """The line's label ("ANZAC Day: from 1pm") names a public holiday of the country."""
    import datetime as dt

    from auditor.normalise.hours_holidays import holiday_dates_named

    label, colon, _rest = line.partition(":")
    if not colon or not country or len(label) > 40 or any(ch.isdigit() for ch in label):
        return False
    since = dt.date.today() - dt.timedelta(days=31)
    return holiday_dates_named(label, country, since, whole=True) is not None


def _holiday_hours(lines: list[str], weekly: str | None = None, country: str | None = None) -> str | None:
    """Lines about holidays that carry times or closures (read by the hours normaliser later),
    and closures on a calendar day ("Gesloten op 25 december en 1 januari"). A line of the
    ``weekly`` hours that names holidays only in general ("Sun & public holidays 10am–4pm") is
    part of the week, not a list of dates."""
    week_lines = set((weekly or "").split("\n"))
    picked: list[str] = []
    for index, line in enumerate(lines):
        if len(line) <= 300 and _CLOSED.search(line) and _CALENDAR_DAY.search(line):
            picked.append(line)
            continue
        if len(line) > 300 or not (_HOLIDAY.search(line) or _names_a_holiday(line, country)):
            continue
        general = _GENERIC_HOLIDAYS.search(line) and not _HOLIDAY.search(_GENERIC_HOLIDAYS.sub("", line))
        if line in week_lines and general:
            continue
        if _TIME.search(line) or _CLOSED.search(line):
            picked.append(line)
            continue
        # a heading ("Holiday hours", "Festive opening") and the lines of times under it
        for text in lines[index + 1 : index + 12]:
            if len(text) > 300 or not (_TIME.search(text) or _CLOSED.search(text) or _USUAL.search(text)):
                break
            picked.append(text)
    return "\n".join(dict.fromkeys(picked)) or None


def _name(root: Any, lines: list[str]) -> str | None:
    """The page's heading; else the head of a title written "Name - what" (a title without such
    a separator, or whose head reads as a sentence of more than five words, is a headline, not a
    name); else a line of the page that opens the title."""
    for heading in _H1(root):
        text = clean(" ".join(heading.itertext()))
        if text:
            return text
    for site in _SITE_NAME(root):
        if site.strip():
            return site.strip()
    for title in _TITLE(root):
        text = _BRACKETED.sub("", clean(title))
        parts = _TITLE_SPLIT.split(text) if text else []
        head = parts[0].strip() if len(parts) > 1 else ""
        if head and len(head.split()) <= 5 and not head.endswith(("!", "?")):  # a name, not a headline
            return head
        words = text.split()
        for size in range(len(words) - 1, 0, -1):
            head = " ".join(words[:size])
            if head in lines:
                return head
    return None


def read_generic(root: Any, country: str | None, wanted: set[str] | None = None) -> tuple[Record, list[str]]:
    """(record, unread): the fields the page's text gives (only ``wanted`` ones when given)."""
    record = Record()
    unread: list[str] = []
    lines = text_lines(root)
    want = wanted or {"name", "address", "phone", "hours", "holiday_hours"}
    if "phone" in want:
        phone, problem = _phones(root, lines, country)
        record.put("phone", phone, "heuristic")
        if problem:
            unread.append(f"phone: {problem}")
    named = address = None
    if "address" in want:
        address, named = _address(root, lines, country)
        record.put("address", address, "heuristic")
    if "hours" in want:  # the address's own lines are no hours ("Burnaby, BC V5H 4M1")
        hours, problem = _hours([line for line in lines if not (address and line in address)])
        record.put("hours", hours, "heuristic")
        if problem:
            unread.append(f"hours: {problem}")
    if "holiday_hours" in want and ("hours" in record or "hours" not in want):  # regular hours known
        record.put("holiday_hours", _holiday_hours(lines, record.get("hours"), country), "heuristic")
    if "name" in want and record:
        record.put("name", named or _name(root, lines), "heuristic")
    return record, unread
