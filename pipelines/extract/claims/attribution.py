"""Who makes a claim: the speaker of reported speech, or the outlet itself ('article').

Per sentence: "X announced that ...", "X said ...", "according to X", "..., X wrote on Truth Social.",
anonymous sources, pronouns and generic speakers ("he said", "the statement noted") resolved to the
most recent speaker. Quotations that run over several sentences or paragraphs take the speaker
named in the sentence that closes them ('..., the US president wrote.') or the one that opens them
('Trump said: "...').
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property, lru_cache

from pipelines.extract.claims.coreference import antecedent, descriptors, listed_mentions
from pipelines.extract.claims.status import claim_vocabulary
from pipelines.extract.gazetteer import load_role_titles
from pipelines.extract.literal_gate import KeywordGate, anchored_finditer
from pipelines.extract.model import ArticleText, Mention, direct_init

ARTICLE = "article"
ANONYMOUS = "anonymous sources"
_SPEAKER_TYPES = ("person", "organization", "country")
_CLAUSE_PUNCT = re.compile(r"[,;:\"“”]")
# "..., days after Kazakhstan announced it would enter the accords.": a subordinate clause, not the
# sentence's attribution.
# "..., the Trump-era agreements that the Biden administration has embraced and says it wants to expand": a relative
# clause's verb, no trailing speaker of the sentence
_RELATIVE_PRONOUN = re.compile(r"(?<![\w])(?:that|which|whom)(?![\w])", re.IGNORECASE)
_SUBORDINATE = re.compile(r"(?<![\w])(?:after|before|when|while|since|because|until|although|though|if|once)(?![\w])", re.I)
# "..., but the government has said ...", "..., and officials said relations remained stable": a clause of
# its own, not a trailing attribution
_CONTRAST_OPENING = re.compile(r"\s*(?:but|yet|and)(?![\w])", re.I)
# a leading attribution in a coordinate clause ("..., and Israeli officials said ...")
_NEITHER = re.compile(r"(?<![\w])neither(?![\w])", re.IGNORECASE)
# a coordinate clause that may open with a second speaker: "..., as Donald Trump says ...", "..., while Oman said ..."
# (or a time clause: "..., hours after Kazakhstan's government said the talks had reached their final stage")
_SECOND_CLAUSE = re.compile(r",\s+(?:as|while|whereas|but|and|even\s+as|though|although|(?:(?:hours|days|weeks|minutes|"
                            r"moments|a\s+day|a\s+week|shortly|soon|just|only)\s+)?(?:after|before|since|when))\s+",
                            re.IGNORECASE)
# where a coordinate clause opens: ", and" / ", but" / ";" (also after a closing quotation mark: '"communists," and')
_COORDINATE_OPENING = re.compile(r"(?:[,;][\"”’']?\s+(?:and|but|while|whereas)|;)\s+", re.IGNORECASE)
_COORDINATE_BEFORE = re.compile(r"(?:,\s*(?:and|but|while|whereas)|;)\s*$", re.IGNORECASE)
# a non-restrictive relative clause between a speaker and the verb: ", who is seeking re-election,"
_RELATIVE_OPENER = re.compile(r"\s*(?:who|which)(?![\w])", re.IGNORECASE)
# "a ceremony that Trump declared ...": the speaker of a relative clause
_RELATIVE_BEFORE = re.compile(r"(?<=\w)\s+(?:that|which|whom)\s+(?:(?-i:[A-Z])[\w.'’-]*\s+){0,4}$", re.I)
# "Indonesia is periodically reported to be close": a passive reporting verb
_PASSIVE_BEFORE = re.compile(r"(?<![\w])(?:is|are|was|were|been|being)\s+(?:\w+ly\s+)?$", re.I)
# a one-word opener that is a sentence adverb ("Officially, Jakarta says no ties until ...")
_SENTENCE_ADVERB = re.compile(r"\s*(?:\w+ly|meanwhile|however|still|now|also|again|earlier|later|separately|instead|"
                              r"yet|then|today|yesterday|privately|publicly)\s*", re.I)
# a government body named without its country ("the Foreign Office said")
_GOVERNMENT_BODY = re.compile(
    r"(?<![\w])the\s+(?:foreign\s+(?:office|ministry)|ministry(?:\s+of\s+foreign\s+affairs)?|presidency|"
    r"presidential\s+(?:office|press\s+service|administration)|cabinet|government|royal\s+court)(?![\w])", re.I)
# "in a deal announced by Trump": a passive participle
# a wire dateline's credit: "RIYADH, Feb 7 (KUNA) --", "WASHINGTON (AP) —", "KYIV, Ukraine (Reuters) -"
DATELINE_AGENCY = re.compile(r"[^()]{0,60}?\([A-Z][\w.&'/ -]{0,40}\)\s*(?:--|-|—|–)\s*")
_PASSIVE_AGENT = re.compile(r"\s+by(?![\w])", re.I)
# a sentence adverb between commas after a speaker ("Saudi officials, however, have said ...")
_PARENTHETICAL = re.compile(r"\s*,\s*(?:however|meanwhile|though|too|also|in turn|for (?:its|their|his|her) part|in response|"
                            # "Trump, speaking to reporters at the White House, said": a participle about the speaker
                            r"(?:speaking|talking|writing|addressing|responding|appearing|asked)\s[^,;\"“”]{0,80}),\s*", re.I)
# "has said nothing", "said little": a reporting verb without a statement
_SAID_NOTHING = re.compile(r"\s+(?:nothing|little|none|no more)(?![\w])", re.I)
_ACCORDING_TO = re.compile(r"(?<![\w])according\s+to\s+", re.I)
# A wire quoting someone: "the agency quoted Foreign Minister X as saying (that) ...", "X was quoted (by the
# agency) as saying ...": the person quoted speaks, not the outlet that quotes them
_QUOTED_AS_SAYING = re.compile(
    r"(?<![\w])(?P<passive>(?:was|were|is|are|has\s+been|have\s+been)\s+)?quoted\s+"
    r"(?P<who>(?:by\s+)?[^,;:\"“”]{1,80}?\s+)?as\s+(?:saying|telling\s+[^,;:\"“”]{1,40}?|stating)"
    r"(?:\s+(?:on|in|at|during)\s+[^,;:\"“”]{1,40}?)?(?:,\s*|\s+that\s+|\s+|(?=\s*[\"“]))", re.I)
# a participle of saying after the main clause: "Alberto Fernández accepted the invitation at once, saying Argentina
# would join the group" - the main clause's subject says it
_SAYING_WORDS = ("saying", "adding", "stating", "declaring", "insisting", "noting", "arguing", "stressing")
_SAYING_PARTICIPLE = re.compile(rf",\s+(?:{'|'.join(_SAYING_WORDS)})\s+(?:that\s+)?", re.IGNORECASE)
_OPENING_COUNTRY = re.compile(r"\s*(?:the\s+)?", re.IGNORECASE)  # a country speaks only as the sentence's first words
_MAX_SUBJECT_CHARS = 60  # where the main clause's subject may stand: its first characters
_ACCORDING, _REPORTING, _QUOTED, _SAYING = 1, 2, 4, 8  # bits of the attribution gate
# pronoun speakers that stand for a body, not a person
_BODY_PRONOUNS = frozenset({"the ministry", "the foreign ministry", "the government", "the office"})


@dataclass(frozen=True)
class _RoleTitles:
    pattern: re.Pattern  # "the" + a singular title of role_titles.yaml, as a speaker phrase
    roles: dict[str, str]  # lowercased title -> role
    after_country: re.Pattern  # right after a country that ends a speaker phrase: "Kazakhstan's president"
    before_country: re.Pattern  # right before one: "the President of Kazakhstan"


@lru_cache(maxsize=1)
def _role_titles() -> _RoleTitles:
    titles = [t for t in load_role_titles()[0] if not t.plural]
    roles = {t.surface.lower(): t.role for t in titles}
    alternation = "|".join(re.escape(s).replace(r"\ ", r"\s+") for s in sorted(roles, key=len, reverse=True))
    # "the crown prince said", "the president has repeatedly said" (auxiliaries and adverbs before the verb)
    auxiliaries = r"(?:\s+(?:has|have|had|also|again|\w+ly))*\s*"
    return _RoleTitles(re.compile(rf"(?<![\w])the\s+(?:[A-Z][\w-]+\s+)?({alternation}){auxiliaries}$", re.IGNORECASE),
                       roles,
                       re.compile(rf"(?:'s|’s)\s+({alternation}){auxiliaries}", re.IGNORECASE),
                       re.compile(rf"(?<![\w])(?:the\s+)?({alternation})\s+of\s+(?:the\s+)?$", re.IGNORECASE))


@lru_cache(maxsize=1)
def _attribution_gate() -> KeywordGate:
    """Where an attribution can start: "according" (of :data:`_ACCORDING_TO`) and the first word
    of each reporting verb phrase, as whole words. A sentence with neither has no attribution."""
    return KeywordGate([["according"], list(claim_vocabulary().reporting_first_words), ["quoted"], list(_SAYING_WORDS)],
                       whole_words=True)
_THAT_WORD = re.compile(r"\bthat\b")
_COMMA_AT_END = re.compile(r",\s*$")
# a country's press as a speaker: "Israeli media", "US media outlets", "the Israeli press"
_MEDIA_AFTER = re.compile(r"\s+(?:media(?:\s+outlets|\s+reports)?|press|newspapers|news\s+outlets|broadcasters|officials|"
                          r"(?P<group>lawmakers|legislators|MPs|parliamentarians|senators))(?![\w])",
                          re.IGNORECASE)
# a parliamentary record's speaker line: "Lord Henley (Con)", "Baroness Worthington (Lab)", "Lord Lawson of Blaby (Con)",
# "The Parliamentary Under-Secretary of State, Department for ... (Lord Henley) (Con)"
_STANDALONE_LABEL = re.compile(
    r"(?:The\s+[^()\n]{3,160}?\s+\((?P<inner>(?:Lord|Baroness|Lady|Earl|Viscount|Sir|Dame|Mr|Mrs|Ms|Dr)\s+[^()\n]{2,60})\)"
    r"|(?P<name>(?:Lord|Baroness|Lady|Earl|Viscount|Sir|Dame|Mr|Mrs|Ms|Dr)\s+[A-Z][\w'’-]+(?:\s+(?:of\s+)?[A-Z][\w'’-]+){0,3}))"
    r"\s+\((?:Con|Lab|LD|CB|GP|DUP|SNP|Non-Afl|Ind|Bp|UUP|PC|SDLP|Alliance|Green|Reform|Lab/Co-op)\)")
_OPENING_REACH = 40  # characters from a sentence's start where its subject may stand ("Syrian President Ahmed al-Sharaa")
# a speaker's name that is a person's (two to four capitalized words, not a body: "Aidos Sarsenbayev")
_PERSON_NAME = re.compile(r"(?!.*\b(?:The|Ministry|Government|Office|Department|Council|Prime|President|Minister|Secretary|"
                          r"Foreign|Spokesperson|Spokesman|Ambassador|Chancellor|King|Emir|Crown|General|Commission)\b)"
                          r"[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+){1,3}")
_PERSONLESS_REACH = 3  # sentences without a person passed over back to the one whose subject "he" is
# a long title before the name ("Minister of Housing, Urban Renewal, Environment and Climate Change Pearnel Charles")
_TITLE_RUN = re.compile(r"(?:(?:[A-Z][\w'’.-]*|of|and|for|the|&),?\s+)+")
_BULLET = re.compile(r"\s*(?:[-–—•*]\s+)?")  # a list item's mark before its opening name
# an appositive that is a membership gloss ("Turkey, a NATO member since 1952, ..."): the outlet's, read as before
_MEMBER_GLOSS = re.compile(r"\s*(?:a|an|the|one\s+of\s+the)\s+(?:[\w-]+\s+){0,3}?(?:founding\s+)?(?:members?|signator(?:y|ies)|part(?:y|ies))(?![\w])",
                           re.IGNORECASE)
# an appositive closed before an auxiliary: "Saudi Arabia, one of ... supporters of ..., has repeatedly said"
_COMMA_AUXILIARY_AT_END = re.compile(r",\s*(?:(?:has|have|had|also|again|repeatedly|\w+ly)\s+){1,3}$", re.IGNORECASE)
# An auxiliary in a trailing attribution's tail means the tail reports a clause of its own ("..., Trump said
# on Thursday Kazakhstan would join"), so it is not a long trailing tail.
_AUXILIARY = re.compile(r"\b(?:will|would|has|have|had|is|are|was|were|could|can|may|might|shall|should|must|did|does)\b", re.I)
# A trailing attribution's speaker phrase has at most this many words ("..., the Ministry of Foreign Affairs of
# the Republic of Kazakhstan said.")
_MAX_TRAILING_SPEAKER_WORDS = 20  # "..., HE the Assistant Foreign Minister and Official Spokesperson of the
# Ministry of Foreign Affairs Lolwah Rashid al-Khater has said."
# The main clause before a long trailing tail has at least this many words (a short one is an opener:
# "On Thursday, Trump said ...").
_MIN_MAIN_CLAUSE_WORDS = 4
# "After the dinner with Central Asian leaders, Trump said ...": an opener of at most this many words
_MAX_INTRODUCTORY_WORDS = 7
_THAT_OR_COLON = re.compile(r"\s*(?:that\b|:)")
# a negated reporting verb: "has never formally confirmed", "did not say", "would not confirm"
_NEGATED_VERB = re.compile(r"(?<![\w])(?:never|not|n[’']t|no longer)\s+(?:\w+ly\s+)?(?:(?:yet|been|be|publicly)\s+)?$",
                           re.IGNORECASE)
# '..., Hultqvist said.': a trailing speaker phrase that is only a capitalized name the entity stage does not know
_NAME_ONLY = re.compile(r"\s*((?:(?:Mr|Mrs|Ms|Dr|Prof)\.\s+)?[A-Z][^\W\d_][\w'’-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s*")
_NOT_A_NAME = frozenset("""he she it they we i you this that these those the a an officials sources analysts critics
diplomats experts observers reports media others some many most both all none
monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
january february march july august september october november december""".split())
# (weekdays and the months that are no first names: "The Foreign Office on Friday confirmed ..." has no speaker "Friday")


def _unknown_name(text: str, start: int, end: int) -> tuple["Speaker", int, int] | None:
    """A speaker phrase text[start:end] that is only a capitalized name ("Hultqvist", "Mr. Okafor") not
    among the article's entities: that name speaks (not the outlet, not an earlier speaker)."""
    m = _NAME_ONLY.fullmatch(text, start, end)
    if m is None or any(word.lower().rstrip(".") in _NOT_A_NAME for word in m.group(1).split()):
        return None
    return Speaker(m.group(1), None), m.start(1), m.end(1)


# between a country adjective and the name it qualifies: lower-case role words only ("Saudi state broadcaster Al
# Ekhbariya"), not a list ("India and China")
_ROLE_GAP = re.compile(r"\s+(?!(?:and|or|nor)\s)(?:[a-z][\w-]*\s+){1,3}")
# a leading speaker phrase that ends with a name the entity stage does not know, after a lower-case role
# ("State broadcaster Al Ekhbariya reported", "spokesman John Kirby said") or of two names or more
_LEADING_NAME = re.compile(r"(?:(?<=[a-z] )|(?<=^))((?:[A-Z][^\W\d_][\w'’-]*\s+){0,3}[A-Z][^\W\d_][\w'’-]*)\s*$")


_BODY_OF_BEFORE = re.compile(r"(?<![\w])((?:Ministry|Department|Office|Council|Commission|Secretariat|Bureau|Agency)\s+(?:of|for)\s+"
                             r"(?:the\s+)?)$")


def _unknown_leading_name(text: str, start: int, end: int) -> tuple["Speaker", int, int] | None:
    m = _LEADING_NAME.search(text, start, end)
    if m is None:
        return None
    words = m.group(1).split()
    if any(w.lower() in _NOT_A_NAME for w in words):
        return None
    body = _BODY_OF_BEFORE.search(text, start, m.start(1))
    if body is not None:
        # "the Ministry of Foreign Affairs confirmed": the body, named whole, not "Foreign Affairs"
        return Speaker(text[body.start(1):m.end(1)], None), body.start(1), m.end(1)
    if len(words) < 2 and m.start(1) == start:
        return None  # one capitalized word opening the clause may be anything ("Officials said", "Israel's")
    return Speaker(m.group(1), None), m.start(1), m.end(1)


@direct_init
@dataclass(frozen=True)
class Speaker:
    name: str
    entity_id: str | None


# A transcript's speaker label opening a paragraph: "MR MILLER:", "MR. SPOKESPERSON:", "RACHEL MENDES (HOST):",
# "QUESTION:", "Q:" (capitals, at most four words, an optional role in parentheses).
# a broadcast transcript's time code before the label: "[21:04:46] MARCHENKO:", "(00:12:05) HOST:", "21:04 HOST:"
_TIME_CODE = r"(?:\[\d{1,2}:\d{2}(?::\d{2})?\]\s*|\(\d{1,2}:\d{2}(?::\d{2})?\)\s*|\d{1,2}:\d{2}(?::\d{2})?\s+)?"
_SPEAKER_LABEL = re.compile(r"\s*" + _TIME_CODE + r"((?:[A-Z][A-Z.'’-]*)(?: [A-Z][A-Z.'’-]*){0,3})(?: \([A-Za-z ]{2,20}\))?:\s")
# a capitalized name as a transcript label ("Rehn: There was no deal."), counted only for a person of the article
_NAME_LABEL = re.compile(r"\s*" + _TIME_CODE + r"((?:[A-Z][a-z][\w'’-]*)(?: [A-Z][a-z][\w'’-]*){0,2}):\s")
# a named turn of a parliamentary record, a podcast or a briefing: "Hon. Mélanie Joly (Minister of Foreign Affairs,
# Lib.):", "Andrew Schwartz:", "A. Smadiyarov:", "MK Ahmad Tibi (Joint List):", "Question (Reuters):" (a label counts only
# when the page repeats it, or as a question)
# (a parliament's verbatim report: "Ursula von der Leyen, President of the Commission. – ...", "Balázs Hidvéghi (NI). –")
_TITLED_NAME_LABEL = re.compile(r"\s*" + _TIME_CODE + r"((?:(?:Hon|Mr|Ms|Mrs|Dr|MK|Sen|Rep|Amb)\.?\s+)?(?:[A-Z]\.\s*)?[A-Z][\w'’-]+"
                                r"(?:\s+(?:(?:von|van|der|den|de|da|del|di|du|al|el|bin|ibn|la|le)\s+)*[A-Z][\w'’-]+){0,4})"
                                r"(?:\s+\([^()\n]{1,80}\))?(?:,\s+[^.:\n–—()]{2,80})?(?::|\.\s+[–—])\s")
# a speaker phrase that opens with a post, a map or a rumour ("A map shared thousands of times on social media claims")
_POST_SUBJECT = re.compile(r"\s*(?:(?:a|an|the|one|several|many|some|these|those|viral|other)\s+)*(?:[\w-]+\s+)?"
                           r"((?:maps?|posts?|graphics?|images?|videos?|memes?|tweets?|messages?|screenshots?|rumou?rs?|"
                           r"headlines?|captions?|infographics?)(?![\w]))", re.IGNORECASE)
_ENVOY_POSTED_TO = re.compile(r"(?<![\w])(?:ambassadors?|envoys?|consuls?)\s+(?:to|in)\s+(?:the\s+)?$", re.IGNORECASE)
# a capitalized name after a pronoun speaker's words, in the same speaker phrase
# (not a body's own name after "of": "the Ministry of Foreign Affairs")
_NAME_AFTER = re.compile(r"(?<!\sof)(?<!\sfor)(?<!\sthe)(?<!\sand)\s[A-ZÀ-Ý][\w'’-]+\s+[A-ZÀ-Ý][\w'’-]+")
_INITIALS = re.compile(r"[A-Z]{2,3}")  # a label of a speaker's initials ("NS", "DP")
_FIRST_PERSON = re.compile(r"(?<![\w’'])(?:I|we|We|our|Our|us)(?![\w’'])")
_HONORIFIC = re.compile(r"^(?:MR|MS|MRS|DR|AMB|SEN|REP|HON|MK)\.?\s+", re.IGNORECASE)
# labels that a page repeats without being a speaker (captions, links, datelines are places)
_NOT_SPEAKER_LABELS = frozenset({"SOURCE", "RELATED", "PHOTO", "FILE PHOTO", "TAGS", "READ ALSO", "ALSO READ", "LIVE",
                                 "UPDATE", "EXPLAINED", "WATCH", "NOTE", "EDITOR'S NOTE", "CORRECTION", "READ MORE",
                                 "SEE ALSO", "VIDEO", "LISTEN", "ADVERTISEMENT", "BREAKING", "CAPTION", "CREDIT",
                                 # a fact check's own headings: the page's voice
                                 "FACT", "FACTS", "THE FACTS", "VERDICT", "RATING", "CONCLUSION", "CONTEXT",
                                 "BACKGROUND"})
# a fact check's claim under review: it says nothing in the page's voice or anyone's named
_CLAIM_LABELS = frozenset({"CLAIM", "THE CLAIM", "VIRAL CLAIM"})
_QUESTION_LABELS = frozenset({"QUESTION", "Q", "REPORTER", "AUDIENCE MEMBER"}) | _CLAIM_LABELS
_ANSWER_LABELS = frozenset({"A", "ANSWER"})
_ANSWER_OPENING = re.compile(r"\s*(?:A|ANSWER|Answer)\s*:")
# the programme's own voice in a broadcast transcript: the outlet speaks
_OUTLET_LABELS = frozenset({"ANCHOR", "CORRESPONDENT", "NARRATOR", "PRESENTER", "VOICEOVER", "VOICE-OVER"})
# a questioner in a transcript: asks, claims nothing
QUESTIONER = Speaker("question", None)
# who answers in a print interview ("A:"), not named by the label
INTERVIEWEE = Speaker("interviewee", None)


@direct_init
@dataclass(frozen=True)
class Attribution:
    speaker: Speaker
    speaker_start: int  # sentence-relative span of the attribution phrase (excluded from claims)
    speaker_end: int
    content_start: int  # sentence-relative span the speaker vouches for
    content_end: int
    rule: str
    # a leading attribution in a clause of its own ("..., and Israeli officials said ...", "It came after Kirby
    # told reporters that ..."): the text before this offset is the outlet's (0: no such text)
    outlet_end: int = 0


OUTLET = Speaker(ARTICLE, None)


def _speaker_mentions(mentions: list[Mention], sentence_start: int, sentence_end: int) -> list[Mention]:
    return [m for m in mentions if m.entity_type in _SPEAKER_TYPES and sentence_start <= m.start_char < sentence_end]


def _best(candidates: list[Mention]) -> Mention | None:
    """Prefer a person, then an organization, then a country among mentions of one phrase."""
    for kind in _SPEAKER_TYPES:
        picked = [m for m in candidates if m.entity_type == kind]
        if picked:
            return max(picked, key=lambda m: m.end_char - m.start_char)
    return None


class AttributionResolver:
    """Walks an article's sentences in order and remembers the last speaker (for pronouns)."""

    def __init__(self, article: ArticleText, mentions: list[Mention], names: dict[str, str],
                 roles: dict[str, set[str]] | None = None,
                 role_countries: dict[str, set[tuple[str, str]]] | None = None):
        self.article = article
        self.roles = roles or {}  # person id -> the roles the article or the actor dictionary gives
        self.role_countries = role_countries or {}  # person id -> (role, country code) pairs
        self.mentions = mentions
        # mentions that can speak, in the article's order, and their indexes sorted by start offset
        self._speakers = [m for m in mentions if m.entity_type in _SPEAKER_TYPES]
        self._by_start = sorted(range(len(self._speakers)), key=lambda i: self._speakers[i].start_char)
        self._starts = [self._speakers[i].start_char for i in self._by_start]
        self.names = names
        self.vocab = claim_vocabulary()
        self.last_speaker: Speaker | None = None
        self.last_person: Speaker | None = None
        self.last_body: Speaker | None = None  # the last government, ministry or other body (not a person) that spoke
        self._cache: dict[int, Attribution | None] = {}
        self._hits: list | None = None  # the attribution gate's hits per sentence (on first use)
        # Attributions read ahead of article order that did not read the last speaker (no pronoun
        # speaker): the same whatever came before, so they are reused when their turn comes.
        self._free: dict[int, Attribution | None] = {}
        self._dependent: set[int] = set()  # read ahead, but a pronoun speaker needs the order
        self._read_state = False  # set when a pronoun speaker looked up the last speaker
        self._labels: dict[int, tuple[Speaker, int]] | None = None  # transcript speaker labels (on first use)
        self._interviewee: Speaker | None = None  # who answers a print interview's "A:" (with the labels)

    def label_speaker(self, sentence_idx: int) -> tuple[Speaker, int] | None:
        """In a transcript, the speaker whose label opens the sentence's paragraph ("MR MILLER: ..."), with
        the sentence-relative end of the label (0 when the label is in an earlier sentence of the paragraph);
        :data:`QUESTIONER` for a reporter's question. A label counts when the article opens at least two
        paragraphs with labels of the same speakers' kind (a transcript), never for page noise or datelines."""
        if self._labels is None:
            self._labels = self._transcript_labels()
        return self._labels.get(sentence_idx)

    def _transcript_labels(self) -> dict[int, tuple[Speaker, int]]:
        sentences, body = self.article.sentences, self.article.body
        openers: dict[int, tuple[str, int]] = {}  # sentence index -> (label, label end as a body offset)
        minor: dict[int, tuple[str, int]] = {}  # one-word labels: a reporter's outlet, a turn that ends the one before
        standalone: set[int] = set()  # labels that are a paragraph of their own: the next paragraph is the turn
        previous_paragraph = None
        for sentence in sentences:
            head = body[sentence.start_char:sentence.start_char + 140]
            if sentence.paragraph_idx != previous_paragraph and (":" in head[:60] or ". –" in head or ". —" in head
                                                                 or sentence.text.rstrip().endswith(")")):
                # matched on the body: the sentence splitter may have cut "MR. SPOKESPERSON:" after "MR."
                m = _SPEAKER_LABEL.match(body, sentence.start_char, sentence.start_char + 60)
                if m and m.group(1).rstrip(".") not in _NOT_SPEAKER_LABELS:
                    openers[sentence.sentence_idx] = (m.group(1).rstrip("."), m.end())
                elif (m := _NAME_LABEL.match(body, sentence.start_char, sentence.start_char + 60)) \
                        and m.group(1).split()[-1].lower() in self._person_surnames:
                    # a magazine interview's "Rehn: ..." (a person of the article by surname, not "Note:")
                    openers[sentence.sentence_idx] = (m.group(1), m.end())
                elif (m := _TITLED_NAME_LABEL.match(body, sentence.start_char, sentence.start_char + 140)) \
                        and (len(m.group(1).split()) > 1 or m.group(1).upper() in _QUESTION_LABELS) \
                        and m.group(1).rstrip(".").upper() not in _NOT_SPEAKER_LABELS \
                        and not self._non_person_at(m.start(1), m.end(1)):
                    # (not a fact box's "Finland: joined in 2023" or "Abraham Accords (2020-2021): ...", nor "Plus:")
                    openers[sentence.sentence_idx] = (m.group(1).rstrip("."), m.end())
                elif (m2 := _STANDALONE_LABEL.fullmatch(sentence.text.strip())) is not None:
                    # a parliamentary record's turn on a line of its own: "Lord Henley (Con)", "The Parliamentary
                    # Under-Secretary of State, ... (Lord Henley) (Con)": the next paragraph is that member's
                    name = m2.group("inner") or m2.group("name")
                    openers[sentence.sentence_idx] = (name, sentence.end_char)
                    standalone.add(sentence.sentence_idx)
                elif m and len(m.group(1).split()) == 1 and m.group(1).upper() not in _NOT_SPEAKER_LABELS \
                        and not any(x.entity_type in ("country", "accord") and m.start(1) <= x.start_char < m.end(1)
                                    for x in self.mentions):
                    minor[sentence.sentence_idx] = (m.group(1), m.end())  # "AFP:", "Bloomberg:" (turns, in a transcript)
            previous_paragraph = sentence.paragraph_idx
        surnames = [label.split()[-1] for label, _ in openers.values()]
        # a fact check's "CLAIM: ..." paragraph, transcript or not: the claim under review, nobody's statement here
        under_review = {openers[k][0].upper() for k in openers} & _CLAIM_LABELS
        checked = {sentence.sentence_idx: (QUESTIONER, 0) for sentence in sentences
                   if any(k <= sentence.sentence_idx and sentences[k].paragraph_idx == sentence.paragraph_idx
                          and openers[k][0].upper() in _CLAIM_LABELS for k in openers)} if under_review else {}
        # a transcript: two or more labelled turns, at least one label repeated (by its last word)
        if len(openers) < 2 or len(set(surnames)) == len(surnames):
            return checked
        out: dict[int, tuple[Speaker, int]] = {}
        self._interviewee = self._sole_person_before(min(end for _label, end in openers.values()))
        asking = {sentence.paragraph_idx for sentence in sentences if sentence.text.rstrip().rstrip("\"”'’").endswith("?")}
        current: Speaker | None = None
        current_paragraph, label_end = None, 0
        first_turn, last_turn = min(openers), max(openers | minor)
        paragraph_text: dict[int, str] = defaultdict(str)
        for sentence in sentences:
            paragraph_text[sentence.paragraph_idx] += " " + sentence.text
        first_person = {k for k, text in paragraph_text.items() if _FIRST_PERSON.search(text)}
        for sentence in sentences:
            opener = openers.get(sentence.sentence_idx)
            if opener is not None:
                current, current_paragraph = self._label_to_speaker(opener[0]), sentence.paragraph_idx
                if sentence.sentence_idx in standalone:
                    current_paragraph += 1  # (the label's own paragraph says nothing)
                if surnames.count(opener[0].split()[-1]) < 2 and current is not QUESTIONER:
                    # a label used once: a dateline or a heading, not a turn; or, inside the transcript, a reporter
                    # who asks ("AFP: A follow-up question. ... ?")
                    current = QUESTIONER if first_turn < sentence.sentence_idx and sentence.paragraph_idx in asking \
                        else None
                label_end = opener[1]
            elif sentence.sentence_idx in minor and sentence.sentence_idx > first_turn:
                # a reporter's turn ("AFP: A follow-up question. ... ?"): asks; otherwise it only ends the turn before
                current = QUESTIONER if sentence.paragraph_idx in asking else None
                current_paragraph, label_end = sentence.paragraph_idx, minor[sentence.sentence_idx][1]
            elif sentence.is_heading:
                current = None  # a heading ends the turn
            elif current is not None and current is not QUESTIONER and sentence.paragraph_idx != current_paragraph \
                    and sentence.sentence_idx < last_turn and sentence.paragraph_idx in first_person \
                    and current.name.split()[-1] not in paragraph_text.get(sentence.paragraph_idx, ""):
                # an answer that runs on in a new paragraph, in the first person, before the page's next turn (the
                # page's own text may come between turns: "Erdoğan is not the first Turkish official to ...")
                current_paragraph, label_end = sentence.paragraph_idx, 0
            if current is not None and sentence.paragraph_idx == current_paragraph:
                covered = min(max(label_end - sentence.start_char, 0), len(sentence.text))
                out[sentence.sentence_idx] = (current, covered)
        return out

    def _answers_name(self, surname: str) -> bool:
        """Whether a paragraph that opens with an answer label ("A: ...") names ``surname``."""
        pattern = re.compile(rf"(?<![\w]){re.escape(surname)}(?![\w])")
        return any(_ANSWER_OPENING.match(paragraph) and pattern.search(paragraph)
                   for paragraph in self.article.body.split("\n\n"))

    @cached_property
    def _person_surnames(self) -> frozenset[str]:
        return frozenset(m.text.split()[-1].lower() for m in self._speakers if m.entity_type == "person")

    def _non_person_at(self, start: int, end: int) -> bool:
        """Whether a country, organization or accord mention starts in the body span [start, end)."""
        return any(m.entity_type != "person" and start <= m.start_char < end for m in self.mentions)

    def _label_to_speaker(self, label: str) -> Speaker:
        if label.upper() in _QUESTION_LABELS:
            return QUESTIONER
        if label in _OUTLET_LABELS:
            return Speaker(ARTICLE, None)
        if label in _ANSWER_LABELS:
            # a print interview's "A:": the one person the page names before its first question, else unnamed; an
            # explainer's answers that name that person in the third person ("... together with Kemi Badenoch, signed
            # the accession protocol") are the outlet's own
            if self._interviewee is not None and self._answers_name(self._interviewee.name.split()[-1]):
                return Speaker(ARTICLE, None)
            return self._interviewee or INTERVIEWEE
        title = (self.article.title or "").lower()
        if len(label) > 2 and label.isupper() and label.split()[-1].lower() not in self._person_surnames \
                and re.search(rf"(?<![\w]){re.escape(label.lower())}(?![\w])", title):
            # "SPIEGEL: ..." in a "SPIEGEL Interview with ...": the publication asks, in its own voice
            return Speaker(ARTICLE, None)
        if _INITIALS.fullmatch(label):
            # "NS:" for "Guest: Nikola Stanković (NS)": the person of the article with those initials
            people = {m.entity_id: m for m in self._speakers if m.entity_type == "person"
                      and "".join(w[0] for w in m.text.split() if w[:1].isupper()) == label}
            if len(people) == 1:
                return self._speaker_for(next(iter(people.values())))
            return Speaker(label, None)
        words = _HONORIFIC.sub("", label).split()
        surname = words[-1].lower() if words else label.lower()
        for mention in self._speakers:  # the person the label names ("MR MILLER" -> Matthew Miller)
            if mention.entity_type == "person" and mention.text.split()[-1].lower() == surname:
                return self._speaker_for(mention)
        if not label.isupper():
            return Speaker(" ".join(words) or label, None)  # ("Andrew Schwartz", "McPherson" kept as written)
        return Speaker(" ".join(w.capitalize() for w in words) or label, None)

    def _sole_person_before(self, end: int) -> Speaker | None:
        """The person named before body offset ``end`` ("Foreign Minister X spoke to our correspondent"), when
        exactly one person is (the page may name other people first: then nobody)."""
        people = {m.entity_id: m for m in self._speakers if m.entity_type == "person" and m.end_char <= end}
        return self._speaker_for(next(iter(people.values()))) if len(people) == 1 else None

    def _speaker_for(self, mention: Mention) -> Speaker:
        name = self.names.get(mention.entity_id) or mention.text
        return Speaker(name, mention.entity_id)

    def speaker_in(self, sentence, start: int, end: int) -> Speaker | None:
        """Who the sentence-relative span names as a possible speaker (a person, body, country, anonymous sources)."""
        text = sentence.text
        start = max([start] + [m.end() for m in _CLAUSE_PUNCT.finditer(text, start, end)])  # its own clause
        found = self._phrase_speaker(text, sentence.start_char, start, end)
        return found[0] if found else None

    def _phrase_speaker(self, text: str, base: int, start: int, end: int) -> tuple[Speaker, int, int] | None:
        """The speaker named in text[start:end] (sentence-relative)."""
        lo, hi = base + start, base + end
        picked = sorted(self._by_start[bisect_left(self._starts, lo):bisect_right(self._starts, hi)])
        post = _POST_SUBJECT.match(text, start, end)
        if post is not None:
            # "A map shared on Facebook ... shows Ireland, Austria and Switzerland coloured blue and says they 'quietly
            # joined NATO'": a post speaks, unnamed, never the countries it names
            return Speaker(ANONYMOUS, None), post.start(1), len(text[:end].rstrip())  # (its description is its own)
        sentence_mentions = [m for m in map(self._speakers.__getitem__, picked) if m.end_char <= hi
                             and not (m.entity_type == "country"
                                      and _ENVOY_POSTED_TO.search(text, max(0, m.start_char - base - 30), m.start_char - base))]
        # ("One former ambassador to China said ...": the state an envoy is posted to does not speak)
        if sentence_mentions:
            # the mention nearest to the verb side of the phrase
            best = _best(sentence_mentions)
            if best.entity_type == "country":
                media = _MEDIA_AFTER.match(text, best.end_char - base)
                if media is not None and media.end() <= end:
                    # "Israeli media reported ...": the country's press, not its government
                    if media.group("group"):
                        # "Mongolian lawmakers argued ...": the country's lawmakers, not its government
                        return Speaker(f"{best.text} {media.group('group')}", None), best.start_char - base, media.end()
                    if media.group().strip().lower() == "officials":
                        # "Saudi officials said ...": unnamed officials of the state (its id kept: "it" after them
                        # is still the state)
                        return Speaker(f"{best.text} officials", best.entity_id), best.start_char - base, media.end()
                    return Speaker(f"{best.text} media", None), best.start_char - base, media.end()
                holder = self._country_role_holder(text, base, start, end, best) if self.role_countries else None
                if holder is not None:
                    return holder
            return self._speaker_for(best), best.start_char - base, best.end_char - base
        segment = text[start:end]
        described = self._described_country(segment, base + start, base)
        if described is not None:
            speaker, d_start, d_end = described
            return speaker, start + d_start, start + d_end
        m = self.vocab.anonymous_speaker.search(segment)
        if m:
            return Speaker(ANONYMOUS, None), start + m.start(), start + m.end()
        m = self.vocab.group_speaker.search(segment) if self.vocab.group_speaker is not None else None
        if m:
            return Speaker(" ".join(m.group().split()), None), start + m.start(), start + m.end()
        role_holder = self._role_holder(segment, base + start)
        if role_holder is not None:
            return role_holder[0], start + role_holder[1], start + role_holder[2]
        m = self.vocab.pronoun_speaker.search(segment)
        if m and _NAME_AFTER.search(segment, m.end()):
            m = None  # "the official representative of the ruling party Ömer Çelik confirmed": a name, not "the official"
        if m:
            self._read_state = True
            word = " ".join(m.group().lower().split())
            # "the government", "the ministry": the last body that spoke, never a person ("Before Trump's post, the
            # government confirmed ...": Kazakhstan's, not Trump)
            previous = (self._opening_person(base, base + start + m.start()) or self.last_person) \
                if word in ("he", "she", "him", "her") else \
                self.last_body if word in _BODY_PRONOUNS else self.last_speaker
            if previous is not None:
                return previous, start + m.start(), start + m.end()
        m = _GOVERNMENT_BODY.search(segment)
        if m:
            # "Pakistan has no intention of joining ..., the Foreign Office said": the body of the country the
            # sentence opens with (its subject), not of one named later ("... until a Palestinian state ...")
            for i in self._by_start[bisect_left(self._starts, base):bisect_left(self._starts, base + start)]:
                mention = self._speakers[i]
                if mention.entity_type == "country":
                    return self._speaker_for(mention), start + m.start(), start + m.end()
                break  # the sentence opens with someone else
        return None

    def _opening_person(self, sentence_start: int, pronoun_at: int) -> Speaker | None:
        """The person a "he" or "she" at body offset ``pronoun_at`` most likely is: the person who opens the sentence
        before (its subject: "Al-Sharaa met Trump in Riyadh. He said ..."), when this sentence names no person before
        the pronoun; None otherwise (then the last person who spoke)."""
        if self._mentions_before(sentence_start, pronoun_at) and any(
                m.entity_type == "person" for m in map(self._speakers.__getitem__,
                                                       self._by_start[bisect_left(self._starts, sentence_start):
                                                                      bisect_left(self._starts, pronoun_at)])):
            return None
        k = self._sentence_at.get(sentence_start)
        if not k:
            return None
        # the sentences before it that name no person are passed over (a quotation's first sentences: 'Minister
        # Pearnel Charles Jr welcomed the development. "Jamaica has been a party ... since 2017. We expect ...," he
        # said.'), up to three
        for before in self.article.sentences[k - 1:max(0, k - _PERSONLESS_REACH - 1) or None:-1]:
            opening = before.start_char + _BULLET.match(before.text).end()
            people = [m for m in map(self._speakers.__getitem__,
                                     self._by_start[bisect_left(self._starts, before.start_char):
                                                    bisect_left(self._starts, before.end_char)])
                      if m.entity_type == "person"]
            if not people:
                said = self._cache.get(before.sentence_idx)
                if said is not None and said.speaker.entity_id is None and _PERSON_NAME.fullmatch(said.speaker.name):
                    return said.speaker  # '"...," said Aidos Sarsenbayev, a political scientist. ... He noted that ...'
                continue
            lead = self.article.body[opening:people[0].start_char]
            if lead and lead[0] in "\"“'‘":
                return None  # a quotation's first person is not its subject ('"I just had a great call with Benjamin
                # Netanyahu," Trump wrote.')
            if len(lead) > _OPENING_REACH and not _TITLE_RUN.fullmatch(lead):
                return None  # (a country's adjective may come first: "Syrian President Ahmed al-Sharaa met ...")
            return self._speaker_for(people[0])
        return None

    @cached_property
    def _sentence_at(self) -> dict[int, int]:
        return {s.start_char: s.sentence_idx for s in self.article.sentences}

    def _mentions_before(self, lo: int, hi: int) -> bool:
        """Whether a person, organization or country mention starts in the body span [lo, hi)."""
        return bisect_left(self._starts, hi) > bisect_left(self._starts, lo)

    def _country_role_holder(self, text: str, base: int, start: int, end: int,
                             country: Mention) -> tuple[Speaker, int, int] | None:
        """A country's role named without its holder ("Kazakhstan's president said", "the President of Kazakhstan
        noted"): the article's person who holds that role for that country (named before the phrase preferred,
        else after it: a press release that says "the Head of State" first), else None."""
        titles = _role_titles()
        c_start, c_end = country.start_char - base, country.end_char - base
        after = titles.after_country.fullmatch(text, c_end, end)
        before = titles.before_country.search(text, start, c_start) if after is None else None
        if after is None and (before is None or text[c_end:end].strip(" ,")):
            return None
        m = after or before
        wanted = (titles.roles[m.group(1).lower()], country.entity_id.split(":", 1)[-1])
        holders = [mention for mention in self._speakers
                   if mention.entity_type == "person" and wanted in self.role_countries.get(mention.entity_id, ())]
        if not holders or len({h.entity_id for h in holders}) > 1:
            return None
        return self._speaker_for(holders[0]), min(c_start, m.start()), max(c_end, m.end())

    def _role_holder(self, segment: str, offset: int) -> tuple[Speaker, int, int] | None:
        """A role named without its holder ("the crown prince said", "the president has said"): the most
        recent person before it who holds that role in this article (``role_titles.yaml``), else None."""
        titles = _role_titles()
        m = titles.pattern.search(segment)
        if m is None:
            return None
        role = titles.roles[m.group(1).lower()]
        for i in reversed(self._by_start[:bisect_left(self._starts, offset + m.start())]):
            mention = self._speakers[i]
            if mention.entity_type == "person" and role in self.roles.get(mention.entity_id, ()):
                return self._speaker_for(mention), m.start(), m.end()
        return None

    def _described_country(self, segment: str, offset: int, sentence_start: int) -> tuple[Speaker, int, int] | None:
        """A country described, not named, in a speaker's phrase ("the kingdom's foreign minister said",
        "the Gulf state's foreign ministry said"): the most recent fitting country mention before it,
        as for a claim's subject (``coreference.yaml``); in a phrase after the words it reports, the first
        fitting country of the sentence, its subject ("Saudi Arabia will not follow the UAE ..., the kingdom's
        foreign minister said"). ``offset``: the segment's body offset."""
        for descriptor in descriptors():
            m = descriptor.pattern.search(segment)
            if m is None:
                continue
            k = bisect_left(self._starts, offset + m.start())
            fitting = [(mention.start_char, mention) for mention in map(self._speakers.__getitem__, reversed(self._by_start[:k]))
                       if mention.entity_type == "country"
                       and (not descriptor.countries or mention.entity_id.split(":", 1)[-1] in descriptor.countries)]
            subject = next((mention for start, mention in reversed(fitting) if start >= sentence_start), None)
            mention = subject or antecedent(fitting, self._listed_countries)
            if mention is not None:
                return self._speaker_for(mention), m.start(), m.end()
        return None

    @cached_property
    def _listed_countries(self) -> frozenset[int]:
        spans = sorted((m.start_char, m.end_char) for m in self._speakers if m.entity_type == "country")
        return listed_mentions(self.article.body, spans)

    def _gate_hits(self, sentence) -> list[tuple[int, int, int]]:
        """The attribution gate's hits in ``sentence`` (one pass over the body per article)."""
        sentences = self.article.sentences
        if self._hits is None:
            self._hits = _attribution_gate().hits(self.article.body, sentences) or []
        k = sentence.sentence_idx
        if k < len(self._hits) and sentences[k] is sentence:
            return self._hits[k]
        return _attribution_gate().text_hits(sentence.text)

    def _in_sentence(self, sentence) -> Attribution | None:
        text, base = sentence.text, sentence.start_char
        hits = self._gate_hits(sentence)
        if not hits:
            return None  # neither "according to" nor a reporting verb
        according = sorted({start for start, _end, bit in hits if bit & _ACCORDING})
        verb_starts = sorted({start for start, _end, bit in hits if bit & _REPORTING})
        # "according to X"
        for m in anchored_finditer(_ACCORDING_TO, text, according):
            end = m.end()
            stop = _CLAUSE_PUNCT.search(text, end)
            stop_at = stop.start() if stop else len(text.rstrip(".!?"))
            found = self._phrase_speaker(text, base, end, min(stop_at, end + 60))
            if found:
                speaker, _, s_end = found
                return Attribution(speaker, m.start(), max(s_end, stop_at), 0, len(text), "according_to")
        quoted_at = sorted({start for start, _end, bit in hits if bit & _QUOTED})
        quoted = self._quoted_as_saying(text, base, quoted_at) if quoted_at else None
        if quoted is not None:
            return quoted
        verbs = list(anchored_finditer(self.vocab.reporting_verb, text, verb_starts))
        subordinate: Attribution | None = None  # a subordinate clause's speaker, if nothing else speaks
        for verb in verbs:
            if _SAID_NOTHING.match(text, verb.end()) or _PASSIVE_AGENT.match(text, verb.end()) \
                    or _PASSIVE_BEFORE.search(text, 0, verb.start()):
                continue  # "has said nothing": no statement; "a deal announced by Trump", "Indonesia is reported
                # to be close to joining": a passive, no speaker
            before = text[:verb.start()]
            # trailing attribution: '..., X said.' / '," X wrote on Truth Social.'
            cut = max(before.rfind(","), before.rfind("”"), before.rfind('"'))
            lo, hi = cut + 1, verb.start()  # where the speaker's phrase is
            if cut > 0 and text[cut] == "," and not text[cut + 1:verb.start()].strip():
                # "..., Berik Uali, press secretary to President Kassym-Jomart Tokayev, said ...": the name before
                # its role in apposition
                role_start = before.rfind(",", 0, cut)
                name_start = before.rfind(",", 0, role_start) if role_start > 0 else -1
                if name_start >= 0 and text[role_start + 1:cut].strip()[:1].islower():
                    cut, lo, hi = name_start, name_start + 1, role_start
            rest = text[verb.end():]
            comma = rest.find(",")
            tail = rest if comma < 0 else rest[:comma]
            # a tail with an auxiliary is a clause the verb reports (", the ambassador says the relationship has
            # exceeded expectations"), so the verb leads its own attribution instead
            if cut >= 0 and not _THAT_WORD.search(tail) and not self._introductory(before[:cut]) \
                    and ((len(tail.split()) <= 6 and not _AUXILIARY.search(tail)) or self._long_tail(before[:cut], tail)):
                end = len(text) if comma < 0 else verb.end() + comma
                found = self._phrase_speaker(text, base, lo, hi)
                if found is None:
                    found = self._phrase_speaker(text, base, verb.end(), end)
                    if found is not None and (found[0].entity_id or "").startswith("country:"):
                        found = None  # "..., added South Africa in 2010": an object, not an inverted speaker
                if found is None:
                    found = _unknown_name(text, lo, hi)
                if found and len(text[lo:hi].split()) <= _MAX_TRAILING_SPEAKER_WORDS \
                        and not _SUBORDINATE.search(text, lo, hi) and not _RELATIVE_PRONOUN.search(text, lo, hi) \
                        and not _CONTRAST_OPENING.match(text, lo):
                    return Attribution(found[0], cut, end, 0, len(text), "trailing_" + verb.group().lower().split()[0])
            # leading attribution: 'X announced (that) ...' with X right before the verb, or an appositive
            # name between commas right before it ("Oman's foreign minister, Badr Albusaidi, said that ...");
            # a sentence adverb between commas is read as a space ("Saudi officials, however, have said")
            before = _PARENTHETICAL.sub(lambda m: " " * len(m.group()), before)
            appositive = _COMMA_AT_END.search(before) or _COMMA_AUXILIARY_AT_END.search(before)
            head = before[:appositive.start()] if appositive else before
            clause_start = max((m.end() for m in _CLAUSE_PUNCT.finditer(head)), default=0)
            dateline = DATELINE_AGENCY.match(head)
            if dateline:
                # "RIYADH, Feb 7 (KUNA) -- Saudi Arabia affirmed ...": the agency credits the story, the clause
                # (and its speaker) starts after the dash
                clause_start = max(clause_start, dateline.end())
            if appositive and (clause_start == 0 or text[clause_start - 1] != ","):
                continue  # no opening comma: not an appositive
            bullet = _BULLET.match(text).end()  # ("- Saudi Arabia, named by Moscow as a new member, says ...")
            if appositive and clause_start > bullet + 1 and _NAME_ONLY.fullmatch(text, bullet, clause_start - 1) \
                    and not _RELATIVE_OPENER.match(text, clause_start) and not _MEMBER_GLOSS.match(text, clause_start):
                # "Omer Celik, spokesperson for President Erdogan's ruling party, said ...": the name before the
                # appositive speaks, not a person named inside it
                named = self._phrase_speaker(text, base, bullet, clause_start - 1) \
                    or _unknown_name(text, bullet, clause_start - 1)
                if named is not None:
                    head, clause_start, appositive = text[:clause_start - 1], 0, None  # (the name, not a list)
            if appositive and _RELATIVE_OPENER.match(text, clause_start):
                # "Trump, who is seeking re-election in November, claimed ...": the speaker stands before the
                # relative clause
                head = text[:clause_start - 1]
                clause_start = max((m.end() for m in _CLAUSE_PUNCT.finditer(head)), default=0)
            window_start = max(clause_start, len(head) - 80)
            found = self._phrase_speaker(text, base, window_start, len(head))
            coordinate_start = max((m.end() for m in _COORDINATE_OPENING.finditer(text, 0, verb.start())), default=0)
            if found is None and not self._mentions_before(base + coordinate_start, base + verb.start()):
                # only when nothing before the verb is a known speaker ("Argentina's new president, Javier Milei,
                # wrote ..." stays with Argentina's president, whose country "his country" needs), in its own
                # coordinate clause ('Milei has vowed ... "communists," and his adviser Diana Mondino said ...')
                found = _unknown_leading_name(text, window_start, len(head))
            elif found is not None and (found[0].entity_id or "").startswith("country:"):
                # "Saudi state broadcaster Al Ekhbariya reported": the country is an adjective of the speaker named
                # after a lower-case role
                named = _unknown_leading_name(text, found[2], len(head))
                if named is not None and _ROLE_GAP.fullmatch(text, found[2], named[1]):
                    found = named
            if found:
                speaker, s_start, s_end = found
                gap = before[s_end:len(head)]
                if _RELATIVE_BEFORE.search(text, clause_start, s_start):
                    continue  # "..., in a ceremony that Donald Trump declared ...": a relative clause's speaker
                if appositive and (speaker.entity_id or "").startswith("country:"):
                    continue  # "..., Russia, India and China, added South Africa": a list, not an appositive name
                if len(gap.split()) <= 4 and not _CLAUSE_PUNCT.search(gap):
                    content_start = verb.end()
                    that = _THAT_OR_COLON.match(text[content_start:])
                    if that:
                        content_start += that.end()
                    rule = "speaker_" + verb.group().lower().split()[0]
                    if _NEGATED_VERB.search(text, s_end, verb.start()) or _NEITHER.search(text, clause_start, s_start):
                        # ("Neither the parliament's statement nor the government's said Bahrain was withdrawing")
                        # "Riyadh has never formally confirmed that it has joined": the speaker vouches for nothing
                        return Attribution(speaker, s_start, content_start, content_start, content_start,
                                           "negated_" + rule)
                    clause_opening = _SUBORDINATE.search(text, clause_start, s_start)
                    if clause_opening:
                        # "It came after Kirby told reporters that ...": the speaker of its own clause only, unless
                        # a later verb speaks for the sentence ("..., days after X announced ..., the ministry said")
                        subordinate = subordinate or Attribution(speaker, s_start, content_start, content_start,
                                                                 len(text), rule, clause_opening.start())
                        continue
                    coordinate = _COORDINATE_BEFORE.search(text, 0, s_start)
                    # "One year after the UAE signed the accords, the ambassador says ...": a fronted clause
                    # before the speaker's own is the outlet's framing
                    fronted = clause_start if clause_start > 0 and text[clause_start - 1] == "," else 0
                    return Attribution(speaker, s_start, content_start, content_start, len(text), rule,
                                       coordinate.start() if coordinate else fronted)
        if subordinate is None and any(bit & _SAYING for _start, _end, bit in hits):
            return self._saying_participle(text, base)
        return subordinate

    def _saying_participle(self, text: str, base: int) -> Attribution | None:
        """ "X accepted the invitation, saying Y would join": the subject at the sentence's start says what follows
        the participle (a person first, then an organization, then a country; nothing when none opens it)."""
        m = _SAYING_PARTICIPLE.search(text)
        if m is None or any(mark in text[:m.start()] for mark in '"“”'):
            return None  # (a quotation before it has a speaker of its own)
        zone_end = min(m.start(), _MAX_SUBJECT_CHARS)
        picked = self._by_start[bisect_left(self._starts, base):bisect_left(self._starts, base + zone_end)]
        mentions = sorted((self._speakers[i] for i in picked), key=lambda mention: mention.start_char)
        for kind in _SPEAKER_TYPES:
            subject = next((mention for mention in mentions if mention.entity_type == kind), None)
            if subject is not None and (kind != "country" or _OPENING_COUNTRY.fullmatch(text, 0, subject.start_char - base)):
                # (the main clause before the participle stays the outlet's: "Kazakhstan joined the accords on
                # Thursday, saying ...")
                return Attribution(self._speaker_for(subject), m.start(), m.end(), m.end(), len(text),
                                   "participle_" + m.group().strip(", ").split()[0].lower(), m.start())
        return None

    def _quoted_as_saying(self, text: str, base: int, starts: list[int]) -> Attribution | None:
        """ "The agency quoted Foreign Minister X as saying ...": X speaks for the words after "saying";
        "X was quoted by the agency as saying ...": X, the subject before "was quoted"."""
        for m in _QUOTED_AS_SAYING.finditer(text):
            if not any(m.start() <= s < m.end() for s in starts):
                continue
            if m["passive"]:
                clause_start = max((p.end() for p in _CLAUSE_PUNCT.finditer(text, 0, m.start())), default=0)
                found = self._phrase_speaker(text, base, clause_start, m.start()) \
                    or _unknown_leading_name(text, clause_start, m.start())
            elif m["who"] and not m["who"].lower().startswith("by"):
                found = self._phrase_speaker(text, base, m.start("who"), m.end("who")) \
                    or _unknown_name(text, m.start("who"), m.end("who"))
            else:
                found = None
            if found is not None:
                speaker, s_start, _s_end = found
                return Attribution(speaker, min(s_start, m.start()), m.end(), m.end(), len(text), "quoted_as_saying")
        return None

    def _introductory(self, opening: str) -> bool:
        """Whether the text before the comma is only an introductory phrase ("After the dinner, Trump said
        Kazakhstan would join ...", "In a statement, ..."): a few words opening with one of the
        ``attribution_tail_openers``, without a verb of its own; then the verb's attribution leads."""
        if _SENTENCE_ADVERB.fullmatch(opening):
            return True
        opener = self.vocab.attribution_tail_opener
        words = opening.split()
        return opener is not None and 0 < len(words) <= _MAX_INTRODUCTORY_WORDS and opener.match(opening) is not None \
            and not _AUXILIARY.search(opening) and not any(mark in opening for mark in ',;:"“”')

    def _long_tail(self, main_clause: str, tail: str) -> bool:
        """Whether ``tail``, longer than six words after a trailing attribution's verb, still only says
        where, when or how the speaker spoke ("..., X said in an interview with CNN on Sunday."): it
        opens with one of the vocabulary's ``attribution_tail_openers``, has no auxiliary verb, and a
        main clause of its own comes before the comma."""
        opener = self.vocab.attribution_tail_opener
        return opener is not None and opener.match(tail) is not None and not _AUXILIARY.search(tail) \
            and len(main_clause.split()) >= _MIN_MAIN_CLAUSE_WORDS

    def independent_attribution(self, sentence_idx: int) -> tuple[bool, Attribution | None]:
        """``(True, attribution)`` when the sentence's attribution does not depend on the sentences
        before it (it names its speaker, or has none), so it may be read out of article order;
        ``(False, None)`` when it resolves a pronoun speaker ("he said") and needs
        :meth:`attribution` in article order."""
        if sentence_idx in self._cache:
            return True, self._cache[sentence_idx]
        if sentence_idx in self._free:
            return True, self._free[sentence_idx]
        if sentence_idx in self._dependent:
            return False, None
        self._read_state = False
        found = self._in_sentence(self.article.sentences[sentence_idx])
        if self._read_state:
            self._dependent.add(sentence_idx)
            return False, None
        self._free[sentence_idx] = found
        return True, found

    def attribution(self, sentence_idx: int) -> Attribution | None:
        """The attribution of one sentence (computed once per sentence, in article order)."""
        if sentence_idx not in self._cache:
            if sentence_idx in self._free:
                found = self._free.pop(sentence_idx)
            else:
                found = self._in_sentence(self.article.sentences[sentence_idx])
            self._cache[sentence_idx] = found
            if found is not None and found.speaker.name not in (ARTICLE, ANONYMOUS):
                self.last_speaker = found.speaker
                if (found.speaker.entity_id or "").startswith("person:"):
                    self.last_person = found.speaker
                elif found.speaker.entity_id:
                    self.last_body = found.speaker
        return self._cache[sentence_idx]

    def second_attribution(self, sentence, rule: str, content: tuple[int, int],
                           first: Speaker | None = None) -> Attribution | None:
        """A second speaker in a coordinate clause of a leading attribution's content ("Riyadh's foreign minister
        says peace is a prerequisite, as Donald Trump says he expects the kingdom to join"): that clause is the
        second speaker's, from its verb to the end of the first one's content."""
        if not rule.startswith("speaker_"):
            return None
        text, base = sentence.text, sentence.start_char
        for clause in _SECOND_CLAUSE.finditer(text, content[0], content[1]):
            verb = self.vocab.reporting_verb.search(text, clause.end(), min(content[1], clause.end() + 80))
            if verb is None or _CLAUSE_PUNCT.search(text, clause.end(), verb.start()) \
                    or _PASSIVE_AGENT.match(text, verb.end()) or _SAID_NOTHING.match(text, verb.end()):
                continue
            found = self._phrase_speaker(text, base, clause.end(), verb.start())
            if found is None or len(text[found[2]:verb.start()].split()) > 4 \
                    or _NEGATED_VERB.search(text, found[2], verb.start()):
                continue
            content_start = verb.end()
            that = _THAT_OR_COLON.match(text, content_start)
            if that:
                content_start = that.end()
            speaker = found[0]
            if first is not None and (first.entity_id or "").startswith("person:") \
                    and text[found[1]:found[2]].lower() in ("he", "she"):
                speaker = first  # "what President Prabowo told the General Assembly, when he said ...": the same person
            return Attribution(speaker, clause.start(), content_start, content_start, content[1],
                               "second_" + verb.group().lower().split()[0])
        return None

    def quote_speaker(self, sentence_idx: int) -> Speaker | None:
        """For a sentence inside a quotation: the speaker named where the quotation closes (looking
        ahead through the following quoted sentences) or where it opens."""
        sentences = self.article.sentences
        i = sentence_idx
        while i < len(sentences):
            attribution = self._peek(i)
            if attribution is not None:
                return attribution.speaker
            if i + 1 < len(sentences) and (sentences[i + 1].in_quote or any(q in sentences[i + 1].text for q in '"”')) \
                    and not (sentences[i].text.rstrip().endswith(('"', "”"))
                             and sentences[i + 1].paragraph_idx != sentences[i].paragraph_idx):
                # (a quotation closed at the end of its paragraph goes no further: the next paragraph's quotation is
                # another speaker's, "12:41 | Chinese President Xi Jinping: ...")
                i += 1
                continue
            break
        j = sentence_idx - 1
        while j >= 0:
            attribution = self._cache.get(j)
            if attribution is not None and (sentences[j].in_quote or sentences[j].text.rstrip().endswith(":")):
                return attribution.speaker
            if not sentences[j].in_quote:
                # '"...," said Aidos Sarsenbayev, a political scientist. "Kazakhstan is a member of the SCO ..."': a
                # quotation that goes on in the same paragraph right after its speaker's attributed sentence
                if sentences[j].paragraph_idx == sentences[sentence_idx].paragraph_idx \
                        and sentences[j + 1].text.lstrip()[:1] in '"“':
                    said = attribution if attribution is not None else self._peek(j)
                    if said is not None and said.speaker.name != ARTICLE:
                        return said.speaker
                break
            j -= 1
        return None

    def _peek(self, sentence_idx: int) -> Attribution | None:
        if sentence_idx in self._cache:
            return self._cache[sentence_idx]
        saved = (self.last_speaker, self.last_person, self.last_body)
        found = self._in_sentence(self.article.sentences[sentence_idx])
        self.last_speaker, self.last_person, self.last_body = saved
        return found
