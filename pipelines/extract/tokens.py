"""Tokenize an article once and answer the questions every entity rule asks of tokens.

The tokenizer is ``spacy.blank("en")`` (no model, deterministic), built once per process.
:class:`ArticleDoc` wraps the spaCy ``Doc`` of the cleaned body with the token ->
sentence mapping and an "is this sentence written in capitals" test (headlines).

Prefilter: every pattern a stage adds to the shared matcher is also a *cue*. One Aho-Corasick
pass over the lower-cased body (punctuation turned into spaces, so cues only hit whole words)
finds the sentences holding a cue; the other sentences are blanked with inert filler of the
same length before tokenizing. Character offsets stay those of the body, the tokens of the kept
sentences are exactly those of the full body, and the tokenizer never spends time on prose
that no rule could match (most sentences of ordinary news).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from pipelines.extract.model import ArticleText

CAPS_MIN_WORDS = 3
CAPS_MIN_SHARE = 0.7
_WORD = re.compile(r"[^\W\d_]{2,}")
POSSESSIVES = frozenset({"'s", "\u2019s", "'", "\u2019", "'S", "\u2019S"})


@lru_cache(maxsize=1)
def blank_nlp():
    """The shared blank English pipeline (tokenizer only)."""
    import spacy

    return spacy.blank("en")


_ASCII_WORD_BYTES = bytes((b if chr(b).isalnum() else 32) if b < 128 else b for b in range(256))
_EXTRA_PUNCT = "\u2018\u2019\u201c\u201d\u2010\u2011\u2012\u2013\u2014\u00a0\u2026\u00ab\u00bb"
_WORD_CHARS = {i: " " for i in range(128) if not chr(i).isalnum()} | {ord(c): " " for c in _EXTRA_PUNCT}
_ASCII_LETTERS = bytes(b for b in range(128) if chr(b).isalpha())
_ASCII_UPPER = bytes(b for b in range(128) if chr(b).isupper())
_cues: set[str] = set()
_cue_state: dict[str, object] = {}


def words_only(lower: str) -> str:
    """``lower`` with ASCII punctuation, whitespace and quotes/dashes turned into spaces (same length)."""
    if lower.isascii():
        return lower.encode("ascii").translate(_ASCII_WORD_BYTES).decode("ascii")
    return lower.translate(_WORD_CHARS)


def register_cues(texts) -> None:
    """Add pattern texts to the prefilter (the automaton is rebuilt on next use)."""
    for text in texts:
        key = " ".join(words_only(text.lower()).split())
        if key:
            _cues.add(" " + key + " ")
    _cue_state.pop("automaton", None)


def _cue_automaton():
    automaton = _cue_state.get("automaton")
    if automaton is None:
        import ahocorasick

        automaton = ahocorasick.Automaton()
        for cue in _cues:
            automaton.add_word(cue, len(cue))
        automaton.make_automaton()
        _cue_state["automaton"] = automaton
    return automaton


def cue_sentences(article: ArticleText) -> list[bool] | None:
    """For each sentence of ``article``: does it hold a cue? None when every sentence must be kept."""
    sentences = article.sentences
    if not sentences or not _cues:
        return None
    lower = article.body.lower()
    if len(lower) != len(article.body):
        return None  # a rare case change that alters length: offsets would drift
    text = " " + words_only(lower) + " "
    starts = [s.start_char for s in sentences]
    keep = [False] * len(sentences)
    n = len(sentences)
    hits = _cue_automaton().iter(text)
    if not all(a <= b for a, b in zip(starts, starts[1:])):  # (sentences out of body order)
        for end, length in hits:
            first = bisect_right(starts, end - length + 1) - 1
            last = bisect_right(starts, end - 2) - 1
            for pos in range(max(first, 0), min(last, n - 1) + 1):
                keep[pos] = True
        return keep
    last = -1  # bisect_right(starts, end - 2) - 1, followed forward: hits come in order of their end
    for end, length in hits:
        # the hit covers text[end - length + 1 : end + 1]; body offsets are one less (leading space)
        while last + 1 < n and starts[last + 1] <= end - 2:
            last += 1
        if last >= 0 and starts[last] <= end - length + 1:
            keep[last] = True  # the common case: the hit starts in the sentence it ends in (keys are 3+ long)
            continue
        first = bisect_right(starts, end - length + 1) - 1
        for pos in range(max(first, 0), min(last, n - 1) + 1):
            keep[pos] = True
    return keep


FILLER_WORD = 63  # letters per filler word: few tokens, and every filler word is in the tokenizer's cache


@lru_cache(maxsize=4096)
def _filler(length: int) -> str:
    """Inert text of ``length`` characters: lower-case pseudo-words joined by single spaces.

    Not spaces: spaCy's tokenizer is slow on whitespace runs. Long words of one letter make few
    tokens, all cached after the first article, and no rule reads them as a name, title or country.
    """
    k, rest = divmod(length - 1, FILLER_WORD + 1)
    return ("x" * FILLER_WORD + " ") * k + "x" * (rest + 1)


def masked_body(article: ArticleText, keep: list[bool]) -> str:
    """The body with every sentence not kept replaced by filler of the same length (offsets unchanged)."""
    body = article.body
    parts, cursor = [], 0
    for sentence, kept in zip(article.sentences, keep):
        if kept:
            continue
        start, end = max(sentence.start_char, cursor), sentence.end_char
        if end <= start or (start > 0 and not body[start - 1].isspace()) or (end < len(body) and not body[end].isspace()):
            continue  # only sentences set off by whitespace: the filler must not glue onto a kept token
        parts.append(body[cursor:start])
        parts.append(_filler(end - start))
        cursor = end
    parts.append(body[cursor:])
    return "".join(parts)


@dataclass
class ArticleDoc:
    """One tokenized article: the spaCy Doc plus sentence lookups."""

    article: ArticleText
    doc: object  # spacy.tokens.Doc
    sentence_starts: list[int]
    starts: list[int]  # character offset where each token starts
    ends: list[int]  # character offset where each token ends
    _caps: dict[int, bool] = field(default_factory=dict)
    _matches: dict[str, list[tuple[str, int, int]]] | None = None
    _blanked: list[bool] | None = None  # per sentence: kept (True) or blanked; None: all tokenized
    _token_spans: dict[tuple[int, int], tuple[int, int] | None] = field(default_factory=dict)

    @classmethod
    def build(cls, article: ArticleText, full: bool = False) -> "ArticleDoc":
        """Tokenize ``article``: only the sentences holding a cue unless ``full``."""
        from spacy.attrs import IDX, LENGTH

        text = article.body
        keep = None if full else cue_sentences(article)
        if keep is not None and not all(keep):
            text = masked_body(article, keep)
        doc = blank_nlp().make_doc(text)
        sentence_starts = [s.start_char for s in article.sentences]
        if len(doc):
            arr = doc.to_array([IDX, LENGTH])  # C-level, no Token objects
            idx, ends = arr[:, 0].tolist(), (arr[:, 0] + arr[:, 1]).tolist()
        else:
            idx, ends = [], []
        return cls(article, doc, sentence_starts, idx, ends, _blanked=keep if text is not article.body else None)

    def in_blanked_text(self, char: int) -> bool:
        """True when ``char`` lies in a sentence that was blanked (not tokenized) by the prefilter."""
        if self._blanked is None:
            return False
        pos = self.sentence_position(char)
        return pos >= 0 and not self._blanked[pos] and char < self.article.sentences[pos].end_char

    def all_matches(self) -> dict[str, list[tuple[str, int, int]]]:
        """Every shared-matcher match in this article, by namespace: ``(key, start, end)`` (computed once)."""
        if self._matches is None:
            names = _match_names()
            by_space: dict[str, list[tuple[str, int, int]]] = {}
            for mid, s, e in _shared_phrase_matcher()(self.doc):
                space, key = names.get(mid) or _match_name(mid)
                by_space.setdefault(space, []).append((key, s, e))
            self._matches = by_space
        return self._matches

    def __len__(self) -> int:
        return len(self.starts)

    def text(self, i: int) -> str:
        """Surface text of token ``i`` (cheaper than ``doc[i].text``)."""
        return self.article.body[self.starts[i] : self.ends[i]]

    def span_text(self, start: int, end: int) -> str:
        """Body text from token ``start`` to token ``end`` (exclusive)."""
        return self.article.body[self.starts[start] : self.ends[end - 1]]

    def space_after(self, i: int) -> bool:
        """True when whitespace follows token ``i``."""
        return i + 1 >= len(self.starts) or self.ends[i] < self.starts[i + 1]

    def token_span(self, start_char: int, end_char: int) -> tuple[int, int] | None:
        """Token indices (start, end) exactly covering the characters, or None if not aligned
        (remembered: the people and organization stages both ask for every country mention)."""
        key = (start_char, end_char)
        spans = self._token_spans
        if key in spans:
            return spans[key]
        i = bisect_left(self.starts, start_char)
        j = bisect_left(self.ends, end_char)
        span = None
        if i < len(self.starts) and j < len(self.ends) and self.starts[i] == start_char and self.ends[j] == end_char:
            span = (i, j + 1)
        spans[key] = span
        return span

    def sentence_of_char(self, char: int) -> int:
        """Index (``sentence_idx``) of the sentence containing ``char``; 0 if there are none."""
        if not self.sentence_starts:
            return 0
        pos = bisect_right(self.sentence_starts, char) - 1
        return self.article.sentences[max(pos, 0)].sentence_idx

    def sentence_position(self, char: int) -> int:
        """Position in ``article.sentences`` of the sentence containing ``char`` (-1 if none)."""
        if not self.sentence_starts:
            return -1
        return max(bisect_right(self.sentence_starts, char) - 1, 0)

    def is_sentence_start(self, token_i: int) -> bool:
        """True when token ``token_i`` is the first token of its sentence (or of the body)."""
        if token_i == 0:
            return True
        pos = self.sentence_position(self.starts[token_i])
        if pos < 0:
            return False
        return self.starts[token_i - 1] < self.article.sentences[pos].start_char

    def in_caps_text(self, token_i: int) -> bool:
        """True when the token's sentence is written mostly in capitals (a shouted headline)."""
        pos = self.sentence_position(self.starts[token_i])
        if pos in self._caps:
            return self._caps[pos]
        if pos < 0:
            text = self.article.body
        else:
            text = self.article.sentences[pos].text
        # C-level counting: share of upper-case letters among letters, and enough words.
        if text.isascii():  # the same counts, by deleting the letters of the ASCII bytes
            raw = text.encode("ascii")
            letters = len(raw) - len(raw.translate(None, _ASCII_LETTERS))
            upper = len(raw) - len(raw.translate(None, _ASCII_UPPER))
        else:
            letters = sum(map(str.isalpha, text))
            upper = sum(map(str.isupper, text))
        value = letters > 0 and upper >= CAPS_MIN_SHARE * letters and len(_WORD.findall(text)) >= CAPS_MIN_WORDS
        self._caps[pos] = value
        return value


def is_capitalized(text: str) -> bool:
    """First letter is upper case ("Trump", "US", "Kassym")."""
    return bool(text) and text[0].isupper()


@lru_cache(maxsize=1)
def _shared_phrase_matcher():
    """One PhraseMatcher (lower-cased tokens) holding every stage's patterns: one pass per article."""
    from spacy.matcher import PhraseMatcher

    return PhraseMatcher(blank_nlp().vocab, attr="LOWER")


@lru_cache(maxsize=1)
def _match_names() -> dict[int, tuple[str, str]]:
    """Match id -> (namespace, key): the string lookup and split done once per id, not per match."""
    return {}


def _match_name(match_id: int) -> tuple[str, str]:
    namespace, _, key = blank_nlp().vocab.strings[match_id].partition("|")
    _match_names()[match_id] = (namespace, key)
    return namespace, key


class SharedMatcher:
    """A stage's namespace in the shared PhraseMatcher.

    Stages add patterns under their own namespace; calling the matcher on an
    :class:`ArticleDoc` runs the shared matcher once per article (cached on the ArticleDoc)
    and returns only this namespace's matches as ``(key, start_token, end_token)``.
    """

    def __init__(self, namespace: str) -> None:
        self.namespace = namespace
        self.prefix = namespace + "|"

    def add(self, key: str, patterns: list) -> None:
        _shared_phrase_matcher().add(self.prefix + key, patterns)
        register_cues(p.text for p in patterns)

    def __call__(self, adoc: "ArticleDoc") -> list[tuple[str, int, int]]:
        return list(adoc.all_matches().get(self.namespace, ()))
