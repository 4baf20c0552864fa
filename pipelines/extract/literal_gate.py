"""Keyword gates: skip a regular expression on text that cannot match it.

Many patterns of the claim, date and accord stages can only match where a certain word occurs
("signing ceremony" needs "ceremony"; "(?:will|would) (?:join|sign)" needs "join" or "sign").
:func:`required_literals` reads that off the pattern itself (``re``'s own parser), so the data
files stay the only place the vocabulary is written. A :class:`KeywordGate` holds the required
words of many patterns in one Aho-Corasick automaton and tells, in one linear pass over a text,
which patterns may match there; the exact regexes then run only for those.

Soundness: a pattern that matches a text under ``re.IGNORECASE`` contains one of its required
literals, and :func:`fold` maps the text so the literal occurs in the folded text too (the four
non-ASCII characters ``re`` treats as case variants of ASCII letters are mapped first). A pattern
whose requirement cannot be read (nothing but classes, optional parts, ...) always runs.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from functools import lru_cache

import ahocorasick

try:  # Python 3.11+
    from re import _constants as _sre, _parser as _sre_parse
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

# Characters re.IGNORECASE matches with an ASCII letter whose str.lower() is not that letter
# (dotted/dotless i, long s, Kelvin sign).
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
_NEEDS_FOLD = re.compile("[\u0130\u0131\u017f\u212a]")
_REPEATS = (_sre.MAX_REPEAT, _sre.MIN_REPEAT) + ((_sre.POSSESSIVE_REPEAT,) if hasattr(_sre, "POSSESSIVE_REPEAT") else ())
_GROUPS = (_sre.SUBPATTERN,) + ((_sre.ATOMIC_GROUP,) if hasattr(_sre, "ATOMIC_GROUP") else ())


def fold(text: str) -> str:
    """Lowercase ``text`` the way the gates compare it. Same length as ``text`` (U+0130 is the one
    character whose lowercase is longer; it is mapped first), and a character is a word character
    (``\\w``) exactly when its folded form is."""
    if not text.isascii() and _NEEDS_FOLD.search(text):
        text = text.translate(_FOLD)
    return text.lower()


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


# The folded body of the last article asked for: the date, claim and accord gates of one article
# all read it.
_last_folded: list = [None, None]


def folded_body(body: str) -> str | None:
    """``fold(body)``, such that ``fold(body)[s:e] == fold(body[s:e])`` for every span; None when
    that may not hold: ``str.lower`` reads a capital sigma by its context (final form or not)."""
    if _last_folded[0] is body:
        return _last_folded[1]
    folded = None if "\u03a3" in body else fold(body)
    _last_folded[0], _last_folded[1] = body, folded
    return folded


def article_spans(sentences) -> list[int] | None:
    """The sentence start offsets when the sentences are in body order and do not overlap (then a
    keyword lies in at most one sentence), else None."""
    starts = []
    previous_end = 0
    for sentence in sentences:
        if sentence.start_char < previous_end or sentence.end_char - sentence.start_char != len(sentence.text):
            return None
        starts.append(sentence.start_char)
        previous_end = sentence.end_char
    return starts


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The more selective of two requirements: longer shortest word, then fewer words."""
    if a is None:
        return b
    if b is None:
        return a
    key_a = (min(map(len, a)), -len(a))
    key_b = (min(map(len, b)), -len(b))
    return b if key_b > key_a else a


# An exact part of a pattern ("normali[sz]e", "(?:will|would)") is expanded into its strings while
# there are at most this many.
_MAX_EXPANSION = 64


def _exact(op, av) -> frozenset[str] | None:
    """All (folded) strings an element can match when that is a small finite set, else None.
    Control characters (the claim stage's country placeholders) are never words of the text."""
    if op is _sre.LITERAL:
        return frozenset({fold(chr(av))}) if av >= 0x20 else None
    if op is _sre.IN:
        if not all(item_op is _sre.LITERAL and item_av >= 0x20 for item_op, item_av in av):
            return None
        return frozenset(fold(chr(item_av)) for _, item_av in av)
    if op is _sre.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            strings = _exact_sequence(branch)
            if strings is None:
                return None
            out |= strings
        return frozenset(out) if len(out) <= _MAX_EXPANSION else None
    if op in _GROUPS:
        return _exact_sequence(av[-1])
    if op in _REPEATS and av[1] == 1 and av[0] in (0, 1):
        strings = _exact_sequence(av[2])
        if strings is None:
            return None
        return strings | {""} if av[0] == 0 else strings
    return None


def _product(left: frozenset[str], right: frozenset[str]) -> frozenset[str] | None:
    if len(left) * len(right) > _MAX_EXPANSION:
        return None
    return frozenset(a + b for a in left for b in right)


def _exact_sequence(items) -> frozenset[str] | None:
    out: frozenset[str] | None = frozenset({""})
    for op, av in items:
        strings = _exact(op, av)
        if strings is None:
            return None
        out = _product(out, strings)
        if out is None:
            return None
    return out


def _as_requirement(strings: frozenset[str] | None) -> frozenset[str] | None:
    """A set of strings one of which is always matched is a requirement unless it holds ''."""
    if not strings or "" in strings:
        return None
    return strings


def _sequence(items) -> frozenset[str] | None:
    """The best requirement of a sequence: a run of exact elements expanded into its strings, or
    one inexact element's own requirement."""
    best: frozenset[str] | None = None
    run: frozenset[str] | None = None
    for op, av in items:
        strings = _exact(op, av)
        if strings is not None:
            joined = _product(run, strings) if run is not None else strings
            if joined is None:  # too many strings: close the run, start a new one here
                best = _better(best, _as_requirement(run))
                joined = strings
            run = joined
            continue
        best = _better(best, _as_requirement(run))
        run = None
        best = _better(best, _element(op, av))
    return _better(best, _as_requirement(run))


def _element(op, av) -> frozenset[str] | None:
    """The requirement of one inexact element (see :func:`required_literals`)."""
    if op is _sre.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            required = _sequence(branch)
            if required is None:
                return None
            out |= required
        return frozenset(out)
    if op in _GROUPS:
        return _sequence(av[-1])
    if op in _REPEATS:
        low, _high, item = av
        return _sequence(item) if low >= 1 else None
    return None  # classes, any-char, anchors, lookarounds, back-references: no literal is consumed


def required_literals(pattern: re.Pattern | str) -> frozenset[str] | None:
    """Folded words one of which every match of ``pattern`` contains, or None when unknown.

    The empty string never counts as a requirement (a pattern that can match it gives None)."""
    source, flags = (pattern.pattern, pattern.flags) if isinstance(pattern, re.Pattern) else (pattern, 0)
    if isinstance(source, bytes):
        return None
    return _required_literals(source, flags)


@lru_cache(maxsize=None)
def _required_literals(source: str, flags: int) -> frozenset[str] | None:
    """:func:`required_literals` of a pattern's source and flags (a frozenset or None: immutable,
    so shared by every gate built from the same pattern)."""
    required = _sequence(_parsed(source, flags))
    if required is None or any(not word for word in required):
        return None
    return required


@lru_cache(maxsize=None)
def _parsed(source: str, flags: int):
    """``re``'s parse tree of a pattern (read only here). The gates of one pattern (its first and
    second requirements) read the same tree: parsed once per process, not once per question."""
    return _sre_parse.parse(source, flags & ~re.UNICODE)


def requirement_sets(pattern: re.Pattern | str) -> list[frozenset[str]]:
    """Every requirement found at the top level of ``pattern``, not only the best one
    :func:`required_literals` keeps: each run of exact parts and each other part's own
    requirement. A match contains one word of *each* set, so a text must hold a word of every
    set for the pattern to match there (gates may require several of them together)."""
    source, flags = (pattern.pattern, pattern.flags) if isinstance(pattern, re.Pattern) else (pattern, 0)
    if isinstance(source, bytes):
        return []
    out: list[frozenset[str] | None] = []
    run: frozenset[str] | None = None
    for op, av in _parsed(source, flags):
        strings = _exact(op, av)
        if strings is not None:
            joined = _product(run, strings) if run is not None else strings
            if joined is None:  # as in _sequence: close the run, start a new one here
                out.append(_as_requirement(run))
                joined = strings
            run = joined
            continue
        out.append(_as_requirement(run))
        run = None
        out.append(_element(op, av))
    out.append(_as_requirement(run))
    unique: list[frozenset[str]] = []
    for required in out:
        if required and all(required) and required not in unique:
            unique.append(required)
    return unique


def second_requirement(pattern: re.Pattern | str, min_length: int = 1) -> frozenset[str] | None:
    """The most selective of :func:`requirement_sets` other than the one :func:`required_literals`
    returns, among those whose shortest word has ``min_length`` characters or more; None if none."""
    first = required_literals(pattern)
    best = None
    for required in requirement_sets(pattern):
        if required != first and min(map(len, required)) >= min_length:
            best = _better(best, required)
    return best


def anchored_finditer(pattern: re.Pattern, text: str, starts):
    """``pattern.finditer(text)`` when every match starts at one of ``starts`` (ascending, e.g.
    where the pattern's first word occurs): the pattern is only tried there, left to right, each
    next try at or after the end of the previous match. The pattern must not match empty text."""
    pos = 0
    for start in starts:
        if start < pos:
            continue
        m = pattern.match(text, start)
        if m:
            yield m
            pos = m.end()


class KeywordGate:
    """Which of many patterns may match a text: one Aho-Corasick pass over the folded text.

    ``requirements[i]`` is pattern i's required words (None: always a candidate). ``whole_words``:
    a word counts only where it is not inside a longer word (for patterns that match their words
    between ``(?<![\\w])`` / ``(?![\\w])`` boundaries or non-word characters)."""

    def __init__(self, requirements: Sequence[Iterable[str] | None], whole_words: bool = False):
        self.size = len(requirements)
        self.whole_words = whole_words
        self.always = 0
        masks: dict[str, int] = {}
        for i, words in enumerate(requirements):
            if words is None:
                self.always |= 1 << i
                continue
            for word in words:
                word = fold(word)
                if not word:
                    self.always |= 1 << i
                    continue
                masks[word] = masks.get(word, 0) | (1 << i)
        self._words = masks
        self._slot: int | None = None  # index among the gates of the shared article pass
        # In the shared pass: True once :meth:`hits` was asked (per sentence, every keyword
        # occurrence); until then only :meth:`sentence_masks` was, and the pass just ORs the masks.
        self._wants_hits = False
        self._automaton = None
        if masks:
            automaton = ahocorasick.Automaton()
            for word, mask in masks.items():
                automaton.add_word(word, (mask, len(word)))
            automaton.make_automaton()
            self._automaton = automaton

    @classmethod
    def for_patterns(cls, patterns: Sequence[re.Pattern]) -> "KeywordGate":
        return cls([required_literals(p) for p in patterns])

    def mask(self, text: str, folded: bool = False) -> int:
        """Bit i set when pattern i may match ``text`` (``folded``: the text is already folded)."""
        found = self.always
        if self._automaton is None or not text:
            return found
        folded_text = text if folded else fold(text)
        if not self.whole_words:
            for _end, (mask, _length) in self._automaton.iter(folded_text):
                found |= mask
            return found
        last = len(folded_text) - 1
        for end, (mask, length) in self._automaton.iter(folded_text):
            start = end - length + 1
            if (start > 0 and _is_word_char(folded_text[start - 1])) or (end < last and _is_word_char(folded_text[end + 1])):
                continue
            found |= mask
        return found

    def text_hits(self, text: str) -> list[tuple[int, int, int]]:
        """The keyword occurrences :meth:`mask` counts in ``text``: ``(start, end, mask)``."""
        if self._automaton is None or not text:
            return []
        folded_text = fold(text)
        whole = self.whole_words
        last = len(folded_text) - 1
        out = []
        for end, (mask, length) in self._automaton.iter(folded_text):
            start = end - length + 1
            if whole:
                if start > 0:
                    ch = folded_text[start - 1]
                    if ch.isalnum() or ch == "_":
                        continue
                if end < last:
                    ch = folded_text[end + 1]
                    if ch.isalnum() or ch == "_":
                        continue
            out.append((start, end + 1, mask))
        return out

    def hits(self, body: str, sentences) -> list[list[tuple[int, int, int]]] | None:
        """Per sentence, the keyword occurrences :meth:`mask` counts in its text, as
        ``(start, end, mask)`` relative to the sentence (in no particular order). Every gate asked
        this joins one shared automaton, so an article's body is scanned once for all of them
        (:func:`_article_scan`). None when the body or the sentences do not allow it (the caller
        then asks sentence by sentence)."""
        if not self._wants_hits:
            self._wants_hits = True
            _shared_state.clear()  # the shared pass must now keep this gate's occurrences
        return self._shared_result(body, sentences)

    def _shared_result(self, body: str, sentences):
        if self._slot is None:
            self._slot = len(_shared_gates)
            _shared_gates.append(self)
            _shared_state.clear()  # rebuild the shared automaton with this gate's words
        results = _article_scan(body, sentences)
        return None if results is None else results[self._slot]

    def sentence_masks(self, body: str, sentences) -> list[int]:
        """:meth:`mask` of every sentence's text (``body[start_char:end_char]``), in one pass over
        the body where possible."""
        per_sentence = self._shared_result(body, sentences)
        if per_sentence is None:
            return [self.mask(sentence.text) for sentence in sentences]
        always = self.always
        if not self._wants_hits:  # the shared pass ORed the masks of each sentence's keywords
            return [always | found if sentence.text else always for found, sentence in zip(per_sentence, sentences)]
        out = []
        for found, sentence in zip(per_sentence, sentences):
            value = always
            if sentence.text:
                for _s, _e, mask in found:
                    value |= mask
            out.append(value)
        return out

    def candidates(self, text: str, folded: bool = False) -> list[int]:
        """Indexes of the patterns that may match ``text``, in order."""
        return mask_indexes(self.mask(text, folded))


# The gates that asked for whole-article hits, their shared automaton and the last article's scan.
_shared_gates: list[KeywordGate] = []
_shared_state: dict[str, object] = {}


def _shared_automaton():
    automaton = _shared_state.get("automaton")
    if automaton is None:
        table: dict[str, list[tuple[int, int, bool, bool]]] = {}
        for slot, gate in enumerate(_shared_gates):
            for word, mask in gate._words.items():
                table.setdefault(word, []).append((slot, mask, gate.whole_words, gate._wants_hits))
        automaton = ahocorasick.Automaton()
        for word, entries in table.items():
            all_whole = all(whole_words for _slot, _mask, whole_words, _hits in entries)
            automaton.add_word(word, (len(word), tuple(entries), all_whole))
        if table:
            automaton.make_automaton()
        _shared_state["automaton"] = automaton
    return automaton


def _article_scan(body: str, sentences) -> list | None:
    """Per shared gate, per sentence, the hits of that gate's keywords, or for a gate only asked
    for :meth:`KeywordGate.sentence_masks` the OR of their masks (one pass over the folded body for
    all gates; remembered for the last article)."""
    cached = _shared_state.get("scan")
    if cached is not None and cached[0] is body and cached[1] is sentences:
        return cached[2]
    folded = folded_body(body)
    starts = article_spans(sentences) if folded is not None else None
    out = None
    if starts is not None:
        gates = _shared_gates
        out = [[[] for _ in sentences] if gate._wants_hits else [0] * len(sentences) for gate in gates]
        automaton = _shared_automaton()
        ends = [sentence.end_char for sentence in sentences]
        sentence_starts = set(starts)
        sentence_ends = set(ends)
        last = len(folded) - 1
        for end, (length, entries, all_whole) in automaton.iter(folded) if len(automaton) else ():
            start = end - length + 1
            if all_whole:
                # A keyword only whole-word gates hold, inside a longer word ("ap" in "capital"):
                # dropped before its sentence is looked up. Within a sentence this is the test
                # below; at a sentence's first or last character the test below does not apply.
                if start > 0 and start not in sentence_starts:
                    ch = folded[start - 1]
                    if ch.isalnum() or ch == "_":
                        continue
                if end < last and end + 1 not in sentence_ends:
                    ch = folded[end + 1]
                    if ch.isalnum() or ch == "_":
                        continue
            k = bisect_right(starts, start) - 1
            if k < 0:
                continue
            s_end = ends[k]
            if end >= s_end:
                continue  # in no sentence, or running past its end
            s_start = starts[k]
            whole = None
            for slot, mask, whole_words, wants_hits in entries:
                if whole_words:
                    if whole is None:  # (_is_word_char inlined: this loop sees every keyword of the body)
                        whole = True
                        if start > s_start:
                            ch = folded[start - 1]
                            whole = not (ch.isalnum() or ch == "_")
                        if whole and end + 1 < s_end:
                            ch = folded[end + 1]
                            whole = not (ch.isalnum() or ch == "_")
                    if not whole:
                        continue
                if wants_hits:
                    out[slot][k].append((start - s_start, end + 1 - s_start, mask))
                else:
                    out[slot][k] |= mask
    _shared_state["scan"] = (body, sentences, out)
    return out


def mask_indexes(mask: int) -> list[int]:
    """The indexes of the bits set in a gate mask, in order."""
    out = []
    while mask:
        low = mask & -mask
        out.append(low.bit_length() - 1)
        mask ^= low
    return out
