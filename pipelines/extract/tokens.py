"""Tokenize an article once and answer the questions every entity rule asks of tokens.

The tokenizer is ``spacy.blank("en")`` (no model, deterministic), built once per process.
:class:`ArticleDoc` wraps the spaCy ``Doc`` of the whole cleaned body with the token ->
sentence mapping and an "is this sentence written in capitals" test (headlines).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from pipelines.extract.model import ArticleText

CAPS_MIN_WORDS = 3
CAPS_MIN_SHARE = 0.7
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
    _caps: dict[int, bool] = field(default_factory=dict)

    @classmethod
    def build(cls, article: ArticleText) -> "ArticleDoc":
        doc = blank_nlp().make_doc(article.body)
        starts = [s.start_char for s in article.sentences]
        return cls(article, doc, starts)

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
        char = self.doc[token_i].idx
        pos = self.sentence_position(char)
        if pos < 0:
            return False
        return self.doc[token_i - 1].idx < self.article.sentences[pos].start_char

    def in_caps_text(self, token_i: int) -> bool:
        """True when the token's sentence is written mostly in capitals (a shouted headline)."""
        pos = self.sentence_position(self.doc[token_i].idx)
        if pos in self._caps:
            return self._caps[pos]
        if pos < 0:
            text = self.article.body
        else:
            text = self.article.sentences[pos].text
        words = [w for w in text.split() if sum(ch.isalpha() for ch in w) >= 2]
        upper = sum(1 for w in words if not any(ch.islower() for ch in w))
        value = len(words) >= CAPS_MIN_WORDS and upper >= CAPS_MIN_SHARE * len(words)
        self._caps[pos] = value
        return value


def is_capitalized(text: str) -> bool:
    """First letter is upper case ("Trump", "US", "Kassym")."""
    return bool(text) and text[0].isupper()
