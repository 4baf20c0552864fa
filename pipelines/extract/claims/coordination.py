"""Country slots in a sentence and how they group: coordinated lists, subjects, objects, followers.

The extractor masks every country mention (and resolved description) in the sentence text with
placeholder characters of the same length (``\\x02`` then ``\\x01``...), so trigger patterns can say
``{C}`` for "a country or a list of countries" while every offset still indexes the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipelines.extract.claims.status import COUNTRY_LIST
from pipelines.extract.model import direct_init

_SLOT = "\x02\x01*"
# a country's title and a person's name, then "and" or a comma (case-sensitive: capitalized words)
_TITLED_GAP = re.compile(
    r"\s+(?:(?:[A-Z][\w.'’-]*|bin|bint|ibn|al|el|al-[\w'’-]+|de|von|van)\s+){2,8}?(?:and\s+|,\s*(?:and\s+)?)(?:the\s+)?"
)
# (a parenthesis of its own between members: "Egypt (1979) and Jordan (1994)")
_LIST_GAP = re.compile(r"(?:\s*\([^()\x01\x02]{1,40}\))?"
                       r"(?:\s*,\s*(?:and\s+|&\s+|or\s+|nor\s+|as\s+well\s+as\s+)?|\s+(?:and|&|or|nor|as\s+well\s+as)\s+|\s*\(\s*|"
                       r"\s*\)\s*,?\s*)(?:the\s+)?")  # ("..., including Mauritania and Niger, as well as Oman")
# (", as a possible addition": a complement of the clause, not a clause of its own; "has since made clear" and
# "did not, however, bring": adverbs)
CLAUSE_BREAK = re.compile(
    # (a dash right after a country closes a list in apposition: "four Arab countries — A, B and C — agreed to ...")
    r";|:(?!\s*(?:the\s+)?\x02)|(?<![\x01\x02])\s[—–]\s(?!(?:the\s+)?\x02)"
    r"|(?<![\w])(?:but|while|whereas|although|though|which|who|because)(?![\w])|(?<![\w])(?<!,\s)however(?![\w])(?!\s*,)"
    r"|(?<![\w])(?<!has\s)(?<!have\s)(?<!had\s)(?<!ever\s)since(?![\w])"
    r"|,\s*(?:as(?!\s+an?\s)(?!\s+one\s+of\s)(?!\s+well\s+as\s)|after|before|when|where|and|so|yet|whose)(?![\w])(?!\s+(?:the\s+)?\x02)",
    re.IGNORECASE,
)
_OBJECT_INTRO = re.compile(
    r"(?:(?<![\w])with|(?<![\w])between(?:\s+(?:the\s+)?\x02\x01*\s+and)?|[:(—–]|(?<![\w])including|(?<![\w])namely|(?<![\w])such as)"
    r"\s*(?:the\s+)?$",
    re.IGNORECASE,
)
_FOLLOWERS = re.compile(rf"(?<![\w])(?:followed(?:\s+(?:(?:a|one|two|a few|several)\s+)?(?:hours?|days?|weeks?|months?|years?)\s+later|\s+(?:soon|shortly)(?:\s+after)?)?\s+by|then\s+by|joined\s+by|and\s+later|and\s+then|and\s+subsequently)\s+"
                        # ("followed by seven more in 2004: Bulgaria, Estonia, ...")
                        rf"(?:(?:\w+\s+)?(?:more|others|other\s+countries|countries)(?:\s+(?:in|on)\s+[\w ]{{1,20}}?)?\s*[:—–-]\s*)?"
                        rf"(?:the\s+)?(?P<C>{COUNTRY_LIST})", re.IGNORECASE)


def _list_after(opener: str) -> re.Pattern:
    """``opener`` (a regex of whole words) and then a list of countries, as group C."""
    return re.compile(rf"(?<![\w])(?:{opener})\s+(?:the\s+)?(?P<C>{COUNTRY_LIST})", re.IGNORECASE)


_COMPANIONS = _list_after(r"(?:together|along)\s+with|alongside")
# the same step on the same day, whatever it was ("applied in March 2022, on the same day as Moldova")
_SAME_DAY = _list_after(r"on\s+the\s+same\s+day\s+as|at\s+the\s+same\s+time\s+as")
# "..., the fourth country to join the accords, after the UAE, Bahrain and Sudan": those who came before
# (the countries themselves, not the subject of a clause: "..., after Turkey's parliament ratified its accession")
_PREDECESSORS = re.compile(rf"(?<=,\s)(?:following|after)\s+(?:the\s+)?(?P<C>{COUNTRY_LIST})"
                           r"(?=\s*(?:[,.;:)—–]|-\s|$)|\s+(?:in|on|during|by)\s)", re.IGNORECASE)
# "Sudan joins the UAE, Bahrain and Morocco in choosing a path of peace", "... as members of the accords": the
# ones joined are members already
_JOINED_MEMBERS = re.compile(
    rf"\s+(?:the\s+)?(?P<C>{COUNTRY_LIST}),?\s+(?:as\s+(?:[\w-]+\s+){{0,3}}?(?:members?|signatories|parties)|in\s+(?:the\s+)?(?:accords?|[a-z]+ing))(?![\w])",
    re.IGNORECASE,
)

# "Indonesia had become a full member of BRICS, joining Brazil, Russia, India, ...": the participle of a joining that
# names the members joined (not "joining Ireland and Norway in recognizing ...": company in another step)
_FELLOW_MEMBERS = re.compile(
    # ("..., joining 11 existing members including Japan, Canada, ...")
    rf"(?:,\s+joining|(?<=member)\s+alongside|(?<=members)\s+alongside)\s+(?:(?:the\s+)?(?:\d{{1,2}}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
    rf"(?:(?:existing|other|current|original|founding)\s+)?(?:members|countries|states|nations),?\s+"
    rf"(?:including|such\s+as|among\s+them)\s+)?(?:the\s+)?(?P<C>{COUNTRY_LIST})(?=\s*(?:[.;)—–]|,\s|-\s|$)|\s+as\s+(?:[\w-]+\s+)?members?(?![\w]))",
    re.IGNORECASE,
)


@direct_init
@dataclass(frozen=True)
class Slot:
    start: int  # sentence-relative
    end: int
    code: str
    text: str
    method: str  # 'mention' or 'coref'


def mask(text: str, slots: list[Slot]) -> str:
    chars = list(text)
    for slot in slots:
        chars[slot.start] = "\x02"
        for i in range(slot.start + 1, slot.end):
            chars[i] = "\x01"
    return "".join(chars)


def clause_bounds(masked: str, start: int, end: int, lo: int = 0, hi: int | None = None) -> tuple[int, int]:
    """The clause around [start, end): from the last clause break before it to the next one after."""
    hi = len(masked) if hi is None else hi
    clause_start, clause_end = lo, hi
    for m in CLAUSE_BREAK.finditer(masked, lo, hi):
        if m.end() <= start:
            clause_start = m.end()
        elif m.start() >= end:
            clause_end = m.start()
            break
    return clause_start, clause_end


# A non-restrictive clause opened right after a country (list): ", which joined the accords,", ", the first Gulf
# state to sign them,", ", a member of the accords,". Its event has a time of its own, not the main clause's.
_EMBEDDED_OPENING = re.compile(
    r"\x02\x01*\s*(?P<open>,)\s*(?:which|who|the|an?|both|all|one\s+of|once|formerly|previously|long)\s+(?!(?:the\s+)?\x02)[^,;:\x02]*$",
    re.IGNORECASE
)
_CLAUSE_CLOSE = re.compile(r"[,;]")
# a participle in apposition to an accord ("The framework, signed in 2020 by the UAE and Bahrain and later joined by
# Morocco and Sudan, gained its first new entrant earlier this month"): its dates are its own, not the main clause's
_PARTICIPLE_APPOSITION_OPEN = re.compile(
    r"(?:accords?|agreements?|treaty|treaties|declarations?|pact|deal|framework|alliance|bloc|union|group|grouping)"
    r"(?P<open>,)\s*(?:first\s+|originally\s+|initially\s+)?(?:signed|founded|formed|created|established|launched|"
    r"brokered|concluded)\s+[^,;:—–]*$", re.IGNORECASE)
# a non-restrictive relative clause opening after a trigger: its dates are its own
_RELATIVE_OPENING = re.compile(r",\s*(?:which|who|whose)(?![\w])"
                               # ", the US-brokered agreements under which ...": a gloss with a clause of its own
                               r"|,[^,;:]{0,60}?(?<![\w])(?:under|through|by|in|with)\s+which(?![\w])", re.IGNORECASE)
# the trigger inside a relative clause of any antecedent: "BRICS, whose original members are A, B, C and D, added
# E in 2010" (the date is the main clause's)
_RELATIVE_CLAUSE_OPEN = re.compile(r"(?P<open>,|[—–])\s*(?:which|who|whose)\s+[^,;:—–]*$", re.IGNORECASE)
# A coordinate clause with a subject of its own: "..., and Morocco joined later", "; Bahrain signed ..."
_OWN_SUBJECT_COORDINATE = re.compile(
    r"(?:,\s*(?:and|but|while|whereas)|;)\s+(?:the\s+)?(?=\x02)"
    # a coordinate predicate with a tense of its own ("had relations with Israel from 1999 to 2010 and is cited as ...")
    r"|,?\s+(?:and|but)\s+(?=(?:is|are|was|were|has|have|had|will|would|could|may|might|remains?)\s)",
    re.IGNORECASE,
)


@direct_init
@dataclass(frozen=True)
class DateScope:
    """Where in a sentence (sentence-relative) a date may date a trigger: inside [lo, hi), or fronted
    before the sentence's first country ("In 2020, the UAE joined ..., and Bahrain signed ...")."""
    lo: int
    hi: int
    fronted_end: int
    embedded: bool = False  # the trigger stands in a non-restrictive clause: background to the sentence
    holes: tuple[tuple[int, int], ...] = ()  # relative clauses of their own before the trigger

    def admits(self, start: int, end: int) -> bool:
        if any(lo <= start < hi for lo, hi in self.holes):
            return False
        return (self.lo <= start and end <= self.hi) or end <= self.fronted_end


def date_scope(masked: str, start: int, end: int) -> DateScope:
    """The part of the sentence whose dates belong to the trigger at [start, end): the non-restrictive
    clause it stands in ("Morocco, which joined the accords, hosted the forum in 2023": not 2023), else
    its own coordinate clause ("The UAE joined in 2020, and Morocco joined later": not 2020 for Morocco)."""
    if masked.startswith(",", start):  # the trigger opens the clause (", a member of the accords,")
        opening = start
    else:
        embedded = _EMBEDDED_OPENING.search(masked, 0, start) or _RELATIVE_CLAUSE_OPEN.search(masked, 0, start) \
            or _PARTICIPLE_APPOSITION_OPEN.search(masked, 0, start)
        opening = embedded.start("open") if embedded else None
    if opening is not None:
        close = _CLAUSE_CLOSE.search(masked, end)
        return DateScope(opening, close.start() if close else len(masked), -1, True)
    lo, hi = 0, len(masked)
    relative = _RELATIVE_OPENING.search(masked, end)
    if relative:  # "the original signatories - A, B, along with C, which signed a declaration in 2021": C's date
        hi = relative.start()
    for m in _OWN_SUBJECT_COORDINATE.finditer(masked):
        if m.end() <= start:
            lo = m.start()
        elif m.start() >= end:
            hi = min(hi, m.start())
            break
    first = masked.find("\x02")
    # "Mauritania, which had full relations with Israel until 2010, is an obvious candidate": 2010 is the relative
    # clause's
    holes = tuple((m.start(), close.start()) for m in _RELATIVE_OPENING.finditer(masked, 0, start)
                  if (close := _CLAUSE_CLOSE.search(masked, m.end())) is not None and close.start() <= start)
    return DateScope(lo, hi, masked.rfind(",", 0, first) if first > 0 else -1, holes=holes)


def slots_in(slots: list[Slot], start: int, end: int) -> list[Slot]:
    return [s for s in slots if s.start >= start and s.end <= end]


def _list_gap(gap: str) -> bool:
    """Whether ``gap`` between two countries joins them in one list ("A, B and C"), also when each is
    the title of a person ("UAE Foreign Minister Abdullah bin Zayed and Bahraini Foreign Minister ...")."""
    return _LIST_GAP.fullmatch(gap) is not None or _TITLED_GAP.fullmatch(gap) is not None


def group_around(slots: list[Slot], anchor: Slot, masked: str) -> list[Slot]:
    """The coordinated list ("A, B, and C", "(A, B)") that contains ``anchor``."""
    ordered = sorted(slots, key=lambda s: s.start)
    i = ordered.index(anchor)
    lo = hi = i
    # (slots on one span are one group: "they" standing for a list)
    while lo > 0 and (ordered[lo - 1].start == ordered[lo].start
                      or _list_gap(masked[ordered[lo - 1].end:ordered[lo].start])):
        lo -= 1
    while hi + 1 < len(ordered) and (ordered[hi + 1].start == ordered[hi].start
                                     or _list_gap(masked[ordered[hi].end:ordered[hi + 1].start])):
        hi += 1
    return ordered[lo:hi + 1]


# (not "along with" / "together with": a coordination)
_WITH_BEFORE = re.compile(
    r"(?<![\w])(?:(?<!along\s)(?<!together\s)with|between|between\s+(?:the\s+)?\x02\x01*\s+and)\s+(?:the\s+)?$", re.IGNORECASE
)


def after_with(masked: str, slot: Slot) -> bool:
    """The slot is the object of "with" / "between" (a partner, not the subject)."""
    return bool(_WITH_BEFORE.search(masked[max(0, slot.start - 60):slot.start]))


# "Finland, which joined ..." / "Oman, which sent its ambassador, was ...": the clause opens with a
# relative pronoun right after a country (list): that list is the clause's subject.
_PREPOSITION_BEFORE = re.compile(r"(?<![\w])(?:to|of|for|from|toward|towards|against|on|by)\s+(?:the\s+)?$", re.IGNORECASE)
# a route: "flights from Israel to Saudi Arabia could follow" (the flights follow, not Saudi Arabia)
_TO_OR_FROM_BEFORE = re.compile(r"(?<![\w])from\s+\x02\x01*\s+to\s+(?:the\s+)?$", re.IGNORECASE)
# a place: "held the first conferences with Ukraine and Moldova in Luxembourg, formally opening accession
# negotiations" (the venue opens nothing)
_LOCATIVE_BEFORE = re.compile(r"(?<![\w])(?:in|at)\s+(?:the\s+)?$", re.IGNORECASE)
# the state an envoy is posted to: "One former ambassador to China said that refusing to sign was the only option"
_ENVOY_TO_BEFORE = re.compile(r"(?<![\w])(?:ambassadors?|envoys?|embass(?:y|ies)|consuls?|consulates?|missions?|"
                              r"delegations?|representatives?|correspondents?)\s+(?:to|in|at)\s+(?:the\s+)?$", re.IGNORECASE)
_THAT = re.compile(r"(?<![\w])that(?![\w])", re.IGNORECASE)
# (or a dash: "Jordan—which signed a peace treaty with Israel in 1994—recalled its ambassador")
_RELATIVE_ANTECEDENT = re.compile(r"\x02\x01*\s*(?:,|[—–]|\s-)\s*(?:which|who|whose)$", re.IGNORECASE)


# a possessor inside a predicate, then a second predicate with the subject unsaid ("... after Russia's invasion in early
# 2022 and were granted candidate status")
_POSSESSOR_BEFORE_COORDINATE = re.compile(r"(?:'s|’s)\s[^,;:\x01\x02]*?\s(?:and|but)\s+(?:(?:was|were|is|are|has|have|had|been)\s+)*$",
                                          re.IGNORECASE)
_PREPOSITION_OF_POSSESSOR = re.compile(r"(?<![\w])(?:after|before|since|of|with|by|on|in|to|from|during|following|amid|"
                                       r"despite|over|against)\s+$", re.IGNORECASE)
# a subordinate clause with a pronoun subject right before the trigger ("... before it joins", "..., and they signed")
_PRONOUN_SUBJECT_AT_END = re.compile(
    r"(?<![\w])(?:before|until|after|once|when|while|because|since|as|and|but)\s+(?:it|they|he|she)\s+"
    r"(?:(?:has|had|have|was|is|were|are|formally|officially|finally|then|also|only|already|eventually)\s+)*$",
    re.IGNORECASE)


# a participle in apposition to a country, with its agent: "Saudi Arabia, named by Moscow as ..., says ..."
_BY_IN_APPOSITIVE = re.compile(r"\x02\x01*\s*,\s+(?:\w+ed|seen|known|chosen|given|taken|shown)\s+by\s+(?:the\s+)?$",
                               re.IGNORECASE)
# a bare comma or ", and" between the last two of two countries: no list but a boundary ("under the chairmanship of
# India, the Islamic Republic of Iran joined", "at the same time as Albania, and Croatia entered the EU")
_NO_LIST_END = re.compile(r"\s*,\s*(?:and\s+)?(?:the\s+)?")
_LIST_END_WORD = re.compile(r"(?<![\w])(?:and|or)(?![\w])|&", re.IGNORECASE)


def _subject_part(group: list[Slot], masked: str) -> list[Slot]:
    """The subject inside a group of countries before a trigger: only the last country when a bare comma ends the group
    after a prepositional object ("of India, the Islamic Republic of Iran joined") or ", and" joins just two ("Albania,
    and Croatia entered"): neither is a list."""
    if len(group) < 2:
        return group
    last_gap = masked[group[-2].end:group[-1].start]
    if not _NO_LIST_END.fullmatch(last_gap):
        return group
    bare = _LIST_END_WORD.search(last_gap) is None
    if (bare and _PREPOSITION_BEFORE.search(masked, max(0, group[0].start - 20), group[0].start)) \
            or (not bare and len(group) == 2):
        return group[-1:]
    return group


def subject_group(slots: list[Slot], masked: str, trigger_start: int, clause_start: int,
                  skip: frozenset[str] = frozenset()) -> list[Slot]:
    """The antecedent when the trigger's clause opens with a relative pronoun ("Finland, which joined
    ...", "Oman, which sent its envoy, was named ..."); else the countries right before the trigger
    in its clause (not objects of "with"/"between"). A group made only of
    ``skip`` countries (broker/counterparty) that is the addressee of a "that" clause ("Saudi Arabia
    has informed the US that there will be no ...") is passed over for the one before it."""
    m = _RELATIVE_ANTECEDENT.search(masked, 0, clause_start)
    that = _THAT.search(masked, clause_start, trigger_start)
    if m and that and any(that.end() <= s.start and s.end <= trigger_start for s in slots):
        m = None  # "Brazil, which holds the chair, announced that Indonesia had become a member": the "that" clause's
        # own subject, not the relative clause's antecedent
    if m:
        antecedent = [s for s in slots if s.start == m.start()]
        if antecedent and not after_with(masked, antecedent[0]):
            return group_around([s for s in slots if s.end <= m.start() + len(antecedent[0].text)], antecedent[0], masked)
    before = [s for s in slots if s.end <= trigger_start and s.start >= clause_start]
    while before:
        nearest = max(before, key=lambda s: s.end)
        gap = masked[nearest.end:trigger_start]
        if (" it " in gap or " they " in gap or " he " in gap or " she " in gap) and _PRONOUN_SUBJECT_AT_END.search(gap):
            return []  # "Sweden must wait until Hungary ratifies before it joins NATO": "it", not Hungary, joins
        if gap[:1] in ("'", "’") and _POSSESSOR_BEFORE_COORDINATE.match(gap) \
                and _PREPOSITION_OF_POSSESSOR.search(masked, max(0, nearest.start - 20), nearest.start):
            # "they applied days after Russia's invasion in early 2022 and were granted candidate status": the possessor
            # in the first predicate is not the subject of the second
            before = [s for s in before if s.end <= nearest.start]
            continue
        group = _subject_part(group_around(before, nearest, masked), masked)
        if len(group) > 1 and _LOCATIVE_BEFORE.search(masked, max(0, group[0].start - 10), group[0].start) \
                and masked[group[0].end:group[1].start].strip() == ",":
            group = group[1:]  # "On 25 June in Luxembourg, Ukraine held its first intergovernmental conference": a
            # fronted place, then the subject - no list
        if _BY_IN_APPOSITIVE.search(masked, max(0, group[0].start - 40), group[0].start) \
                and "," in masked[group[-1].end:trigger_start]:
            # "Saudi Arabia, named by Moscow as a new member, says it is still weighing ...": the agent inside an
            # appositive is not the subject
            before = [s for s in before if s not in group]
            continue
        only_skipped = all(s.code in skip for s in group)
        addressee = only_skipped and _THAT.search(masked, group[-1].end, trigger_start)
        # "Azerbaijan, another former Soviet republic with close ties to Israel, as a possible addition", "direct
        # flights for Muslim pilgrims from Israel to Saudi Arabia could follow": the object of a preposition
        complement = (_PREPOSITION_BEFORE if only_skipped else _TO_OR_FROM_BEFORE).search(
            masked, max(0, group[0].start - 20), group[0].start) \
            or (not only_skipped and _ENVOY_TO_BEFORE.search(masked, max(0, group[0].start - 30), group[0].start))
        if not only_skipped and _LOCATIVE_BEFORE.search(masked, max(0, group[0].start - 10), group[0].start) \
                and masked[group[-1].end:group[-1].end + 1] in (",", ";"):
            before = [s for s in before if s not in group]  # a venue closing a clause or an aside is no subject
            continue
        if not after_with(masked, group[0]) and not addressee and not complement:
            return group
        before = [s for s in before if s not in group]
    return []


def object_group(slots: list[Slot], masked: str, trigger_end: int, clause_end: int,
                 skip: frozenset[str] = frozenset()) -> list[Slot]:
    """Countries after the trigger introduced by "with", "between", a colon, dash or parenthesis; a group made
    only of ``skip`` countries (the counterparty: "normalized relations with Israel in 2020 — the UAE, Bahrain,
    ...") is passed over for the next one."""
    after = sorted((s for s in slots if s.start >= trigger_end and s.end <= clause_end), key=lambda s: s.start)
    passed: set[int] = set()
    for slot in after:
        if id(slot) in passed:
            continue
        gap = masked[trigger_end:slot.start]
        if len(gap) <= 80 and _OBJECT_INTRO.search(gap):
            group = group_around(after, slot, masked)
            if not skip or any(s.code not in skip for s in group):
                return group
            passed.update(id(s) for s in group)
    return []


def joined_members(slots: list[Slot], masked: str, verb_end: int) -> list[Slot]:
    """Countries right after a "join" verb that the subject joins as fellow members ("Sudan joins the UAE,
    Bahrain and Morocco in choosing peace")."""
    m = _JOINED_MEMBERS.match(masked, verb_end)
    if not m:
        return []
    return [s for s in slots if s.start >= m.start("C") and s.end <= m.end("C")]


def fellow_members(slots: list[Slot], masked: str, start: int, reach: int) -> list[Slot]:
    """Countries named by ", joining A, B and C" that opens within ``reach`` characters of ``start`` (a joining's
    end): the members the subject joined."""
    m = _FELLOW_MEMBERS.search(masked, start)
    if not m or m.start() > start + reach:
        return []
    return [s for s in slots if s.start >= m.start("C") and s.end <= m.end("C")]


def companions(slots: list[Slot], masked: str, start: int, end: int, same_day: bool = False,
               reach: int | None = None) -> list[Slot]:
    """Countries introduced by "together with" / "along with" / "alongside" in masked[start:end], who took the step
    at the same time ("Estonia, which joined the alliance together with Latvia and Lithuania in 2004"); with
    ``same_day``, those introduced by "on the same day as" (any step: "applied ..., on the same day as Moldova")."""
    m = (_SAME_DAY if same_day else _COMPANIONS).search(masked, start, end)
    if not m or (reach is not None and m.start() > start + reach):
        return []  # (``reach``: the phrase must open that close to ``start``)
    return [s for s in slots if s.start >= m.start("C") and s.end <= m.end("C")]


def followers(slots: list[Slot], masked: str, start: int, end: int, predecessors: bool = False) -> list[Slot]:
    """Countries introduced by "followed by" / "joined by" in masked[start:end]; with ``predecessors``,
    those introduced by ", following" / ", after" (who came before)."""
    m = (_PREDECESSORS if predecessors else _FOLLOWERS).search(masked, start, end)
    if not m:
        return []
    return [s for s in slots if s.start >= m.start("C") and s.end <= m.end("C")]
