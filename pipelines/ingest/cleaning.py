"""Strip page boilerplate from an article body and find its headline, byline and headings.

Works on the text a reader produced (``SourceRecord.body_raw``). The cleaned body keeps
only article text: one paragraph per block, paragraphs separated by one blank line.
Section headings stay in the body (they are part of the article's structure) and are
reported in ``heading_spans``. Datelines ("WASHINGTON (AP) —") stay: a later stage reads
them as dates.

The noise rules below cover the page furniture listed in COVERAGE.md ("Noise around the
text"): language switchers, the headline repeated with a photo caption, author/posted/
source/photo lines, read-also links, section-navigation lines ("Latest News"), share
buttons and social handles. Each rule matches a whole line, never part of a sentence.
The vocabulary of those rules (labels, phrases, outlet names, patterns) is data:
``warehouse/dictionaries/boilerplate.yaml``, validated by :mod:`pipelines.ingest.boilerplate`
and compiled once into line rules on first use (:func:`_rules`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache

from pipelines.ingest.boilerplate import LinePattern, boilerplate
from pipelines.ingest.published_date import parse_published_at


@dataclass(frozen=True)
class CleanedBody:
    body: str
    title: str | None
    author: str | None
    heading_spans: list[tuple[int, int]] = field(default_factory=list)
    removed_lines: list[str] = field(default_factory=list)
    photo_caption: str | None = None
    posted_text: str | None = None


# --------------------------------------------------------------------------- line rules

_SWITCHER_SEPARATORS = re.compile(r"[\s|/·•,]+")
_LABEL_SEP = r"\s*[:：|]\s*"
_COPYRIGHT = re.compile(r"^(?:copyright\b|©|\(c\)\s).{0,200}$|^.{0,200}\ball rights reserved\.?$", re.I)
# A line longer than the first alternative of _COPYRIGHT can match ("copyright" + 200 chars)
# is a copyright line only if it ends like "... reserved" or "reserved.".
_COPYRIGHT_FIRST_MAX = len("copyright") + 200
_HANDLES_ONLY = re.compile(r"^(?:[@#][\w.]{1,40}[\s,|·•]*)+$")


def _alternation(phrases) -> str:
    """A regex alternation of plain phrases, longest first, spaces matching any whitespace."""
    ordered = sorted({" ".join(p.split()) for p in phrases}, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)


@dataclass(frozen=True)
class _Rules:
    """The line rules, compiled from ``boilerplate.yaml`` (see :func:`_rules`)."""

    language_codes: frozenset[str]
    language_names: frozenset[str]
    author_line: re.Pattern
    by_line: re.Pattern
    not_names: frozenset[str]
    posted_line: re.Pattern
    updated_labels: frozenset[str]
    photo_line: re.Pattern
    photo_by_line: re.Pattern
    credit_line: re.Pattern
    caption_credit_end: re.Pattern
    caption_in_line: re.Pattern
    title_caption: re.Pattern
    read_also: re.Pattern
    read_also_label_only: re.Pattern
    label_only_or_colon: re.Pattern
    furniture: frozenset[str]
    furniture_longest: int
    trailer_markers: frozenset[str]
    call_to_action: re.Pattern
    social_networks: frozenset[str]
    social_follow: re.Pattern
    reporting_credit: re.Pattern
    mastheads: frozenset[str]
    social_button_prefix: re.Pattern
    social_last_chars: frozenset[str]
    line_patterns: tuple[LinePattern, ...]
    date_line_patterns: tuple[re.Pattern, ...]
    # One regex that matches at the start of every line any of the anchored rules above
    # matches (their alternation): when it does not match, none of them can (see
    # _classify_line). None when the patterns cannot be combined (then every rule runs).
    any_anchored: re.Pattern | None = None


# Anchored rules that _classify_line gates behind _Rules.any_anchored (all compiled with re.I).
_ANCHORED_RULES = (
    "author_line", "by_line", "posted_line", "photo_line", "photo_by_line", "credit_line", "read_also",
    "label_only_or_colon", "call_to_action", "social_follow", "reporting_credit",
)
_NAMED_GROUP = re.compile(r"(?<!\\)\(\?P<\w+>")


def _refers_to_groups(pattern: re.Pattern) -> bool:
    """Whether ``pattern`` uses a backreference or a conditional group (these would change
    meaning once the groups of several patterns are numbered together); True if unsure."""
    try:
        from re import _constants, _parser  # the stdlib's own regex parser

        parsed = _parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - another Python: do not combine
        return True
    refs = {_constants.GROUPREF, _constants.GROUPREF_IGNORE, _constants.GROUPREF_EXISTS}
    refs |= {getattr(_constants, name) for name in ("GROUPREF_LOC_IGNORE", "GROUPREF_UNI_IGNORE") if hasattr(_constants, name)}
    stack = [parsed]
    while stack:
        item = stack.pop()
        if isinstance(item, _parser.SubPattern):
            stack.extend(item.data)
        elif isinstance(item, (list, tuple)):
            if item and item[0] in refs:
                return True
            stack.extend(x for x in item if isinstance(x, (list, tuple, _parser.SubPattern)))
    return False


def _combined_anchored(patterns: list[re.Pattern]) -> re.Pattern | None:
    """The alternation of ``patterns`` (each tried at the start of the line), named groups made
    plain; None if a pattern refers back to a group or does not survive the rewriting."""
    parts = []
    for pattern in patterns:
        if not pattern.flags & re.I or _refers_to_groups(pattern):
            return None
        plain = _NAMED_GROUP.sub("(?:", pattern.pattern)
        try:
            compiled = re.compile(plain, re.I)
        except re.error:
            return None
        if compiled.groupindex or compiled.groups != pattern.groups - len(pattern.groupindex):
            return None
        parts.append(f"(?:{plain})")
    try:
        return re.compile("|".join(parts), re.I)
    except re.error:  # e.g. a global inline flag inside one of the data patterns
        return None


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    """Compile the noise vocabulary of ``boilerplate.yaml`` into line rules (once, cached)."""
    rules = _compile_rules()
    anchored = [getattr(rules, name) for name in _ANCHORED_RULES]
    anchored += [rule.pattern for rule in rules.line_patterns] + list(rules.date_line_patterns)
    return replace(rules, any_anchored=_combined_anchored(anchored))


def _compile_rules() -> _Rules:
    data = boilerplate()
    ph = data.phrases
    particles = _alternation(data.words["name_particles"])
    caption_words = _alternation(ph["glued_caption_markers"])
    return _Rules(
        language_codes=data.word_set("language_codes"),
        language_names=data.word_set("language_names"),
        author_line=re.compile(rf"^(?:{_alternation(ph['author_labels'])}){_LABEL_SEP}(?P<value>.+)$", re.I),
        by_line=re.compile(
            rf"^by\s+(?P<value>[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|{particles}))*"
            r"(?:\s*(?:,|\band\b|&)\s*[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)*)*)"
            r"(?:\s*[,|—–-]\s*(?P<org>[A-Z][\w .&'’-]*))?$",
            re.I,
        ),
        not_names=data.word_set("byline_not_names"),
        posted_line=re.compile(
            rf"^(?P<label>{_alternation(ph['posted_labels'] + ph['updated_labels'])})(?:\s+on)?(?:{_LABEL_SEP}|\s+)"
            r"(?P<value>.*\d.*)$",
            re.I,
        ),
        updated_labels=data.phrase_set("updated_labels"),
        photo_line=re.compile(
            rf"^[(\[]?(?:{_alternation(ph['photo_labels'])})(?:\s+by)?{_LABEL_SEP}(?P<value>.+?)[)\]]?$", re.I
        ),
        photo_by_line=re.compile(rf"^[(\[]?(?:{caption_words})\s+by\s+(?P<value>.+?)[)\]]?$", re.I),
        credit_line=re.compile(rf"^(?:{_alternation(ph['credit_labels'])}){_LABEL_SEP}(?P<value>.+)$", re.I),
        # A caption line ends with an agency photo credit: "... (AP Photo/Evan Vucci)", "REUTERS/Name".
        caption_credit_end=re.compile(
            rf"(?:[(\[](?:[^()\[\]]*\b(?:{_alternation(ph['photo_credit_words'])}))[^()\[\]]*[)\]]"
            rf"|\b(?:{_alternation(data.words['wire_photo_agencies'])})/[A-Z][\w.'’ -]+(?:/File(?: Photo)?)?)\s*$"
        ),
        caption_in_line=re.compile(
            rf"^(?P<head>.+?)\s+[(\[]?(?:{caption_words})(?:\s+by|\s*[:：])\s*(?P<caption>.+)$", re.I
        ),
        title_caption=re.compile(
            rf"^[-–—|:]?\s*[(\[]?(?:{_alternation(ph['caption_markers'])})(?:\s+by|\s*[:：])\s*(?P<c>.+)$", re.I
        ),
        read_also=re.compile(rf"^(?:{_alternation(ph['link_prefixes'])})\b.*$", re.I),
        read_also_label_only=re.compile(rf"^(?:{_alternation(ph['link_labels_alone'])})\s*[:：|»›>-]?\s*$", re.I),
        label_only_or_colon=re.compile(rf"^(?:{_alternation(ph['section_labels'])})\s*(?:[:：|]\s*.*)?$", re.I),
        furniture=data.phrase_set("whole_lines"),
        furniture_longest=max(map(len, data.phrase_set("whole_lines")), default=0),
        trailer_markers=data.phrase_set("trailer_markers"),
        call_to_action=re.compile(rf"^(?:{_alternation(ph['call_to_action_prefixes'])})\b.{{0,120}}$", re.I),
        social_networks=data.word_set("social_networks"),
        social_follow=re.compile(
            rf"^(?:{_alternation(ph['follow_verbs'])})\b.{{0,60}}\b(?:on|via|at)\s+"
            rf"(?:{_alternation(data.words['follow_networks'])})\b.{{0,40}}$",
            re.I,
        ),
        reporting_credit=re.compile(rf"^\(?(?:{_alternation(ph['reporting_credit_prefixes'])})\b.{{0,200}}$", re.I),
        mastheads=frozenset(_masthead_key(m) for m in ph["mastheads"]),
        social_button_prefix=re.compile(rf"\b(?:{_alternation(ph['social_button_prefixes'])})\s+", re.I),
        social_last_chars=frozenset(word[-1] for word in data.word_set("social_networks")),
        line_patterns=data.line_patterns,
        date_line_patterns=data.date_line_patterns,
    )


_TERMINAL = ".!?…"
_HEADING_BAD_END = ".!?…,;:—–-"
_QUOTE_CHARS = "\"'“”‘’«»„"
_DATELINE_START = re.compile(r"^[A-Z][A-Z .'-]{2,}(?:,|\s*\(|\s*[—–-])")
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACE_LIKE = re.compile(r"[^\S\n]+")
_APOSTROPHE_IN_WORD = re.compile(r"(?<=[^\W\d_])[’‘](?=[^\W\d_])")
_CURLY_APOSTROPHE = re.compile(r"[’‘]")
_LETTER = re.compile(r"[^\W\d_]")


def _normalize_text(text: str) -> str:
    """NFC, no zero-width chars, one space per run, curly apostrophes inside words made
    straight (country’s -> country's; quotes are left alone)."""
    text = unicodedata.normalize("NFC", text).translate(_ZERO_WIDTH)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _SPACE_LIKE.sub(" ", text)
    return _APOSTROPHE_IN_WORD.sub("'", text)


def _normalized_lines(text: str) -> list[str]:
    """The lines of :func:`_normalize_text` (``text``), each stripped, in one cheaper pass:
    a whitespace run inside a line becomes one space by ``split``/``join`` (``str.split``
    and the regex ``\\s`` agree on what is whitespace), and only the curly marks themselves
    are looked at for apostrophes."""
    text = unicodedata.normalize("NFC", text).translate(_ZERO_WIDTH)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "’" in text or "‘" in text:
        text = _straighten_apostrophes(text)
    return [" ".join(line.split()) for line in text.split("\n")]


def _straighten_apostrophes(text: str) -> str:
    """``_APOSTROPHE_IN_WORD.sub("'", text)``: a curly mark between two letters becomes ',
    found by scanning for the marks rather than trying the lookbehind at every position."""

    def straight(match: re.Match) -> str:
        at = match.start()
        if at > 0 and _LETTER.match(text, at - 1, at) and _LETTER.match(text, at + 1):
            return "'"
        return match.group()

    return _CURLY_APOSTROPHE.sub(straight, text)


_COMPARE_FOLD = str.maketrans({**dict.fromkeys(f"{_QUOTE_CHARS}`", "'"), **dict.fromkeys("‐‑‒–—―−", "-")})


def _compare_key(text: str) -> str:
    """Loose key for comparing a line with a headline (quotes, dashes, case, spacing)."""
    text = text.casefold().translate(_COMPARE_FOLD)
    text = " ".join(text.split())
    return text.rstrip(" .:")


_FURNITURE_STRIP = " .:…!|»›>"


def _furniture_key(line: str) -> str:
    return " ".join(line.casefold().strip(_FURNITURE_STRIP).split())


def _may_be_furniture(line: str, longest: int) -> bool:
    """False only when ``_furniture_key(line)`` is longer than ``longest`` characters.

    The key keeps every non-space character of the line between the stripped ends (casefolding
    gives each character at least one, never a space or a stripped character: see the tests),
    so a line holding more than ``longest`` of them, with no whitespace but plain spaces
    (``isprintable``), cannot be a furniture line.
    """
    core = line.strip(_FURNITURE_STRIP)
    return len(core) - core.count(" ") <= longest or not core.isprintable()


def _is_language_switcher(line: str) -> bool:
    if len(line) > 80:
        return False
    rules = _rules()
    tokens = [t for t in _SWITCHER_SEPARATORS.split(line.casefold()) if t]
    if len(tokens) < 2:
        return False
    return all(t in rules.language_codes or t in rules.language_names for t in tokens)


def _is_social_buttons(line: str) -> bool:
    """A row of share buttons: "Facebook Twitter Telegram", "Share on Facebook | Share on X"."""
    # The prefixes removed below end in whitespace, so the line's last character ends the
    # last token: unless it is a separator, it must end a network's name (cheap exit for prose).
    last = line[-1:].casefold()[-1:]
    if last not in _rules().social_last_chars and not _SWITCHER_SEPARATORS.fullmatch(last):
        return False
    line = _rules().social_button_prefix.sub(" ", line)
    tokens = [t for t in re.split(r"[\s|/·•,]+", line.casefold()) if t]
    return len(tokens) >= 2 and all(t in _rules().social_networks for t in tokens)


def _masthead_key(line: str) -> str:
    """An outlet name compared without case, a leading "The" or final punctuation."""
    key = " ".join(line.casefold().strip(" .:|").split())
    return key[4:] if key.startswith("the ") else key


# How pages write a date next to other things; each gives the part to parse as the date.
_TRAILING_UPDATED_AGO = re.compile(r"^(?P<date>.*?\d.*?)\s+updated(?:\s+\d{1,2}\s+\w+)?\s+ago$", re.I)
_TIME_FIRST_12H = re.compile(
    r"^(?P<time>\d{1,2}[:.]\d{2}\s*[ap]\.?m\.?(?:\s+[a-z]{2,5}(?:[+-]\d{1,2}(?::?\d{2})?)?)?)\s*,\s+(?P<date>.+\d{4})$",
    re.I,
)
_BRACKETED_TIME = re.compile(r"^(?P<date>\d{1,2}[./]\d{1,2}[./]\d{4})\s*[\[(](?P<time>\d{1,2}:\d{2})[\])]$")
_SECTION_AFTER_DATE = re.compile(r"^(?P<date>.+\d{4})\s+[-–—|]\s+[A-Z][\w&]*(?:\s+[A-Z][\w&]*)?$")
_UNKNOWN_ZONE = re.compile(r"^(?P<date>.+\d{4})\s*,?\s+\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?\s+[A-Z]{2,5}$")
_POSTED_BY = re.compile(r"^(?P<date>.+\d)\s+by\s+(?P<name>[\w.@'’-]+(?:\s+[\w.'’-]+){0,2})$", re.I)
_DATE_SEGMENTS = re.compile(r"\s+[●•·|]\s+")


def _date_value(text: str) -> str | None:
    """The part of ``text`` that parses as a page date, or None.

    Besides what :func:`parse_published_at` reads, accepts a date with page furniture around
    it: "... 7:53 PM UTC Updated 4 hours ago", AP's time-first "1:44 PM EDT, November 6, 2025",
    "10.11.2025 [17:25]", Axios' "Jun 14, 2022 - World", "Jakarta ● Thu, October 16, 2025",
    and a time in a zone the parser does not know ("13:00 JST": only the day is kept).
    """
    text = text.strip()
    if parse_published_at(text) is not None:
        return text
    candidates: list[str] = []
    match = _TRAILING_UPDATED_AGO.match(text)
    if match:
        text = match["date"]
        candidates.append(text)
    match = _TIME_FIRST_12H.match(text)
    if match:
        candidates.append(f"{match['date']} {match['time']}")
    match = _BRACKETED_TIME.match(text)
    if match:
        candidates.append(f"{match['date']} {match['time']}")
    match = _SECTION_AFTER_DATE.match(text)
    if match:
        candidates.append(match["date"])
    match = _UNKNOWN_ZONE.match(text)
    if match:
        candidates.append(match["date"])
    segments = _DATE_SEGMENTS.split(text)
    if len(segments) == 2:
        for date_part, other in (segments, segments[::-1]):
            if len(other.split()) <= 3 and not re.search(r"\d", other):
                candidates.append(date_part)
    for candidate in candidates:
        if parse_published_at(candidate) is not None:
            return candidate
    return None


def _byline_author(line: str) -> str | None:
    if len(line) > 100 or line.endswith("."):
        return None
    match = _rules().by_line.match(line)
    if not match:
        return None
    value = match["value"]
    # "By Jane Roe, BBC News": the outlet after the comma is not a second author.
    parts = [p.strip() for p in value.split(",")]
    while len(parts) > 1 and _masthead_key(parts[-1]) in _rules().mastheads:
        parts.pop()
    tokens = ", ".join(parts).split()
    if tokens[0].casefold().strip(",") in _rules().not_names:
        return None
    # "By JANE ROE and JOHN DOE Associated Press": capitalised names, then the outlet.
    if tokens[0].isupper():
        while len(tokens) > 1 and not tokens[-1].isupper():
            tokens.pop()
    return " ".join(tokens)


def _strip_caption(caption: str) -> str:
    caption = caption.strip()
    if caption.startswith(("(", "[")) and caption.endswith((")", "]")):
        caption = caption[1:-1].strip()
    return caption


@dataclass
class _Found:
    title: str | None = None
    author: str | None = None
    caption: str | None = None
    posted: str | None = None
    updated: str | None = None


def _classify_line(line: str, found: _Found) -> str | None:
    """Return why a line is boilerplate (and record what it tells), or None for text."""
    rules = _rules()
    if _is_language_switcher(line):
        return "language-switcher"
    # Ordinary prose matches none of the anchored rules: one combined match rules them all out.
    anchored = rules.any_anchored is None or rules.any_anchored.match(line) is not None
    match = anchored and rules.author_line.match(line)
    if match and len(line) <= 120:
        found.author = found.author or match["value"].strip()
        return "author"
    author = anchored and _byline_author(line)
    if author:
        found.author = found.author or author
        return "byline"
    match = anchored and rules.posted_line.match(line)
    if match and len(line) <= 100:
        value = match["value"].strip()
        by = _POSTED_BY.match(value)  # "Posted on March 3, 2024 by desertanalyst"
        date = _date_value(value) or (by and _date_value(by["date"]))
        if date:
            if by and not _date_value(value):
                found.author = found.author or by["name"]
            if " ".join(match["label"].casefold().split()) in rules.updated_labels:
                found.updated = found.updated or date
            else:
                found.posted = found.posted or date
            return "posted"
    if len(line) <= 80:
        date = _date_value(line)
        if date:
            found.posted = found.posted or date
            return "date-line"
    if anchored:
        if len(line) <= 120 and any(p.fullmatch(line) for p in rules.date_line_patterns):
            return "date-line"
        for rule in rules.line_patterns:
            match = rule.pattern.fullmatch(line)
            if match:
                if match.groupdict().get("caption"):
                    found.caption = found.caption or match["caption"].strip()
                return rule.reason
    if len(line) <= 60 and _masthead_key(line) in rules.mastheads:
        return "masthead"
    match = anchored and (rules.photo_line.match(line) or rules.photo_by_line.match(line))
    if match and len(line) <= 300:
        found.caption = found.caption or _strip_caption(match["value"])
        return "photo-caption"
    if anchored and rules.credit_line.match(line) and len(line) <= 200:
        return "credit"
    # caption_credit_end ends with ")" / "]" or holds an "AGENCY/Name" credit (lines are stripped).
    if (
        len(line) <= 300
        and (line[-1] in ")]" or "/" in line)
        and rules.caption_credit_end.search(line)
        and not _DATELINE_START.match(line)
    ):
        found.caption = found.caption or line
        return "photo-caption"
    if anchored and rules.read_also.match(line) and len(line) <= 300:
        return "read-also"
    if anchored and len(line) <= 200 and rules.label_only_or_colon.match(line):
        return "section-label"
    if _may_be_furniture(line, rules.furniture_longest) and _furniture_key(line) in rules.furniture:
        return "navigation"
    if anchored and (rules.call_to_action.match(line) or rules.social_follow.match(line)):
        return "call-to-action"
    if (len(line) <= _COPYRIGHT_FIRST_MAX or line[-1] in "dD.") and _COPYRIGHT.match(line):
        return "copyright"
    if _HANDLES_ONLY.match(line) or _is_social_buttons(line):
        return "social"
    if anchored and rules.reporting_credit.match(line):
        return "credit"
    return None


def _looks_like_headline(line: str) -> bool:
    words = line.split()
    if not 2 <= len(words) <= 30 or len(line) > 250:
        return False
    if line.endswith(".") and not line.endswith("..."):
        return False
    if _DATELINE_START.match(line) and re.search(r"[—–]|\(\w+\)", line):
        return False
    return True


_NAME_LINK_WORDS = frozenset("of the and for de da al el bin van von".split())


def _is_header_byline(lines: list[str], index: int) -> bool:
    """An author or outlet name on its own line right above or below the page's date line,
    before the article text: "Barak Ravid" / "Jun 14, 2022 - World", "Deutsche Welle" /
    "06/23/2022". Only short capitalised names (1-5 words, no digits, no final punctuation)."""
    line = lines[index]
    words = line.split()
    if not 1 <= len(words) <= 5 or len(line) > 50 or re.search(r"\d", line):
        return False
    if line[-1] in _HEADING_BAD_END or line[0] in _QUOTE_CHARS:
        return False
    if not all(w[0].isupper() or w.casefold() in _NAME_LINK_WORDS for w in words) or not words[0][0].isupper():
        return False
    neighbours = [lines[i] for i in (index - 1, index + 1) if 0 <= i < len(lines) and lines[i]]
    return any(_classify_line(n, _Found()) in ("posted", "date-line") for n in neighbours)


def _is_link_question(line: str) -> bool:
    """A single short question with nothing after it: a linked headline ("Who are the RSF?")."""
    words = line.split()
    if not line.endswith("?") or len(words) > 14:
        return False
    return re.search(r"[.!?…]\s", line[:-1]) is None


# the heading of a comment section: "Comments (5)", "12 comments", "Comments", "Reader comments"
_COMMENTS_HEADING = re.compile(r"(?:\d{1,6}\s+)?(?:reader(?:s'|s’)?\s+)?comments?(?:\s*\(\d{1,6}\))?\s*:?", re.IGNORECASE)
# a blog's thread heading, which needs no widget under it: "3 thoughts on "Syria Says It Will Join ...""
_THREAD_HEADING = re.compile(r"(?:\d{1,6}|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:thoughts?|responses?|"
                             r"repl(?:y|ies)|comments?)\s+(?:on|to)\s+[\"“'‘]", re.IGNORECASE)


# what stands under a reader's comment or above the thread: "Reply  Like 14", "Report", "Read the Comments Policy"
_COMMENT_WIDGET = re.compile(r"(?:^|\s)(?:reply|like|likes|report|flag|upvote|downvote)(?:\s+\d{1,6})?\s*$|comments?\s+policy",
                             re.IGNORECASE)


def _block(following: list[str]) -> list[str]:
    """The lines up to the next empty one: the rest of a list of links ("Read More" over three headlines, then a
    comments section with prose of its own)."""
    end = next((i for i, line in enumerate(following) if not line.strip()), len(following))
    return following[:end]


def _only_links_follow(following: list[str]) -> bool:
    """Every later non-empty line is a linked headline or page furniture (the page's end)."""
    return all(
        not line or not _is_prose(line) or _is_link_question(line) or _classify_line(line, _Found()) is not None
        for line in following
    )


def _is_prose(line: str) -> bool:
    """A line of running text, as opposed to a linked headline (which has no final stop)."""
    return line.rstrip(_QUOTE_CHARS + ")").endswith(tuple(_TERMINAL)) or len(line.split()) >= 20


# --------------------------------------------------------------------------- main


def clean_body(body_raw: str, title: str | None = None) -> CleanedBody:
    """Remove page boilerplate; return the article text with its headline, byline,
    photo caption, "Posted:" text and the spans of section headings.

    ``title``, when known from metadata, is used to find and remove the headline (and the
    headline repeated with a photo caption). Otherwise the first substantial line that
    reads like a headline (2-30 words, no final period, not a dateline) is the title.
    """
    lines = _normalized_lines(body_raw)
    found = _Found(title=" ".join(title.split()) if title and title.strip() else None)
    title_given = found.title is not None
    title_key = _compare_key(found.title) if found.title else None
    removed: list[str] = []
    kept: list[str | None] = []  # None marks a blank line (paragraph break)
    in_trailer = False
    link_follows = False
    seen_text = False
    in_comments = False

    for index, line in enumerate(lines):
        if not line:
            kept.append(None)
            continue
        if in_comments:
            removed.append(line)  # readers' comments under the story ("Comments (5)" and what follows)
            continue
        looking_for_headline = found.title is None and not seen_text and not title_given
        reason = None
        if (in_trailer or link_follows) and not _is_prose(line):
            reason = "other-headline"  # a linked headline, not this article's
        if reason is None and in_trailer and _is_link_question(line) and _only_links_follow(
                # inside a block of links, the block decides; a question opening a paragraph needs the page's end
                _block(lines[index + 1 :]) if index > 0 and lines[index - 1].strip() else lines[index + 1 :]):
            reason = "other-headline"  # "Why is there fighting in Sudan?" under "More on this story"
        if reason is None and title_key is not None:
            reason = _title_repeat(line, title_key, found)
        if reason is None and looking_for_headline:
            reason = _take_headline(line, lines[index + 1 :], found, glued_only=True)
        if reason is None:
            reason = _classify_line(line, found)
        if reason is None and looking_for_headline:
            reason = _take_headline(line, lines[index + 1 :], found)
        if reason is None and not seen_text and found.title is not None and _is_header_byline(lines, index):
            reason = "header-byline"
        if found.title is not None and title_key is None:
            title_key = _compare_key(found.title)
        link_follows = False
        if reason is not None:
            removed.append(line)
            if seen_text and (_THREAD_HEADING.match(line.strip()) or _COMMENTS_HEADING.fullmatch(line.strip())
                              and any(_COMMENT_WIDGET.search(later) for later in lines[index + 1:index + 9] if later)):
                in_comments = True  # the rest of the page is readers' comments ("Reply  Like 14" under each)
            if _furniture_key(line) in _rules().trailer_markers:
                in_trailer = True  # "Latest News" alone: other stories' headlines follow
            # "Read also" alone on its line: the next line is the linked headline, and so are the lines after it
            # until the text goes on ("READ MORE:" over a list of three headlines)
            link_follows = reason == "read-also" and _rules().read_also_label_only.match(line) is not None
            in_trailer = in_trailer or link_follows
            continue
        in_trailer = False
        seen_text = True
        kept.append(line)

    paragraphs = _paragraphs(kept)
    body, heading_spans = _join_paragraphs(paragraphs)
    return CleanedBody(
        body=body,
        title=found.title,
        author=found.author,
        heading_spans=heading_spans,
        removed_lines=removed,
        photo_caption=found.caption,
        posted_text=found.posted or found.updated,
    )


def _title_repeat(line: str, title_key: str, found: _Found) -> str | None:
    """The headline again, alone or with a photo caption glued on."""
    # The key's first character comes from the line's first (casefolding maps characters one
    # by one; lines are stripped): a different one cannot start with the headline.
    if title_key and line[:1].casefold()[:1].translate(_COMPARE_FOLD) != title_key[0]:
        return None
    key = _compare_key(line)
    if key == title_key:
        return "headline"
    if key.startswith(title_key) and len(key) > len(title_key):
        rest = line[_prefix_length(line, title_key) :].strip()
        caption = _rules().title_caption.match(rest)
        if caption:
            found.caption = found.caption or _strip_caption(caption["c"])
            return "headline-with-caption"
    return None


def _prefix_length(line: str, title_key: str) -> int:
    """How many characters of ``line`` make up the headline (for cutting the caption)."""
    for end in range(len(title_key), len(line) + 1):
        if _compare_key(line[:end]) == title_key:
            # extend over characters the key drops (closing quote, spaces)
            while end < len(line) and line[end] in _QUOTE_CHARS + " .:":
                if _compare_key(line[: end + 1]) != title_key:
                    break
                end += 1
            return end
    return len(line)


def _take_headline(line: str, following: list[str], found: _Found, glued_only: bool = False) -> str | None:
    """Make ``line`` the title if it reads like a headline and text follows it.

    With ``glued_only`` only a headline with a photo caption glued on is taken
    ("<headline> Photo: <caption>"), so that the caption rules do not swallow it first.
    """
    if not any(other for other in following):
        return None
    glued = _rules().caption_in_line.match(line)
    if glued and _looks_like_headline(glued["head"]) and not _rules().photo_line.match(line):
        found.title = glued["head"].strip()
        found.caption = found.caption or _strip_caption(glued["caption"])
        return "headline-with-caption"
    if not glued_only and _looks_like_headline(line):
        found.title = line
        return "headline"
    return None


# --------------------------------------------------------------------------- paragraphs


def _paragraphs(kept: list[str | None]) -> list[str]:
    """Group kept lines into paragraphs.

    A blank line always separates paragraphs. Inside a block of consecutive lines, a
    hard-wrapped block (all lines but the last 40-100 chars, some not ending a sentence)
    is one paragraph; otherwise each line is a paragraph, except that a line starting in
    lower case continues the previous one.
    """
    blocks: list[list[str]] = [[]]
    for line in kept:
        if line is None:
            if blocks[-1]:
                blocks.append([])
        else:
            blocks[-1].append(line)
    paragraphs: list[str] = []
    for block in blocks:
        if not block:
            continue
        if _is_hard_wrapped(block):
            paragraphs.append(" ".join(block))
            continue
        current = block[0]
        for line in block[1:]:
            if line[0].islower() and not current.endswith(tuple(_TERMINAL)):
                current = f"{current} {line}"
            else:
                paragraphs.append(current)
                current = line
        paragraphs.append(current)
    return paragraphs


# a list item's marker at a line start ("- Bahrain (announced ...)", "• Egypt", "3. Iran")
_LIST_ITEM_LINE = re.compile(r"\s*(?:[-–•*]|\d{1,3}[.)])\s+\S")


def _is_hard_wrapped(block: list[str]) -> bool:
    if len(block) < 2:
        return False
    if sum(1 for line in block if _LIST_ITEM_LINE.match(line)) >= 2:
        return False  # a list whose items are sentence-long lines, one item per line: not a wrapped paragraph
    body_lines = block[:-1]
    if not all(40 <= len(line) <= 100 for line in body_lines):
        return False
    return any(not line.endswith(tuple(_TERMINAL) + tuple(_QUOTE_CHARS)) for line in body_lines)


def is_heading(paragraph: str, next_paragraph: str | None) -> bool:
    """A section heading: a short one-line paragraph (1-12 words, at most 100 chars),
    starting with a capital or digit, no final punctuation, followed by a text paragraph."""
    if next_paragraph is None or "\n" in paragraph or len(paragraph) > 100:
        return False
    words = paragraph.split()
    if not 1 <= len(words) <= 12:
        return False
    if not (paragraph[0].isupper() or paragraph[0].isdigit()):
        return False
    if paragraph[-1] in _HEADING_BAD_END or paragraph[0] in _QUOTE_CHARS:
        return False
    if _DATELINE_START.match(paragraph) and paragraph.isupper():
        return False
    next_words = next_paragraph.split()
    return len(next_words) >= 8 or next_paragraph.rstrip(_QUOTE_CHARS + ")")[-1:] in _TERMINAL


def _join_paragraphs(paragraphs: list[str]) -> tuple[str, list[tuple[int, int]]]:
    spans: list[tuple[int, int]] = []
    parts: list[str] = []
    offset = 0
    for index, paragraph in enumerate(paragraphs):
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        if is_heading(paragraph, following):
            spans.append((offset, offset + len(paragraph)))
        parts.append(paragraph)
        offset += len(paragraph) + 2
    return "\n\n".join(parts), spans
