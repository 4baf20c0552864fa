"""Cheap prefilter: does a text use accord vocabulary at all?

One Aho-Corasick automaton (pyahocorasick) over the lowercased vocabulary of the accord registry:
every accord name and alias, every unnamed-deal trigger, and the registry's keywords (stems such as
"normaliz"). Short all-letter aliases ("EU", "SCO") must stand as whole words; longer entries may
match inside a word so that stems catch their inflections. Scanning is linear in the text length
(millions of words per second), so every ingested article can be checked.
"""

from __future__ import annotations

from functools import lru_cache

import ahocorasick

from pipelines.extract.accords import load_accord_registry
from pipelines.extract.model import ArticleText

# Entries this short or shorter must be whole words ("eu" inside "museum" is no match).
_WHOLE_WORD_MAX_LEN = 5


def relevance_vocabulary() -> frozenset[str]:
    """The lowercased phrases the prefilter looks for."""
    words: set[str] = set()
    for accord in load_accord_registry():
        words.update(accord.aliases)
        words.update(accord.triggers)
        words.update(accord.keywords)
    return frozenset(w.lower() for w in words if w.strip())


@lru_cache(maxsize=1)
def _automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for word in relevance_vocabulary():
        automaton.add_word(word, (len(word), len(word) <= _WHOLE_WORD_MAX_LEN))
    automaton.make_automaton()
    return automaton


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _hits(lowered: str):
    for end, (length, whole_word) in _automaton().iter(lowered):
        start = end - length + 1
        if whole_word and (
            (start > 0 and _is_word_char(lowered[start - 1]))
            or (end + 1 < len(lowered) and _is_word_char(lowered[end + 1]))
        ):
            continue
        yield start, end + 1


def is_relevant_text(text: str) -> bool:
    """True when the text contains any accord name, alias, trigger or keyword."""
    if not text:
        return False
    for _ in _hits(text.lower()):
        return True
    return False


def relevant_sentence_indexes(article: ArticleText) -> set[int]:
    """Indexes of the sentences that contain accord vocabulary."""
    return {s.sentence_idx for s in article.sentences if is_relevant_text(s.text)}
