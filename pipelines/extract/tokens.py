"""Tokenize an article once and answer the questions every entity rule asks of tokens.

The tokenizer is ``spacy.blank("en")`` (no model, deterministic), built once per process.
:class:`ArticleDoc` wraps the spaCy ``Doc`` of the whole cleaned body with the token ->
sentence mapping and an "is this sentence written in capitals" test (headlines).
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


@dataclass
class ArticleDoc:
    """One tokenized article: the spaCy Doc plus sentence lookups."""

    article: ArticleText
    doc: object  # spacy.tokens.Doc
    sentence_starts: list[int]
    starts: list[int]  # character offset where each token starts
    ends: list[int]  # character offset where each token ends
    _caps: dict[int, bool] = field(default_factory=dict)
    _matches: list[tuple[str, int, int]] | None = None

    @classmethod
    def build(cls, article: ArticleText) -> "ArticleDoc":
        from spacy.attrs import IDX, LENGTH

        doc = blank_nlp().make_doc(article.body)
        sentence_starts = [s.start_char for s in article.sentences]
        if len(doc):
            arr = doc.to_array([IDX, LENGTH])  # C-level, no Token objects
            idx, ends = arr[:, 0].tolist(), (arr[:, 0] + arr[:, 1]).tolist()
        else:
            idx, ends = [], []
        return cls(article, doc, sentence_starts, idx, ends)

    def all_matches(self) -> list[tuple[str, int, int]]:
        """Every shared-matcher match in this article (computed once)."""
        if self._matches is None:
            strings = blank_nlp().vocab.strings
            self._matches = [(strings[mid], s, e) for mid, s, e in _shared_phrase_matcher()(self.doc)]
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
        """Token indices (start, end) exactly covering the characters, or None if not aligned."""
        i = bisect_left(self.starts, start_char)
        j = bisect_left(self.ends, end_char)
        if i < len(self.starts) and j < len(self.ends) and self.starts[i] == start_char and self.ends[j] == end_char:
            return i, j + 1
        return None

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


class SharedMatcher:
    """A stage's namespace in the shared PhraseMatcher.

    Stages add patterns under their own namespace; calling the matcher on an
    :class:`ArticleDoc` runs the shared matcher once per article (cached on the ArticleDoc)
    and returns only this namespace's matches as ``(key, start_token, end_token)``.
    """

    def __init__(self, namespace: str) -> None:
        self.prefix = namespace + "|"

    def add(self, key: str, patterns: list) -> None:
        _shared_phrase_matcher().add(self.prefix + key, patterns)

    def __call__(self, adoc: "ArticleDoc") -> list[tuple[str, int, int]]:
        cut = len(self.prefix)
        return [(k[cut:], s, e) for k, s, e in adoc.all_matches() if k.startswith(self.prefix)]
