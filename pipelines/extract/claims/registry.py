"""Which accord a claim is about: named in the sentence, an unnamed deal the registry recognises
(counterparty present, parties, date window), or a generic phrase ("the accords", "the deal") that
refers to the accord the article is currently about."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from pipelines.extract.accords import Accord, load_accord_registry, phrase_pattern


@lru_cache(maxsize=1)
def _trigger_patterns() -> tuple[tuple[Accord, re.Pattern], ...]:
    return tuple((a, phrase_pattern(a.triggers, plural=True)) for a in load_accord_registry() if a.triggers)


# one adjective between "the" and a generic accord phrase: lower-case, or "<Name>-brokered"
_ADJECTIVE = r"(?:(?-i:[a-z][a-z-]+)|[A-Z][\w.]*-brokered)"


@lru_cache(maxsize=1)
def _context_patterns() -> dict[str, re.Pattern]:
    """Per accord, its generic phrases, also with a possessive for "the" ("its accession", "Morocco's
    joint declaration") or an adjective after it ("the original accords", "the US-brokered accords")."""
    patterns = {}
    for accord in load_accord_registry():
        if not accord.context_aliases:
            continue
        definite = [p[4:] for p in accord.context_aliases if p.lower().startswith("the ")]
        phrases = list(accord.context_aliases) + [f"{owner} {p}" for p in definite for owner in ("its", "their")]
        pattern = phrase_pattern(phrases).pattern
        if definite:
            nouns = phrase_pattern(definite).pattern
            pattern = f"(?:{pattern})|(?<=['’]s\\s)(?:{nouns})|(?<![\\w])the\\s+{_ADJECTIVE}\\s+(?:{nouns})"
        patterns[accord.entity_id] = re.compile(pattern, re.IGNORECASE)
    return patterns


@lru_cache(maxsize=1)
def accords_by_id() -> dict[str, Accord]:
    return {a.entity_id: a for a in load_accord_registry()}


def unnamed_deal_accord(
    text: str, codes_in_sentence: set[str], country: str, lower: date | None, upper: date | None
) -> Accord | None:
    """The accord an unnamed deal in ``text`` belongs to for ``country``, or None.

    A trigger counts only when the accord's counterparty is named in the sentence (if required).
    An accord that lists ``country`` among its original parties wins (Egypt 1979 is not the
    Abraham Accords); a country that is a party of such a treaty with the same counterparty never
    gets a later accord from an unnamed deal; otherwise the event must fall inside the accord's
    date window.
    """
    matching = _matching_deals(text, codes_in_sentence)
    for accord in matching:
        if country in accord.parties:
            return accord
    if any(party_elsewhere(country, m) for m in matching):
        return None  # Egypt's or Jordan's unnamed deal with Israel is their own treaty, never a later accord
    for accord in matching:
        if not accord.parties and accord.covers(lower, upper):
            return accord
    return None


def _matching_deals(text: str, codes_in_sentence) -> list[Accord]:
    """The accords whose unnamed-deal phrases occur in ``text``, with their counterparty named there
    when the accord requires it."""
    return [a for a, pattern in _trigger_patterns()
            if pattern.search(text) and (not a.trigger_requires_counterparty or a.counterparty in codes_in_sentence)]


def party_elsewhere(code: str, accord: Accord) -> bool:
    """Whether ``code`` is a party of another registry accord with the same counterparty (Egypt and Jordan
    for the Abraham Accords): its step with that counterparty belongs to that accord."""
    return own_treaty(code, accord) is not None


def own_treaty(code: str, accord: Accord) -> Accord | None:
    """The other registry accord with the same counterparty that ``code`` is a party of (Jordan's treaty with
    Israel, next to Egypt's), if any."""
    if accord.counterparty is None:
        return None
    return next((other for other in accords_by_id().values() if code in other.parties
                 and other.counterparty == accord.counterparty and other is not accord), None)


def unnamed_topic(sentences, codes_by_sentence: dict[int, set[str]], reference: date | None) -> Accord | None:
    """The accord an article that names none is about, from its unnamed deals: the first sentence with
    a trigger of an accord open to new parties (not a fixed bilateral treaty), its counterparty named
    there when required, published inside the accord's window ("LIVE: Israel, UAE and Bahrain at the
    White House", whose last entry says "set to sign normalization agreements with Israel")."""
    for sentence in sentences:
        for accord in _matching_deals(sentence.text, codes_by_sentence.get(sentence.sentence_idx, ())):
            if not accord.parties and accord.covers(reference, reference):
                return accord
    return None


def has_unnamed_deal(text: str) -> bool:
    return any(pattern.search(text) for _, pattern in _trigger_patterns())


def context_alias_span(text: str, topic: Accord | None) -> tuple[int, int] | None:
    """Where ``text`` refers to the topic accord with a generic phrase, if it does."""
    if topic is None:
        return None
    pattern = _context_patterns().get(topic.entity_id)
    if pattern is None:
        return None
    m = pattern.search(text)
    return (m.start(), m.end()) if m else None
