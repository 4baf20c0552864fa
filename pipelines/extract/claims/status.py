"""The claim vocabulary (``claim_triggers.yaml``): status trigger patterns, modality cues,
reporting verbs and speaker words, validated and compiled once (cached)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipelines.extract.gazetteer import load_yaml
from pipelines.extract.literal_gate import KeywordGate, second_requirement
from pipelines.extract.model import CLAIM_STATUSES
from pipelines.paths import DICTIONARIES_DIR

TRIGGERS_FILE = "claim_triggers.yaml"

# A country slot in the masked sentence: \x02 starts a country, \x01 continues it.
COUNTRY_SLOT = "\x02\x01*"
_LIST_SEPARATOR = r"(?:\s*,\s*(?:and\s+|&\s+|as\s+well\s+as\s+)?|\s+(?:and|&|or)\s+)(?:the\s+)?"  # ("..., as well as Egypt")
COUNTRY_LIST = rf"{COUNTRY_SLOT}(?:{_LIST_SEPARATOR}{COUNTRY_SLOT})*"
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "latest": None, "last": None,
}
_ORDINAL = r"(?P<ORD>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th))"

# Less committal statuses win when several triggers bind the same country in one sentence.
STATUS_CAUTION = {"declined": 0, "withdrawn": 1, "negotiating": 2, "candidate": 3, "announced": 4, "signed": 5}


class VocabularyError(ValueError):
    """claim_triggers.yaml is malformed."""


@dataclass(frozen=True)
class Trigger:
    status: str
    pattern: re.Pattern
    source: str  # the pattern as written in the data file (used as the rule name)
    confidence: float
    noun: bool  # a noun-phrase trigger: cues right after it count too
    # a completed joining ("joined", "has acceded to"): a membership where the accord's joining is a formal
    # accession (``Accord.joining_is_membership``)
    completes: bool = False
    # "Sweden followed a year later": the status of the claim the sentence made just before it on the same
    # accord (its lead), when there is one ("Finland joined NATO in 2023, and Sweden followed ..." is signed)
    echoes: bool = False
    # a membership described, not an event ("BRICS, which groups Brazil, Russia, ...", "NATO member Turkey"): a
    # date in the sentence bounds it from above ("the bloc of A, B and C met on Tuesday"), never dates a joining
    state: bool = False
    # an application owned by the country right before it ("Sweden's NATO bid", "its application"): that possessor
    # only (never the countries after it, nor followers), and a whole noun phrase (no object left unsaid)
    possessed: bool = False
    # a refusal whose object is the accord of the context, whatever follows the trigger ("would not follow the
    # Emirati example", "rejected suggestions that it could ..."): read like an object left unsaid
    context_object: bool = False
    # a refusal that is itself a statement ("Indonesia has poured cold water on suggestions ...", "Oman ruled out
    # joining"): told in the outlet's voice, it is the word of the country named as its subject
    speech_act: bool = False
    # a refusal said of a joining ("normalization is not on the agenda"), not of a country: a country that is itself
    # the subject ("Serbia and Montenegro were not on the agenda") makes no claim
    about_joining: bool = False


# the flags a trigger may carry in claim_triggers.yaml (the Trigger fields of the same names)
_TRIGGER_FLAGS = ("noun", "completes", "echoes", "state", "possessed", "context_object", "speech_act", "about_joining")


@dataclass(frozen=True)
class ClaimVocabulary:
    triggers: tuple[Trigger, ...]
    negation: re.Pattern
    refusal: re.Pattern
    hedge: re.Pattern
    future: re.Pattern
    condition: re.Pattern
    refutation: re.Pattern
    spectator: re.Pattern
    counterfactual_opener: re.Pattern
    time_reference: re.Pattern
    reporting_verb: re.Pattern
    anonymous_speaker: re.Pattern
    pronoun_speaker: re.Pattern
    # unnamed groups that speak as such ("some lawmakers argued that ..."): the group's word is the speaker
    group_speaker: re.Pattern | None = None
    # a sentence opening with a date and a dash/colon is a timeline entry; its present-tense triggers
    timeline_entry: re.Pattern | None = None
    timeline_triggers: tuple[Trigger, ...] = ()
    # the first word of each reporting verb phrase: where a match of ``reporting_verb`` starts
    reporting_first_words: tuple[str, ...] = ()
    # the speaker would not say ("declined to comment on whether ..."): no claim of any status
    non_answer: re.Pattern | None = None
    # someone else demands the refusal ("demanded guarantees that Ukraine will never join"): no claim
    demand: re.Pattern | None = None
    # what may open a long tail after a trailing attribution's verb ("said in an interview with ...")
    attribution_tail_opener: re.Pattern | None = None
    # an object right after a verb trigger that is no accord ("has joined exploratory talks", "joined such a
    # gathering", "signed a joint statement"): no claim
    non_accord_object: re.Pattern | None = None
    # a noun right after a demonym that makes it no actor ("the Palestinian issue", "Saudi airspace")
    non_actor_noun: re.Pattern | None = None
    # right before the trigger, the subject ran the process ("which led negotiations on ..."): no subject
    organizer: re.Pattern | None = None
    # right before a joining named as a noun, a verb that leaves it ahead ("would take up Sweden's accession"):
    # a candidacy (``modality.pending_governors``)
    pending_governor: re.Pattern | None = None
    # a text table's column header (lower case) -> the status its dated cells give (``table_columns``)
    table_columns: dict[str, str] | None = None
    # a text table's "Status" column (``table_status``): its headers, the cells that make no claim, and the statuses
    # its cells' words give, in the order they are tried
    table_status: "TableStatus | None" = None
    # a line that opens a list of members, and the words that make a list no list of members (``member_lists``)
    member_list_opener: re.Pattern | None = None
    member_list_excluded: re.Pattern | None = None
    # a line that opens a list of candidates ("The following economies have submitted formal requests to accede:")
    candidate_list_opener: re.Pattern | None = None


def words_pattern(words, where: str) -> re.Pattern:
    """Whole-word, case-insensitive alternation of phrases (spaces match any whitespace)."""
    if not words or not all(isinstance(w, str) and w.strip() for w in words):
        raise VocabularyError(f"{TRIGGERS_FILE}: {where} must be a non-empty list of strings")
    parts = [r"\s+".join(re.escape(p) for p in w.split()) for w in sorted(set(words), key=len, reverse=True)]
    return re.compile(r"(?<![\w’'])(?:" + "|".join(parts) + r")(?![\w’])", re.IGNORECASE)


def _object_pattern(words, where: str) -> re.Pattern:
    """One of ``words`` as the object right after a verb: a determiner and up to two modifiers before it."""
    return re.compile(r"\s+(?:(?:the|a|an|such an?|its|their|his|her|this|these|those)\s+)?(?:[\w-]+\s+){0,2}?(?:"
                      + words_pattern(words, where).pattern + ")", re.IGNORECASE)


def _following_pattern(words, where: str) -> re.Pattern:
    """One of ``words`` right after the current position (after whitespace)."""
    return re.compile(r"\s+(?:" + words_pattern(words, where).pattern + ")", re.IGNORECASE)


def _whole_text_pattern(words, where: str) -> re.Pattern:
    """One of ``words`` and nothing else but whitespace (``fullmatch`` it)."""
    return re.compile(r"\s*(?:" + words_pattern(words, where).pattern + r")\s*", re.IGNORECASE)


def _opening_pattern(words, where: str) -> re.Pattern:
    """One of ``words`` at the very start of a text, after whitespace (``match`` it)."""
    return re.compile(r"\s*" + words_pattern(words, where).pattern, re.IGNORECASE)


def _optional(compile_words, section: dict, key: str, prefix: str = "") -> re.Pattern | None:
    """``compile_words`` applied to the optional list ``section[key]`` (validated like a required one),
    None when the file leaves it out."""
    return compile_words(section[key], prefix + key) if key in section else None


def _ending_pattern(words, where: str) -> re.Pattern:
    """One of ``words`` (optionally followed by "the") at the very end of a text (``search`` it)."""
    return re.compile(words_pattern(words, where).pattern + r"\s+(?:the\s+)?$", re.IGNORECASE)


def _governing_pattern(words, where: str) -> re.Pattern:
    """One of ``words`` at the very end of a text, then "the" or a country's mask (a possessor: "ratify Sweden's
    accession" with Sweden masked), ``search`` it up to a noun trigger's start."""
    return re.compile(words_pattern(words, where).pattern + r"\s+(?:the\s+|its\s+|their\s+)?(?:\x02\x01*)?$",
                      re.IGNORECASE)


def compile_trigger(source: str) -> re.Pattern:
    """Compile one trigger: {C} -> a country list, {ORD} -> an ordinal, an optional space (" ?") -> optional
    whitespace, other spaces -> whitespace."""
    regex = source.replace("{C}", f"(?P<C>{COUNTRY_LIST})").replace("{ORD}", _ORDINAL)
    regex = re.sub(r"(?<!\\) \?", r"\\s*", regex)  # ("members ?[-:(]": "members: A, B" and "members - A, B")
    regex = re.sub(r"(?<!\\) ", r"\\s+", regex)
    return re.compile(r"(?<![\w])" + regex + r"(?![\w])", re.IGNORECASE)


def _parse_timeline(spec, confidences: dict[str, float]) -> tuple[re.Pattern | None, tuple[Trigger, ...]]:
    """The optional ``timeline:`` section: the entry-start pattern and its present-tense triggers."""
    if not spec:
        return None, ()
    if not isinstance(spec, dict) or not isinstance(spec.get("entry_start"), str) or not isinstance(spec.get("triggers"), dict):
        raise VocabularyError(f"{TRIGGERS_FILE}: timeline needs 'entry_start' (a regex) and 'triggers' (status -> patterns)")
    try:
        entry = re.compile(re.sub(r"(?<!\\) ", r"\\s+", spec["entry_start"]), re.IGNORECASE)
    except re.error as exc:
        raise VocabularyError(f"{TRIGGERS_FILE}: timeline.entry_start: {exc}") from exc
    triggers = []
    for status, patterns in spec["triggers"].items():
        if status not in CLAIM_STATUSES or not isinstance(patterns, list):
            raise VocabularyError(f"{TRIGGERS_FILE}: timeline.triggers: bad status {status!r} or pattern list")
        for source in patterns:
            try:
                pattern = compile_trigger(source)
            except (re.error, AttributeError, TypeError) as exc:
                raise VocabularyError(f"{TRIGGERS_FILE}: timeline.triggers.{status}: bad pattern {source!r}") from exc
            triggers.append(Trigger(status, pattern, f"timeline:{source}", confidences.get(status, 0.5), False))
    return entry, tuple(triggers)


# a table column of joining dates: signed or announced depending on the accord (``Accord.joining_is_membership``)
TABLE_JOINED = "joined"


def _parse_table_columns(spec) -> dict[str, str] | None:
    """The optional ``table_columns:`` section: status -> header words, as header -> status."""
    if spec is None:
        return None
    if not isinstance(spec, dict):
        raise VocabularyError(f"{TRIGGERS_FILE}: table_columns must map a status to a list of column headers")
    out: dict[str, str] = {}
    for status, headers in spec.items():
        if (status not in CLAIM_STATUSES and status != TABLE_JOINED) or not isinstance(headers, list) or not headers:
            raise VocabularyError(f"{TRIGGERS_FILE}: table_columns: bad status {status!r} or header list")
        for header in headers:
            if not isinstance(header, str) or not header.strip():
                raise VocabularyError(f"{TRIGGERS_FILE}: table_columns.{status}: empty header")
            key = " ".join(header.lower().split())
            if out.setdefault(key, status) != status:
                raise VocabularyError(f"{TRIGGERS_FILE}: table_columns: {header!r} given for two statuses")
    return out


@dataclass(frozen=True)
class TableStatus:
    columns: frozenset[str]  # lower-cased headers of a status column
    skip: re.Pattern  # a cell that makes no claim ("Partner", "Observer")
    words: tuple[tuple[str, re.Pattern], ...]  # (status, the words of a cell that give it), first match wins


def _parse_table_status(spec) -> TableStatus | None:
    """The optional ``table_status:`` section (columns, skip, words: status -> words, tried in order)."""
    if spec is None:
        return None
    where = f"{TRIGGERS_FILE}: table_status"
    if not isinstance(spec, dict) or not isinstance(spec.get("columns"), list) or not isinstance(spec.get("words"), dict):
        raise VocabularyError(f"{where} needs 'columns' (a list) and 'words' (status -> words)")
    words = []
    for status, listed in spec["words"].items():
        if status not in CLAIM_STATUSES:
            raise VocabularyError(f"{where}.words: unknown status {status!r}")
        words.append((status, words_pattern(listed, f"table_status.words.{status}")))
    columns = frozenset(" ".join(str(c).lower().split()) for c in spec["columns"])
    if not columns or "" in columns:
        raise VocabularyError(f"{where}.columns must name at least one header")
    return TableStatus(columns, words_pattern(spec.get("skip"), "table_status.skip"), tuple(words))


def parse_vocabulary(data: dict) -> ClaimVocabulary:
    if not isinstance(data, dict) or not isinstance(data.get("triggers"), dict):
        raise VocabularyError(f"{TRIGGERS_FILE}: expected a 'triggers:' mapping of status -> patterns")
    triggers = []
    for status, spec in data["triggers"].items():
        if status not in CLAIM_STATUSES:
            raise VocabularyError(f"{TRIGGERS_FILE}: unknown status {status!r} (allowed: {', '.join(CLAIM_STATUSES)})")
        confidence = float(spec.get("confidence", 0.5))
        if not 0 < confidence <= 1:
            raise VocabularyError(f"{TRIGGERS_FILE}: {status}.confidence must be in (0, 1]")
        for entry in spec.get("patterns") or []:
            if isinstance(entry, str):
                entry = {"p": entry}
            if not isinstance(entry, dict) or set(entry) - {"p", *_TRIGGER_FLAGS}:
                raise VocabularyError(f"{TRIGGERS_FILE}: {status}: a pattern is a string or a mapping of p, "
                                      + ", ".join(_TRIGGER_FLAGS))
            flags = {name: bool(entry.get(name)) for name in _TRIGGER_FLAGS}
            source = entry.get("p")
            if flags["completes"] and status != "announced":
                raise VocabularyError(f"{TRIGGERS_FILE}: {status}: only an announced trigger can complete a joining")
            if flags["state"] and status != "signed":
                raise VocabularyError(f"{TRIGGERS_FILE}: {status}: only a signed trigger can describe a membership state")
            if flags["possessed"] and not (status == "candidate" and flags["noun"]):
                raise VocabularyError(f"{TRIGGERS_FILE}: {status}: only a candidate noun trigger can be possessed")
            if (flags["context_object"] or flags["speech_act"] or flags["about_joining"]) and status != "declined":
                raise VocabularyError(f"{TRIGGERS_FILE}: {status}: only a refusal can take the context's accord as "
                                      "its object, be a statement or be about a joining")
            if not isinstance(source, str) or not source.strip():
                raise VocabularyError(f"{TRIGGERS_FILE}: {status}: empty pattern")
            try:
                pattern = compile_trigger(source)
            except re.error as exc:
                raise VocabularyError(f"{TRIGGERS_FILE}: {status}: bad pattern {source!r}: {exc}") from exc
            triggers.append(Trigger(status, pattern, source, confidence, **flags))
    modality = data.get("modality") or {}
    confidences = {t.status: t.confidence for t in triggers}
    timeline_entry, timeline_triggers = _parse_timeline(data.get("timeline"), confidences)
    return ClaimVocabulary(
        triggers=tuple(triggers),
        negation=words_pattern(modality.get("negation"), "modality.negation"),
        refusal=words_pattern(modality.get("refusal"), "modality.refusal"),
        hedge=words_pattern(modality.get("hedge"), "modality.hedge"),
        future=words_pattern(modality.get("future"), "modality.future"),
        condition=words_pattern(modality.get("condition"), "modality.condition"),
        refutation=words_pattern(modality.get("refutation"), "modality.refutation"),
        spectator=words_pattern(modality.get("spectator"), "modality.spectator"),
        counterfactual_opener=_whole_text_pattern(modality.get("counterfactual_opener"), "modality.counterfactual_opener"),
        time_reference=_ending_pattern(modality.get("time_reference"), "modality.time_reference"),
        reporting_verb=words_pattern(data.get("reporting_verbs"), "reporting_verbs"),
        anonymous_speaker=words_pattern(data.get("anonymous_speakers"), "anonymous_speakers"),
        pronoun_speaker=words_pattern(data.get("pronoun_speakers"), "pronoun_speakers"),
        group_speaker=_optional(words_pattern, data, "group_speakers"),
        timeline_entry=timeline_entry,
        timeline_triggers=timeline_triggers,
        reporting_first_words=tuple(sorted({w.split()[0] for w in data["reporting_verbs"]})),
        non_answer=_optional(words_pattern, modality, "non_answer", "modality."),
        demand=_optional(words_pattern, modality, "demand", "modality."),
        attribution_tail_opener=_optional(_opening_pattern, data, "attribution_tail_openers"),
        non_accord_object=_optional(_object_pattern, modality, "non_accord_objects", "modality."),
        non_actor_noun=_optional(_following_pattern, modality, "non_actor_nouns", "modality."),
        organizer=_optional(_ending_pattern, modality, "organizer", "modality."),
        pending_governor=_optional(_governing_pattern, modality, "pending_governors", "modality."),
        table_columns=_parse_table_columns(data.get("table_columns")),
        table_status=_parse_table_status(data.get("table_status")),
        member_list_opener=_optional(words_pattern, data.get("member_lists") or {}, "openers", "member_lists."),
        member_list_excluded=_optional(words_pattern, data.get("member_lists") or {}, "not_members", "member_lists."),
        candidate_list_opener=_optional(words_pattern, data.get("member_lists") or {}, "candidate_openers", "member_lists."),
    )


@lru_cache(maxsize=1)
def claim_vocabulary() -> ClaimVocabulary:
    """The compiled vocabulary from the dictionaries folder (cached)."""
    path = DICTIONARIES_DIR / TRIGGERS_FILE
    return parse_vocabulary(load_yaml(path.read_text(encoding="utf-8")))


@lru_cache(maxsize=1)
def trigger_gate() -> KeywordGate:
    """Which triggers of :func:`claim_vocabulary` may match a sentence: the words each trigger
    pattern cannot match without (read off the pattern), in one Aho-Corasick automaton."""
    return KeywordGate.for_patterns([t.pattern for t in claim_vocabulary().triggers])


# A second requirement is used only when its shortest word has at least this many letters (short
# words such as "to" or "in" occur in nearly every sentence and would only slow the body scan down).
_SECOND_REQUIREMENT_MIN_LEN = 4


@lru_cache(maxsize=1)
def trigger_second_gate() -> KeywordGate:
    """A second word test for the triggers of :func:`claim_vocabulary`: a trigger may match a
    sentence only where both this gate and :func:`trigger_gate` let it through ("(?:will|would)
    not ... (?:join|sign|...)" needs "join" or "sign" besides "will" or "would"). A trigger with
    no second requirement always passes."""
    return KeywordGate([second_requirement(t.pattern, _SECOND_REQUIREMENT_MIN_LEN)
                        for t in claim_vocabulary().triggers])


def ordinal_value(text: str | None) -> int | None:
    if not text:
        return None
    text = text.lower()
    if text in ORDINALS:
        return ORDINALS[text]
    digits = re.match(r"\d+", text)
    return int(digits.group()) if digits else None
