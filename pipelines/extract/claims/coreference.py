"""Definite descriptions that refer back to a named country ("the Gulf state", "the country's
accession"), resolved to the most recent fitting country mention (``coreference.yaml``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipelines.extract.gazetteer import load_yaml
from pipelines.extract.literal_gate import KeywordGate
from pipelines.paths import DICTIONARIES_DIR

COREFERENCE_FILE = "coreference.yaml"


@dataclass(frozen=True)
class Descriptor:
    pattern: re.Pattern
    countries: frozenset[str]  # empty = any country
    words: frozenset[str] = frozenset()  # the longest word of each phrase: one occurs in every match


@lru_cache(maxsize=1)
def descriptors() -> tuple[Descriptor, ...]:
    path = DICTIONARIES_DIR / COREFERENCE_FILE
    data = load_yaml(path.read_text(encoding="utf-8"))
    out = []
    for i, entry in enumerate(data.get("descriptors") or []):
        phrases = entry.get("phrases")
        if not phrases or not all(isinstance(p, str) for p in phrases):
            raise ValueError(f"{path}: descriptors[{i}] needs a list of phrases")
        parts = [r"\s+".join(re.escape(w) for w in p.split()) for p in sorted(phrases, key=len, reverse=True)]
        # "the country" but not "the country's foreign ministry's" list-mates like "the country to": still fine;
        # plural forms never match because of the trailing word boundary.
        out.append(Descriptor(re.compile(r"(?<![\w])(?:" + "|".join(parts) + r")(?![\w-])(?!\s+of\b)", re.I),
                              frozenset(str(c).upper() for c in entry.get("countries") or []),
                              frozenset(max(p.split(), key=len) for p in phrases)))
    return tuple(out)


@dataclass(frozen=True)
class CountryGroup:
    pattern: re.Pattern
    countries: tuple[str, ...]
    word: str = ""  # a word every phrase holds, lower-cased ("baltic"): a sentence without it holds no phrase


@lru_cache(maxsize=1)
def country_groups() -> tuple[CountryGroup, ...]:
    """``groups`` of coreference.yaml: phrases that name a fixed set of countries ("the three Baltic states")."""
    path = DICTIONARIES_DIR / COREFERENCE_FILE
    return parse_country_groups(load_yaml(path.read_text(encoding="utf-8")), str(path))


def parse_country_groups(data: dict, path: str = COREFERENCE_FILE) -> tuple[CountryGroup, ...]:
    """The ``groups`` section of a parsed coreference.yaml, validated (ValueError names the bad entry)."""
    out = []
    for i, entry in enumerate(data.get("groups") or []):
        phrases, countries = entry.get("phrases"), entry.get("countries")
        if not phrases or not all(isinstance(p, str) for p in phrases) or not countries or len(countries) < 2 \
                or not all(isinstance(c, str) and re.fullmatch(r"[A-Z]{2}", c) for c in countries):
            raise ValueError(f"{path}: groups[{i}] needs a list of phrases and two country codes or more")
        parts = [r"\s+".join(re.escape(w) for w in p.split()) for p in sorted(phrases, key=len, reverse=True)]
        shared = set.intersection(*(set(p.lower().split()) for p in phrases)) - {"the"}
        out.append(CountryGroup(re.compile(r"(?<![\w])(?:" + "|".join(parts) + r")(?![\w-])", re.I), tuple(countries),
                                max(shared, key=len) if shared else ""))
    return tuple(out)


def group_slots(sentence_text: str, taken: list[tuple[int, int]], lowered: str | None = None) -> list[tuple[int, int, str, str]]:
    """(start, end, text, code) for every country of every named group in the sentence, one per country on the
    group's span (spans in ``taken`` excluded). ``lowered``: the sentence in lower case, when already made."""
    out = []
    lowered = sentence_text.lower() if lowered is None else lowered
    for group in country_groups():
        if group.word not in lowered:
            continue  # (a cheap test before the pattern)
        for m in group.pattern.finditer(sentence_text):
            if not any(s < m.end() and m.start() < e for s, e in taken):
                out.extend((m.start(), m.end(), m.group(), code) for code in group.countries)
    return out


@lru_cache(maxsize=1)
def _descriptor_gate() -> KeywordGate:
    return KeywordGate([d.words for d in descriptors()])


def descriptor_masks(article) -> list[int]:
    """Per sentence of ``article``, the descriptor gate's mask (one pass over the body)."""
    return _descriptor_gate().sentence_masks(article.body, article.sentences)


@dataclass(frozen=True)
class CorefSlot:
    start: int  # offsets relative to the sentence text
    end: int
    text: str
    code: str


# a country that is the object of "with", "against", "by" or "to" in the same sentence is no antecedent of "the
# country" ("Malaysia submitted its application to Russia ..., after Anwar announced that the country intended ...")
# ("Relations between Podgorica and Moscow have deteriorated ..., to derail the country's NATO bid": Montenegro)
_OPPONENT_BEFORE = re.compile(r"(?<![\w])(?:(?:with|against|by|to)\s+(?:the\s+)?|between\s+(?:the\s+)?(?:(?-i:[A-Z])[\w.'’-]*\s+){0,3}?"
                              r"(?:(?:and|or)\s+(?:the\s+)?)?)$", re.IGNORECASE)


# between two countries of one coordinated list: ", ", " and ", ", and ", " or "
_LIST_GAP = re.compile(r"\s*(?:,|,?\s+and|,?\s+or)\s+(?:the\s+)?", re.IGNORECASE)


# a country of an earlier sentence that was the object of "with": "align Argentina with the United States and Israel"
_WITH_OBJECT_BEFORE = re.compile(r"(?<![\w])(?:with|against)\s+(?:the\s+)?(?:(?:[A-Z][\w.'’-]*\s+){1,3}(?:and|or)\s+(?:the\s+)?)?$")
# a description that is the object of a verb ("Brazil ... announced the country's accession"): not its subject
# ("Moscow tried to derail the country's NATO bid": Montenegro's)
_OBJECT_OF_VERB_BEFORE = re.compile(r"(?<![\w])(?:announced|welcomed|confirmed|approved|backed|supported|blocked|vetoed|"
                                    r"ratified|endorsed|hailed|congratulated|praised|criticized|criticised|"
                                    r"(?:derail|thwart|block|obstruct|torpedo|sabotage|undermine|oppose|delay|stall|veto|frustrate)"
                                    r"(?:s|ed|ing)?|held\s+up|hold\s+up|holding\s+up)\s+$",
                                    re.IGNORECASE)


def listed_mentions(body: str, spans: list[tuple[int, int]], min_length: int = 3) -> frozenset[int]:
    """Start offsets of the country mentions (``spans``: body offsets in text order) that stand in a list of at
    least ``min_length`` coordinated countries ("the UAE, Bahrain, Morocco and Sudan"). A singular description
    ("the kingdom") rarely refers back to one member of such a list when another antecedent is at hand."""
    listed: set[int] = set()
    run = spans[:1]
    for previous, current in zip(spans, spans[1:]):
        if _LIST_GAP.fullmatch(body, previous[1], current[0]):
            run.append(current)
            continue
        if len(run) >= min_length:
            listed.update(start for start, _ in run)
        run = [current]
    if len(run) >= min_length:
        listed.update(start for start, _ in run)
    return frozenset(listed)


def antecedent(fitting, listed: frozenset[int]):
    """The first of ``fitting`` ((body offset, value) pairs, nearest first) outside a long list, else the first."""
    first = None
    for offset, value in fitting:
        if offset not in listed:
            return value
        if first is None:
            first = value
    return first


def resolve_descriptors(
    sentence_text: str,
    sentence_start: int,
    previous_countries: list[tuple[int, str]],
    skip: frozenset[str],
    taken: list[tuple[int, int]],
    candidates: list[int] | None = None,
    listed: frozenset[int] = frozenset(),
    body: str | None = None,
) -> list[CorefSlot]:
    """Descriptors in one sentence resolved against earlier country mentions.

    ``previous_countries``: (body offset, code) of every country mention before and inside the
    sentence, in text order. ``skip``: codes that never act as antecedents (broker, counterparty).
    ``taken``: sentence-relative spans already covered by named mentions. ``candidates``: the
    descriptor gate's candidates for the sentence (:func:`descriptor_masks`), when known. ``listed``: the
    offsets of mentions inside long lists (:func:`listed_mentions`), taken only when no other mention fits
    ("... the UAE, Bahrain, Morocco and Sudan normalized ties. The kingdom ..." after Saudi Arabia is Saudi Arabia).
    ``body``: the article's text, when given, also passes over (unless nothing else fits) a country of an earlier
    sentence that was the object of "with" ("... align Argentina with the United States and Israel. The minister
    said the country would not join") and the subject of a verb whose object the description is ("Brazil
    announced the country's accession").
    """
    out = []
    all_descriptors = descriptors()
    for index in _descriptor_gate().candidates(sentence_text) if candidates is None else candidates:
        descriptor = all_descriptors[index]
        for m in descriptor.pattern.finditer(sentence_text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            position = sentence_start + m.start()
            fitting = [(offset, code) for offset, code in reversed(previous_countries)
                       if offset < position and code not in skip
                       and (not descriptor.countries or code in descriptor.countries)
                       # "Georgia, which fought a war with Russia, ...: the country" is Georgia, not Russia
                       and not (offset >= sentence_start
                                and _OPPONENT_BEFORE.search(sentence_text, 0, offset - sentence_start))]
            passed_over = listed
            if body is not None:
                passed_over = listed | {offset for offset, _ in fitting
                                        if offset < sentence_start and _WITH_OBJECT_BEFORE.search(body, max(0, offset - 60), offset)}
                if _OBJECT_OF_VERB_BEFORE.search(sentence_text, 0, m.start()):
                    in_sentence = [offset for offset, _ in fitting if offset >= sentence_start]
                    passed_over |= set(in_sentence[:1])  # the verb's subject, nearest before it
            chosen = antecedent(fitting, frozenset(passed_over))
            if chosen is not None:
                out.append(CorefSlot(m.start(), m.end(), m.group(), chosen))
                taken.append((m.start(), m.end()))
    return out


# a counted plural description: "these four states joined BRICS on January 1", "the two countries signed"
COUNTED_PLURAL = re.compile(r"(?<![\w])(?:these|those|the|all|both)\s+(?P<n>two|three|four|five|six|seven|eight|nine|ten)\s+"
                            r"(?:countries|states|nations|governments|newcomers|applicants|candidates)(?![\w-])", re.IGNORECASE)
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def counted_plurals(sentence_text: str, lowered: str | None = None) -> list[re.Match]:
    """The counted plural descriptions of a sentence (:data:`COUNTED_PLURAL`); a sentence without a number word has
    none (a cheap test before the pattern). ``lowered``: the sentence in lower case, when already made."""
    lowered = sentence_text.lower() if lowered is None else lowered
    if not any(word in lowered for word in _COUNTS):
        return []
    return list(COUNTED_PLURAL.finditer(sentence_text))


def counted_group(body: str, previous: list[tuple[int, int, str]], position: int, number: str,
                  earliest: int) -> list[str]:
    """The codes of the most recent coordinated list of exactly ``number`` (a number word of :data:`COUNTED_PLURAL`)
    countries that ends before body offset
    ``position`` and starts at or after ``earliest`` (``previous``: (start, end, code) of the country mentions in text
    order); [] when the nearest list before it has another length."""
    count = _COUNTS[number.lower()]
    before = [p for p in previous if p[1] <= position and p[0] >= earliest]
    if not before:
        return []
    run = [before[-1]]
    for mention in reversed(before[:-1]):
        if not _LIST_GAP.fullmatch(body, mention[1], run[0][0]):
            break
        run.insert(0, mention)
    codes = list(dict.fromkeys(code for _start, _end, code in run))
    return codes if len(codes) == count and len(run) == count else []
