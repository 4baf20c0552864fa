"""Date expressions in article sentences, normalized to EDTF with lower/upper bounds.

Handles explicit dates ("November 6, 2025", "6 November 2025", "2025-11-06"), month-days without a
year (the most recent such day not after publication, or the next one when the sentence is in the
future tense), months ("December 2020"; "in October", "last September": the latest one by publication, or the
next one in the future tense), years ("in 2020"), ranges ("2020–2021", "2020-21",
"between 2020 and 2021", "in 2020 and 2021"), weekdays ("on Thursday"), relative words ("today",
"last month", "earlier this week") and wire datelines ("WASHINGTON (AP) —", "MOSCOW, November 7. /TASS/.").
Anything that needs the publication date is left open (edtf "..", no bounds) when there is none.
Vocabulary lives in ``date_words.yaml``.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from pipelines.extract.gazetteer import load_yaml
from pipelines.extract.literal_gate import KeywordGate, anchored_finditer as _anchored
from pipelines.extract.model import ArticleText, DateMention, SentenceText
from pipelines.paths import DICTIONARIES_DIR

DATE_WORDS_FILE = "date_words.yaml"
OPEN_EDTF = ".."


@dataclass(frozen=True)
class DateWords:
    months: dict[str, int]  # lowercased spelling -> month number
    weekdays: dict[str, int]  # lowercased spelling -> 0 (Monday) .. 6
    relative: dict[str, dict]
    future_cues: tuple[str, ...]
    wire_agencies: tuple[str, ...]
    numbers: dict[str, int] = None  # lowercased number word -> value, for "five years ago"
    # words before a month named without a day or year ("in October", "last September")
    month_openers: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def date_words() -> DateWords:
    """The validated contents of ``date_words.yaml`` (cached)."""
    path = DICTIONARIES_DIR / DATE_WORDS_FILE
    data = load_yaml(path.read_text(encoding="utf-8"))
    months = {str(w).lower(): int(n) for n, words in data["months"].items() for w in words}
    weekdays = {str(w).lower(): int(n) for n, words in data["weekdays"].items() for w in words}
    if sorted(set(months.values())) != list(range(1, 13)):
        raise ValueError(f"{path}: months must cover 1..12")
    if sorted(set(weekdays.values())) != list(range(7)):
        raise ValueError(f"{path}: weekdays must cover 0..6")
    relative = {}
    for phrase, spec in data["relative"].items():
        if spec.get("unit") not in ("day", "week", "month", "year") or not isinstance(spec.get("offset"), int):
            raise ValueError(f"{path}: relative {phrase!r} needs unit day/week/month/year and an integer offset")
        relative[phrase.lower()] = spec
    numbers = {str(w).lower(): n for w, n in (data.get("numbers") or {}).items()}
    if not all(isinstance(n, int) and n > 0 for n in numbers.values()):
        raise ValueError(f"{path}: numbers must map words to positive integers")
    openers = data.get("month_openers") or []
    if not all(isinstance(w, str) and w.strip() for w in openers):
        raise ValueError(f"{path}: month_openers must be a list of words")
    return DateWords(months, weekdays, relative, tuple(data["future_cues"]), tuple(data["wire_agencies"]), numbers,
                     tuple(str(w).lower() for w in openers))


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class _Patterns:
    iso: re.Pattern
    month_day_year: re.Pattern
    day_month_year: re.Pattern
    month_year: re.Pattern
    month_day: re.Pattern
    day_month: re.Pattern
    year_range: re.Pattern
    year_pair: re.Pattern
    year: re.Pattern
    weekday: re.Pattern
    relative: re.Pattern
    ago: re.Pattern
    wire_dateline: re.Pattern
    future: re.Pattern
    bare_month: re.Pattern
    month_opener: re.Pattern


# The words that may stand before a weekday ("on Friday", "last Friday"); ASCII letters only (the
# weekday starts are found by their first letter, see _weekday_starts).
_WEEKDAY_MODIFIERS = ("on", "last", "this", "next", "past")


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    words = date_words()
    mon = rf"(?P<mon>{_alternation(words.months)})\.?"
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    year = r"(?P<year>1[89]\d\d|20\d\d)"
    b = r"(?<![\w])"
    e = r"(?![\w])"
    return _Patterns(
        iso=re.compile(rf"{b}(?P<year>\d{{4}})-(?P<mon>\d{{2}})-(?P<day>\d{{2}}){e}"),
        month_day_year=re.compile(rf"{b}{mon}\s+{day},?\s+{year}{e}", re.I),
        day_month_year=re.compile(rf"{b}{day}\s+(?:of\s+)?{mon},?\s+{year}{e}", re.I),
        month_year=re.compile(rf"{b}{mon},?\s+(?:of\s+)?{year}{e}", re.I),
        month_day=re.compile(rf"{b}{mon}\s+{day}(?![\w]|,?\s*\d)", re.I),
        day_month=re.compile(rf"{b}{day}\s+(?:of\s+)?{mon}{e}", re.I),
        year_range=re.compile(
            r"(?<![\w$,.])(?:(?:between|from)\s+)?(?P<y1>1[89]\d\d|20\d\d)"
            r"(?:\s*[–—-]\s*|\s+(?:to|and|through|until)\s+)(?P<y2>1[89]\d\d|20\d\d|\d\d)(?![\w%,.]\d|[\w%])",
            re.I,
        ),
        year_pair=re.compile(r"(?<![\w])in\s+(?P<y1>1[89]\d\d|20\d\d)\s+and\s+(?P<y2>1[89]\d\d|20\d\d)(?![\w])", re.I),
        year=re.compile(r"(?<![\w$£€.,])(?P<year>1[89]\d\d|20\d\d)(?![\w%]|[.,]\d)"),
        weekday=re.compile(rf"{b}(?:(?P<mod>{'|'.join(_WEEKDAY_MODIFIERS)})\s+)?(?P<wd>{_alternation(words.weekdays)}){e}", re.I),
        relative=re.compile(rf"{b}(?P<rel>{_alternation(words.relative)}){e}", re.I),
        ago=re.compile(
            rf"{b}(?P<n>\d{{1,3}}|{_alternation(words.numbers) if words.numbers else '(?!)'})[\s-]+"
            # ("marked 20 years since they joined": since that many years ago; not "20 years since 2004", a span)
            rf"(?P<unit>year|month|week|day)s?\s+(?:ago|since(?!\s+(?:(?:early|late|mid|the)\s+)?(?:1[89]|20)\d\d))"
            rf"(?:\s+(?P<exact>today|to the day))?{e}",
            re.I,
        ),
        wire_dateline=re.compile(
            rf"^(?P<place>[A-Z][A-Z .'\-]+?)(?:,\s*[A-Za-z .]+)?\s*\((?P<agency>{_alternation(words.wire_agencies)})\)\s*[—–-]"
        ),
        future=re.compile(rf"{b}(?:{_alternation(words.future_cues)}){e}", re.I),
        # "in October", "last September", "since early March": a capitalized full month name (matched where a
        # month word starts) with no day or year after it ("in May's cabinet" is no month), after an opener
        bare_month=re.compile(
            rf"(?P<mon>{_alternation(sorted({w.capitalize() for w in words.months if len(w) > 4} | {'May', 'June', 'July'}))})"
            rf"(?![\w'’]|\.?\s*\d|,?\s+(?:of\s+)?(?:1[89]|20)\d\d)"
        ),
        month_opener=re.compile(
            rf"{b}(?P<open>{_alternation(words.month_openers) if words.month_openers else '(?!)'})[\s-]+$", re.I),
    )


# What a sentence must contain for each family of patterns to match (bits of the date gate).
_MONTH, _WEEKDAY, _RELATIVE, _AGENCY, _FUTURE = 1, 2, 4, 8, 16
_FAMILIES = _MONTH | _WEEKDAY | _RELATIVE | _AGENCY
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")  # every year, year-range and year-pair pattern needs one
_YEAR_WORD = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")
# right after a month named alone: which year ("in April last year", "in October of that year")
_YEAR_QUALIFIER = re.compile(r"\s*,?\s*(?:of\s+)?(?P<which>last|this|next|that|the\s+same)\s+year(?![\w])", re.IGNORECASE)
# right after a month and day: the year is one named before ("on Sept. 15 of that year")
_THAT_YEAR = re.compile(r"\s*,?\s*(?:of\s+)?(?:that|the\s+same)\s+year(?![\w])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _date_gate() -> KeywordGate:
    """Month names, weekday names, relative phrases, wire agencies and future cues in one
    automaton: bit 0 (a month), 1 (a weekday), 2 (a relative phrase), 3 (an agency), 4 (a future
    cue) of :meth:`KeywordGate.mask`. Whole words only: every pattern has them between word
    boundaries, "." / spaces or parentheses. Where a month, weekday, relative phrase or future cue
    occurs is also where its pattern's match can start (or end its day / modifier prefix), so the
    patterns are tried only there (:func:`~pipelines.extract.literal_gate.anchored_finditer`)."""
    words = date_words()
    return KeywordGate([list(words.months), list(words.weekdays), list(words.relative), list(words.wire_agencies),
                        list(words.future_cues)], whole_words=True)


def _space_before(text: str, i: int) -> int:
    """Start of the whitespace run ending at ``i`` (``i`` itself when there is none)."""
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return i


def _day_starts(text: str, month_starts: list[int]) -> list[int]:
    """Where "<day>[st] [of] <month>" can start before each month word: 1-4 characters (a day
    of one or two digits, an optional ordinal suffix) before the whitespace run before the month,
    or before the one before an "of" there, and only on a digit (``\\d`` is a decimal digit, which
    ``str.isdigit`` accepts)."""
    out: set[int] = set()
    for w in month_starts:
        j = _space_before(text, w)
        if j == w:
            continue
        out.update(k for k in range(max(j - 4, 0), j) if text[k].isdigit())  # a day starts with a digit
        if j >= 2 and text[j - 2:j].lower() == "of":
            i = _space_before(text, j - 2)
            if i < j - 2:
                out.update(k for k in range(max(i - 4, 0), i) if text[k].isdigit())
    return sorted(out)


def _weekday_starts(text: str, weekday_starts: list[int]) -> list[int]:
    """Where "[on|last|this|next|past] <weekday>" can start: the weekday, or 2 or 4 characters
    before the whitespace run before it."""
    out = set(weekday_starts)
    for w in weekday_starts:
        j = _space_before(text, w)
        if j < w:
            out.update(k for k in (j - 2, j - 4) if k >= 0 and text[k] in _MODIFIER_INITIALS)
    return sorted(out)


# The first letters of the weekday modifiers in either case: a modifier can start nowhere else.
_MODIFIER_INITIALS = frozenset(c for word in _WEEKDAY_MODIFIERS for c in (word[0].lower(), word[0].upper()))


# --- bounds -------------------------------------------------------------------------------------


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _day(d: date) -> tuple[str, date, date, str]:
    return d.isoformat(), d, d, "day"


def _month(y: int, m: int) -> tuple[str, date, date, str]:
    return f"{y:04d}-{m:02d}", date(y, m, 1), _month_end(y, m), "month"


def _year(y: int) -> tuple[str, date, date, str]:
    return f"{y:04d}", date(y, 1, 1), date(y, 12, 31), "year"


def _range(lower: date, upper: date, lower_txt: str | None = None, upper_txt: str | None = None):
    return f"{lower_txt or lower.isoformat()}/{upper_txt or upper.isoformat()}", lower, upper, "range"


OPEN = (OPEN_EDTF, None, None, "open")


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _infer_year(month: int, day: int, ref: date, future: bool) -> date | None:
    """The most recent (month, day) not after ``ref``; the next one on or after it when ``future``."""
    for year in ((ref.year, ref.year + 1) if future else (ref.year, ref.year - 1)):
        candidate = _safe_date(year, month, day)
        if candidate is None:
            continue
        if (future and candidate >= ref) or (not future and candidate <= ref):
            return candidate
    return None


def _shift_month(y: int, m: int, offset: int) -> tuple[int, int]:
    index = y * 12 + (m - 1) + offset
    return index // 12, index % 12 + 1


def resolve_relative(spec: dict, ref: date | None):
    """Bounds of a relative expression ("last month") against the reference date."""
    if ref is None:
        return OPEN
    unit, offset, so_far = spec["unit"], spec["offset"], spec.get("so_far", False)
    if unit == "day":
        return _day(ref + timedelta(days=offset))
    if unit == "week":
        monday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=offset)
        return _range(monday, min(ref, monday + timedelta(days=6)) if so_far else monday + timedelta(days=6))
    if unit == "month":
        y, m = _shift_month(ref.year, ref.month, offset)
        if so_far:
            return _range(date(y, m, 1), ref)
        return _month(y, m)
    y = ref.year + offset
    if so_far:
        return _range(date(y, 1, 1), ref)
    return _year(y)


def resolve_ago(count: int, unit: str, exact: bool, ref: date | None):
    """"five years ago" against the reference date: that year (month, week, day); with "today" /
    "to the day" the same calendar day that many units back."""
    if ref is None:
        return OPEN
    if unit == "day":
        return _day(ref - timedelta(days=count))
    if unit == "week":
        return resolve_relative({"unit": "week", "offset": -count}, ref)
    y, m = _shift_month(ref.year, ref.month, -count * (12 if unit == "year" else 1))
    if exact:
        d = _safe_date(y, m, ref.day) or _month_end(y, m)
        return _day(d)
    return _year(y) if unit == "year" else _month(y, m)


def resolve_weekday(weekday: int, modifier: str | None, ref: date | None, future: bool):
    """A weekday: the most recent one on or before ``ref`` (strictly before for "last"), the next
    one on or after it for "next" or a future-tense sentence."""
    if ref is None:
        return OPEN
    modifier = (modifier or "").lower()
    if modifier == "next" or (future and modifier != "last"):
        delta = (weekday - ref.weekday()) % 7
        if modifier == "next" and delta == 0:
            delta = 7
        return _day(ref + timedelta(days=delta))
    delta = (ref.weekday() - weekday) % 7
    if modifier == "last" and delta == 0:
        delta = 7
    return _day(ref - timedelta(days=delta))


# --- extraction ---------------------------------------------------------------------------------


def _is_future(sentence_text: str, hits: list[tuple[int, int, int]] | None = None) -> bool:
    """A future cue in the sentence (``hits``: the date gate's hits in it, when already known)."""
    future = _patterns().future
    if hits is None:
        hits = _date_gate().text_hits(sentence_text)
    return any(future.match(sentence_text, start) for start, _end, mask in hits if mask & _FUTURE)


# "said on Tuesday", "announced Friday", "was signed on Monday", "said late on Thursday", "said in an interview with
# CNN on Sunday" (a prepositional phrase without a verb in between): the date belongs to a past verb.
_PAST_VERB_BEFORE = re.compile(
    r"(?<![\w])(?:said|announced|told|wrote|confirmed|stated|declared|added|noted|reported|"
    r"met|signed|agreed|joined|denied|rejected|affirmed|reaffirmed|reiterated|stressed|emphasi[sz]ed|insisted|"
    r"warned|argued|explained|acknowledged|tweeted|posted|"
    # a verb of telling and whom it told: "told the UN climate conference in Bonn on Tuesday"
    r"(?:told|informed|notified|assured)(?:\s+(?!(?:that|will|would|be|is|are|was|were)\s)[\w’'.-]+){1,6}?)\s+"
    r"(?:(?:in|at|during|to|via|through|from|after|while)\s+"
    r"(?:(?!(?:will|would|be|is|are|was|were|has|have|had|could|can|may|might|shall|should)\s)[\w’'.-]+\s+){0,6}?)?"
    r"(?:(?:late|early|earlier|later)\s+)?(?:on\s+)?$",
    re.IGNORECASE,
)


def _future_at(text: str, start: int, sentence_future: bool) -> bool:
    """Whether an inferred date at ``start`` lies ahead: the sentence speaks of the future, unless
    a past verb governs the date itself ("..., the ministry said on Tuesday, days after X said it
    would join ..." is last Tuesday)."""
    return sentence_future and not _PAST_VERB_BEFORE.search(text[:start])


def _sentence_dates(sentence: SentenceText, ref: date | None, paragraph_start: bool,
                    hits: list[tuple[int, int, int]] | None = None) -> list[DateMention]:
    """The dates of one sentence. Every pattern needs a digit or a word of ``date_words.yaml``; a
    family whose cue is absent is not run (a sentence with no cue at all costs one scan), and a
    pattern that starts at its cue word is tried only where the word is. ``hits``: the date gate's
    hits in the sentence (:meth:`KeywordGate.text_hits`), when already known."""
    text = sentence.text
    if hits is None:
        hits = _date_gate().text_hits(text)
    cues = 0
    for _s, _e, mask in hits:
        cues |= mask
    cues &= _FAMILIES
    digits = _DIGIT.search(text) is not None
    ago = " ago" in text or " Ago" in text or " AGO" in text or "s since " in text  # (no lower-cased copy of every sentence)
    if not cues and not digits and not ago:
        return []
    months = digits and cues & _MONTH
    # a month named alone needs a capitalized month word ("may" and "march" in lower case are no months)
    bare_months = [start for start, _end, mask in hits if mask & _MONTH and text[start].isupper()] \
        if cues & _MONTH else []
    year_match = _YEAR.search(text) if digits else None
    dash = digits and "-" in text
    if not (months or bare_months or year_match or dash or ago or cues & (_RELATIVE | _WEEKDAY)
            or (paragraph_start and cues & _AGENCY)):
        return []
    p = _patterns()
    words = date_words()
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, int, tuple]] = []
    future_cache: list[bool] = []

    def sentence_future() -> bool:
        if not future_cache:
            future_cache.append(_is_future(text, hits))
        return future_cache[0]

    def add(s: int, e: int, bounds) -> None:
        if bounds is None:
            return
        for ts, te in taken:
            if e > ts and s < te:
                return
        taken.append((s, e))
        found.append((s, e, bounds))

    if paragraph_start and cues & _AGENCY:
        m = p.wire_dateline.match(text)
        if m:
            add(m.start(), m.end(), _day(ref) if ref else OPEN)
    for m in p.iso.finditer(text) if dash else ():
        d = _safe_date(int(m["year"]), int(m["mon"]), int(m["day"]))
        add(m.start(), m.end(), _day(d) if d else None)
    if months:
        month_starts = sorted({start for start, _end, mask in hits if mask & _MONTH})
        day_starts = _day_starts(text, month_starts)
        for m in _anchored(p.month_day_year, text, month_starts):
            d = _safe_date(int(m["year"]), words.months[m["mon"].lower()], int(m["day"]))
            add(m.start(), m.end(), _day(d) if d else None)
        for m in _anchored(p.day_month_year, text, day_starts):
            d = _safe_date(int(m["year"]), words.months[m["mon"].lower()], int(m["day"]))
            add(m.start(), m.end(), _day(d) if d else None)
        for m in _anchored(p.month_year, text, month_starts):
            add(m.start(), m.end(), _month(int(m["year"]), words.months[m["mon"].lower()]))
        for pattern, starts in ((p.month_day, month_starts), (p.day_month, day_starts)):
            for m in _anchored(pattern, text, starts):
                month, day = words.months[m["mon"].lower()], int(m["day"])
                if m["mon"].lower() in ("may", "mar", "sat", "sun") and m["mon"][0].islower():
                    continue  # "may 5" is more likely a modal verb than a month
                if not 1 <= day <= 31:
                    continue
                if _THAT_YEAR.match(text, m.end()):
                    # "launched in 2020 ... on Sept. 15 of that year": the year named before it, else none known
                    years = [int(y.group()) for y in _YEAR_WORD.finditer(text, 0, m.start())]
                    d = _safe_date(years[-1], month, day) if years else None
                    add(m.start(), m.end(), _day(d) if d else (f"XXXX-{month:02d}-{day:02d}", None, None, "open"))
                    continue
                if ref is None:
                    add(m.start(), m.end(), (f"XXXX-{month:02d}-{day:02d}", None, None, "open"))
                    continue
                qualified = _YEAR_QUALIFIER.match(text, m.end())
                if qualified:
                    # "on Jan. 1 this year", "on March 3 last year": the year the words name, whatever the tense
                    d = _safe_date(ref.year + {"last": -1, "this": 0, "next": 1}[qualified["which"].lower()], month, day)
                    add(m.start(), qualified.end(), _day(d) if d else None)
                    continue
                d = _infer_year(month, day, ref, _future_at(text, m.start(), sentence_future()))
                add(m.start(), m.end(), _day(d) if d else None)
    for m in _anchored(p.bare_month, text, sorted(set(bare_months))) if bare_months else ():
        opener = p.month_opener.search(text, max(0, m.start() - 24), m.start())
        if opener is None:
            continue
        month = words.months[m["mon"].lower()]
        qualified = _YEAR_QUALIFIER.match(text, m.end())
        if qualified:
            # "in April last year", "in October of that year": the year the words name
            which = qualified["which"].lower()
            years = [int(y.group()) for y in _YEAR_WORD.finditer(text, 0, m.start())]
            year = (years[-1] if years else None) if which in ("that", "the same") else \
                (ref.year + {"last": -1, "this": 0, "next": 1}[which] if ref else None)
            add(m.start("mon"), qualified.end(),
                _month(year, month) if year else (f"XXXX-{month:02d}", None, None, "open"))
            continue
        if ref is None:
            add(m.start("mon"), m.end("mon"), (f"XXXX-{month:02d}", None, None, "open"))
            continue
        if opener["open"].lower() == "last":
            year = ref.year if month < ref.month else ref.year - 1  # "last October": before this month
        elif _future_at(text, m.start(), sentence_future()) and p.future.search(text, max(0, m.start() - 60), m.start()):
            # "will sign in March" (a future cue right before the month, not one elsewhere in the sentence:
            # "..., took over the chairmanship in September and will host the summit")
            year = ref.year if month >= ref.month else ref.year + 1
        else:
            year = ref.year if month <= ref.month else ref.year - 1  # "in October": the latest one so far
        add(m.start("mon"), m.end("mon"), _month(year, month))
    if year_match is not None:
        # every year-family match starts at or after the first year-like number, or at most
        # "between" + whitespace before it
        lo = max(_space_before(text, year_match.start()) - len("between"), 0)
        for m in p.year_pair.finditer(text, lo):
            y1, y2 = int(m["y1"]), int(m["y2"])
            if y1 < y2:
                add(m.start(), m.end(), _range(date(y1, 1, 1), date(y2, 12, 31), str(y1), str(y2)))
        for m in p.year_range.finditer(text, lo):
            y1 = int(m["y1"])
            y2_txt = m["y2"]
            y2 = int(y2_txt) if len(y2_txt) == 4 else (y1 // 100) * 100 + int(y2_txt)
            if y1 < y2 <= y1 + 50:
                add(m.start(), m.end(), _range(date(y1, 1, 1), date(y2, 12, 31), str(y1), str(y2)))
        for m in p.year.finditer(text, year_match.start()):
            add(m.start(), m.end(), _year(int(m["year"])))
    for m in p.ago.finditer(text) if ago else ():
        count = int(m["n"]) if m["n"].isdigit() else words.numbers[m["n"].lower()]
        add(m.start(), m.end(), resolve_ago(count, m["unit"].lower(), bool(m["exact"]), ref))
    if cues & _RELATIVE:
        starts = sorted({start for start, _end, mask in hits if mask & _RELATIVE})
        for m in _anchored(p.relative, text, starts):
            add(m.start(), m.end(), resolve_relative(words.relative[m["rel"].lower()], ref))
    if cues & _WEEKDAY:
        starts = _weekday_starts(text, sorted({start for start, _end, mask in hits if mask & _WEEKDAY}))
        for m in _anchored(p.weekday, text, starts):
            wd_text = m["wd"]
            if len(wd_text) <= 4 and not wd_text[0].isupper():
                continue  # "sun", "wed", "sat" in lower case are words
            start = m.start() if m["mod"] else m.start("wd")
            add(start, m.end(), resolve_weekday(words.weekdays[wd_text.lower()], m["mod"], ref,
                                                _future_at(text, start, sentence_future())))

    if not found:
        return []
    out = []
    sentence_idx, base = sentence.sentence_idx, sentence.start_char
    for s, e, (edtf, lower, upper, precision) in sorted(found):
        out.append(DateMention(sentence_idx, base + s, base + e, text[s:e], edtf, lower, upper, precision))
    return out


def reference_date(article: ArticleText) -> date | None:
    """The date relative expressions are resolved against: the publication day, or None."""
    return article.published_at.date() if article.published_at else None


def extract_dates(article: ArticleText) -> list[DateMention]:
    """Every date expression of every sentence, resolved against ``article.published_at``."""
    ref = reference_date(article)
    out: list[DateMention] = []
    previous_paragraph = None
    hits = _date_gate().hits(article.body, article.sentences)  # one automaton pass over the body
    for k, sentence in enumerate(article.sentences):
        paragraph_start = sentence.paragraph_idx != previous_paragraph
        previous_paragraph = sentence.paragraph_idx
        out.extend(_sentence_dates(sentence, ref, paragraph_start, hits[k] if hits is not None else None))
    return out


def sentence_is_future(text: str) -> bool:
    """Whether a sentence uses a future cue from ``date_words.yaml`` (shared with the claim stage)."""
    return _is_future(text)
