"""Words of opening hours in many languages: day and month names from CLDR (Babel), the rest a small table.

Day and month names are read from Babel's CLDR locale data, so every listed locale has its full and
abbreviated names without typing them. The other words (ranges, "closed", "daily", "holidays", ...)
are short per-language lists below. Everything is folded with :func:`fold` (case, accents,
compatibility forms) so lookups ignore how a page happens to write a word.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from auditor.normalise.accents import strip_accents

DAYS = ("mo", "tu", "we", "th", "fr", "sa", "su")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# Locales whose CLDR day and month names are read.
LOCALES = (
    "en", "de", "fr", "nl", "es", "it", "pt", "ru", "ja", "zh", "zh_Hant", "ca", "eu", "id", "pl",
    "sv", "da", "nb", "fi", "cs", "tr", "uk", "ro", "hu", "el", "ko", "hr", "sl", "sk", "bg", "lt", "lv",
    "et",
)

# Everything else, per language: canonical meaning -> words (folded on load). Multi-word phrases
# are matched before single words.
_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "range": {
        "en": ("to", "till", "til", "until", "thru", "through", "till"),
        "de": ("bis",),
        "fr": ("a", "au", "jusqu'a", "jusqu'au"),
        "nl": ("tot", "tot en met", "t/m", "tm", "t.e.m", "tem"),
        "es": ("a", "al", "hasta"),
        "it": ("a", "al", "alla", "alle", "ai", "allo", "fino", "fino a", "fino alle", "all'"),
        "pt": ("a", "ao", "ate", "as"),
        "ca": ("a", "al", "fins"),
        "ru": ("до", "по", "-"),
        "uk": ("до", "по"),
        "ja": ("から", "まで", "〜", "~"),
        "zh": ("至", "到", "~"),
        "id": ("sampai", "hingga", "s/d"),
        "pl": ("do",),
        "eu": ("arte",),
    },
    "between": {
        "en": ("between",), "de": ("zwischen",), "fr": ("entre",), "nl": ("tussen",),
        "es": ("entre",), "it": ("tra", "fra"), "pt": ("entre",), "ru": ("между",),
    },
    "and": {
        "en": ("and",), "de": ("und", "sowie"), "fr": ("et",), "nl": ("en",), "es": ("y", "e"),
        "it": ("e", "ed"), "pt": ("e",), "ca": ("i",), "ru": ("и",), "id": ("dan",), "pl": ("i", "oraz"),
        "sv": ("och",), "da": ("og",), "zh": ("和", "及"), "ja": ("と",),
    },
    "except": {
        "en": ("except", "excluding", "exc", "excl"),
        "de": ("ausser", "ausgenommen", "bis auf"),
        "fr": ("sauf", "excepte", "hormis"),
        "nl": ("behalve", "uitgezonderd", "uitgezonderd op"),
        "es": ("excepto", "salvo", "menos"),
        "it": ("tranne", "eccetto", "escluso", "esclusi"),
        "pt": ("exceto", "excepto", "salvo"),
        "ru": ("кроме",),
        "ja": ("除く", "除き"),
        "zh": ("除了", "除"),
        "id": ("kecuali",),
        "pl": ("oprocz", "z wyjatkiem"),
    },
    "closed": {
        "en": ("closed", "shut", "off", "close all day", "day off", "closed all day", "annual closure"),
        "de": ("geschlossen", "ruhetag", "ruhetage", "zu", "betriebsruhe", "betriebsferien",
               "betriebsurlaub"),
        "fr": ("ferme", "fermee", "fermes", "fermees", "repos", "conges", "fermeture annuelle"),
        "nl": ("gesloten", "dicht", "zomersluiting", "vakantiesluiting"),
        "es": ("cerrado", "cerrada", "cerrados", "libre", "descanso"),
        "it": ("chiuso", "chiusa", "chiusi", "riposo"),
        "pt": ("fechado", "fechada", "encerrado", "folga", "fecha", "fechamos", "nao abre"),
        "ca": ("tancat", "tancada"),
        "eu": ("hetsia", "itxita"),
        "ru": ("закрыто", "выходной", "не работает", "нерабочий"),
        "ja": ("定休日", "定休", "休業", "休館", "休み", "休日", "休店", "お休み", "休診", "休診日", "休業日",
               "休",
               "休館日", "休園日"),
        "zh": ("休息", "关门", "不营业", "休業", "公休", "休诊", "停诊", "暂停营业", "休館"),
        "uk": ("вихідний", "зачинено", "не працює"),
        "fi": ("suljettu",), "nb": ("stengt",), "cs": ("zavreno",), "hr": ("zatvoreno",),
        "sl": ("zaprto",), "tr": ("kapali",), "ko": ("휴무", "휴무일", "정기휴무"),
        "hu": ("zarva", "szunnap"), "et": ("suletud",), "lt": ("nedirba", "uzdaryta"), "lv": ("slegts",),
        "bg": ("почивен ден", "затворено"), "ro": ("inchis",),
        "id": ("tutup", "libur"),
        "pl": ("nieczynne", "zamkniete", "nieczynny"),
        "sv": ("stangt",), "da": ("lukket",),
    },
    "open": {
        "en": ("open", "opened", "opening"),
        "de": ("geoffnet", "offen"),
        "fr": ("ouvert", "ouverte", "ouverts", "ouvertes", "ouvre"),
        "nl": ("open", "geopend"),
        "es": ("abierto", "abierta", "abiertos"),
        "it": ("aperto", "aperta", "aperti", "aperte"),
        "pt": ("aberto", "aberta"),
        "ru": ("открыто", "работаем"),
        "ja": ("営業",),
        "zh": ("营业", "開放", "开放"),
    },
    "unknown": {
        "en": ("unknown",), "de": ("unbekannt",), "fr": ("inconnu",), "nl": ("onbekend",),
        "es": ("desconocido",), "it": ("sconosciuto",), "ru": ("неизвестно",),
    },
    "daily": {
        "en": ("daily", "every day", "everyday", "all week", "7 days", "7 days a week", "seven days a week",
               "all days", "mon-sun", "7/7"),
        "de": ("taglich", "jeden tag", "alle tage", "7 tage"),
        "fr": ("tous les jours", "tlj", "7j/7", "7/7", "7 jours sur 7", "chaque jour", "toute la semaine"),
        "nl": ("dagelijks", "elke dag", "iedere dag", "alle dagen", "7 dagen"),
        "es": ("todos los dias", "diario", "diariamente", "cada dia"),
        "it": ("tutti i giorni", "ogni giorno", "tutti i gg", "tutta la settimana"),
        "pt": ("todos os dias", "diariamente"),
        "ca": ("cada dia", "tots els dies"),
        "ru": ("ежедневно", "каждый день", "без выходных", "7 дней в неделю", "семь дней в неделю"),
        "ro": ("zilnic",),
        "uk": ("щодня", "щоденно", "без вихідних"),
        "ja": ("毎日", "年中無休", "無休"),
        "zh": ("每天", "每日", "全年无休"),
        "id": ("setiap hari", "tiap hari"),
        "pl": ("codziennie",),
        "ko": ("매일", "연중무휴", "매일매일"),
        "fi": ("paivittain", "joka paiva"), "sv": ("alla dagar", "dagligen"), "da": ("alle dage", "dagligt"),
        "nb": ("alle dager", "daglig"),
        "tr": ("her gun",),
    },
    "always": {
        "en": ("24/7", "24 hours", "24 hrs", "24hrs", "24 hour", "around the clock", "round the clock",
               "24 hours a day", "24h/24"),
        "de": ("rund um die uhr", "24 stunden", "durchgehend geoffnet"),
        "fr": ("24h/24", "24 heures", "jour et nuit", "24h sur 24"),
        "nl": ("24 uur", "dag en nacht"),
        "es": ("24 horas",),
        "it": ("24 ore", "h24"),
        "pt": ("24 horas",),
        "ru": ("круглосуточно",),
        "uk": ("цілодобово",),
        "ja": ("24時間",),
        "zh": ("24小时", "24小時", "全天"),
        "id": ("24 jam",),
        "pl": ("calodobowo", "calodobowy", "cala dobe", "czynne cala dobe", "otwarte cala dobe"),
        "ko": ("24시간",),
    },
    "weekdays": {
        "en": ("weekdays", "weekday", "working days", "business days", "mon-fri", "m-f", "wd"),
        "de": ("unter der woche", "montags bis freitags", "wochentags", "an wochentagen"),
        "fr": ("en semaine", "jours ouvrables", "jours de semaine"),
        "nl": ("doordeweeks", "werkdagen", "weekdagen", "op werkdagen", "alle werkdagen", "tijdens de week",
               "door de week"),
        "es": ("entre semana", "laborables", "dias laborables", "l-v"),
        "it": ("feriali", "giorni feriali"),
        "pt": ("dias uteis",),
        "ru": ("будни", "будние", "будние дни", "в будние дни", "по будням"),
        "ko": ("평일", "주중"),
        "uk": ("будні", "будні дні", "у будні"),
        "ja": ("平日",),
        "zh": ("工作日", "平日"),
        "id": ("hari kerja",),
        "pl": ("dni robocze", "w dni robocze"),
        "fi": ("arkisin", "arkipaivisin", "arkipaivat"), "sv": ("vardagar", "helgfri vardag"),
        "da": ("hverdage",), "nb": ("hverdager", "ukedager"),
    },
    "workdays": {"de": ("werktags", "werktage", "an werktagen")},
    "weekend": {
        "en": ("weekends", "weekend"),
        "de": ("wochenende", "am wochenende", "wochenenden"),
        "fr": ("week-end", "week-ends", "weekend"),
        "nl": ("weekend", "weekenden", "in het weekend"),
        "es": ("fin de semana", "fines de semana"),
        "it": ("fine settimana", "weekend"),
        "pt": ("fim de semana", "fins de semana"),
        "ru": ("выходные",),
        "ko": ("주말",),
        "uk": ("вихідні", "у вихідні"),
        "ja": ("土日", "週末"),
        "zh": ("周末", "週末"),
        "id": ("akhir pekan",),
    },
    "ph": {
        "en": ("ph", "holiday", "holidays", "public holiday", "public holidays", "bank holiday",
               "bank holidays", "bh", "bank hols", "bank holiday mondays",
               "holiday periods", "stat holidays", "statutory holidays"),
        "de": ("feiertag", "feiertage", "feiertags", "feiertagen", "an feiertagen", "sonn- und feiertags"),
        "fr": ("jours feries", "jour ferie", "feries", "ferie", "les jours feries"),
        "nl": ("feestdag", "feestdagen", "op feestdagen"),
        "es": ("festivos", "festivo", "feriados", "feriado", "dias festivos"),
        "it": ("festivi", "festivo", "festivita", "festività"),
        "pt": ("feriados", "feriado"),
        "ca": ("festius", "festiu"),
        "ru": ("праздники", "праздничные дни", "праздничные", "праздник"),
        "ja": ("祝日", "祝", "祭日", "祝祭日"),
        "zh": ("节假日", "法定节假日", "假日", "节日"),
        "id": ("hari libur", "libur nasional"),
        "pl": ("swieta",),
    },
    "am": {
        "en": ("morning", "mornings", "in the morning"),
        "de": ("morgens", "vormittags", "fruh"),
        "fr": ("matin", "du matin"),
        "nl": ("ochtend", "s ochtends", "s morgens"),
        "es": ("de la manana", "manana"),
        "it": ("mattina", "di mattina", "del mattino", "mattino"),
        "pt": ("da manha", "manha"),
        "ru": ("утра",),
        "ja": ("午前", "朝"),
        "zh": ("上午", "早上", "凌晨"),
        "eu": ("goizeko",),
    },
    "pm": {
        "en": ("afternoon", "evening", "night", "in the afternoon", "in the evening", "at night", "tonight"),
        "de": ("abends", "nachmittags", "abend", "nachmittag"),
        "fr": ("soir", "du soir", "apres-midi", "de l'apres-midi"),
        "nl": ("middag", "avond", "s avonds", "s middags"),
        "es": ("de la tarde", "de la noche", "tarde", "noche"),
        "it": ("pomeriggio", "del pomeriggio", "sera", "di sera", "della sera"),
        "pt": ("da tarde", "da noite", "tarde", "noite"),
        "ru": ("вечера", "дня"),
        "ja": ("午後", "夜"),
        "zh": ("下午", "晚上", "中午"),
    },
    "noon": {
        "en": ("noon", "midday"), "de": ("mittag",), "fr": ("midi",), "es": ("mediodia",),
        "it": ("mezzogiorno",), "pt": ("meio-dia",), "nl": ("middaguur",), "ru": ("полдень",),
    },
    "midnight": {
        "en": ("midnight", "midnite"), "de": ("mitternacht",), "fr": ("minuit",), "es": ("medianoche",),
        "it": ("mezzanotte",), "pt": ("meia-noite",), "nl": ("middernacht",), "ru": ("полночь",),
    },
    # 'from' with a time and no end: open from then on ('ab 18 Uhr', 'from 6pm', 'à partir de 18h')
    "from": {
        "en": ("from", "opens at", "open from", "starting at"), "de": ("ab",), "nl": ("vanaf",),
        "fr": ("a partir de", "a partir d", "des"), "es": ("desde", "a partir de", "a partir de las"),
        "it": ("a partire da", "a partire dalle"), "pt": ("a partir de", "a partir das"),
    },
    # 'by appointment': open, but only on request (an OSM comment)
    "appointment": {
        "en": ("by appointment", "by appointment only", "appointment only", "on request", "by arrangement"),
        "de": ("nach vereinbarung", "nach absprache", "auf anfrage", "auf wunsch",
               "termine nach vereinbarung", "nach terminvereinbarung"),
        "fr": ("sur rendez-vous", "sur rdv", "uniquement sur rendez-vous", "sur demande"),
        "nl": ("na afspraak", "op afspraak", "alleen op afspraak", "op aanvraag"),
        "es": ("con cita previa", "previa cita", "con cita", "bajo cita"),
        "it": ("su appuntamento", "su prenotazione", "previo appuntamento", "su richiesta"),
        "pt": ("com marcacao", "mediante agendamento", "com agendamento"),
        "ru": ("по записи", "по предварительной записи"),
        "ja": ("要予約", "予約制"),
        "zh": ("需预约", "预约"),
    },
    # a season named without its dates: hours that hold for part of the year only, when is not said
    "season": {
        "en": ("summer", "winter", "summers", "winters", "spring", "autumn", "fall season", "summertime",
               "wintertime", "season",
               "seasonal", "high season", "low season", "off season", "off-season", "peak season",
               "summer time", "winter time", "summer months", "winter months", "in season"),
        "de": ("sommer", "winter", "sommerzeit", "winterzeit", "sommermonate", "wintermonate", "saison",
               "hauptsaison", "nebensaison", "vorsaison", "nachsaison", "sommerhalbjahr", "winterhalbjahr",
               "fruhling", "herbst", "wintersaison", "sommersaison", "im sommer", "im winter"),
        "fr": ("ete", "hiver", "saison", "haute saison", "basse saison", "estivale", "estivales", "hivernale",
               "hivernales", "printemps", "automne", "en saison", "hors saison"),
        "nl": ("zomer", "winter", "zomertijd", "wintertijd", "seizoen", "hoogseizoen", "laagseizoen",
               "zomermaanden", "wintermaanden", "voorjaar", "najaar", "zomerseizoen", "winterseizoen"),
        "es": ("verano", "invierno", "temporada", "temporada alta", "temporada baja", "primavera", "otono"),
        "it": ("estate", "inverno", "estivo", "estiva", "invernale", "stagione", "alta stagione",
               "bassa stagione", "primavera", "autunno"),
        "pt": ("verao", "inverno", "temporada", "alta temporada", "baixa temporada", "primavera", "outono"),
        "ru": ("лето", "летом", "зима", "зимой", "летний", "зимний", "летнее", "зимнее", "сезон", "весна",
               "весной", "осень", "осенью"),
        "ja": ("夏季", "冬季", "夏期", "冬期", "シーズン"),
        "zh": ("夏季", "冬季", "旺季", "淡季", "夏令", "冬令"),
        "pl": ("lato", "latem", "zima", "zima", "sezon"),
    },
    # 'until late': the range has no fixed end
    "late": {"en": ("late", "close", "closing"), "fr": ("tard",), "de": ("open end",), "nl": ("laat",)},
    # a break inside the day: the times that follow are closed ('lunch break 13-14', 'перерыв 13-14')
    "break": {
        "en": ("break", "lunch break", "closed for lunch"), "de": ("mittagspause", "pause"),
        "fr": ("pause", "pause dejeuner", "pause de midi"), "nl": ("pauze", "middagpauze"),
        "es": ("descanso de", "pausa"), "it": ("pausa", "pausa pranzo"), "pt": ("intervalo", "pausa"),
        "ru": ("перерыв", "обед", "обеденный перерыв"), "ja": ("休憩",), "zh": ("午休",),
    },
    # what a part of the hours is for: read as a label, not as an unknown word
    "label": {
        "en": ("lunch", "dinner", "breakfast", "brunch", "kitchen", "bar", "pharmacy", "drive-thru",
               "reception", "showroom", "service", "takeaway", "delivery"),
        "de": ("kuche", "mittagessen", "abendessen", "fruhstuck", "laden", "filiale", "praxis"),
        "fr": ("dejeuner", "diner", "cuisine", "magasin", "boutique", "accueil", "bureau"),
        "nl": ("lunch", "diner", "keuken", "winkel", "balie"),
        "es": ("almuerzo", "comida", "cena", "cocina", "tienda"),
        "it": ("pranzo", "cena", "cucina", "negozio"),
        "pt": ("almoco", "jantar", "cozinha", "loja"),
        "ja": ("ランチ", "ディナー", "モーニング"),
        "zh": ("午餐", "晚餐", "早餐"),
    },
    # words that mark the number before them as a clock time ("18 Uhr", "10 u", "14h")
    "hour": {
        "en": ("o'clock", "oclock", "hrs", "hr"), "de": ("uhr",), "fr": ("h", "heures", "heure"),
        "nl": ("uur", "u"), "es": ("h", "hs", "horas", "hrs"), "it": ("ore",), "pt": ("h", "horas"),
        "ca": ("h",), "ru": ("ч", "час", "часов"), "pl": ("godz",), "cs": ("hod",), "eu": ("etatik", "ak"),
    },
    # sunrise and friends, as OSM names them
    "sunrise": {"en": ("sunrise",), "ru": ("восход", "восхода"), "de": ("sonnenaufgang",),
                "fr": ("lever du soleil",)},
    "sunset": {"en": ("sunset",), "ru": ("закат", "заката"), "de": ("sonnenuntergang",),
               "fr": ("coucher du soleil",)},
    "dawn": {"en": ("dawn",), "ru": ("рассвет", "рассвета"), "de": ("morgendammerung",)},
    "dusk": {"en": ("dusk",), "ru": ("сумерки", "сумерек"), "de": ("abenddammerung",)},
    # words found in opening-hours text that carry no meaning for the schedule
    "filler": {
        "en": ("the", "on", "at", "of", "hours", "opening", "opening hours", "by", "appointment",
               "only", "store", "shop", "office", "trading", "we", "are", "is", "in", "for", "a.m", "every",
               "each", "all", "day", "days", "times", "time", "our", "business", "plus", "also", "de", "nd"),
        "de": ("von", "vom", "am", "an", "der", "die", "das", "den", "offnungszeiten", "zeit", "in",
               "uhrzeit", "jeweils", "tag"),
        "fr": ("de", "du", "des", "le", "la", "les", "l", "d", "des", "horaires", "horaire", "ouverture",
               "est", "sont", "en", "continu", "nous", "pour", "jour", "jours"),
        "nl": ("van", "op", "de", "het", "openingstijden", "openingsuren", "uur", "s", "zijn",
               "is", "alle", "elke"),
        "es": ("de", "del", "el", "los", "las", "la", "horario", "horarios", "apertura", "y",
               "dias", "es", "son", "abre"),
        "it": ("dal", "dalle", "dai", "dalla", "da", "il", "lo", "la", "i", "gli", "le", "orario", "orari",
               "apertura", "di", "continuato", "dell", "del"),
        "pt": ("de", "do", "da", "dos", "das", "o", "os", "horario", "funcionamento"),
        "ca": ("de", "del", "dels", "els", "les", "horari"),
        "ru": ("с", "со", "от", "в", "режим", "работы", "часы", "работает"),
        "ja": ("営業時間", "時間", "毎週", "は", "が", "の", "に", "で", "より", "翌", "翌日"),
        "zh": ("营业时间", "時間", "时间", "每周", "週", "周", "次日", "翌日"),
        "id": ("jam", "buka", "pukul"),
        "pl": ("godziny", "otwarcia", "od"),
    },
}


def fold(text: str) -> str:
    """Casefolded, compatibility forms unified (full-width digits, ligatures), accents dropped."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return strip_accents(text, compatibility=False).translate(_STROKES)  # a dakuten is not an accent


# letters with a stroke that Unicode does not decompose: 'całą dobę' folds as 'cala dobe'
_STROKES = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ŧ": "t", "ı": "i"})


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")


_Names = dict[str, dict[str, int]]


def _babel_names() -> tuple[_Names, _Names, _Names, _Names]:
    """(full day names, abbreviated day names, full month names, short month names) per language."""
    from babel import Locale

    full: dict[str, dict[str, int]] = {}
    short: dict[str, dict[str, int]] = {}
    months: dict[str, dict[str, int]] = {}
    short_months: dict[str, dict[str, int]] = {}
    for code in LOCALES:
        locale = Locale.parse(code)
        lang = code.split("_")[0]
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated", "short"):
                for index, name in locale.days[context][width].items():
                    word = fold(name).strip(".")
                    target = full if width == "wide" else short
                    target.setdefault(lang, {})[word] = index
                    if width == "wide" and "-" in word:  # segunda-feira -> segunda
                        target[lang][word.split("-")[0]] = index
            for width in ("wide", "abbreviated"):
                for index, name in locale.months[context][width].items():
                    word = fold(name).strip(".")
                    if word.startswith(("de ", "d'", "d’")):
                        continue
                    (months if width == "wide" else short_months).setdefault(lang, {})[word] = index
    return full, short, months, short_months


# A few day forms CLDR does not list (Chinese colloquial Sunday, English short forms).
_EXTRA_DAYS: dict[str, dict[str, int]] = {
    "en": {"tues": 1, "weds": 2, "thur": 3, "thurs": 3, "thu": 3, "tue": 1, "wed": 2, "mon": 0, "fri": 4,
           "sat": 5, "sun": 6},
    "zh": {"星期天": 6, "周天": 6, "礼拜天": 6, "礼拜日": 6, "週日": 6, "週天": 6, "禮拜天": 6},
    "pl": {"pn": 0, "wt": 1, "sr": 2, "cz": 3, "pt": 4, "sb": 5, "nd": 6, "niedz": 6},
    "ru": {"пон": 0, "вто": 1, "сре": 2, "чет": 3, "пят": 4, "суб": 5, "вос": 6, "воскр": 6},
}
_OSM_DAYS = {"mo": 0, "tu": 1, "we": 2, "th": 3, "fr": 4, "sa": 5, "su": 6}


class Vocabulary:
    """Folded word -> (kind, value), per language, with the languages each word belongs to."""

    def __init__(self) -> None:
        full, short, months, short_months = _babel_names()
        for lang, extra in _EXTRA_DAYS.items():
            short.setdefault(lang, {}).update(extra)
        self.full_days = full
        self.short_days = short
        self.months = months
        self.short_months = short_months
        self.phrases: dict[str, dict[str, str]] = {}  # lang -> phrase -> kind
        for kind, per_lang in _WORDS.items():
            for lang, words in per_lang.items():
                for word in words:
                    self.phrases.setdefault(lang, {})[fold(word)] = kind
        self.languages = sorted(set(full) | set(self.phrases))
        self.phrase_starts = {p.split()[0] for table in self.phrases.values() for p in table if " " in p}
        # words written inside a phrase ('rendez-vous' of 'sur rendez-vous'): kept whole, not cut at '-'
        self.phrase_words = {w for table in self.phrases.values() for p in table for w in p.split()}
        self.short_words = {w for table in (short, short_months) for names in table.values() for w in names}
        # any language: full day names, months, and every phrase (ambiguous ones resolved by language)
        self.word_langs: dict[str, set[str]] = {}
        for table in (full, short, months, short_months, self.phrases):
            for lang, words in table.items():
                for word in words:
                    self.word_langs.setdefault(word, set()).add(lang)

    def day(self, word: str, lang: str) -> int | None:
        """Day index of a word: full names in any language (and inflections), abbreviations by language."""
        word = word.strip(".")
        for table in (self.full_days.get(lang, {}), self.short_days.get(lang, {})):
            if word in table:
                return table[word]
        if word in _OSM_DAYS and lang in ("en", "osm", ""):
            return _OSM_DAYS[word]
        for names in self.full_days.values():
            if word in names:
                return names[word]
        if lang not in ("en", "osm", "") and word in _OSM_DAYS and not self._short_anywhere(word, lang):
            return _OSM_DAYS[word]
        if word in self.short_days.get("en", {}):
            return self.short_days["en"][word]
        return self._truncated(word, lang) if len(word) >= 3 else self._inflected(word, lang)

    @lru_cache(maxsize=64)  # noqa: B019 - one vocabulary per process
    def narrow_days(self, lang: str) -> dict[str, int]:
        """One-letter day names of a language (CLDR 'narrow'), only where each letter is one day: es L-V."""
        from babel import Locale

        try:
            names = Locale.parse(lang).days["format"]["narrow"]
        except (ValueError, KeyError):
            return {}
        letters = [fold(name) for name in names.values()]
        return {fold(n): i for i, n in names.items() if letters.count(fold(n)) == 1}

    @lru_cache(maxsize=8192)  # noqa: B019 - one vocabulary per process
    def _truncated(self, word: str, lang: str) -> int | None:
        """'giov', 'thur', 'mier': the start of exactly one full day name of the language."""
        found = {i for name, i in self.full_days.get(lang, {}).items() if name.startswith(word)}
        if len(found) == 1 and not any(m.startswith(word) for m in self.months.get(lang, {})):
            return found.pop()
        return self._inflected(word, lang)

    def _short_anywhere(self, word: str, lang: str) -> bool:
        return word in self.short_days.get(lang, {}) or word in self.phrases.get(lang, {})

    @lru_cache(maxsize=4096)  # noqa: B019 - one vocabulary per process
    def _one_meaning(self, word: str) -> bool:
        meanings = {names[word] for names in self.short_days.values() if word in names}
        return len(meanings) == 1 and not any(word in m for m in self.months.values())

    @lru_cache(maxsize=8192)  # noqa: B019 - one vocabulary per process
    def _inflected(self, word: str, lang: str = "") -> int | None:
        """montags, lundis, понедельника, dinsdagochtend: a full day name's stem plus a short ending,
        in the text's own language when it has day names ('неделю', a week in Russian, is not the
        Bulgarian Sunday)."""
        if len(word) < 4:
            return None
        own = self.full_days.get(lang)
        for names in ([own] if own else self.full_days.values()):
            for name, index in names.items():
                if len(name) >= 5 and not _CJK.search(name):
                    stem = name[:-1]
                    if word.startswith(stem) and len(word) - len(name) <= 8:
                        return index
        return None

    def month(self, word: str, lang: str) -> int | None:
        """Month of a word: full names in any language, abbreviations in the text's language or English."""
        word = word.strip(".")
        for code in (lang, "en"):
            for table in (self.months.get(code, {}), self.short_months.get(code, {})):
                if word in table:
                    return table[word]
        for names in self.months.values():
            if word in names and len(word) >= 4:
                return names[word]
        return None


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    return Vocabulary()
