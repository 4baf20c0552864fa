"""Split a cleaned article body into sentences, marking headings and quoted sentences.

A rule-based splitter (regular expressions, no model): it is several times faster than a
spaCy pipeline and handles what news text needs: abbreviations and titles (Mr., Dr.,
Jan. 6, No. 1, St.), initials (John F. Kennedy), dotted acronyms (U.S., U.N.) that end a
sentence only when a typical sentence opener follows, decimals, and sentences that end
inside a closing quote (``... wrote." Then``).

Offsets index ``body``: ``body[s.start_char:s.end_char] == s.text`` for every sentence.
Paragraphs are separated by a blank line (as :func:`pipelines.ingest.cleaning.clean_body`
writes them); ``paragraph_idx`` counts them from 0, headings included.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from pipelines.extract.model import SentenceText

# Words that are abbreviations when followed by a period and never end a sentence there.
_TITLES_AND_ABBREVIATIONS = frozenset(
    """Mr Mrs Ms Mx Dr Prof Sen Sens Rep Reps Gov Govs Gen Lt Col Sgt Capt Cmdr Adm Maj Amb
    Pres Hon Rev Fr St Mt Ft Rd Ave Blvd Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
    vs v cf ca approx Dept Univ Gov't Govt Atty
    Supt Insp Det Cpl Pvt Brig Messrs Mme Mlle Dir""".split()
)
# Abbreviations that are abbreviations only before a number ("No. 1", "Art. 5").
_BEFORE_NUMBER = frozenset("No Nos no nos Art art Vol vol pp p Fig fig Sec sec Ch ch Para para".split())
# Abbreviations that often end a sentence too ("... Apple Inc. The company"): split only
# when a typical sentence opener follows, as for dotted acronyms (U.S., a.m.).
_AMBIGUOUS = frozenset("Inc Co Corp Ltd LLC Bros Jr Sr etc al".split())
_SENTENCE_OPENERS = frozenset(
    """The A An This That These Those It Its He She They We I You His Her Their Our My There
    Here But And Yet So In On At After Before As If When While Since Although Though Because
    According Meanwhile However Earlier Later Last Next Then Now Still Also Both Neither Many
    Most Some Such What Why How Who Where One Two Three Officials Experts Critics Analysts""".split()
)

# A run of sentence punctuation ("." "!" "?" "…", an ellipsis "..." included), closing marks, then
# whitespace. Starting with a character class lets the regex engine skip to candidates quickly.
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)")
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")
_TOKEN_PUNCTUATION = "_'’./-"  # with letters and digits (str.isalnum, as regex \w): a token's characters
_AGENCY_SLASHES = re.compile(r"^/[A-Za-z-]+/$")
_DOTTED_ACRONYM = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")
_WORD_CHAR = re.compile(r"\w")
_NEXT_WORD = re.compile(r"\s+[\"'“‘«(\[]*([\w'’-]+)")


def split_sentences(body: str, heading_spans: list[tuple[int, int]]) -> list[SentenceText]:
    """Split ``body`` into sentences; each heading span is one sentence with is_heading."""
    paragraphs = _paragraph_spans(body)
    quotes = _QuoteMap(body, paragraphs)
    headings = sorted((start, end) for start, end in heading_spans)
    heading_starts = [start for start, _ in headings]
    sentences: list[SentenceText] = []
    for paragraph_idx, (p_start, p_end) in enumerate(paragraphs):
        at = bisect_right(heading_starts, p_start) - 1
        is_heading_paragraph = at >= 0 and headings[at][0] <= p_start and p_end <= headings[at][1]
        if is_heading_paragraph:
            pieces = [(p_start, p_end)]
        else:
            pieces = _sentence_spans(body, p_start, p_end)
        for start, end in pieces:
            # (sentence_idx, paragraph_idx, start_char, end_char, text, is_heading, in_quote)
            sentences.append(
                SentenceText(len(sentences), paragraph_idx, start, end, body[start:end], is_heading_paragraph,
                             not is_heading_paragraph and quotes.mostly_quoted(start, end))
            )
    return sentences


def _paragraph_spans(body: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank paragraph, whitespace trimmed."""
    spans = []
    position = 0
    for match in _PARAGRAPH_BREAK.finditer(body):
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, len(body)))
    trimmed = []
    for start, end in spans:
        start, end = trim_span(body, start, end)
        if start < end:
            trimmed.append((start, end))
    return trimmed


def trim_span(body: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` without the whitespace at either side of ``body[start:end]``."""
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return start, end


def _sentence_spans(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside one paragraph."""
    spans = []
    sentence_start = start
    for match in _BOUNDARY.finditer(body, start, end):
        if _is_sentence_end(body, match, end):
            # trim_span, inlined (one call per sentence otherwise)
            s, e = sentence_start, match.end()
            while s < e and body[s].isspace():
                s += 1
            while e > s and body[e - 1].isspace():
                e -= 1
            if s < e:
                spans.append((s, e))
            sentence_start = match.end()
    s, e = trim_span(body, sentence_start, end)
    if s < e:
        spans.append((s, e))
    return spans


def _is_sentence_end(body: str, match: re.Match[str], limit: int) -> bool:
    """Whether the punctuation run in ``match`` ends a sentence."""
    following = _NEXT_WORD.match(body, match.end(), limit)
    if following is None:
        return False  # only whitespace follows: the paragraph end closes the sentence
    next_word = following.group(1)
    first = next_word[0]
    if first.islower():
        return False  # '"...?" he asked', 'e.g. some', lowercase continuation
    punctuation = match.group(0)
    if not punctuation.startswith(".") or punctuation.startswith(".."):
        return True  # '!', '?', '…' or an ellipsis before a capital
    # The token before the punctuation: the run of word characters and ' ’ . / - that ends
    # there (at most 40 characters back; the regex ``[\w'’./-]+$`` searched from 40 back).
    end = match.start()
    lowest = max(0, end - 40)
    # The usual case first: the text since the last space or line break is all letters and
    # digits, so the scan below would stop right there (or at ``lowest``) and strip nothing.
    start = max(body.rfind(" ", lowest, end), body.rfind("\n", lowest, end)) + 1 or lowest
    token = body[start:end]
    if not token.isalnum():
        start = end
        while start > lowest and (body[start - 1].isalnum() or body[start - 1] in _TOKEN_PUNCTUATION):
            start -= 1
        if start == end:
            return True
        token = body[start:end].lstrip("'’-")
    if not token:
        return True
    if token.isdigit() and len(token) <= 3 and (start == 0 or body[start - 1] == "\n"):
        return False  # a list item's number at a line start: "1. Belgium"
    if token in _TITLES_AND_ABBREVIATIONS:
        return False
    if token[0] == "/" and _AGENCY_SLASHES.match(token):  # (the pattern starts with "/")
        return False  # "WASHINGTON, November 7. /TASS/. Kazakhstan ...": the dateline stays on
    if token in _BEFORE_NUMBER:
        return not first.isdigit()
    if len(token) == 1 and token.isupper():
        return False  # an initial: "John F. Kennedy"
    if token in _AMBIGUOUS or ("." in token and _DOTTED_ACRONYM.match(token)):  # (acronyms have dots)
        return next_word in _SENTENCE_OPENERS
    return True


class _QuoteMap:
    """Which parts of the body lie inside quotation marks.

    Double quotes (straight or curly, and « ») may span sentences and paragraphs: by news
    convention a quote that goes on in the next paragraph leaves the closing mark off and
    opens that paragraph with a quote mark again. A quote still open at the end of a
    paragraph whose next paragraph does not open with a quote mark ends there. Single
    quotes count only when a matching closing mark follows in the same paragraph.
    """

    _DOUBLE = re.compile(r"[\"“”«»„]")
    _SINGLE = re.compile(r"['‘’]")

    def __init__(self, body: str, paragraphs: list[tuple[int, int]] | None = None) -> None:
        self.body = body
        self.intervals: list[tuple[int, int]] = []
        for start, end in _paragraph_spans_with_continuation(body, paragraphs):
            self._scan_paragraph(start, end)
        self.intervals = _union(self.intervals)
        self._ends = [end for _, end in self.intervals]

    def _scan_paragraph(self, start: int, end: int) -> None:
        body = self.body
        open_at: int | None = None
        for match in self._DOUBLE.finditer(body, start, end):
            position = match.start()
            mark = match.group(0)
            before = body[position - 1] if position > start else " "
            after = body[position + 1] if position + 1 < end else " "
            opens = mark in "“«„" or (mark == '"' and (before.isspace() or before in "([{—–-/:") and not after.isspace())
            closes = mark in "”»" or (mark == '"' and not before.isspace())
            if open_at is None and opens:
                open_at = position
            elif open_at is not None and closes and mark != "“":
                self.intervals.append((open_at, position + 1))
                open_at = None
        if open_at is not None:
            self.intervals.append((open_at, end))
        self._scan_single_quotes(start, end)

    def _scan_single_quotes(self, start: int, end: int) -> None:
        body = self.body
        open_at: int | None = None
        for match in self._SINGLE.finditer(body, start, end):
            position = match.start()
            before = body[position - 1] if position > start else " "
            after = body[position + 1] if position + 1 < end else " "
            if before.isalnum() and after.isalnum():
                continue  # apostrophe inside a word
            if open_at is None:
                if (before.isspace() or before in "([{—–-\"“") and after.isalnum():
                    open_at = position
            elif not before.isspace() and not after.isalnum():
                self.intervals.append((open_at, position + 1))
                open_at = None

    def mostly_quoted(self, start: int, end: int) -> bool:
        """True when the sentence in [start, end) lies inside a quotation: its first word
        is quoted (it opens with, or continues, a quote) or at least half of its word
        characters are quoted."""
        index = bisect_right(self._ends, start)  # first interval ending after start
        if index >= len(self.intervals) or self.intervals[index][0] >= end:
            return False  # no quotation overlaps the sentence
        first_word = _WORD_CHAR.search(self.body, start, end)
        if first_word is None:
            return False
        if self.intervals[index][0] <= first_word.start():
            return True
        total = len(_WORD_CHAR.findall(self.body, start, end))
        quoted = 0
        while index < len(self.intervals) and self.intervals[index][0] < end:
            q_start, q_end = self.intervals[index]
            quoted += len(_WORD_CHAR.findall(self.body, max(q_start, start), min(q_end, end)))
            index += 1
        return quoted * 2 >= total


def _union(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, disjoint union of half-open intervals."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _paragraph_spans_with_continuation(
    body: str, paragraphs: list[tuple[int, int]] | None = None
) -> list[tuple[int, int]]:
    """Paragraph spans, with a quote that runs on into following paragraphs (each opening
    with a quote mark, the previous one left open) merged into one span."""
    if paragraphs is None:
        paragraphs = _paragraph_spans(body)
    merged: list[tuple[int, int]] = []
    for start, end in paragraphs:
        if merged and body[start] in "\"“«" and _leaves_double_quote_open(body, *merged[-1]):
            previous_start, _ = merged.pop()
            merged.append((previous_start, end))
            continue
        merged.append((start, end))
    return merged


def _leaves_double_quote_open(body: str, start: int, end: int) -> bool:
    """Whether the text in [start, end) opens a double quote it does not close.

    Curly marks decide directly; straight marks are counted: an odd number leaves one open.
    Continuation paragraphs open with a mark, so the last paragraph of a merged span is
    what counts.
    """
    last_paragraph_start = body.rfind("\n\n", start, end)
    segment = body[last_paragraph_start + 2 if last_paragraph_start >= 0 else start : end]
    opened = segment.count("“") + segment.count("«")
    closed = segment.count("”") + segment.count("»")
    if opened or closed:
        return opened > closed
    return segment.count('"') % 2 == 1
