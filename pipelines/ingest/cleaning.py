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
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

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

# ISO 639-1 codes plus the country-style codes sites use in language menus ("ua", "cn").
_LANGUAGE_CODES = frozenset(
    "ar az be bg bs ca cs cy da de el en es et eu fa fi fr ga he hi hr hu hy id is it ja ka "
    "kk ko ky lt lv mk mn ms nl no pl pt ro ru sk sl sq sr sv tg tk tr uk ur uz vi zh "
    "ua cn jp gr kz ge by".split()
)
_LANGUAGE_NAMES = frozenset(
    "english русский русская українська українською українська мова العربية عربي deutsch "
    "français español türkçe italiano polski қазақша oʻzbekcha o'zbekcha uzbek kazakh "
    "russian ukrainian arabic hebrew עברית 中文 日本語 français".split()
)
_SWITCHER_SEPARATORS = re.compile(r"[\s|/·•,]+")

_LABEL_SEP = r"\s*[:：|]\s*"
_AUTHOR_LINE = re.compile(
    rf"^(?:authors?|written by|reporter|correspondent|text|story by|byline){_LABEL_SEP}(?P<value>.+)$", re.I
)
_BY_LINE = re.compile(
    r"^by\s+(?P<value>[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|de|da|van|von|al|bin|el|la|le))*"
    r"(?:\s*(?:,|\band\b|&)\s*[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)*)*)"
    r"(?:\s*[,|—–-]\s*(?P<org>[A-Z][\w .&'’-]*))?$",
    re.I,
)
_NOT_NAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december the this that then now far".split()
)
_POSTED_LINE = re.compile(
    rf"^(?P<label>posted|published|updated|last updated|modified|date|created)(?:\s+on)?{_LABEL_SEP}?(?P<value>.*\d.*)$",
    re.I,
)
_PHOTO_LINE = re.compile(
    rf"^[(\[]?(?:photo|photos|photograph|image|picture|pic|illustration|video|caption|file photo|"
    rf"photo credit|photo illustration)(?:\s+by)?{_LABEL_SEP}(?P<value>.+?)[)\]]?$",
    re.I,
)
_PHOTO_BY_LINE = re.compile(r"^[(\[]?(?:photo|photograph|image)\s+by\s+(?P<value>.+?)[)\]]?$", re.I)
_CREDIT_LINE = re.compile(rf"^(?:source|credit|credits|courtesy){_LABEL_SEP}(?P<value>.+)$", re.I)
# A caption line ends with an agency photo credit: "... (AP Photo/Evan Vucci)", "REUTERS/Name".
_CAPTION_CREDIT_END = re.compile(
    r"(?:\((?:[^()]*\b(?:AP Photo|Getty Images|AFP|EPA|Shutterstock|Anadolu|File photo|Photo(?: by|:)))[^()]*\)"
    r"|\b(?:REUTERS|Reuters|AFP|AP|EPA)/[A-Z][\w.'’ -]+(?:/File(?: Photo)?)?)\s*$"
)
_CAPTION_IN_LINE = re.compile(
    r"^(?P<head>.+?)\s+[(\[]?(?:photo|photograph|image|picture)(?:\s+by|\s*[:：])\s*(?P<caption>.+)$", re.I
)
_READ_ALSO = re.compile(
    r"^(?:also read|read also|read more|see also|more on this|you may also like|don'?t miss|must read|"
    r"recommended for you|related coverage|читайте також|читайте также)\b.*$",
    re.I,
)
_READ_ALSO_LABEL_ONLY = re.compile(
    r"^(?:also read|read also|read more|see also|more on this|don'?t miss|must read|читайте також|"
    r"читайте также)\s*[:：|»›>-]?\s*$",
    re.I,
)
_LABEL_ONLY_OR_COLON = re.compile(
    r"^(?:related|related articles?|related stories|related news|recommended|watch|listen|more|"
    r"tags|topics|keywords|categories|category|filed under|share|share this|share this article)"
    r"\s*(?:[:：|]\s*.*)?$",
    re.I,
)
# Whole lines that are site navigation or furniture (compared casefolded, without the
# final punctuation).
_FURNITURE = frozenset(
    item.strip()
    for item in """latest news|top stories|most read|most popular|trending|trending now|popular|editor's picks|
    editors' picks|breaking news|news feed|all news|more news|more stories|latest|advertisement|ad|
    sponsored|sponsored content|share|share this|share this article|tweet|print|email|comments|
    subscribe|sign up|newsletter|follow us|home|menu|search|skip to content|skip to main content|
    continue reading|back to top|loading|listen to this article|copy link|copied|show more|
    read the full article|photo gallery|video|news|world|politics|opinion|live""".split("|")
)
# After one of these, the lines that follow are other stories' headlines.
_TRAILER_MARKERS = frozenset(
    "latest news|top stories|most read|most popular|trending|trending now|more news|more stories|"
    "related|related articles|related stories|related news|recommended|you may also like|all news".split("|")
)
_CALL_TO_ACTION = re.compile(
    r"^(?:subscribe|sign up|follow us|join us|click here|download (?:our|the) app|get the latest)\b.{0,120}$", re.I
)
_COPYRIGHT = re.compile(r"^(?:copyright\b|©|\(c\)\s).{0,200}$|^.{0,200}\ball rights reserved\.?$", re.I)
_SOCIAL_NETWORKS = frozenset(
    "facebook twitter x telegram whatsapp linkedin email e-mail reddit viber instagram youtube "
    "tiktok threads vk messenger pinterest print copy link share".split()
)
_SOCIAL_FOLLOW = re.compile(
    r"^(?:follow|join|subscribe to)\b.{0,60}\b(?:on|via|at)\s+(?:twitter|x|telegram|facebook|instagram|"
    r"youtube|whatsapp|tiktok|linkedin|threads|viber)\b.{0,40}$",
    re.I,
)
_HANDLES_ONLY = re.compile(r"^(?:[@#][\w.]{1,40}[\s,|·•]*)+$")
_REPORTING_CREDIT = re.compile(r"^\(?(?:reporting|additional reporting|writing|editing) by\b.{0,200}$", re.I)

_TERMINAL = ".!?…"
_HEADING_BAD_END = ".!?…,;:—–-"
_QUOTE_CHARS = "\"'“”‘’«»„"
_DATELINE_START = re.compile(r"^[A-Z][A-Z .'-]{2,}(?:,|\s*\(|\s*[—–-])")
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACE_LIKE = re.compile(r"[^\S\n]+")
_APOSTROPHE_IN_WORD = re.compile(r"(?<=[^\W\d_])[’‘](?=[^\W\d_])")


def _normalize_text(text: str) -> str:
    """NFC, no zero-width chars, one space per run, curly apostrophes inside words made
    straight (country’s -> country's; quotes are left alone)."""
    text = unicodedata.normalize("NFC", text).translate(_ZERO_WIDTH)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _SPACE_LIKE.sub(" ", text)
    return _APOSTROPHE_IN_WORD.sub("'", text)


def _compare_key(text: str) -> str:
    """Loose key for comparing a line with a headline (quotes, dashes, case, spacing)."""
    text = text.casefold()
    text = re.sub(f"[{_QUOTE_CHARS}`]", "'", text)
    text = re.sub(r"[‐-―−-]", "-", text)
    text = " ".join(text.split())
    return text.rstrip(" .:")


def _furniture_key(line: str) -> str:
    return " ".join(line.casefold().strip(" .:…!|»›>").split())


def _is_language_switcher(line: str) -> bool:
    if len(line) > 80:
        return False
    tokens = [t for t in _SWITCHER_SEPARATORS.split(line.casefold()) if t]
    if len(tokens) < 2:
        return False
    return all(t in _LANGUAGE_CODES or t in _LANGUAGE_NAMES for t in tokens)


def _is_social_buttons(line: str) -> bool:
    tokens = [t for t in re.split(r"[\s|/·•,]+", line.casefold()) if t]
    return len(tokens) >= 2 and all(t in _SOCIAL_NETWORKS for t in tokens)


def _byline_author(line: str) -> str | None:
    if len(line) > 100 or line.endswith("."):
        return None
    match = _BY_LINE.match(line)
    if not match:
        return None
    tokens = match["value"].split()
    if tokens[0].casefold().strip(",") in _NOT_NAMES:
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
    if _is_language_switcher(line):
        return "language-switcher"
    match = _AUTHOR_LINE.match(line)
    if match and len(line) <= 120:
        found.author = found.author or match["value"].strip()
        return "author"
    author = _byline_author(line)
    if author:
        found.author = found.author or author
        return "byline"
    match = _POSTED_LINE.match(line)
    if match and len(line) <= 100 and parse_published_at(match["value"]) is not None:
        if match["label"].lower() in ("updated", "last updated", "modified"):
            found.updated = found.updated or match["value"].strip()
        else:
            found.posted = found.posted or match["value"].strip()
        return "posted"
    if len(line) <= 60 and parse_published_at(line) is not None:
        found.posted = found.posted or line
        return "date-line"
    match = _PHOTO_LINE.match(line) or _PHOTO_BY_LINE.match(line)
    if match and len(line) <= 300:
        found.caption = found.caption or _strip_caption(match["value"])
        return "photo-caption"
    if _CREDIT_LINE.match(line) and len(line) <= 200:
        return "credit"
    if len(line) <= 300 and _CAPTION_CREDIT_END.search(line) and not _DATELINE_START.match(line):
        found.caption = found.caption or line
        return "photo-caption"
    if _READ_ALSO.match(line) and len(line) <= 300:
        return "read-also"
    if len(line) <= 200 and _LABEL_ONLY_OR_COLON.match(line):
        return "section-label"
    if _furniture_key(line) in _FURNITURE:
        return "navigation"
    if _CALL_TO_ACTION.match(line) or _SOCIAL_FOLLOW.match(line):
        return "call-to-action"
    if _COPYRIGHT.match(line):
        return "copyright"
    if _HANDLES_ONLY.match(line) or _is_social_buttons(line):
        return "social"
    if _REPORTING_CREDIT.match(line):
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
    lines = [line.strip() for line in _normalize_text(body_raw).split("\n")]
    found = _Found(title=" ".join(title.split()) if title and title.strip() else None)
    title_given = found.title is not None
    title_key = _compare_key(found.title) if found.title else None
    removed: list[str] = []
    kept: list[str | None] = []  # None marks a blank line (paragraph break)
    in_trailer = False
    link_follows = False
    seen_text = False

    for index, line in enumerate(lines):
        if not line:
            kept.append(None)
            continue
        looking_for_headline = found.title is None and not seen_text and not title_given
        reason = None
        if (in_trailer or link_follows) and not _is_prose(line):
            reason = "other-headline"  # a linked headline, not this article's
        if reason is None and title_key is not None:
            reason = _title_repeat(line, title_key, found)
        if reason is None and looking_for_headline:
            reason = _take_headline(line, lines[index + 1 :], found, glued_only=True)
        if reason is None:
            reason = _classify_line(line, found)
        if reason is None and looking_for_headline:
            reason = _take_headline(line, lines[index + 1 :], found)
        if found.title is not None and title_key is None:
            title_key = _compare_key(found.title)
        link_follows = False
        if reason is not None:
            removed.append(line)
            if _furniture_key(line) in _TRAILER_MARKERS:
                in_trailer = True  # "Latest News" alone: other stories' headlines follow
            # "Read also" alone on its line: the next line is the linked headline.
            link_follows = reason == "read-also" and _READ_ALSO_LABEL_ONLY.match(line) is not None
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
    key = _compare_key(line)
    if key == title_key:
        return "headline"
    if key.startswith(title_key) and len(key) > len(title_key):
        rest = line[_prefix_length(line, title_key) :].strip()
        caption = re.match(
            r"^[-–—|:]?\s*[(\[]?(?:photo|photograph|image|picture|illustration|video)(?:\s+by|\s*[:：])\s*(?P<c>.+)$",
            rest,
            re.I,
        )
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
    glued = _CAPTION_IN_LINE.match(line)
    if glued and _looks_like_headline(glued["head"]) and not _PHOTO_LINE.match(line):
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


def _is_hard_wrapped(block: list[str]) -> bool:
    if len(block) < 2:
        return False
    body_lines = block[:-1]
    if not all(40 <= len(line) <= 100 for line in body_lines):
        return False
    return any(not line.endswith(tuple(_TERMINAL) + tuple(_QUOTE_CHARS)) for line in body_lines)


def is_heading(paragraph: str, next_paragraph: str | None) -> bool:
    """A section heading: a short one-line paragraph (1-12 words, at most 100 chars),
    starting with a capital or digit, no final punctuation, followed by a text paragraph."""
    if next_paragraph is None or "\n" in paragraph:
        return False
    words = paragraph.split()
    if not 1 <= len(words) <= 12 or len(paragraph) > 100:
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
