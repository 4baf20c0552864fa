"""Membership claims: which country joined / signed / negotiates / declined / left which accord,
according to whom, and when.

Sentence by sentence: find the speaker (attribution), mask the countries (named mentions and
resolved descriptions), match the status triggers of ``claim_triggers.yaml``, bind each trigger to
its countries (subject list, {C} slot, "with"/colon objects, "followed by" followers), decide the
accord (named, unnamed deal via the registry, or the article's current accord), apply negation /
hedges / futures, date the event, and drop the accord's broker and counterparty. Precision first:
a trigger without a country, or without an accord, yields nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import replace
from datetime import date, timedelta
from functools import cached_property

from pipelines.extract.accords import Accord, article_topic_accords, deal_phrases, find_accord_mentions
from pipelines.extract.claims import dating
from pipelines.extract.claims.attribution import (
    ANONYMOUS,
    DATELINE_AGENCY,
    OUTLET,
    QUESTIONER,
    AttributionResolver,
    Speaker,
)
from pipelines.extract.claims.coordination import (
    DateScope,
    Slot,
    after_with,
    clause_bounds,
    companions,
    date_scope,
    fellow_members,
    followers,
    group_around,
    joined_members,
    mask,
    object_group,
    subject_group,
)
from pipelines.extract.claims.coreference import (
    counted_group,
    counted_plurals,
    descriptor_masks,
    group_slots,
    listed_mentions,
    resolve_descriptors,
)
from pipelines.extract.claims.hits import OWN_OBJECT, Hit, candidate_triggers, drop_object_nouns, triggers_in
from pipelines.extract.claims.modality import status_after_modality
from pipelines.extract.claims.lists import is_short, item_start, opens_member_list
from pipelines.extract.claims.tables import is_empty_cell, row_spans, table_header
from pipelines.extract.claims.registry import (
    accords_by_id,
    context_alias_span,
    own_treaty,
    party_elsewhere,
    unnamed_deal_accord,
    unnamed_topic,
)
from pipelines.extract.claims.status import (
    COUNTRY_LIST,
    STATUS_CAUTION,
    TABLE_JOINED,
    Trigger,
    claim_vocabulary,
    trigger_gate,
    trigger_second_gate,
)
from pipelines.extract.dates import extract_dates, reference_date
from pipelines.extract.gazetteer import state_roles
from pipelines.extract.literal_gate import mask_indexes
from pipelines.extract.model import ArticleEntities, ArticleText, Claim, DateMention, Mention, SentenceText

_PRESENT_OR_FUTURE = ("has ", "have ", "is ", "are ", "will", "would", "'ll", "agreed", "agrees", "decided", "set to", "joins")
# a membership held at publication ("Greece is a member of NATO", "Kazakhstan is a founding member of the SCO",
# "has been part of the accords"): a state, not news of the day; the country joined at some time before
_MEMBERSHIP_STATE = re.compile(
    r"(?:is|are|has been|have been)\b(?:(?!\b(?:now|newly|just|recently)\b).)*\b(?:members?|part|signator(?:y|ies)|part(?:y|ies))\b"
)

# "will join Iran, Libya and Yemen as the only countries outside the agreement": the object of "join" is a group
# of countries, whose description (not the verb) says where they stand
_JOINS_COUNTRIES_AS = re.compile(rf"\s+(?:the\s+)?{COUNTRY_LIST}\s+as(?![\w])", re.IGNORECASE)
# a word of letters (the masked country slots and numbers are not words)
_WORD = re.compile(r"[^\W\d_]+")
# between a signed document and the accord it belongs to: "the treaty to join the CPTPP", "the protocol of NATO"
_DOCUMENT_OF_ACCORD = re.compile(r"\s*(?:(?:to (?:join|enter|accede to)|of|for|on|establishing)\s+)?(?:the\s+)?", re.IGNORECASE)
# a date right after "since" is where a period starts, not the event's date
_SINCE_BEFORE = re.compile(r"(?<![\w])since\s+$", re.IGNORECASE)
# right before a named accord: the event lies outside it ("but not under the Abraham Accords framework",
# "stood apart from the Abraham Accords")
_OUTSIDE_OF = re.compile(
    r"(?<![\w])(?:not\s+(?:\w+\s+){0,2}?(?:under|within|through|via|as part of|part of)|apart\s+from|separate\s+from|"
    r"outside(?:\s+of)?|independently\s+of|independent\s+of|unrelated\s+to|distinct\s+from|"
    r"in\s+the\s+spirit\s+of|modell?ed\s+on|inspired\s+by)\s+(?:the\s+)?$", re.IGNORECASE)
# ("a joint declaration ... made 'in the spirit of the Abraham Accords'": a likeness, not the accord itself)
# the outlet's gloss of an accord, inside a speaker's sentence: "Netanyahu said he hopes to bring Saudi Arabia into the
# Abraham Accords, the US-brokered agreements under which the UAE, Bahrain and Morocco normalized ties"
_ACCORD_GLOSS = re.compile(r"(?:,\s+(?:the|a)\s+(?:[\w-]+\s+){0,3}(?:agreements?|accords?|deals?|pacts?|treaty|treaties|"
                           r"framework|initiative)\s+(?:under|through|by|in)\s+which"
                           # "the Abraham Accords, under which ...", "the accords, which normalized Israel's relations with"
                           r"|(?:accords?|agreements?|deals?|pacts?|treaty|treaties)\s*,\s+(?:(?:under|through|by|in)\s+)?which"
                           r")(?![\w])", re.IGNORECASE)
# between a follower and its own date: "followed by Jordan in 1994", "Bahrain (2020)"
_OWN_DATE_GAP = re.compile(r"\s*(?:\(|,\s*)?(?:in|on)?\s*")
# a document named right before a participle: "the Adriatic Charter signed with the US"
_DOCUMENT_RIGHT_BEFORE = re.compile(r"(?:(?-i:[A-Z][\w'’-]*)\s+(?-i:Charter|Declaration|Agreement|Treaty|Accords?|Pact|Protocol|"
                                    r"Memorandum|Convention)|(?<![\w])(?:an?|the|its|their)\s+(?:[\w-]+\s+)?(?:memorandum|"
                                    r"memorandum of understanding|letter|MoU|roadmap|action plan))\s*,?\s*$")
# ("the commitments it made to Turkey in a memorandum signed last June": a memorandum's signing, no accord's)
_DEAL_NOUN = re.compile(r"deal|agreement|declaration")  # (in a noun trigger's pattern: a deal between two parties)
_INDEFINITE_BEFORE = re.compile(r"(?<![\w])an?\s+$", re.IGNORECASE)
# a relative clause opened before the possessor ("Brazil, which holds the presidency, said ... Indonesia's candidacy"):
# the possessor, not the relative clause's antecedent, owns the possessive trigger
_RELATIVE_BEFORE_CLAUSE = re.compile(r",\s*(?:which|who|whose)\s", re.IGNORECASE)
# a second clause's subject ("French voters rejected the constitution in May, and the Dutch followed days later"): an
# echo there follows the first clause's step, which is no claim when it made none
_AFTER_COMMA_AND = re.compile(r",\s+and\s+(?:the\s+)?$", re.IGNORECASE)
# a list item's label, a note in parentheses and its colon, and a label that is a year: "1949 (founding members):
# Belgium, Canada, ...", "2004: Bulgaria, Estonia, ..."
_COLON_AFTER_LABEL = re.compile(r"(?:\s*\([^()]{0,40}\))?\s*:\s*")
_DATED_ITEM = re.compile(r"(?P<year>(?:19|20)\d\d)" + _COLON_AFTER_LABEL.pattern)
# an absolute "with" phrase of a joining, and a hypothetical main clause after it
_WITH_JOINING = re.compile(r"with\s+(?:the\s+)?\x02", re.IGNORECASE)
_HYPOTHETICAL_MAIN = re.compile(r",[^.;]*?(?<![\w])(?:would|could|might)(?![\w])", re.IGNORECASE)
# a noun phrase subject right before an about-joining trigger ("a common currency was not on the agenda")
_NOUN_SUBJECT = re.compile(r"(?<![\w])(?:a|an|the|any|its|their)\s+(?:[\w-]+\s+){0,3}?[\w-]+\s+$", re.IGNORECASE)
# a fact box of one country's memberships ("Indonesia's memberships at a glance") and a cell that denies one
_COUNTRY_BOX_OPENER = re.compile(r"(?<![\w])memberships(?![\w])", re.IGNORECASE)
_NOT_IN_CELL = re.compile(r"\s*(?:not|no|non-)(?![\w])", re.IGNORECASE)
# a member list's item that is not done yet ("signing ceremony pending")
_PENDING_ITEM = re.compile(r"(?<![\w])(?:pending|not yet|to be signed|awaiting|expected|planned)(?![\w])", re.IGNORECASE)
_FELLOW_REACH = 60  # characters after a joining where ", joining A, B and C" still names the members it joined
_SAME_DAY_REACH = 80  # characters after a trigger where "on the same day as X" is still its step's
_BETWEEN_AFTER = re.compile(r"\s+(?:between|among)\s", re.IGNORECASE)
# a country as the subject, then an apposition describing it, then its verb ("Mongolia, an observer since 2004, has")
_APPOSITIVE_SUBJECT = re.compile(r"(?:^|(?<=[.;:])\s*|(?<=,)\s*(?:and|but)\s+)(?:the\s+)?(?P<subj>\x02\x01*)\s*,\s*"
                                 r"(?:an?|the|one\s+of|once|long|itself)\s[^,;:\x02]{1,80},\s*"
                                 r"(?:(?:has|have|had|also|repeatedly|since|\w+ly)\s+)*$", re.IGNORECASE)
_CANNOT = re.compile(r"(?:cannot|can't|can’t|can never|could never|can not)(?![\w])", re.IGNORECASE)
# a candidacy someone else pursues: "urged Syria to join", "help persuade Niger to normalize", "invited X to join";
# among them, the ones who name a country as a candidate ("analysts have floated Uzbekistan as a possible candidate")
_NAMING_STEMS = "cit|nam|mention|tout|flo|tip|list|identif"
_NAMING_TRIGGER = re.compile(rf"(?:{_NAMING_STEMS})", re.IGNORECASE)
_AGENT_TRIGGER = re.compile(rf"(?:urg|press|push|encourag|invit|call|ask|persuad|convinc|lobb|{_NAMING_STEMS})", re.IGNORECASE)
# a welcome of a new member: the one who welcomes it says it ("PM Modi welcomed Belarus as a new member")
_WELCOME_TRIGGER = re.compile(r"(?:welcom|congratulat)", re.IGNORECASE)
# after a trigger, a participle that states the step itself: "followed in December 2020, signing a declaration"
_PARTICIPLE_STEP = re.compile(r"[^,;.]{0,30},\s+(?:signing|joining|establishing|normali[sz]ing|acceding|entering)(?![\w])",
                              re.IGNORECASE)
# an accord's name used to describe a country ("a NATO member", "EU member states", "NATO ally Turkey")
_DESCRIBING = re.compile(r"(?:\s+|-)(?:member|members|member states?|member countries|ally|allies)(?![\w])", re.IGNORECASE)
# how far before a described membership its accord may be named ("the normalization agreements ... brokered between")
_DESCRIBED_REACH = 30
_FORMED_IN = re.compile(r"(?<![\w])(?:formed|founded|created|established|launched|set\s+up)\s+(?:in|on)\s+$", re.IGNORECASE)
# a year that names an earlier event, no step: "the founding 1949 treaty", "thirty-one years after the war of 1948"
_FOUNDING_BEFORE = re.compile(r"(?<![\w])(?:founding|original|(?:war|wars|conflict|revolution|coup|uprising|nakba|crisis|"
                              r"partition|independence|armistice|ceasefire)\s+(?:of|in))\s+$", re.IGNORECASE)
# a clause of its own after the countries: "... informed the leaders of A and B that his country will not join" (a
# person's country: "it", "they" and "its country" may be the countries before)
_NEW_SUBJECT_AFTER_THAT = re.compile(
    r"(?<![\w])that\s+(?:his|her)\s+(?:country|government|nation)\s", re.IGNORECASE)
# "... and Belarus the tenth": a coordinate country with a rank of its own and the verb left out
_GAPPED_RANK = re.compile(r"\s+and\s+(?:the\s+)?(?P<slot>\x02\x01*)\s+the\s+(?:first|second|third|fourth|fifth|sixth|"
                          r"seventh|eighth|ninth|tenth|eleventh|twelfth|\d{1,2}(?:st|nd|rd|th))(?![\w])", re.IGNORECASE)
# "..., and Jordan in 1994": a coordinate country with a date of its own and the verb left out, at its clause's end
# (or a middle item of a gapped series: "joined in 2009, Montenegro in 2017 and North Macedonia in 2020")
# ("Greece followed in 1981, Spain and Portugal in 1986, and Austria, Finland and Sweden in 1995": a gap holds a list)
_GAPPED_DATE = re.compile(r"(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?"
                          r"(?P<slot>\x02\x01*(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?\x02\x01*)*)\s+(?:in|on|since)\s+",
                          re.IGNORECASE)
# (or a participle phrase after a comma: "... and Sweden in March 2024, abandoning generations of non-alignment")
_CLAUSE_END = re.compile(r"\s*(?:[.;:!?]|,\s*(?:but|while|though|although|and)\b|,\s*[a-z]+ing\b|$)")
_PASSIVE_TRIGGER = re.compile(r"(?:was|were|is|are|has\s+been|have\s+been|had\s+been|being)(?![\w])", re.IGNORECASE)
# between an accord that is the subject and its verb: nothing but auxiliaries and adverbs
_SUBJECT_GAP = re.compile(r"\s*(?:(?:has|have|had|also|formally|officially|on\s+\w+day|\w+ly)\s+)*", re.IGNORECASE)
# a relative clause right before a trigger: ", which formally opened ..."
_WHICH_BEFORE = re.compile(r",\s*which\s+(?:[\w-]+\s+){0,3}$")
# a named document right after a verb (capitalized words before its kind): "signs an Association Agreement"; or a
# document about something else: "had signed a joint declaration of mutual recognition"
_NAMED_DOCUMENT = re.compile(r"\s+(?:a|an|the|its|their)\s+(?:(?:[A-Z][\w-]*\s+|and\s+){1,4}"
                            r"(?:Agreement|Treaty|Accord|Pact|Protocol|Memorandum|Charter|Convention|Declaration)(?![\w])"
                            r"|(?:joint\s+|separate\s+|bilateral\s+)?(?:declaration|agreement|memorandum|statement|treaty)\s+"
                            r"(?:of|on)\s+(?!(?:the\s+)?(?:accords?|abraham|normali[sz]ation|accession|joining)\b))")
# a time long before any of the registry's recent accords: "shortly after independence", "in the 1990s"
_LONG_AGO = re.compile(r"(?<![\w])(?:(?:shortly|soon|right)\s+after|since)\s+(?:its\s+|their\s+)?independence|"
                       r"in\s+the\s+(?:early\s+|late\s+|mid-)?(?:19\d0s)|decades\s+ago|long\s+before", re.IGNORECASE)
# right before a named accord: a verb of leaving, whose object it is
_LEAVING_BEFORE = re.compile(r"(?<![\w])(?:leaving|left|leave|leaves|quitting|quit|exiting|exited|withdrawing\s+from|"
                             r"withdrew\s+from|pulling\s+out\s+of|pulled\s+out\s+of|"
                             r"(?:exit|departure|withdrawal)\s+from)\s+(?:the\s+)?$", re.IGNORECASE)
# the possessive pronouns that own an application in their own clause ("its bid"; not "the country's bid")
_OWN_PRONOUNS = frozenset({"its", "their", "whose"})
# between a trigger and a named accord: a relative clause that denies the link ("made peace with Israel ...
# under separate treaties that are not part of the Abraham Accords")
_NEGATION_WORD = re.compile(r"(?<![\w])(?:not|never)(?![\w])", re.IGNORECASE)
_DENIED_BY_RELATIVE = re.compile(r"(?<![\w])(?:that|which)(?![\w])[^,;]*?(?<![\w])(?:not|never)(?![\w])[^,;]*$", re.IGNORECASE)
# a date right after "before" bounds the event from above, it is not the event's date
_BEFORE_DATE = re.compile(r"(?<![\w])(?:before|prior\s+to|ahead\s+of)\s+(?:the\s+)?$", re.IGNORECASE)
# organization kinds (organizations.yaml) of the media: a country in their names is not a mention of it
_MEDIA_KIND_WORDS = ("news", "media", "photo")
# first-person plural ("US" in capitals is the country, not the pronoun)
# "Britain has struggled to strike trade deals since it left the EU": "it" opening a clause after a subordinator
# or "and" stands for the country the sentence opened with, when that is the only country named before it
_SUBJECT_IT = re.compile(r"(?<![\w])(?:since|after|when|before|until|because|once|and|but|although|though|while)"
                         r"\s+(it|they)(?=\s+(?:(?:has|had|have|was|is|formally|officially|finally|first|eventually|then|"
                         r"also|only|already)\s+)*[a-z])")
_MAX_SUBJECT_IT_OPENING = 40  # characters before the opening country (its article, an adjective: "The UK's economy")
# a sentence that opens with "It" and a step ("It becomes the 12th member", "It formally applied in 2022")
_OPENING_IT = re.compile(r"(It)\s+(?:(?:has|had|have|also|then|formally|officially|now|will|would|finally|thus)\s+)*"
                         r"(?:becomes|became|joined|joins|applied|applies|signed|acceded|ratified|withdrew|left|entered)(?![\w])")
_QA_QUESTION = re.compile(r"\s*(?:Q|Question)\s*[:.]\s*[^\n]{0,200}\?[\"”]?\s*$")
_TURN_LABEL = re.compile(r"\s*(?:[-•*–]\s*)?[A-Z][A-Za-z.]{0,15}\s*:\s*")  # ("A:", "Answer:", "- ")
_OPENING_THEY = re.compile(r"(They)\s+(?:(?:have|had|also|then|formally|officially|all|both|together)\s+)*"
                           r"(?:signed|joined|ratified|acceded|became|founded|formed|created|launched|applied|left|withdrew)"
                           r"(?![\w])")
_FIRST_PERSON_PLURAL = re.compile(r"(?<![\w’'])(?:[Ww]e|[Oo]ur|us)(?![\w’'])")
# "Tokayev on Thursday formally ruled out joining": the words a leader subject may stand from its trigger
_MAX_WORDS_AFTER_LEADER = 4
# right after a trigger: the event came some time after the date before it ("Sweden followed a year later")
# a step soon after another: "Taiwan followed within days", "shortly afterwards"
_SOON_AFTER = r"within\s+(?:(?:a|an|one|two|three|four|five|six|several|a\s+few|\d+)\s+)?(?:hours?|days?|weeks?|months?)" \
              r"|(?:shortly|soon)\s+after(?:wards)?"
_LATER_OFFSET = re.compile(
    r"\s+(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|some|\d+)\s+)?"
    r"(?:hours?|days?|weeks?|months?|years?|decades?)\s+later(?![\w])|\s+the\s+(?:next|following)\s+(?:day|week|month|year)"
    r"|\s+(?:later|afterwards?|subsequently)(?![\w])(?!\s+(?:this|that|next|in|on)(?![\w]))"
    rf"|\s+(?:{_SOON_AFTER})(?![\w])",
    re.IGNORECASE,
)
# The trigger's own subject is an unnamed plural right before it ("many more countries were seeking to join")
_UNNAMED_SUBJECT = re.compile(
    r"(?<![\w])(?:countries|nations|states|governments|capitals|ones|those|others|(?:\d+|some|many|most|several|all|"
    r"a\s+few|a\s+dozen|dozens|two|three|four|five|six|seven|eight|nine|ten)\s+of\s+(?:them|these|those))\s+"
    r"(?:(?:that|which|who)\s+)?"
    r"(?:(?:are|were|is|was|have|has|had|will|would|could|may|might|also|now|still|been|be|already|all|\w+ly)\s+){0,3}$",
    re.IGNORECASE)  # also a relative clause of the group: "different from that of the countries that joined"
# right before a trigger: a temporal clause about an earlier step ("... two years after it applied to join")
# ("..., nearly two years after Sweden applied": a trigger that starts at its country)
_EARLIER_STEP = re.compile(r"(?<![\w])(?:after|since)\s+(?:(?:it|they|\x02\x01*)\s+(?:had\s+|has\s+|first\s+)?)?$", re.IGNORECASE)
# a line that opens with a country and a colon, as in a list or a Q&A ("- Lebanon: its leaders have ruled out ...")
_LABEL_OPENER = re.compile(r"\s*(?:[-•*–]\s*)?(?:the\s+)?\x02\x01*(?:\s*(?:,|,?\s*and|&)\s*(?:the\s+)?\x02\x01*)*\s*:")
# a trigger that ends in a verb of joining ("Sudan joins the UAE, Bahrain and Morocco in ...")
_JOIN_VERB = re.compile(r"(?<![\w])join(?:s|ed|ing)?$", re.IGNORECASE)
# a rank without an ordinal ("the latest country to join")
_LATEST = re.compile(r"(?<![\w])(?:latest|newest|most recent)(?![\w])", re.IGNORECASE)
# A pronoun right after an attribution ("Qatar said it ...", "Saudi officials said on Monday that they ..."),
# possibly after a short time adverbial, stands for the speaking country; "his government" after a leader's
# attribution stands for the leader's country.
# a verb of telling that ends an attribution, and its addressee up to "that"
_TELLING_VERB_AT_END = re.compile(r"(?<![\w])(?:told|tells|informed|informs|notified|notifies|assured|assures)\s*$",
                                  re.IGNORECASE)
_TOLD_WHOM_THAT = re.compile(r"\s*[^,;:\"“”.]{1,80}?\s+(?=that\s)", re.IGNORECASE)
_SPEAKER_PRONOUN = re.compile(
    r"\s*(?:(?:on|in|last|this|earlier|later|previously|again|also|repeatedly|publicly|\w+day|week|month|year|"
    r"January|February|March|April|May|June|July|August|September|October|November|December|\d{1,4})\s+){0,3}?"
    r"(?:that\s+)?(it|its|they|their|(?:his|her)\s+(?:country|government|nation|kingdom|administration))(?![\w’'])",
    re.IGNORECASE,
)
# Verbal triggers that can leave their object (the accord) unsaid: "Morocco and Sudan joined later",
# "Will Oman be next?", "China applied to join in 2021".
_ELLIPTIC_TRIGGER = re.compile(
    r"(?:join|joined|joining|joins|sign|signed|follow|followed|suit|next|accede|acceded|accession|ratifications?|signatures?|negotiating|talks|negotiations|"
    r"discussions|candidates?|candidacy|members?|membership|part(?:y|ies)|entrants?|additions?|signator(?:y|ies)|line|applications?|applied|apply|applying|"
    r"applicants?|bids?|reach|agenda|table|left|withdrew|withdrawn|frozen|retracted|exited|quit|leave|exit|withdraw|withdrawal|departure|"
    r"status|invitations?|offers?|instruments?|accession treat(?:y|ies)|accession protocols?|country|ties|relations|aboard|"
    r"board|seats?|signed on|signed up|interested|interest|entered|came in|admitted|brought in|option|policy|"
    r"process|ratified|"
    r"normali[sz]e|normali[sz]ation|recogni[sz]e)[\"”]?$",
    re.IGNORECASE,
)
# A {C} list trigger whose words before the list say what the countries are ("the members are A and B",
# "the countries we are talking to include A and B"): with nothing after the list, the accord is unsaid.
_LIST_HEAD = re.compile(
    r"(?:members?|signatories|parties|joined|joining|join|signed|applied|applicants|namely|founders|founded|original|founding|"
    r"accession|membership|applications?|ratifiers|ratification|entry|admission|arrival|"
    r"brought in|took in|admitted|"
    r"(?:talking|speaking) (?:to|with))\W+(?:\w+\W+){0,4}$", re.IGNORECASE
)
# a list headed by a membership noun: "founding members", "the pact's existing members:", "the original five:"
_MEMBERS_HEAD = re.compile(r"(?:members|founders|signatories|parties|ratifiers|(?:original|founding|existing)\s+(?:two|three|four|five|six|"
                           r"seven|eight|nine|ten|eleven|twelve|\d{1,2}))\W*(?:(?:include|are|were|namely)\W+)?(?:the\s+)?$",
                           re.IGNORECASE)
# What may follow an elided object in the same clause: adverbs, a date, a place, a condition.
_ADVERBIAL = (
    r"(?:at the right time|when the time is right|in due course|(?:on )?the (?:same|next|following) (?:day|week|month|year)|"
    r"(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|some|\d+) )?"
    r"(?:hours?|days?|weeks?|months?|years?|decades?) later|later(?: (?:that|the same) (?:year|month))?|"
    # "joined in the months that followed", "followed in the months after"
    r"in the (?:following |next |subsequent )?(?:days|weeks|months|years)(?: (?:that followed|after|afterwards|since))?|"
    rf"{_SOON_AFTER}|"
    # a membership with no name: "submitted an official application for membership in August"
    r"for (?:full |formal )?(?:membership|accession)(?: (?:of|in|to) (?:the|this) (?:bloc|group|grouping|alliance|union|pact|"
    r"organi[sz]ation))?|"
    r"for (?:(?:around|about|nearly|almost|more than|over) )?(?:(?:[\w-]+ )?(?:years|decades|months)(?: now)?|an? (?:year|decade)|some time|a long time)|"
    r"since (?:\d{4}|[A-Z][a-z]+(?: \d{4})?)|too|also|as well|soon|very soon|subsequently|afterwards|eventually|first|yet|now|officially|formally|"
    r"of each other|of one another|"  # ("applied within a week of each other")
    r"once \w+|at (?:the|its|their|a|this|last|next)?\s?(?:\d{4} )?[A-Z\x02][\w.'’\x01-]*(?: [A-Z\x02][\w.'’\x01-]*){0,3}"
    r"(?: (?:summit|meeting|conference|ceremony|talks))?|at (?:the|its|their|a|this|last|next) (?:\d{4} )?(?:summit|meeting)|"
    r"at (?:a|an|the) (?:[\w-]+ ){0,3}?(?:event|ceremony|meeting|summit|conference|session)|"
    r"in (?:the )?(?:\d{4}|[A-Z\x02][\w'’\x01-]*(?: \d{1,4})?)|"
    r"in (?:early|late|mid)[\s-]+(?:\d{4}|[A-Z][a-z]+)|"
    r"on (?:\w+day|[A-Z][a-z]+\.? \d{1,2}(?:, \d{4})?|\d{1,2} [A-Z][a-z]+\.?(?: \d{4})?)|"
    r"(?:this|last|next|that|the following) (?:year|month|week|January|February|March|April|May|June|July|August|September|"
    r"October|November|December|spring|summer|autumn|fall|winter|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
    r"as (?:a |an )?(?:full(?:-fledged)? |new |founding )?(?:members?|partners?)|"
    r"with (?:the )?[A-Z\x02][\w.'’\x01-]*)"
)
_CONDITION_AT_END = re.compile(r"(?<![\w])(?:without|until|before|unless)$", re.IGNORECASE)
_ELIDED_OBJECT = re.compile(
    # ("Sudan also agreed to normalize ties but ...": relations with no one named are the counterparty's, in its story)
    r"(?:\s+(?:full\s+|formal\s+|diplomatic\s+)*(?:ties|relations)(?!\s+(?:with|between)(?![\w])))?"
    rf"(?:[\s,\"“”'‘’]*{_ADVERBIAL})*[\s\"“”'‘’]*"
    r"(?:[.!?;,:—–]|\s-\s|$|(?:unless|until|once|if|when|before|after|without|because|since|as long as|and|but|"
    r"in exchange for|in return for)(?![\w]))"
)
# A named object right after a trigger ("accession to the OECD", "joined the OPEC+ charter"): the
# claim is about that, not about the article's accord, unless it is a registry name.
_NAMED_OBJECT = re.compile(r"\s*(?:to |into |of |from )?(?:the )?(?:(?:original|former|old|earlier|proposed|now-defunct|defunct) )?"
                           r"[A-Z][A-Za-z+&.-]*")  # ("pulled out of the original Trans-Pacific Partnership", "exit from the EAEU")
# an accord's own programme or body right after the trigger: "NATO's Partnership for Peace", "the EU's Eastern Partnership"
_ACCORD_PROGRAMME = re.compile(r"\s*(?:to |into |of |in )?(?:the )?(?P<owner>[A-Z][\w+&.-]*)(?:'s|’s)\s+[A-Z][\w-]*")
_LED_BY = re.compile(r"-(?:led|backed|founded|created|sponsored|run|dominated|funded|financed)$", re.IGNORECASE)
_CALENDAR_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december".split()
)
_RECENT_SENTENCES = 2
# a trigger that says membership itself ("the completion of the procedures for Belarus's accession") is no programme's
_MEMBERSHIP_WORD = re.compile(r"accession|member", re.IGNORECASE)
_PROGRAMME_REACH = 6  # sentences back where a programme named still owns an unsaid object (this paragraph or the last)
# how far right of a noun trigger its modality cues count ("a normalisation deal between Saudi Arabia and Israel
# would be ...": the parties stand between the noun and its verb)
_NOUN_CUE_REACH = 80
# a passive right before a verb trigger: its subject is what was signed or joined, not a country
_SIGNED_VERB = re.compile(r"(?:formally\s+|officially\s+)?(?:signed|ratified)(?![\w])", re.IGNORECASE)
# the nouns of a signed document: a deal's own ("the 2015 accord") and the formal papers besides
_DEAL_DOCUMENTS = r"treaty|treaties|accords?|agreements?|pact|deal|convention"
_DOCUMENTS = _DEAL_DOCUMENTS + r"|declaration|protocol|charter"
# a joining as a subject ("Armenia's accession", "the question of Armenia joining", "normalization with Israel")
_JOINING_WORD = re.compile(r"(?<![\w])(?:join|joining|membership|accession|normali[sz]\w*|relations|ties|recogni[sz]\w*|"
                           r"deal|accords?|it|this|that)(?![\w])", re.IGNORECASE)
# a comma-enclosed insertion ("Serbia and Montenegro, already in accession negotiations, were ...")
_APPOSITIVE = re.compile(r",[^,]*,")
# a clause of its own that makes the accord named next the object of another membership
_OTHER_MEMBERSHIP_BEFORE = re.compile(r"[,;][^,;]*?\b(?:became|becomes|become|joined|joins|was|were|is|are)\s+(?:already\s+)?"
                                      r"(?:a|an|the)\s+(?:full\s+|founding\s+)?members?\s+of\s+(?:the\s+)?$", re.IGNORECASE)
# the object of another clause's joining, for a joining told without its object ("Croatia joined in 2009, ..., and
# Croatia entered the EU in 2013"; not for a list of founders: "the founding countries - A, B - ...; these four states
# joined BRICS")
_OTHER_JOINING_BEFORE = re.compile(r"[,;][^,;]*?\b(?:joined|joins|entered|enters|acceded\s+to|accedes\s+to)\s+(?:the\s+)?$",
                                   re.IGNORECASE)
_JOINING_TRIGGER = re.compile(r"(?:joined|joins|entered|enters|acceded|accedes)$", re.IGNORECASE)
# an offset back from a date told before the subject: "..., a year after Iran joined"
_OFFSET_AFTER = re.compile(r"(?<![\w])(?:a|an|one|two|three|four|five|six|several|a\s+few|\d+)\s+(?:days?|weeks?|months?|years?)\s+"
                           r"after\s+(?:the\s+)?$", re.IGNORECASE)
# a country right before an apposition that opens with a possessive: "Saudi Arabia, Bahrain's closest ally, ..."
_APPOSITION_HEAD = re.compile(r"(?P<country>\x02\x01*),\s*(?:the\s+)?$")
# a year that names a document: "the 2015 accord", "the landmark 2015 climate pact"
_DOCUMENT_YEAR = re.compile(rf"\s+(?:[\w-]+\s+){{0,2}}?(?:{_DEAL_DOCUMENTS})(?![\w])", re.IGNORECASE)
# a dash right after a country: the end of a list in apposition ("— the UAE, Bahrain and Morocco — were ...")
_CLOSING_DASH = re.compile(r"(?<=[\x01\x02])\s*[—–]")
_NEXT_WORD = re.compile(r"(?<![\w])(?:next|follow)(?![\w])", re.IGNORECASE)
# a title about a country leaving an accord ("Trump's Paris Agreement exit: five things ...")
_LEAVING_TITLE = re.compile(r"(?<![\w])(?:exit|exits|withdrawal|withdraws|withdrew|leaves|quits|pulls out|pulled out|"
                            r"walks out|Brexit)(?![\w])", re.IGNORECASE)
_FOLLOW_WORD = re.compile(r"(?<![\w])follow(?:ing)?(?![\w])", re.IGNORECASE)
_POSSESSIVE_AT = re.compile(r"['’]s?(?![\w])")
# the words a post, a caption or a rumour carries, quoted after a colon ('... with the message: "Serbia officially
# became a member of BRICS"', 'one post read: "..."')
_POSTED_QUOTE = re.compile(r"(?<![\w])(?:messages?|posts?|captions?|slogans?|headlines?|banners?|graphics?|tweets?|"
                           r"memes?|videos?|rumou?rs?|read|reads|reading|claiming|claimed)\s*:\s*$", re.IGNORECASE)
# a sector's deal ("energy-water deal", "a free trade agreement", "aviation agreements"): no peace or normalization
_SECTOR_DEAL = re.compile(r"(?<![\w])(?:energy|water|gas|oil|electricity|trade|free-trade|customs|tariffs?|aviation|airline|"
                          r"flights?|tourism|visas?|investment|tax|arms|weapons|defen[cs]e|military|cyber|technology|"
                          r"health|agricultur\w*|fisheries|shipping|port|rail|loan|debt|grain)(?:[\s-]|$)", re.IGNORECASE)
# right after a body's name, a past verb of its own ("the European Union pushed it over the threshold")
_ACTS_AFTER = re.compile(r"\s+(?:has\s+|had\s+|have\s+)?(?!based|led|backed)[a-z]+ed(?![\w])")
_COORDINATE_BETWEEN = re.compile(r",\s*(?:and|but|while|whereas)\s")
# a joining told in the future tense
_WILL_JOIN = re.compile(r"(?:will|'ll|’ll|would)\s+(?:eventually\s+|one\s+day\s+|definitely\s+|certainly\s+)?join(?![\w])",
                        re.IGNORECASE)
# a count of a part before a counted plural: "Three of these four countries", "two of the three"
_SUBSET_OF = re.compile(r"(?<![\w])(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|some|most|all|"
                        r"none|both|each|several|many|few)\s+of\s+$", re.IGNORECASE)
# a chronology's list item opening with its date: "• 1 May — ...", "- March 29, 2004: ...", "* 12 June 2024 – ..."
_DATE_LABEL = re.compile(r"\s*[-–—•*·]\s*(?:\d{1,2}\s+[A-Z][a-z]+\.?|[A-Z][a-z]+\.?\s+\d{1,2})(?:,?\s+\d{4})?\s*(?:[-–—:]|$)")
# a joining told in the present tense ("joins", "enters", "accedes to", "becomes a member")
_PRESENT_JOINING = re.compile(r"(?:joins|enters|accedes|becomes)(?![\w])", re.IGNORECASE)
# a table cell that holds only a list of countries ("Brazil, Russia, India, China", "Egypt / Ethiopia & Iran")
_ONLY_A_LIST = re.compile(r"\s*(?:the\s+)?\x02\x01*(?:\s*(?:,|;|/|&|\band\b)\s*(?:the\s+)?\x02\x01*)*\s*")
# a colon or semicolon after a trigger, before the question mark that ends the sentence: the question is a later clause
_QUESTION_OPENS_AFTER = re.compile(r"[:;][^:;]*\?[\"”'’\s]*$")
# a quotation that is a name given to something: 'described the news as "Bangladesh joins BRICS"', 'billed as "..."'
_NAMED_AS_QUOTE = re.compile(r"(?<![\w])(?:described|describes|describing|dubbed|dubs|labell?ed|labels|billed|bills|"
                             r"branded|brands|touted|touts|headlined|characteri[sz]ed)\s+(?:[\w’'-]+\s+){0,5}?as\s*$",
                             re.IGNORECASE)
# a subject right before a passive "was signed" ("to this agreement since it was signed")
_PASSIVE_AFTER_SUBJECT = re.compile(r"\s+(?:was|were|is|are|has\s+been|have\s+been|had\s+been|will\s+be|would\s+be)"
                                    r"\s+(?:\w+ly\s+)?", re.IGNORECASE)
# (not a document's possessor: "The Protocol on the Accession of the United Kingdom was signed in Auckland")
_OF_BEFORE = re.compile(r"(?<![\w])of\s+(?:the\s+)?$", re.IGNORECASE)
_PASSIVE_BE = re.compile(r"(?<![\w])(?:be|been|being)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
# a subordinate clause whose subject is a document signed: "would not follow ... before a peace agreement is signed
# with the Palestinians" (the agreement's signature, not the country's before it; "Bahrain's deal was signed" and
# "Rabat - A joint declaration was signed ..." keep theirs)
_DOCUMENT_PASSIVE = re.compile(
    r"(?<![\w])(?:before|after|until|unless|once|when|if|as\s+soon\s+as)\s+(?:a|an|the|any|this|that|such)\s+(?:[\w-]+\s+){0,3}?"
    rf"(?:{_DOCUMENTS}|document)\s+(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
# a participle after a document names no subject: "the depositary of the North Atlantic Treaty, signed there in 1949"
_DOCUMENT_BEFORE = re.compile(rf"(?:{_DOCUMENTS})\s*,?\s*$", re.IGNORECASE)
# Where a coordinated clause with its own dates starts ("..., and Israel did recognize it on December 26").
_NEXT_COORDINATE = re.compile(r"[,;]\s*(?:and|but|while|as|after|before|when|whereas)(?![\w])|;", re.IGNORECASE)
def _country_code(entity_id: str) -> str:
    return entity_id.split(":", 1)[1]


class _ArticleClaims:
    def __init__(self, article: ArticleText, entities: ArticleEntities):
        self.article = article
        self.reference = reference_date(article)
        self.dates = entities.dates or extract_dates(article)
        names = {e.entity_id: e.name for e in entities.entities}
        self.entities = {e.entity_id: e for e in entities.entities}
        # a country's name inside a news outlet's ("RBC-Ukraine reports ...") is no country of the sentence
        media = [(m.start_char, m.end_char) for m in entities.mentions if m.entity_type == "organization"
                 and m.entity_id in self.entities
                 and any(word in (self.entities[m.entity_id].kind or "") for word in _MEDIA_KIND_WORDS)]
        countries = [m for m in entities.mentions if m.entity_type == "country"
                     and not any(lo <= m.start_char and m.end_char <= hi for lo, hi in media)]
        # a national government named without its country ("the Biden administration has been clear that it's not
        # interested in joining", "the State Department"): that country, where no country mention lies inside it
        countries += [replace(m, entity_id="country:" + m.entity_id.rsplit("-", 1)[-1].upper(), entity_type="country",
                              method="government")
                      for m in entities.mentions if m.entity_id.startswith("organization:government-")
                      and not any(c.start_char < m.end_char and m.start_char < c.end_char for c in countries)]
        self.countries = sorted(countries, key=lambda m: m.start_char)
        self._country_starts = [m.start_char for m in self.countries]
        self._country_spans = [(m.start_char, m.end_char, _country_code(m.entity_id)) for m in self.countries]
        self._country_codes = [_country_code(m.entity_id) for m in self.countries]
        self._codes_by_sentence: dict[int, set[str]] = defaultdict(set)
        for m, code in zip(self.countries, self._country_codes):
            self._codes_by_sentence[m.sentence_idx].add(code)
        self._dates_by_sentence: dict[int, list] = defaultdict(list)
        for d in self.dates:
            self._dates_by_sentence[d.sentence_idx].append(d)
        accord_mentions = [m for m in entities.mentions if m.entity_type == "accord"] or find_accord_mentions(article)
        self.accord_mentions = [m for m in accord_mentions if m.method != "context_alias"]
        self.generic_mentions = [m for m in accord_mentions if m.method == "context_alias"]
        self.accord_referenced = {m.sentence_idx for m in accord_mentions}  # named or generic phrase
        roles: dict[str, set[str]] = defaultdict(set)
        role_countries: dict[str, set[tuple[str, str]]] = defaultdict(set)
        for role in entities.person_roles:
            roles[role.person_id].add(role.role)
            if role.country_iso2:
                role_countries[role.person_id].add((role.role, role.country_iso2))
        self.resolver = AttributionResolver(article, entities.mentions, names, roles, role_countries)
        self._table = None  # the text table being read: (its header, the accord it is about)
        self._member_list: tuple[Accord, dating.ClaimDate | None] | None = None  # the list of members being read
        self._candidate_list = False  # that list names candidates, not members ("... submitted formal requests to accede:")
        self._country_box: str | None = None  # the country of a fact box of memberships being read
        topics = article_topic_accords(article)
        self.topic: Accord | None = accords_by_id().get(topics[0]) if topics else \
            unnamed_topic(article.sentences, self._codes_by_sentence, self.reference)
        self.main_topic = self.topic  # a section heading returns to it
        self.named_accords = len(topics)
        self.claims: list[Claim] = []
        self._last_claim_of: dict[int, Claim] = {}  # sentence_idx -> the last claim emitted for it
        self._named_in: dict[int, list[Mention]] = defaultdict(list)  # sentence_idx -> its named accords
        for m in self.accord_mentions:
            self._named_in[m.sentence_idx].append(m)
        self._generic_in: dict[int, list[Mention]] = defaultdict(list)
        for m in self.generic_mentions:
            self._generic_in[m.sentence_idx].append(m)
        self.last_range_upper: date | None = None
        self.last_heading_idx = -1
        self._heading_is_question = False
        self._attributed_upto = 0  # sentences before this index have had their attribution read
        # per sentence: which triggers and which country descriptions may match (one pass each over the body)
        self._trigger_masks = [
            first & second for first, second in zip(trigger_gate().sentence_masks(article.body, article.sentences),
                                                    trigger_second_gate().sentence_masks(article.body, article.sentences))
        ]
        self._descriptor_masks = descriptor_masks(article)
        self._persons_in, self._leader_country = _people_and_leaders(article, entities)
        governments = [(m.start_char, m.end_char) for m in self.countries if m.method == "government"]
        if governments:
            # ("the Biden administration had been pressing Riyadh": the government presses, not Biden by name)
            for k, ms in self._persons_in.items():
                ms[:] = [m for m in ms if not any(lo <= m.start_char and m.end_char <= hi for lo, hi in governments)]
        # where a person's name or title starts (body offsets)
        self._person_starts = {m.start_char for m in entities.mentions if m.entity_type == "person"} | \
            {r.start_char for r in entities.person_roles if r.source == "text"}

    def _position(self, sentence: SentenceText) -> int | None:
        """Index of ``sentence`` in ``article.sentences`` (its sentence_idx), None if it is not there."""
        k = sentence.sentence_idx
        sentences = self.article.sentences
        return k if 0 <= k < len(sentences) and sentences[k] is sentence else None

    def _catch_up_attribution(self, sentence_idx: int) -> None:
        """Read the attribution of the skipped body sentences before ``sentence_idx``, in article
        order, so the resolver's memory of the last speaker is what a full pass would leave. Only
        needed where that memory is read (a pronoun speaker, a quotation): a sentence that names
        its own speaker is attributed out of order (``independent_attribution``)."""
        sentences = self.article.sentences
        for k in range(self._attributed_upto, sentence_idx):
            if not sentences[k].is_heading:
                self.resolver.attribution(k)
        self._attributed_upto = max(self._attributed_upto, sentence_idx + 1)

    # --- per sentence --------------------------------------------------------------------------

    def _speaker(self, sentence: SentenceText) -> tuple[Speaker, tuple[int, int], tuple[int, int], str, int]:
        """(speaker, excluded span, content span, rule, outlet_end) for one sentence: the text before
        ``outlet_end`` (when not 0) is the outlet's, the speaker's attribution being in a clause of its own."""
        known, attribution = (False, None) if sentence.in_quote else \
            self.resolver.independent_attribution(sentence.sentence_idx)
        if not known:  # a pronoun speaker or a quotation: the sentences before it are read first, in order
            self._catch_up_attribution(sentence.sentence_idx)
            attribution = self.resolver.attribution(sentence.sentence_idx)
        full = (0, len(sentence.text))
        if sentence.in_quote:
            quoted = self.resolver.quote_speaker(sentence.sentence_idx)
            if attribution is not None and attribution.rule.startswith("trailing"):
                return attribution.speaker, (attribution.speaker_start, attribution.speaker_end), \
                    (attribution.content_start, attribution.content_end), "quote", 0
            if quoted is not None:
                return quoted, (0, 0), full, "quote", 0
        if attribution is None:
            labelled = self.resolver.label_speaker(sentence.sentence_idx)
            if labelled is not None:
                label_speaker, label_end = labelled
                if label_speaker is QUESTIONER:
                    return OUTLET, (0, 0), (0, 0), "question", 0  # a reporter's question claims nothing
                return label_speaker, (0, label_end), (label_end, len(sentence.text)), "transcript", 0
            return OUTLET, (0, 0), full, "outlet", 0
        return attribution.speaker, (attribution.speaker_start, attribution.speaker_end), \
            (attribution.content_start, attribution.content_end), attribution.rule, attribution.outlet_end

    def _slots(self, sentence: SentenceText, excluded: tuple[int, int], speaker_country: str | None = None,
               leader_country: str | None = None) -> list[Slot]:
        base = sentence.start_char
        slots, taken = [], []
        first = bisect_left(self._country_starts, sentence.start_char)
        last = bisect_right(self._country_starts, sentence.end_char)
        non_actor = claim_vocabulary().non_actor_noun
        for i in range(first, last):
            m = self.countries[i]
            if m.end_char <= sentence.end_char:
                slot = Slot(m.start_char - base, m.end_char - base, self._country_codes[i], m.text, "mention")
                taken.append((slot.start, slot.end))
                if m.method == "demonym" and non_actor is not None and non_actor.match(sentence.text, slot.end):
                    continue  # "the Palestinian issue", "Saudi airspace": no acting state
                if not (excluded[0] <= slot.start < excluded[1]):
                    slots.append(slot)
        k = self._position(sentence)
        descriptors = mask_indexes(self._descriptor_masks[k]) if k is not None else None
        if descriptors is None or descriptors:  # no description can match: nothing to resolve
            before_end = bisect_left(self._country_starts, sentence.end_char)
            previous = list(zip(self._country_starts[:before_end], self._country_codes[:before_end]))
            skip = self.topic.non_joiners if self.topic else frozenset()
            for coref in resolve_descriptors(sentence.text, base, previous, skip, taken, descriptors,
                                             self._listed_countries, self.article.body):
                if not (excluded[0] <= coref.start < excluded[1]):
                    slots.append(Slot(coref.start, coref.end, coref.code, coref.text, "coref"))
        lowered = sentence.text.lower()
        for m in counted_plurals(sentence.text, lowered):
            if any(s < m.end() and m.start() < e for s, e in taken) or excluded[0] <= m.start() < excluded[1]:
                continue
            if _SUBSET_OF.search(sentence.text, 0, m.start()):
                continue  # "Three of these four countries, Chile, Mexico and Peru, ...": a part, named after it
            # "these four states": the list of exactly four countries just before it, in this sentence or the one before
            earliest = self.article.sentences[max(0, sentence.sentence_idx - 1)].start_char
            for code in counted_group(self.article.body, self._country_spans, base + m.start(), m["n"], earliest):
                slots.append(Slot(m.start(), m.end(), code, m.group(), "coref"))
        for start, end, text, code in group_slots(sentence.text, taken, lowered):
            if not (excluded[0] <= start < excluded[1]):
                slots.append(Slot(start, end, code, text, "coref"))  # "the three Baltic states"
        if (speaker_country or leader_country) and sentence.in_quote:
            # a quotation of a country, its government or its leader: "we", "our" and "us" are that country
            # ('"We see our accession to the accords as ...," the ministry said', '"We are withdrawing from the Paris
            # accord," Trump said')
            for m in _FIRST_PERSON_PLURAL.finditer(sentence.text):
                if not speaker_country and m.group() == "us":
                    continue  # (a leader's "us" is no subject of a step: "not prepared for us to start negotiations")
                if not (excluded[0] <= m.start() < excluded[1]) and not any(s.start < m.end() and m.start() < s.end for s in slots):
                    slots.append(Slot(m.start(), m.end(), speaker_country or leader_country, m.group(), "coref"))
        opening_they = _OPENING_THEY.match(sentence.text)
        if opening_they and not (excluded[0] <= opening_they.start(1) < excluded[1]):
            for code in self._previous_list(sentence):
                # "A: Japan, Australia, Brunei, ... and Vietnam. They signed the agreement in Santiago in March 2018.":
                # the list that makes up the sentence before
                slots.append(Slot(opening_they.start(1), opening_they.end(1), code, "They", "coref"))
        opening_it = _OPENING_IT.match(sentence.text)
        if opening_it and not (excluded[0] <= opening_it.start(1) < excluded[1]):
            code = self._previous_opening_country(sentence)
            if code is not None:
                # "The UK is the first new member since 2018. It becomes the 12th member alongside ...": the country that
                # opened the sentence before
                slots.append(Slot(opening_it.start(1), opening_it.end(1), code, "It", "coref"))
        if slots and slots[0].method == "mention" and slots[0].start <= _MAX_SUBJECT_IT_OPENING:
            slots.extend(self._subject_it(sentence, slots, excluded))
        if (speaker_country or leader_country) and excluded[1] > excluded[0]:
            # "Qatar said it would not ...": 'it' right after the attribution is the speaking country;
            # "Somaliland's president, X, said his government would join": the leader's country
            told = _TOLD_WHOM_THAT.match(sentence.text, excluded[1]) \
                if _TELLING_VERB_AT_END.search(sentence.text, 0, excluded[1]) else None
            # ("Syria told the UN climate conference in Bonn on Tuesday that it will sign ...": whom it told comes first)
            m = _SPEAKER_PRONOUN.match(sentence.text, told.end() if told else excluded[1])
            own = m and (speaker_country if m.group(1).lower() in ("it", "its", "they", "their") else
                         speaker_country or leader_country)
            if own and not any(s.start < m.end() and m.start(1) < s.end for s in slots):
                slots.append(Slot(m.start(1), m.end(1), own, m.group(1), "coref"))
        return sorted(slots, key=lambda s: s.start)

    def _question_heading(self, sentence: SentenceText) -> bool:
        """An FAQ's question standing as a paragraph of its own ("So who actually wants full membership?")."""
        text = sentence.text.strip()
        if not text.endswith("?") or len(text.split()) > 14:
            return False
        k = sentence.sentence_idx
        sentences = self.article.sentences
        alone_before = k == 0 or sentences[k - 1].paragraph_idx != sentence.paragraph_idx
        alone_after = k + 1 >= len(sentences) or sentences[k + 1].paragraph_idx != sentence.paragraph_idx
        return alone_before and alone_after

    def _previous_list(self, sentence: SentenceText) -> list[str]:
        """The countries of the sentence before, in the same paragraph, when that sentence is nothing but a list of two
        or more of them (after an optional label: "A: Japan, Australia and Vietnam."); [] otherwise."""
        k = sentence.sentence_idx
        if k == 0 or self.article.sentences[k - 1].paragraph_idx != sentence.paragraph_idx:
            return []
        before = self.article.sentences[k - 1]
        lo, hi = bisect_left(self._country_starts, before.start_char), bisect_left(self._country_starts, before.end_char)
        if hi - lo < 2:
            return []
        slots = [Slot(m.start_char - before.start_char, m.end_char - before.start_char, code, m.text, "mention")
                 for m, code in zip(self.countries[lo:hi], self._country_codes[lo:hi])]
        label = _TURN_LABEL.match(before.text)
        body = before.text[label.end() if label else 0:]
        offset = len(before.text) - len(body)
        masked = mask(body, [replace(x, start=x.start - offset, end=x.end - offset) for x in slots if x.start >= offset])
        if not _ONLY_A_LIST.fullmatch(masked.rstrip(" .")):
            return []
        skip = self.topic.non_joiners if self.topic else frozenset()
        return [x.code for x in slots if x.code not in skip]

    def _previous_opening_country(self, sentence: SentenceText) -> str | None:
        """The country that opens the sentence before (its subject, a few words from its start, before any accord or
        person), in the same paragraph; None otherwise."""
        k = sentence.sentence_idx
        if k == 0 or self.article.sentences[k - 1].paragraph_idx != sentence.paragraph_idx:
            return None
        before = self.article.sentences[k - 1]
        i = bisect_left(self._country_starts, before.start_char)
        if i >= len(self.countries) or self.countries[i].start_char >= before.end_char \
                or self.countries[i].start_char - before.start_char > _MAX_SUBJECT_IT_OPENING:
            return None
        first = self.countries[i]
        if any(m.start_char < first.start_char for m in self._named_in.get(before.sentence_idx, ())) \
                or any(m.start_char < first.start_char for m in self._persons_in.get(before.sentence_idx, ())):
            return None
        code = self._country_codes[i]
        return None if self.topic is not None and code in self.topic.non_joiners else code

    def _subject_it(self, sentence: SentenceText, slots: list[Slot], excluded: tuple[int, int]) -> list[Slot]:
        """ "it" after a subordinator as the sentence's opening country ("Britain has struggled since it left the
        EU"), when no other country is named before it (but a partner after "with") and that country is not the
        accord's counterparty; "they" as the opening list of countries ("Estonia, Latvia and Lithuania marked 20 years
        since they became members"), one slot per country on the pronoun."""
        out = []
        text = sentence.text
        dateline = DATELINE_AGENCY.match(text)  # ("RIGA, March 29 (BNN) – Estonia, Latvia and Lithuania ...")
        lead = dateline.end() if dateline else 0
        slots = [s for s in slots if s.start >= lead]
        if not slots or slots[0].start - lead > _MAX_SUBJECT_IT_OPENING:
            return out
        opening = group_around(slots, slots[0], mask(text, slots))
        for m in _SUBJECT_IT.finditer(text, slots[0].end):
            if excluded[0] <= m.start(1) < excluded[1]:
                continue
            # (the partner of "with" is no candidate: "Egypt made peace with Israel when it signed the treaty")
            before = [s for s in slots if s.start < m.start(1) and not after_with(text, s)]
            plural = m.group(1).lower() == "they"
            subject = opening if plural else slots[:1]
            if {s.code for s in before} != {s.code for s in subject} or len(subject) != (len(opening) if plural else 1) \
                    or (plural and len(subject) < 2) or (self.topic and any(s.code in self.topic.non_joiners for s in subject)) \
                    or "," in text[lead:slots[0].start] or any(c in text[subject[-1].end:m.start()] for c in ';:"“”'):
                break
            out.extend(Slot(m.start(1), m.end(1), s.code, m.group(1), "coref") for s in subject)
        return out

    def _person_speaker(self, mention: Mention) -> Speaker:
        """A person mention as a speaker, under the entity's canonical name."""
        entity = self.entities.get(mention.entity_id)
        return Speaker(entity.name if entity else mention.text, mention.entity_id)

    def _leader_subject(self, sentence: SentenceText, excluded: tuple[int, int], clause_start: int,
                        trigger_start: int) -> tuple[list[Slot], Speaker | None]:
        """A clause without any country whose subject holds a role that speaks for a state ("President
        Shavkat Mirziyoyev ruled out joining the accords"): the person nearest before the trigger, a
        few words from it at most, stands for the role's country. Returns the slot and the person."""
        base = sentence.start_char
        before = [m for m in self._persons_in.get(sentence.sentence_idx, ())
                  if clause_start <= m.start_char - base and m.end_char - base <= trigger_start
                  and not excluded[0] <= m.start_char - base < excluded[1]]
        if not before:
            return [], None
        nearest = max(before, key=lambda m: m.end_char)
        code = self._leader_country.get(nearest.entity_id)
        start, end = nearest.start_char - base, nearest.end_char - base
        if code is None or len(_WORD.findall(sentence.text, end, trigger_start)) > _MAX_WORDS_AFTER_LEADER:
            return [], None
        return [Slot(start, end, code, nearest.text, "leader")], self._person_speaker(nearest)

    def _accord_ends_at(self, sentence: SentenceText, position: int) -> bool:
        """A registry accord's name ends right before ``position`` (sentence-relative)."""
        at = sentence.start_char + position
        return any(at - 3 <= m.end_char <= at for m in self._named_in.get(sentence.sentence_idx, ()))

    def _accord_inside(self, sentence: SentenceText, hit: Hit) -> bool:
        """A registry accord's name or generic phrase (or the topic's) lies inside the trigger's words."""
        start = max(0, hit.start - _DESCRIBED_REACH)  # the words that open the phrase: "the normalization agreements"
        lo, hi = sentence.start_char + start, sentence.start_char + hit.end
        return any(lo <= m.start_char < hi for m in (*self._named_in.get(sentence.sentence_idx, ()),
                                                     *self._generic_in.get(sentence.sentence_idx, ()))) \
            or context_alias_span(sentence.text[start:hit.end], self.topic) is not None  # "The pact, which ..."

    def _person_before(self, sentence: SentenceText, start: int, end: int, excluded: tuple[int, int]) -> Speaker | None:
        """The first person named in [start, end) (sentence-relative), outside ``excluded``: the clause's subject
        ("Cohen asked Baerbock to help persuade ...": Cohen)."""
        base = sentence.start_char
        before = [m for m in self._persons_in.get(sentence.sentence_idx, ())
                  if start <= m.start_char - base and m.end_char - base <= end
                  and not excluded[0] <= m.start_char - base < excluded[1]]
        if not before:
            return None
        return self._person_speaker(min(before, key=lambda m: m.start_char))

    def _leader_country_slot(self, sentence: SentenceText, end: int) -> tuple[list[Slot], Speaker | None]:
        """The country of the person nearest before ``end`` who holds a role that speaks for a state, and the
        person."""
        base = sentence.start_char
        leaders = [m for m in self._persons_in.get(sentence.sentence_idx, ())
                   if m.end_char - base <= end and m.entity_id in self._leader_country]
        if not leaders:
            return [], None
        nearest = max(leaders, key=lambda m: m.end_char)
        return [Slot(nearest.start_char - base, nearest.end_char - base, self._leader_country[nearest.entity_id],
                     nearest.text, "leader")], self._person_speaker(nearest)

    def _country_speaker(self, code: str) -> Speaker:
        """A country as the speaker of its own statement, under its canonical name."""
        entity = self.entities.get(f"country:{code}")
        return Speaker(entity.name if entity else code, f"country:{code}")

    def _speaker_country(self, speaker: Speaker) -> str | None:
        """The country a speaker stands for: a country itself or its government."""
        entity_id = speaker.entity_id or ""
        if entity_id.startswith("country:"):
            return _country_code(entity_id)
        entity = self.entities.get(entity_id)
        if entity is not None and entity.entity_type == "organization" and (entity.kind or "").startswith("government"):
            return entity.country_iso2
        return None

    def _named_accord(self, sentence: SentenceText, position: int, end: int | None = None) -> Accord | None:
        """The accord named in the sentence nearest the trigger at [position, end) (after it preferred,
        measured from its end: "The UK, which left the European Union in 2020, joined the CPTPP")."""
        before_mention = claim_vocabulary().time_reference
        mentions = self._named_in.get(sentence.sentence_idx, ())
        if not mentions:
            return None
        trigger_end = position if end is None else end
        text, base = sentence.text, sentence.start_char
        negated = _NEGATION_WORD.search(text, trigger_end) is not None  # cheap test before the relative clause's
        joining = _JOINING_TRIGGER.search(text, position, trigger_end) is not None
        named = [m for m in mentions
                 if not before_mention.search(text, 0, max(0, m.start_char - base))
                 and not _OUTSIDE_OF.search(text, 0, max(0, m.start_char - base))
                 and not self._object_of_leaving(text, m.start_char - base, position, trigger_end)
                 and not (negated and _DENIED_BY_RELATIVE.search(text, trigger_end, max(trigger_end, m.start_char - base)))
                 # "Albania applied for membership in April 2009, in the same month it became a member of NATO": the
                 # object of another clause's membership
                 and not (m.start_char - base >= trigger_end
                          and (_OTHER_MEMBERSHIP_BEFORE.search(text, trigger_end, m.start_char - base)
                               or (joining and _OTHER_JOINING_BEFORE.search(text, trigger_end, m.start_char - base))))
                 # "a month after the European Union pushed it over the threshold, and the United States and China had
                 # joined": an accord acting in a clause of its own is no object of the next one's joining
                 and not (m.end_char - base <= position and _ACTS_AFTER.match(text, m.end_char - base)
                          and _COORDINATE_BETWEEN.search(text, m.end_char - base, position))
                 # "Türkiye, a NATO member, confirmed it had applied to join the group": a description names another
                 # accord than the trigger's (unless the description is the trigger: "NATO member Turkey")
                 and (_starts_in(m, base + position, base + trigger_end)
                      or not _DESCRIBING.match(self.article.body, m.end_char)
                      # ("Already a NATO member since 2009, when it joined the Alliance": the object is that accord's)
                      or context_alias_span(text[trigger_end:trigger_end + 40], accords_by_id().get(m.entity_id)))]
        if not named:
            return None  # "... decades before the Abraham Accords": a point in time, not the object
        absolute, absolute_end = base + position, base + trigger_end

        def distance(m: Mention) -> int:
            if m.start_char >= absolute:
                return max(0, m.start_char - absolute_end)
            return (absolute - m.end_char) * 2
        return accords_by_id().get(min(named, key=distance).entity_id)

    def _relative_antecedent_accord(self, sentence: SentenceText, hit: Hit):
        """For a trigger in a relative clause about a named body ("the Organisation for Economic Co-operation and
        Development, which formally opened accession talks with Jakarta"): the registry accord that body is, None
        when it is another organization, False when the trigger is in no such clause."""
        text, base = sentence.text, sentence.start_char
        m = _WHICH_BEFORE.search(text, 0, hit.start)
        if m is None:
            return False
        head = text[:m.start()].rstrip()
        if not head or not (head[-1] == ")" or head.split()[-1][:1].isupper()):
            return False  # "..., which" after a common noun or a clause: not a named body
        for mention in self._named_in.get(sentence.sentence_idx, ()):
            if 0 <= base + len(head) - mention.end_char <= 8:  # the body is a registry accord ("the CPTPP, which")
                return accords_by_id().get(mention.entity_id)
        if any(base + len(head) - c.end_char in range(0, 3) for c in self.countries):
            return False  # "Kazakhstan, which joined ...": a country, the usual relative clause
        return None

    def _accord_is_subject(self, sentence: SentenceText, hit: Hit) -> bool:
        """A named accord stands right before the trigger as its subject ("the European Union signed ...",
        "NATO has signed ..."): the countries after the verb are its partners, not joiners."""
        if _PASSIVE_TRIGGER.match(sentence.text, hit.start):
            return False  # "The Abraham Accords were signed in 2020 by Israel with the UAE": a passive, its agents join
        position = sentence.start_char + hit.start
        return any(0 <= position - m.end_char <= 20 and _SUBJECT_GAP.fullmatch(sentence.text, m.end_char - sentence.start_char,
                                                                               hit.start)
                   for m in self._named_in.get(sentence.sentence_idx, ()))

    def _signs_a_named_document_of_its_own(self, sentence: SentenceText, hit: Hit) -> bool:
        """The trigger is followed by a named document ("an Association Agreement", "a Stabilisation and
        Association Agreement") that is not an accord of the registry."""
        m = _NAMED_DOCUMENT.match(sentence.text, hit.end)
        if m is None:
            return False
        lo, hi = sentence.start_char + m.start(), sentence.start_char + m.end()
        return not any(lo <= a.start_char < hi for a in self._named_in.get(sentence.sentence_idx, ()))

    @staticmethod
    def _object_of_leaving(text: str, mention_start: int, position: int, trigger_end: int) -> bool:
        """The accord is the object of another verb of leaving ("applied to join in February 2021, a year
        after leaving the European Union"), not of the trigger at [position, trigger_end)."""
        m = _LEAVING_BEFORE.search(text, 0, max(0, mention_start))
        return m is not None and (m.start() >= trigger_end or m.end() <= position)

    def _date_for(self, sentence: SentenceText, slot: Slot, status: str, speaker: Speaker, trigger_text: str,
                  excluded: tuple[int, int], after: tuple[int, int] | None = None,
                  trigger_end: int | None = None, scope: DateScope | None = None,
                  state: bool = False, trigger_start: int | None = None) -> dating.ClaimDate:
        """The event date: a date right after the trigger in its clause ("Jordan made peace with Israel
        in 1994", not the 1979 of the clause before), else the date nearest the country; only dates in
        the trigger's ``scope`` count. A trigger followed by a later offset ("Sweden followed a year
        later", "Morocco joined later") happened after a date before it, in its clause or the one before."""
        all_dates = self._dates_by_sentence.get(sentence.sentence_idx, [])
        base = sentence.start_char
        later = trigger_end is not None and _LATER_OFFSET.match(sentence.text, trigger_end)
        in_sentence = all_dates if scope is None else \
            [d for d in all_dates if scope.admits(d.start_char - base, d.end_char - base)]
        # "the depositary of NATO's founding 1949 treaty": the founding document's year, no one's joining
        in_sentence = [d for d in in_sentence if not _FOUNDING_BEFORE.search(sentence.text, 0, d.start_char - base)]
        # "the first Southeast Asian country to join the club formed in 2009 by Brazil, ...": the club's founding year
        # dates its founders named after it, not a joining named before it
        in_sentence = [d for d in in_sentence if not (base + slot.end <= d.start_char
                                                      and _FORMED_IN.search(sentence.text, 0, d.start_char - base))]
        if status in ("withdrawn", "declined", "candidate", "negotiating"):
            # "withdrawing the United States from the Paris Agreement, the landmark 2015 climate pact": a document's year
            # in its name dates no one's leaving, refusal or talks
            in_sentence = [d for d in in_sentence if not _DOCUMENT_YEAR.match(sentence.text, d.end_char - base)]
        dateline = DATELINE_AGENCY.match(sentence.text)
        if dateline and any(d.start_char - base >= dateline.end() for d in in_sentence):
            # "WASHINGTON, Feb 8 (AP) — Saudi Arabia said on Wednesday ...": the dateline dates the story, the
            # sentence's own date the statement
            in_sentence = [d for d in in_sentence if d.start_char - base >= dateline.end()]
        if not in_sentence and later:
            in_sentence = all_dates
        following = [d for d in in_sentence if after and base + after[0] <= d.start_char and d.end_char <= base + after[1]
                     and not (base + excluded[0] <= d.start_char < base + excluded[1])]
        # a date inside the trigger's own words dates it before one after it ("was formed in 2009 by A, B and C,
        # with D joining in 2010")
        inside = [d for d in in_sentence if following and trigger_start is not None and trigger_end is not None
                  and base + trigger_start <= d.start_char and d.end_char <= base + trigger_end]
        if inside:
            following = inside[-1:]
        nearest = min(following, key=lambda d: d.start_char) if following else \
            dating.nearest_date(in_sentence, base + slot.start, (base + excluded[0], base + excluded[1]), base + slot.end) \
            if in_sentence else None
        if nearest is not None:
            since = _SINCE_BEFORE.search(sentence.text, 0, nearest.start_char - base)
            if since or (later and nearest.end_char <= base + trigger_end):
                # "... since 2020" / "Sweden followed a year later": after that date, by publication
                by = self.reference if self.reference is not None and nearest.lower is not None \
                    and self.reference >= nearest.lower else None  # an event after publication stays open
                return dating.window(nearest.lower, by)
            if _BEFORE_DATE.search(sentence.text, 0, nearest.start_char - base) and nearest.lower is not None:
                return dating.window(None, nearest.lower)  # "Before 7 October, ... had been negotiating"
            if _OFFSET_AFTER.search(sentence.text, 0, slot.start) and nearest.lower is not None \
                    and nearest.end_char <= base + slot.start:
                return dating.window(None, nearest.lower)  # "in July 2024, a year after Iran joined": before that
            if state:  # "the BRICS group comprising A, B ... met on Tuesday" (not after publication: "this week")
                upper = nearest.upper if self.reference is None or nearest.upper is None else min(nearest.upper, self.reference)
                return dating.window(None, upper)
            return dating.ClaimDate.of(nearest)
        item = self._item_date(sentence)
        if item is not None:
            return dating.ClaimDate.of(item)  # "• 1 May — The big bang. Estonia joins the European Union ...": the day
            # the list item is labelled with
        if scope is not None and scope.embedded:
            return dating.before(self.reference)  # "Sudan, which agreed to normalize ties, ...", "Oman, once spoken
            # of as next in line, ...": background, not news of the day
        lowered = trigger_text.lower()
        if status == "signed" and (state or _MEMBERSHIP_STATE.match(lowered)):
            return dating.before(self.reference)
        if speaker is not OUTLET or status in ("negotiating", "candidate", "declined") or lowered.startswith(_PRESENT_OR_FUTURE):
            # news of the day: the day the speaker spoke when the attribution names it ("..., X said on Sunday.")
            said_on = [d for d in all_dates if base + excluded[0] <= d.start_char < base + excluded[1]
                       and d.precision == "day" and (self.reference is None or d.upper <= self.reference)]
            return dating.ClaimDate.of(said_on[0]) if said_on else dating.recent(self.reference)
        return dating.before(self.reference)

    def _item_date(self, sentence: SentenceText):
        """The date a list item of a chronology is labelled with ("• 1 May — The big bang. Estonia joins ...", "- March
        29, 2004: ..."), when the sentence lies in that item and names no date of its own; a day or a month, on or
        before publication. None otherwise."""
        k = sentence.sentence_idx
        first = k
        while first > 0 and self.article.sentences[first - 1].paragraph_idx == sentence.paragraph_idx:
            first -= 1
        opening = self.article.sentences[first]
        label = _DATE_LABEL.match(opening.text)
        if label is None:
            return None
        dates = [d for d in self._dates_by_sentence.get(first, [])
                 if d.start_char - opening.start_char <= label.end() and d.precision in ("day", "month")]
        if not dates or dates[0].lower is None or (self.reference is not None and dates[0].lower > self.reference):
            return None
        return dates[0]

    def _accord_for(self, sentence: SentenceText, hit: Hit, code: str, codes: set[str], when: dating.ClaimDate,
                    masked: str = "", clause_end: int | None = None, status: str = "") -> tuple[Accord | None, str]:
        if self._joins_a_person(sentence, hit):
            return None, ""  # "Morocco's king joined Trump in praising the accords"
        if masked and "join" in masked[hit.start:hit.end].lower() and _JOINS_COUNTRIES_AS.match(masked, hit.end):
            return None, ""
        antecedent = self._relative_antecedent_accord(sentence, hit)
        if antecedent is not False:
            return (antecedent, "named") if antecedent is not None else (None, "")
        named = self._named_accord(sentence, hit.start, hit.end)
        if self._signs_a_named_document_of_its_own(sentence, hit):
            return None, ""  # "Georgia signs an Association Agreement with the EU": not the EU itself
        if self._joins_a_programme(sentence, hit):
            return None, ""  # "has been part of NATO's Partnership for Peace programme since 1999": not NATO itself
        other_object = self._names_other_object(sentence, hit)
        if other_object and not (named is not None and context_alias_span(other_object, named)):
            return None, ""  # "Indonesia's accession to the OECD": about something the registry does not hold
            # (even when the sentence names an accord further on: "... to the OECD, and ... to join the CPTPP"),
            # unless it is the named accord's generic phrase ("a NATO member ..., when it joined the Alliance")
        if named is not None and not self._signed_another_document(sentence, hit, named):
            # an accord cannot take an event dated before it existed ("withdrew from the original
            # Trans-Pacific Partnership in January 2017" is not the CPTPP, in force from 2018)
            return (named, "named") if named.covers(when.lower, when.upper) else (None, "")
        if named is None and when.lower is None and _LONG_AGO.search(sentence.text):
            return None, ""  # "established diplomatic relations with Israel shortly after independence"
        lower, upper = when.lower, when.upper
        if lower is None and upper is None and self.reference:
            lower = upper = self.reference
        unnamed = unnamed_deal_accord(sentence.text, codes, code, lower, upper)
        set_apart = named is None and self._set_apart_from_topic(sentence)
        if unnamed is not None and self._signs_another_deal(sentence, hit, unnamed):
            return None, ""  # "peace treaty with Israel 'a document gathering dust'; Jordan will not sign energy-water
            # deal": the verb's own deal, not the treaty named in the other clause
        if unnamed is not None and code not in unnamed.not_unnamed_parties and not (set_apart and unnamed is self.topic):
            return unnamed, "registry"
        owner = self._step_owner(sentence) if named is None else None
        if owner is not None and owner is not self.topic:
            return owner, "own_step"  # "Georgia applied in March 2022 ... and received candidate status": the EU's
        if set_apart:
            return None, ""  # "..., a recognition made 'in the spirit of the Abraham Accords'": not under them
        # an accord the sentence does not name cannot take an event dated before it existed
        # ("India established full diplomatic relations with Israel in 1992")
        # nor a country whose step with the same counterparty is a treaty of its own (Egypt, Jordan)
        # (the article's own accord too, when a passing remark moved the topic away: "... has applied to join the CPTPP
        # trade pact." then "The original accords, signed in 2020, brought in ..." in an Abraham Accords story)
        for topic in dict.fromkeys((self.topic, self.main_topic)):
            if topic is not None and unnamed is None and context_alias_span(sentence.text, topic) \
                    and code not in topic.not_unnamed_parties and not self._has_own_object(sentence, hit) \
                    and topic.covers(when.lower, when.upper) and not party_elsewhere(code, topic):
                return topic, "context"
        elided = self._elided_accord(sentence, hit, masked, clause_end, status)
        if elided is not None and code not in elided.not_unnamed_parties and elided.covers(when.lower, when.upper) \
                and not party_elsewhere(code, elided):
            return elided, "ellipsis"
        return None, ""

    def _step_owner(self, sentence: SentenceText) -> Accord | None:
        """The one accord the article names whose ``own_steps`` the sentence tells ("received candidate status"),
        else None."""
        owners = [accord for accord in self._named_accords_of_article
                  if accord.own_step_pattern is not None and accord.own_step_pattern.search(sentence.text)]
        return owners[0] if len(owners) == 1 else None

    @cached_property
    def _named_accords_of_article(self) -> tuple[Accord, ...]:
        ids = {m.entity_id for m in self.accord_mentions}
        return tuple(a for a in accords_by_id().values() if a.entity_id in ids and a.own_steps)

    @cached_property
    def _listed_countries(self) -> frozenset[int]:
        """The country mentions inside long lists (not preferred as antecedents of "the kingdom")."""
        return listed_mentions(self.article.body, [(m.start_char, m.end_char) for m in self.countries])

    def _set_apart_from_topic(self, sentence: SentenceText) -> bool:
        """The sentence names the topic accord only to set its event apart from it ("not under the Abraham
        Accords", "in the spirit of the Abraham Accords"): no generic phrase or unnamed deal of it is that accord."""
        if self.topic is None:
            return False
        base = sentence.start_char
        return any(m.entity_id == self.topic.entity_id and _OUTSIDE_OF.search(sentence.text, 0, max(0, m.start_char - base))
                   for m in self._named_in.get(sentence.sentence_idx, ()))

    def _joins_a_person(self, sentence: SentenceText, hit: Hit) -> bool:
        """The trigger's object is a person ("joined Trump in praising ...", "joined Israeli Prime Minister
        Benjamin Netanyahu at ..."), not an accord: a person's name or title starts right after it (after
        a country's name or demonym, if any)."""
        text, base = sentence.text, sentence.start_char
        at = hit.end + len(text[hit.end:]) - len(text[hit.end:].lstrip())
        if base + at in self._person_starts:
            return True
        country = next((m for m in self.countries[bisect_left(self._country_starts, base + at):][:1]
                        if m.start_char == base + at), None)
        if country is None:
            return False
        at = country.end_char - base
        at += len(text[at:]) - len(text[at:].lstrip())
        return base + at in self._person_starts

    def _signed_another_document(self, sentence: SentenceText, hit: Hit, named: Accord) -> bool:
        """The verb has its own document right after it ("Jordan, which signed a peace treaty with Israel
        in 1994, is not part of the Abraham Accords") and the accord named elsewhere in the sentence is
        not that document ("signed the treaty to join the CPTPP" is): what was signed is looked up as an
        unnamed deal instead."""
        m = OWN_OBJECT.match(sentence.text, hit.end)
        if not m:
            return False
        base = sentence.start_char
        return not any(accords_by_id().get(a.entity_id) is named and a.start_char >= base + m.end()
                       and _DOCUMENT_OF_ACCORD.fullmatch(sentence.text, m.end(), a.start_char - base)
                       for a in self._named_in.get(sentence.sentence_idx, ()))

    def _joins_a_programme(self, sentence: SentenceText, hit: Hit) -> bool:
        """The trigger's object is a named programme or body of an accord ("part of NATO's Partnership for Peace",
        "joined the EU's Eastern Partnership", "BRICS's New Development Bank"), not the accord itself."""
        m = _ACCORD_PROGRAMME.match(sentence.text, hit.end)
        if m is None:
            return False
        start = sentence.start_char + m.start("owner")
        return any(x.start_char == start for x in self._named_in.get(sentence.sentence_idx, ()))

    def _names_other_object(self, sentence: SentenceText, hit: Hit) -> str | None:
        """The capitalized name that follows the trigger (not a country, not a registry accord nor its generic
        phrase: "to the Accords"), or None."""
        m = _NAMED_OBJECT.match(sentence.text, hit.end)
        if not m or not m.group().strip():
            return None
        start = sentence.start_char + m.start()
        last_word = m.group().split()[-1]
        if last_word.lower() in ("the", "to", "into", "of") or not last_word[:1].isupper():
            return None
        if last_word.lower().rstrip(".") in _CALENDAR_WORDS:
            return None
        window = sentence.text[hit.end:hit.end + len(m.group()) + 20].lower()
        if any(phrase in window for phrase in deal_phrases()):
            return None  # "signed the Treaty of Peace between ...": a registry accord's own words, capitalized
        covered = [x for x in self.countries if x.start_char <= start + len(m.group()) and start < x.end_char]
        mentioned = [*self._named_in.get(sentence.sentence_idx, ()), *self._generic_in.get(sentence.sentence_idx, ())]
        named = [x for x in mentioned if x.start_char < start + len(m.group()) + 1 and start <= x.end_char]
        if _LED_BY.search(m.group()):
            # "a member of the BRICS-led New Development Bank": the accord only leads the object named after it
            after = sentence.start_char + m.end()
            if not any(after <= x.start_char <= after + 1 for x in mentioned):
                return m.group()
        return None if covered or named else m.group()

    def _signs_another_deal(self, sentence: SentenceText, hit: Hit, unnamed: Accord) -> bool:
        """The verb is followed by a sector's document of its own ("will not sign energy-water deal", "signed a free trade
        agreement") that is not one of the phrases by which ``unnamed`` names its deals ("peace treaty")."""
        m = OWN_OBJECT.match(sentence.text, hit.end)
        return bool(m) and _SECTOR_DEAL.search(m.group()) is not None \
            and not any(phrase.lower() in m.group().lower() for phrase in unnamed.triggers)

    def _has_own_object(self, sentence: SentenceText, hit: Hit) -> bool:
        """The verb is followed by its own document ("signed trade and security agreements"), which is
        not the generic accord phrase found elsewhere in the sentence."""
        m = OWN_OBJECT.match(sentence.text, hit.end)
        return bool(m) and context_alias_span(m.group(), self.topic) is None

    def _elided_accord(self, sentence: SentenceText, hit: Hit, masked: str, clause_end: int | None,
                       status: str) -> Accord | None:
        """The accord a verbal trigger with an unsaid object refers to ("Morocco and Sudan joined
        later"): the topic accord when one was referred to in the last sentences; for the weaker
        statuses (candidate, negotiating, declined) also when the article names no other accord."""
        if self.topic is None or not masked:
            return None
        list_match = hit.trigger.pattern.match(masked, hit.start) if "C" in hit.trigger.pattern.groupindex else None
        listed = list_match is not None and list_match.end("C") == hit.end
        if listed and not _LIST_HEAD.search(masked[hit.start:list_match.start("C")]):
            return None
        members_listed = listed and _heads_member_list(hit, masked)
        # a refusal that ends with its condition ("no ties until ..."): the object is unsaid by construction
        conditional = _CONDITION_AT_END.search(masked, hit.start, hit.end) is not None
        # (a refusal to follow the others, or of a suggestion, refers to the context's accord: the trigger says so)
        conditional = conditional or hit.trigger.context_object
        if not listed and not conditional and not _ELLIPTIC_TRIGGER.search(masked[hit.start:hit.end]):
            return None
        end = len(masked) if clause_end is None else clause_end
        # (a possessed application is a whole noun phrase, whatever follows it: "Sweden's bid will succeed by July")
        # (a list after a membership noun is the members themselves, whatever their clause goes on to say: "The
        # founding members Brazil, Russia, India and China were joined by South Africa in 2010")
        # (a fact box's item opens with its country and a colon: the item is the country's, the box's accord unsaid:
        # "– Serbia: negotiations opened in January 2014")
        item = _LABEL_OPENER.match(masked)
        item_trigger = item is not None and not masked[item.end():hit.start].strip()
        if not conditional and not hit.trigger.possessed and not members_listed and not item_trigger \
                and not _ELIDED_OBJECT.match(masked[:end], hit.end):
            return None
        if status in ("announced", "signed") and not _MEMBERSHIP_WORD.search(masked, hit.start, hit.end) \
                and self._programme_just_named(sentence):
            return None  # "The Partnership for Peace ... offers joint exercises. Romania was the first country to sign"
        # (a section heading starts afresh: the sentences before it are another section's, and its own first
        # sentences are about the article's accord - "IN: THOSE WHO FOLLOWED | Bulgaria and Romania joined on 1 January
        # 2007" after a paragraph on NATO in a story about the EU)
        # (a question heading may name its section's accord: "DP: Where are we with the EU, objectively?")
        section_start = max(self.last_heading_idx + (0 if self._heading_is_question else 1), 0)
        recent_sentences = range(max(sentence.sentence_idx - _RECENT_SENTENCES, section_start), sentence.sentence_idx + 1)
        named_recently = {m.entity_id for k in recent_sentences for m in self._named_in.get(k, ()) if not self._left_behind(m)}
        if not named_recently and section_start > sentence.sentence_idx - _RECENT_SENTENCES and self.topic is self.main_topic:
            return self.topic
        if len(named_recently) > 1:
            # (the paragraph's own accord, when it names one: "... a founding member of the SCO. | The Abraham Accords
            # were first signed in 2020 by ... Morocco and Sudan joined later.")
            in_paragraph = {m.entity_id for k in recent_sentences if k >= 0
                            and self.article.sentences[k].paragraph_idx == sentence.paragraph_idx
                            for m in self._named_in.get(k, ()) if not self._left_behind(m)}
            if in_paragraph != {self.topic.entity_id}:
                return None  # "... a NATO member ... a candidate for EU membership. X was invited to join": which?
        # (a sentence that names the topic by a generic phrase refers to it, claim or not: "... could meet the
        # agreement's rules. Ecuador, Costa Rica and Uruguay have also lodged applications")
        recent = any(k in self.accord_referenced or (k >= 0 and context_alias_span(self.article.sentences[k].text, self.topic))
                     for k in recent_sentences)
        if recent:
            return self.topic
        # (a list the trigger heads, "brought in ten countries at once: A, B, ...", names its accord's members whatever the
        # distance to the last mention, when the article names no other accord)
        if (status in ("candidate", "negotiating", "declined") or listed) and self.named_accords <= 1:
            return self.topic
        return None

    def _programme_just_named(self, sentence: SentenceText) -> bool:
        """One of the topic accord's programmes (``programmes`` in accords.yaml) is named in the sentences before, in
        this paragraph or the one before (a few sentences at most): a joining or signing with its object unsaid is the
        programme's. (In the sentence itself the programme is a tier held before: "signed a decision admitting
        Belarus, which had held observer status".)"""
        pattern = self.topic.programme_pattern if self.topic is not None else None
        if pattern is None:
            return False
        k, paragraph = sentence.sentence_idx, sentence.paragraph_idx
        return any(pattern.search(s.text) for s in self.article.sentences[max(0, k - _PROGRAMME_REACH):k]
                   if s.paragraph_idx >= paragraph - 1)

    def _emit(self, sentence, slot, accord, status, speaker, when, hit, rule, confidence, is_future, ordinal):
        claim = Claim(
            sentence_idx=sentence.sentence_idx,
            country_code=slot.code,
            accord=accord.name,
            status=status,
            claimed_by=speaker.name,
            claimed_by_id=speaker.entity_id,
            date_edtf=when.edtf,
            date_lower=when.lower,
            date_upper=when.upper,
            date_precision=when.precision,
            evidence=sentence.text,
            start_char=sentence.start_char,
            end_char=sentence.end_char,
            rule=rule,
            confidence=round(confidence, 3),
            is_future=is_future,
            ordinal=ordinal,
        )
        self.claims.append(claim)
        self._last_claim_of[sentence.sentence_idx] = claim

    def sentence(self, sentence: SentenceText) -> None:
        if self._table_line(sentence) or self._country_box_line(sentence) or self._member_list_line(sentence):
            return
        if sentence.is_heading:
            self.last_heading_idx = sentence.sentence_idx
            self._heading_is_question = False
            self.last_range_upper = None
            # a new section is about the article's accord again ("Most of the UK's trade is still with the European
            # Union. | Queue of applicants | Britain applied in February 2021": the CPTPP), unless its heading names one
            self.topic = self.main_topic
            self._update_topic(sentence)
            return
        if _QA_QUESTION.match(sentence.text) or self._question_heading(sentence):
            # a Q&A's question opens a section as a heading does ("Q: Who are the 11?" after an answer that mentioned
            # the EU in passing): the article's accord again, unless the question names one
            self.last_heading_idx = sentence.sentence_idx
            self._heading_is_question = bool(self._named_in.get(sentence.sentence_idx))  # (one that names an accord)
            self.topic = self.main_topic
        k = self._position(sentence)
        if k is None:
            triggers = candidate_triggers(sentence.text)
        else:
            all_triggers = claim_vocabulary().triggers
            triggers = [all_triggers[i] for i in mask_indexes(self._trigger_masks[k])]
        vocab = claim_vocabulary()
        if vocab.timeline_entry is not None and vocab.timeline_entry.match(sentence.text):
            triggers = triggers + list(vocab.timeline_triggers)  # "Jan. 6, 2021 - Sudan signs ...": a past event
        if triggers:  # a sentence without any trigger's words cannot make a claim
            self._claims_in(sentence, triggers)
        self._update_topic(sentence)
        if sentence.sentence_idx in self._last_claim_of:
            self.accord_referenced.add(sentence.sentence_idx)
        for d in self._dates_by_sentence.get(sentence.sentence_idx, ()):
            if d.precision == "range" and d.upper:
                self.last_range_upper = d.upper

    def _table_line(self, sentence: SentenceText) -> bool:
        """A text table's header or row ("Country | Announced | Signed | Status", "Kingdom of Bahrain |
        Sept. 11, 2020 | Sept. 15, 2020 | Member"): each dated cell of a step column is the outlet's claim about
        the row's country and the accord the article is about at the header. True when the line was one."""
        vocab = claim_vocabulary()
        columns, by_status = vocab.table_columns, vocab.table_status
        text = sentence.text
        if not columns or ("|" not in text and "\t" not in text):
            self._table = None
            return False
        header = table_header(text, columns, by_status.columns if by_status is not None else frozenset())
        if header is not None:
            self._table = (header, self.topic)
            return True
        if self._table is None:
            return False
        header, accord = self._table
        spans = row_spans(text, header)
        if spans is None:
            self._table = None
            return False
        base = sentence.start_char
        first_start, first_end = spans[0]
        in_first = [m for m in self.countries[bisect_left(self._country_starts, base + first_start):]
                    if m.start_char < base + first_end]
        codes = {_country_code(m.entity_id) for m in in_first}
        if len(codes) > 1 and not _ONLY_A_LIST.fullmatch(mask(text[first_start:first_end], [
                Slot(m.start_char - base - first_start, m.end_char - base - first_start, "", m.text, "mention")
                for m in in_first])):
            return True  # a cell that says more than a list of countries ("Israel's deal with the UAE")
        if accord is None or not codes or codes & accord.non_joiners:
            return True
        for code in sorted(codes):  # ("Brazil, Russia, India, China | Founding member | 2009": one row, four members)
            self._table_row(sentence, code, accord, header, spans, by_status)
        return True

    def _table_row(self, sentence: SentenceText, code: str, accord: Accord, header, spans, by_status) -> None:
        """The claims of one country in a table row (a dated cell per status column, or the Status column)."""
        text, base = sentence.text, sentence.start_char
        dates = self._dates_by_sentence.get(sentence.sentence_idx, [])
        for column, (status, written) in sorted(header.columns.items()):
            s, e = spans[column]
            in_cell = [d for d in dates if base + s <= d.start_char < base + e]
            if not in_cell or is_empty_cell(text[s:e]):
                continue
            if status == TABLE_JOINED:
                status = "signed" if accord.joining_is_membership else "announced"
            self._emit_outlet_fact(sentence, code, accord, status, dating.ClaimDate.of(in_cell[0]),
                                   f"{status}:table|{written}", 0.9)
        if header.status_column is not None and by_status is not None and not header.columns:
            # "Brazil | Founding member | 2009", "Saudi Arabia | Invited; decision pending | -"
            s, e = spans[header.status_column]
            cell = text[s:e]
            status = None if by_status.skip.search(cell) else \
                next((status for status, words in by_status.words if words.search(cell)), None)
            if status is not None:
                # (the row's date: "Since", "Joined", "Applied")
                when = dating.ClaimDate.of(dates[0]) if dates else dating.before(self.reference)
                self._emit_outlet_fact(sentence, code, accord, status, when, f"{status}:table|status", 0.85)

    def _country_box_line(self, sentence: SentenceText) -> bool:
        """A country's fact box of memberships: an opener that names one country and its memberships ("Indonesia's
        memberships at a glance"), then items keyed by an accord ("- BRICS: full member since 6 January 2025", "-
        Paris Agreement: Party since 2016"), each the outlet's claim with the status its words give (the words of
        ``table_status``; "not a party" is a refusal). True when the line was an item."""
        by_status = claim_vocabulary().table_status
        text, base = sentence.text, sentence.start_char
        if by_status is None:
            return False
        if self._country_box is not None:
            start = item_start(text)
            if start is None:
                self._country_box = None
                return False
            colon = text.find(":", start)
            named = [m for m in self.accord_mentions if base + start <= m.start_char and m.end_char <= base + max(colon, 0)]
            if colon < 0 or not named:
                return False  # an item about something else ("- OECD: accession roadmap adopted"): read as a sentence
            accord = accords_by_id().get(named[0].entity_id)
            cell = text[colon + 1:]
            status = "declined" if _NOT_IN_CELL.match(cell) else None if by_status.skip.search(cell) else \
                next((status for status, words in by_status.words if words.search(cell)), None)
            if accord is not None and status is not None and self._country_box not in accord.non_joiners:
                dates = [d for d in self._dates_by_sentence.get(sentence.sentence_idx, []) if d.start_char >= base + colon]
                when = dating.ClaimDate.of(dates[0]) if dates else dating.before(self.reference)
                self._emit_outlet_fact(sentence, self._country_box, accord, status, when, f"{status}:country_box", 0.85)
            return True
        if _COUNTRY_BOX_OPENER.search(text) and (text.rstrip().endswith(":") or sentence.is_heading):
            codes = {_country_code(m.entity_id) for m in self.countries[bisect_left(self._country_starts, base):]
                     if m.start_char < sentence.end_char}
            if len(codes) == 1:
                self._country_box = codes.pop()
        return False

    def _member_list_line(self, sentence: SentenceText) -> bool:
        """A list of members: its opener ("Here is every NATO member, in order of when it joined:"), short
        headings inside it ("The 12 founding members (1949)") and its items ("1. Belgium"). Each item is the
        outlet's claim that the country is a member. True when the line was an item (nothing else to read)."""
        vocab = claim_vocabulary()
        opener, excluded = vocab.member_list_opener, vocab.member_list_excluded
        if opener is None or excluded is None:
            return False
        text, idx = sentence.text, sentence.sentence_idx
        candidates = vocab.candidate_list_opener
        opens_candidates = candidates is not None and opens_member_list(text, sentence.is_heading, candidates)
        if self._member_list is not None:
            accord, when = self._member_list
            start = item_start(text)
            labelled = _DATED_ITEM.match(text, start) if start is not None else None
            if labelled is not None:
                # "- 1949 (founding members): Belgium, Canada, ...", "- 1952: Greece, Turkey": the year labels the item
                year = int(labelled["year"])
                self._member_item(sentence, labelled.end(), accord,
                                  dating.ClaimDate(str(year), date(year, 1, 1), date(year, 12, 31), "year"), dated=True)
                return True
            label = self._date_label(sentence, start) if start is not None else None
            if label is not None:
                # "- 30 December 2018: Australia, Canada, Japan, ...": a full date labels the item
                self._member_item(sentence, label[1], accord, dating.ClaimDate.of(label[0]), dated=True)
                return True
            if start is not None and is_short(text):
                self._member_item(sentence, start, accord, when)
                return True
            if start is not None:
                return False  # a long item: read as a sentence, the list goes on
            if start is None and is_short(text) and excluded.search(text) is None and not opens_candidates:
                dates = _absolute(self._dates_by_sentence.get(idx))
                if dates:  # a heading inside the list dates the items below it
                    self._member_list = (accord, dating.ClaimDate.of(dates[-1]))
                return False
            self._member_list = None
        self._candidate_list = opens_candidates
        if self._candidate_list or opens_member_list(text, sentence.is_heading, opener, excluded):
            accord = self._named_accord(sentence, 0, len(text)) or self.topic
            if accord is not None:
                dates = _absolute(self._dates_by_sentence.get(idx))
                self._member_list = (accord, dating.ClaimDate.of(dates[-1]) if dates else None)
        return False

    def _date_label(self, sentence: SentenceText, start: int) -> tuple[DateMention, int] | None:
        """The date that opens a list item at ``start`` and ends at a colon ("30 December 2018: ..."), and where the
        item's content starts after the colon."""
        base = sentence.start_char
        for d in self._dates_by_sentence.get(sentence.sentence_idx, ()):
            if d.start_char - base == start and d.lower is not None:
                m = _COLON_AFTER_LABEL.match(sentence.text, d.end_char - base)
                return (d, m.end()) if m else None
        return None

    def _member_item(self, sentence: SentenceText, start: int, accord: Accord, when: dating.ClaimDate | None,
                     dated: bool = False) -> None:
        base, text = sentence.start_char, sentence.text
        in_item = [m for m in self.countries[bisect_left(self._country_starts, base + start):]
                   if m.start_char < sentence.end_char]
        lead = text[start:].lower()
        if not in_item or in_item[0].start_char - base > start + (4 if lead.startswith("the ") else 0):
            return  # the item does not start with a country
        if not dated:  # (``dated``: the item's own label gave ``when``)
            dates = _absolute(self._dates_by_sentence.get(sentence.sentence_idx))
            when = dating.ClaimDate.of(dates[-1]) if dates else when or dating.before(self.reference)
        status = "candidate" if self._candidate_list else "announced" if _PENDING_ITEM.search(text, start) else "signed"
        if status in ("announced", "candidate"):
            # "- Kazakhstan (announced November 6, 2025; signing ceremony pending)": announced, not yet signed; dated
            # by its first date (the announcement)
            dates = _absolute(self._dates_by_sentence.get(sentence.sentence_idx))
            when = dating.ClaimDate.of(dates[0]) if dates else dating.before(self.reference)
        for mention in in_item:
            code = _country_code(mention.entity_id)
            if code in accord.non_joiners:
                continue
            self._emit_outlet_fact(sentence, code, accord, status, when, f"{status}:member_list", 0.85)

    def _emit_outlet_fact(self, sentence: SentenceText, code: str, accord: Accord, status: str,
                          when: dating.ClaimDate, rule: str, confidence: float) -> None:
        """A claim the outlet states as a fact of a table row or a list item (no trigger, no modality)."""
        self.claims.append(Claim(
            sentence_idx=sentence.sentence_idx, country_code=code, accord=accord.name, status=status,
            claimed_by=OUTLET.name, claimed_by_id=None, date_edtf=when.edtf, date_lower=when.lower,
            date_upper=when.upper, date_precision=when.precision, evidence=sentence.text,
            start_char=sentence.start_char, end_char=sentence.end_char, rule=rule, confidence=confidence))

    def _claims_in(self, sentence: SentenceText, triggers: list[Trigger]) -> None:
        """The claims of one body sentence whose words let ``triggers`` (in vocabulary order) match."""
        speaker, excluded, content, speaker_rule, outlet_end = self._speaker(sentence)
        second = self.resolver.second_attribution(sentence, speaker_rule, content, speaker)
        if second is not None:
            # "X says ..., as Y says ...": the first speaker's words end where the second's clause begins
            content = (content[0], min(content[1], second.speaker_start))
            self._claims_by(sentence, triggers, second.speaker, (second.speaker_start, second.speaker_end),
                            (second.content_start, second.content_end), second.rule)
        self._claims_by(sentence, triggers, speaker, excluded, content, speaker_rule)
        if outlet_end:
            # "Bahrain, which joined the accords, ..., and Israeli officials said relations remained stable":
            # the clauses before an attribution in a clause of its own are the outlet's
            self._claims_by(sentence, triggers, OUTLET, excluded, (0, outlet_end), "outlet")

    def _claims_by(self, sentence: SentenceText, triggers: list[Trigger], speaker: Speaker, excluded: tuple[int, int],
                   content: tuple[int, int], speaker_rule: str) -> None:
        """The claims that ``speaker`` makes in the ``content`` span of a sentence."""
        speaker_country = self._speaker_country(speaker)
        leader_country = self._leader_country.get(speaker.entity_id or "")
        slots = self._slots(sentence, excluded, speaker_country, leader_country)
        if not slots and not speaker_country and not leader_country \
                and not any(m.entity_id in self._leader_country for m in self._persons_in.get(sentence.sentence_idx, ())):
            return  # a trigger binds countries (a speaking one, or a leader standing for one): none here
        masked = mask(sentence.text, slots)
        codes = self._codes_by_sentence.get(sentence.sentence_idx, set())
        question = sentence.text.rstrip().rstrip("\"”'’").endswith("?")
        hits = triggers_in(masked, content[0], content[1], triggers)
        hits = [h for h in hits if not (h.start < excluded[1] and excluded[0] < h.end)]
        hits = drop_object_nouns(hits, masked, content)
        vocab = claim_vocabulary()
        non_accord_object, organizer = vocab.non_accord_object, vocab.organizer
        label = _LABEL_OPENER.match(masked)
        for hit in hits:
            if non_accord_object is not None and not hit.trigger.noun and hit.trigger.status in ("announced", "signed") \
                    and non_accord_object.match(masked, hit.end):
                continue  # "Canada has joined exploratory talks", "Cairo has joined such a gathering"
            if hit.trigger.context_object and self._follows_a_leaver(masked, slots, hit):
                continue  # "Canada would not follow the U.S. lead" after the US quit the Paris Agreement: it stays
            if hit.trigger.status == "candidate" and _NEXT_WORD.search(masked, hit.start, hit.end) \
                    and self._after_a_leaving(sentence):
                continue  # "Britain left the EU on Friday. Denmark, he suggested, might be next": next to leave
            if hit.trigger.status in ("candidate", "negotiating") and _EARLIER_STEP.search(masked, 0, hit.start):
                continue  # "became NATO's 32nd member, almost two years after it applied to join": an earlier step
            clause_start, clause_end = clause_bounds(masked, hit.start, hit.end, content[0], content[1])
            if label is not None and clause_start == label.end():
                clause_start = content[0]  # "- Mauritania: ... is frequently cited as a candidate": the label is the subject
            if _adjunct_after_attribution(masked, excluded, hit.start):
                clause_start = max(clause_start, excluded[1])
            leader = None
            if "C" in hit.trigger.pattern.groupindex:
                m = hit.trigger.pattern.match(masked, hit.start)
                group = [s for s in slots if m and s.start >= m.start("C") and s.end <= m.end("C")]
                binding = "slot"
            else:
                appositive_trigger = hit.trigger.source.startswith("(?<=[\x01\x02])")
                possessive_trigger = hit.trigger.source.startswith("(?:'s|’s)")
                adjacent = [s for s in slots if s.end == hit.start
                            and (appositive_trigger or s.method == "coref" or _RELATIVE_BEFORE_CLAUSE.search(masked, 0, s.start))] \
                    if appositive_trigger or possessive_trigger else []
                # an appositive right after a country is about that country, even one after "with" ("talks with
                # North Macedonia — an official candidate since 2005 —"), and so is a description's possessive in a
                # relative clause ("Brazil, which holds the presidency, announced the country's accession")
                group = group_around([s for s in slots if s.end <= hit.start], adjacent[0], masked) if adjacent else \
                    subject_group(slots, masked, hit.start, clause_start,
                                  self.topic.non_joiners if self.topic else _all_non_joiners())
                binding = "subject"
                if not group:
                    # "Mongolia, an observer since 2004, has repeatedly declined to seek full membership": the subject
                    # before a descriptive apposition
                    appositive = _APPOSITIVE_SUBJECT.search(masked, max(content[0], excluded[1]), hit.start)
                    group = [s for s in slots if appositive and s.start == appositive.start("subj")]
                if not group and not any(clause_start <= s.start < clause_end and not after_with(masked, s) for s in slots):
                    # (a partner after "with" is no subject: "Prime Minister Nawaf Salam has ruled out normalization
                    # with Israel")
                    group, leader = self._leader_subject(sentence, excluded, clause_start, hit.start)
            if binding == "subject" and len(group) > 1 and _POSSESSIVE_AT.match(masked, group[-1].end) \
                    and _APPOSITION_HEAD.search(masked, 0, group[-1].start):
                # "Saudi Arabia, Bahrain's closest ally, has declined to follow suit": the possessor in an apposition
                # describes the subject before it (no list "Saudi Arabia, Bahrain")
                group = [s for s in group if not _POSSESSIVE_AT.match(masked, s.end)]
            window_start = max((s.end for s in group if s.end <= hit.start), default=clause_start)
            window = masked[window_start:hit.start]
            if binding == "subject" and group and vocab.spectator.search(window):
                group = []  # "Egypt welcomed the peace deal between ...": the subject only reacted
            if binding == "subject" and group and organizer is not None and organizer.search(window):
                group = []  # "The United States, which led negotiations on the TPP": it ran them
            if binding == "subject" and group and _SIGNED_VERB.match(masked, hit.start) \
                    and (_PASSIVE_BE.search(masked, max(0, hit.start - 30), hit.start) or _DOCUMENT_PASSIVE.search(window)):
                group = []  # "Armenia must change its constitution before the document can be signed": the document's
            if binding == "subject" and group and _SIGNED_VERB.match(masked, hit.start) \
                    and _PASSIVE_AFTER_SUBJECT.fullmatch(masked, group[-1].end, hit.start) \
                    and not _OF_BEFORE.search(masked, max(0, group[0].start - 8), group[0].start):
                group = []  # "... since it was signed": a country is never what is signed; the "it" is the agreement
            if binding == "subject" and group and _DOCUMENT_BEFORE.search(masked, 0, hit.start):
                group = []  # "The United States is the depositary of the treaty, signed there in 1949"
            new_subject = _NEW_SUBJECT_AFTER_THAT.search(window) if binding == "subject" and group else None
            if new_subject:
                # "Milei informed the leaders of Brazil, Russia, ... that his country will not join": the countries
                # before "that" are addressees; "his country" is the country of the leader who speaks of it
                group, leader = self._leader_country_slot(sentence, window_start)
            if binding == "subject" and group and hit.trigger.about_joining \
                    and not _JOINING_WORD.search(_APPOSITIVE.sub(" ", window)):
                group = []  # "Serbia and Montenegro, already in accession talks, were not on the agenda": the countries
                # themselves, not their joining ("the question of Armenia joining ... is not on the agenda")
            if binding == "subject" and group and hit.trigger.status == "negotiating" and _BETWEEN_AFTER.match(masked, hit.end):
                group = []  # "Canada ... encouraged direct negotiations between Israelis and Palestinians": their talks
            if binding == "subject" and group and _UNNAMED_SUBJECT.search(window):
                group = []  # "... Kazakhstan ... and said many more countries were seeking to join": not Kazakhstan
            if group and hit.trigger.possessed \
                    and all(s.method == "coref" and s.text.lower() not in _OWN_PRONOUNS for s in group):
                group = []  # "... a plot to derail the country's NATO bid": a description read across sentences
                # ("the country" after paragraphs on Moscow) is too weak a possessor for a candidacy; "its bid" is not
            governing = masked[clause_start:window_start]  # "Trump hopes <Saudi Arabia> will join"
            reach = _NOUN_CUE_REACH if hit.trigger.noun else 40
            if hit.trigger.noun and _INDEFINITE_BEFORE.search(masked, max(0, hit.start - 4), hit.start):
                reach = len(masked)  # "a peace deal between X and Israel was the thing diplomats never expected to see":
                # an indefinite deal is whatever its whole clause says of it
            right = masked[hit.end:min(clause_end, hit.end + reach)]
            appositive = hit.start > 0 and masked[hit.start:hit.start + 2].strip()[:1] in (",", "—", "–") \
                and masked[hit.start - 1] in "\x01\x02"
            if hit.trigger.status == "signed" and _DOCUMENT_RIGHT_BEFORE.search(masked, max(0, hit.start - 60), hit.start) \
                    and not self._accord_ends_at(sentence, hit.start):
                continue  # "the Adriatic Charter signed with the US": another document named right before
            if hit.trigger.state and not self._accord_inside(sentence, hit):
                continue  # "the 10 ASEAN members, Japan, South Korea ...", "The I2U2 group, which brings together ...":
                # a description of a body the registry does not hold
            if appositive or hit.trigger.state:
                # "Türkiye, a member of NATO, formally applied ..., as confirmed by the Kremlin", "whether Hungary, a
                # member of the Union since 2004, should be shown the door", "hopes were dashed after EU member
                # Bulgaria maintained its veto": a gloss or a description in the outlet's voice, outside the
                # sentence's attribution and its hedges
                status, is_future, note = hit.trigger.status, False, "gloss" if appositive else "description"
            else:
                # (a question that follows a colon or a semicolon is its own: "Since Trump announced that Kazakhstan
                # would join, one question has been asked more than any other: will Azerbaijan be next?")
                asked = question and not _QUESTION_OPENS_AFTER.search(masked, hit.end)
                status, is_future, note = status_after_modality(hit, masked, window, right, asked, governing)
                if status == "announced" and _WITH_JOINING.match(masked, hit.start) \
                        and _HYPOTHETICAL_MAIN.search(masked, hit.end):
                    # "With Saudi Arabia, the UAE and Iran joining Russia and Brazil, an expanded BRICS would include
                    # ...": a joining supposed by a hypothetical main clause
                    status, is_future, note = "candidate", True, "supposed"
            if status is None:
                continue
            described = hit.trigger.state and not (sentence.in_quote or _quoted_at(sentence.text, hit.start))
            # a membership described ("EU member Romania", "the five BRICS members, Brazil, ...") outside a
            # quotation is the outlet's gloss, even inside a speaker's sentence
            said_by = OUTLET if appositive or described or _ACCORD_GLOSS.search(sentence.text, excluded[1], hit.start) \
                else speaker
            if status == "declined" and speaker is OUTLET and leader is not None:
                said_by = leader  # "President X ruled out joining": X's own refusal
            if note == "conditional" and said_by is not OUTLET and group \
                    and (self._speaker_country(said_by) or self._leader_country.get(said_by.entity_id or "")) \
                    not in {s.code for s in group}:
                # "Ukraine will join NATO only after the war ends, Stoltenberg said": a condition someone else sets
                # is a prospect, not the country's refusal ("Riyadh will normalize only after ...", said by Riyadh, is)
                status, is_future, note = "candidate", True, "conditional_prospect"
            barring = (self._speaker_country(said_by) or self._leader_country.get(said_by.entity_id or "")) \
                if status == "declined" and said_by is not OUTLET and group and _CANNOT.match(masked, hit.start) else None
            if barring and barring not in {s.code for s in group}:
                continue  # "Beijing insists Taipei cannot join as a separate economy": another state's bar, no refusal
            if status == "signed" and said_by is OUTLET and binding == "slot" and _WELCOME_TRIGGER.match(masked, hit.start):
                said_by = self._person_before(sentence, clause_start, hit.start, excluded) or said_by
            if status == "candidate" and said_by is OUTLET and _AGENT_TRIGGER.match(masked, hit.start) \
                    and (binding == "slot" or (not group and _NAMING_TRIGGER.match(masked, hit.start))):
                # (a naming whose countries follow as its object: "Israeli media have named several countries as possible
                # candidates, including Mauritania and Niger")
                # "Cohen asked Baerbock to help persuade Mauritania and Niger to normalize", "Trump urged Syria to
                # join": the person who urges or persuades is the one who sees the country as a candidate
                if _NAMING_TRIGGER.match(masked, hit.start):
                    # "..., and analysts have floated Uzbekistan as a possible candidate": whoever names it in that
                    # clause (a person, a body, unnamed sources, a state's unnamed officials; a state itself stays the
                    # outlet's report)
                    agent = self.resolver.speaker_in(sentence, clause_start, hit.start)
                    agent = None if agent is None or ((agent.entity_id or "").startswith("country:")
                                                      and not agent.name.endswith(" officials")) else agent
                else:
                    agent = self._person_before(sentence, clause_start, hit.start, excluded)
                said_by = agent or said_by
            if _quoted_at(sentence.text, hit.start) \
                    and _NAMED_AS_QUOTE.search(sentence.text, 0, _quote_opening(sentence.text, hit.start)):
                continue  # 'posts described the news as "Bangladesh joins BRICS"': a name given to the news, no claim
            if said_by is OUTLET and not appositive and not described and _quoted_at(sentence.text, hit.start) \
                    and _POSTED_QUOTE.search(sentence.text, 0, _quote_opening(sentence.text, hit.start)):
                # '... published a graphic with the message: "Serbia officially became a member of BRICS"': a post's
                # words, never the outlet's own; with nobody named, an unnamed source's
                said_by = Speaker(ANONYMOUS, None)
            possessive = hit.trigger.source.startswith(("(?:'s|’s)", "(?<=[\x01\x02])"))
            accord_acts = self._accord_is_subject(sentence, hit)
            for candidates, how in ((group, binding), (None, "object")):
                if candidates is None:
                    if accord_acts:
                        continue  # "the European Union signed a strategic partnership with Egypt": the bloc acts
                    if hit.trigger.possessed:
                        continue  # "Sweden's bid was held up by Turkey and Hungary": the bid is its possessor's only
                    candidates = object_group(slots, masked, hit.end, clause_end,
                                              self.topic.non_joiners if self.topic else _all_non_joiners())
                    if possessive and candidates and ":" in masked[hit.end:candidates[0].start]:
                        continue  # "With Sweden's accession, only four EU members remain outside: A, B, C": not theirs
                own_voice = hit.trigger.speech_act and how == "subject" and said_by is OUTLET
                chosen = self._claims_for_group(sentence, hit, candidates, status, is_future, said_by, excluded,
                                                codes, f"{how}|{speaker_rule}|{note}".rstrip("|"), masked, clause_end,
                                                own_voice)
                if chosen:
                    if not hit.trigger.possessed:
                        # (not "Sweden's bid was held up, first by Turkey ..., and then by Hungary": its blockers)
                        self._followers(sentence, hit, slots, masked, chosen, said_by, codes, clause_end)
                    break
            else:
                own_country = speaker_country or leader_country
                subject_words = re.split(r"(?i)(?<![\w])that\s+(?=\S)", window)[-1]  # (after a "that" that opens a clause)
                if hit.trigger.about_joining and not _JOINING_WORD.search(_APPOSITIVE.sub(" ", subject_words)) \
                        and _NOUN_SUBJECT.search(subject_words):
                    own_country = None  # "officials said that a common currency was not on the agenda": not a joining
                if status in ("declined", "negotiating") and own_country and not group:
                    # "there will be no relations with Israel unless ...", said by a country, its government or
                    # a holder of a state role ("his country had no plans to follow suit"): its own refusal;
                    # "the Kazakh side noted that negotiations on joining are in their final stage": its own talks
                    own = [Slot(excluded[0], excluded[1], own_country, speaker.name, "speaker")]
                    self._claims_for_group(sentence, hit, own, status, is_future, speaker, excluded, codes,
                                           f"speaker|{speaker_rule}|{note}".rstrip("|"), masked, clause_end)

    def _never_a_member(self, code: str, accord: Accord) -> bool:
        """The article so far has the country only invited, a candidate or refusing this accord, never joining it."""
        statuses = {c.status for c in self.claims if c.country_code == code and c.accord == accord.name}
        return bool(statuses) and statuses <= {"candidate", "declined"}

    def _after_a_leaving(self, sentence: SentenceText) -> bool:
        """The last claim of this sentence or of the two before is a withdrawal, or the article is about a leaving and
        makes no joining claim of the day before this sentence: "next" is the next to leave ("Trump's Paris Agreement
        exit: ... There has been speculation that Argentina could follow")."""
        last = self.claims[-1] if self.claims else None
        if last is not None and last.status == "withdrawn" and sentence.sentence_idx - last.sentence_idx <= _RECENT_SENTENCES:
            return True
        return bool(_LEAVING_TITLE.search(self.article.title or "")) \
            and not any(c.status in ("announced", "candidate", "negotiating") for c in self.claims)

    def _follows_a_leaver(self, masked: str, slots: list[Slot], hit: Hit) -> bool:
        """A refusal to follow ("would not follow the U.S. lead", "will not follow suit") whose leader left or refused
        (its last claim so far, or the article's last claim when the trigger names no leader): not following is
        staying in, or joining. (Not a refusal of a suggestion: "rejected suggestions that it could ...".)"""
        follow = _FOLLOW_WORD.search(masked, hit.start, hit.end)
        if follow is None:
            return False
        leaders = {s.code for s in slots if follow.end() <= s.start and s.end <= hit.end}
        last = next((c for c in reversed(self.claims) if not leaders or c.country_code in leaders), None)
        return last is not None and last.status in ("withdrawn", "declined")

    def _claims_for_group(self, sentence, hit, group, status, is_future, speaker, excluded, codes, rule_tail,
                          masked="", clause_end=None, own_voice=False):
        """Claims for each joinable country of a bound group; returns [(slot, accord, date)] emitted.
        ``own_voice``: the trigger is the group's own statement, so a country named in it is its claimant."""
        emitted = []
        scope = date_scope(masked, hit.start, hit.end) if masked else None
        # where the condition starts: after the trigger, or at its end ("no diplomatic relations with Israel unless")
        ending = _CONDITION_AT_END.search(masked, hit.start, hit.end) if masked else None
        condition = claim_vocabulary().condition.search(sentence.text, hit.end, clause_end) if clause_end is not None else None
        condition_start = ending.start() if ending else condition.start() if condition else None
        if scope is not None and condition_start is not None and condition_start < scope.hi:
            # "... unless a Palestinian state is recognised on the 1967 borders": the condition's dates are its own
            scope = replace(scope, hi=condition_start)
        # a membership noun heading its list states who the members are: a date in the sentence is a day they were
        # members by ("letters dated December 22 to the leaders of the bloc's five members - A, B, ..."), and the
        # predicate's dates are another event's ("The founding members A, B and C were joined by D in 2010")
        # (only a subject followed by a comma can stand before an apposition: no search per group otherwise)
        appositive = _APPOSITIVE_SUBJECT.search(masked, 0, hit.start) \
            if masked and group and masked.startswith(",", group[0].end) else None
        if scope is not None and appositive and appositive.start("subj") == group[0].start:
            # "Mongolia, an observer since 2004, has declined ...": the apposition's dates describe, they date nothing
            scope = replace(scope, lo=max(scope.lo, appositive.end()))
        member_list = bool(masked) and _heads_member_list(hit, masked)
        if scope is not None and member_list and not _ELIDED_OBJECT.match(masked, hit.end):
            scope = replace(scope, hi=min(scope.hi, hit.end))
        for slot in group:
            # (not "Austria's chancellor, Karl Nehammer, ruled out membership": the chancellor's word)
            slot_speaker = self._country_speaker(slot.code) if own_voice and slot.method == "mention" \
                and not _POSSESSIVE_AT.match(sentence.text, slot.end) else speaker
            after = None
            if clause_end is not None:
                coordinated = _NEXT_COORDINATE.search(sentence.text, hit.end, clause_end)
                after = (hit.end, min(coordinated.start() if coordinated else clause_end,
                                      condition_start if condition_start is not None else clause_end))
            when = self._date_for(sentence, slot, status, slot_speaker, sentence.text[hit.start:hit.end], excluded, after,
                                  hit.end, scope, hit.trigger.state or member_list, hit.start)
            accord, accord_how = self._accord_for(sentence, hit, slot.code, codes, when, masked, clause_end, status)
            if accord is None or slot.code in accord.non_joiners:
                continue
            if hit.trigger.noun and _DEAL_NOUN.search(hit.trigger.source) and accord_how in ("context", "ellipsis") \
                    and accord.counterparty is not None and accord.counterparty not in codes:
                continue  # "the peace agreement between Azerbaijan and Armenia ... expanding the accords": no Israel
            # a completed joining of an accession accord is a membership; a fixed bilateral treaty's step, told as past
            # ("after Egypt in 1979 and Jordan in 1994, to establish full relations"), is its signature
            # (a step dated before publication is done whatever future the sentence speaks of elsewhere: "BRICS, which
            # will represent 46 percent of the world, was established in 2009, with South Africa joining in 2010")
            done = not is_future or (when.upper is not None and self.reference is not None and when.upper < self.reference
                                     and when.lower is not None)
            # a chronology's present tense is history: "• 1 May — Estonia joins the European Union ..." is done
            historic = accord.joining_is_membership and _PRESENT_JOINING.match(sentence.text, hit.start) is not None \
                and self._item_date(sentence) is not None
            slot_status = "signed" if status == "announced" and done \
                and ((hit.trigger.completes and accord.joining_is_membership) or bool(accord.parties) or historic) else status
            if slot_status == "announced" and is_future and accord.future_joining_is_candidacy \
                    and _WILL_JOIN.match(sentence.text, hit.start) \
                    and not any(not excluded[0] <= d.start_char - sentence.start_char < excluded[1]
                                for d in self._dates_by_sentence.get(sentence.sentence_idx, ())):
                # '"We will join," Zelensky said', "Ukraine will join NATO": an accession that needs the members' consent
                # (`future_joining_is_candidacy` in accords.yaml) with no day set is an aim ("Sweden will join NATO on
                # Thursday", "On 1 May, they will join the EU" keep their day: announced)
                slot_status = "candidate"
            if status == "withdrawn" and self._never_a_member(slot.code, accord):
                # "Argentina's withdrawal leaves the enlarged bloc at ten members", after its refusal: it never joined
                slot_status = "declined"
            if status == "declined" and rule_tail.endswith("|conditional") and accord.joining_is_membership:
                # "Finland will join only if Sweden joins too": an accession waits on the bloc and its members, so a
                # condition on it is a prospect; a normalization "only after a Palestinian state exists" is a refusal
                slot_status = "candidate"
            if hit.trigger.echoes and status == "announced":
                # ("Egypt made peace with Israel in 1979 and Jordan did so in 1994": a treaty of its own with the same
                # counterparty echoes the step of the one before)
                # (the sentence before may hold the lead: "... the UAE and Bahrain signed the accords. Morocco
                # followed in December 2020")
                lead = next((c for c in reversed(self.claims)
                             if sentence.sentence_idx - 1 <= c.sentence_idx <= sentence.sentence_idx
                             and (c.accord == accord.name or _same_counterparty(c.accord, accord))
                             and c.country_code != slot.code), None)
                if lead is None and (_PARTICIPLE_STEP.match(masked, hit.end)
                                     or _AFTER_COMMA_AND.search(masked, 0, slot.start)):
                    continue  # "Morocco followed in December 2020, signing a joint declaration": the participle says
                # ("China applied in September 2021, and Taiwan followed within days": an application followed is one)
                slot_status = lead.status if lead is not None and lead.status in ("announced", "signed", "candidate") \
                    else slot_status
            confidence = hit.trigger.confidence * (0.85 if slot.method in ("coref", "speaker", "leader") else 1.0) \
                * {"named": 1.0, "registry": 0.9, "own_step": 0.9, "context": 0.9, "ellipsis": 0.8}[accord_how] * (0.9 if "object" in rule_tail else 1.0)
            rule = f"{slot_status}:{hit.trigger.source}|{accord_how}|{slot.method}|{rule_tail}"
            self._emit(sentence, slot, accord, slot_status, slot_speaker, when, hit, rule, confidence, is_future, hit.ordinal)
            emitted.append((slot, accord, when))
        return emitted

    def _followers(self, sentence, hit, slots, masked, leads, speaker, codes, clause_end):
        """'X was the first to sign ..., followed by A, B and C': the followers share the status; so do the
        predecessors of a rank ("the fourth country to join ..., after A, B and C"), dated by the lead's end."""
        lead_slot, accord, lead_date = leads[0]
        last = self.claims[-1]
        rule_tail = last.rule.split("|", 1)[1]
        until_lead = dating.window(None, lead_date.upper or self.reference)

        def share(related: list[Slot], status: str, when: dating.ClaimDate, relation: str, is_future: bool) -> None:
            for slot in related:
                if slot.code in accord.non_joiners or any(slot is lead[0] for lead in leads) \
                        or (relation == "preceded_by" and party_elsewhere(slot.code, accord)):
                    continue  # ("the third Arab country to establish ties with Israel, after Egypt ... and Jordan")
                target, slot_status = accord, status
                if accord.parties and slot.code not in accord.parties:
                    # "Egypt was the first to sign a peace treaty with Israel in 1979, followed by Jordan in 1994":
                    # a fixed treaty takes no follower, who made a treaty of its own with the same counterparty
                    target = own_treaty(slot.code, accord)
                    if target is None:
                        continue
                if target.parties and slot_status == "announced" and not is_future:
                    slot_status = "signed"  # a fixed bilateral treaty's step that came before or after: made
                own_date = next((d for d in self._dates_by_sentence.get(sentence.sentence_idx, ())
                                 if _OWN_DATE_GAP.fullmatch(sentence.text, slot.end, d.start_char - sentence.start_char)),
                                None) if relation == "followed_by" else None
                # "..., followed by Jordan in 1994": a follower's own date right after it
                self._emit(sentence, slot, target, slot_status, speaker,
                           dating.ClaimDate.of(own_date) if own_date is not None else when, hit,
                           f"{slot_status}:{relation}|{rule_tail}", last.confidence * 0.9, is_future, None)

        share(followers(slots, masked, hit.end, len(masked)), last.status,
              dating.follower(lead_date, self.last_range_upper, self.reference) if lead_date.precision != "open" else lead_date,
              "followed_by", last.is_future)
        if _JOIN_VERB.search(masked, hit.start, hit.end) or last.status in ("signed", "candidate"):
            # "joined the alliance together with Latvia and Lithuania in 2004": the same step at the same time (or the
            # same invitation: "invited to become full members ..., together with Egypt, Ethiopia and Iran")
            # (not past a list's closing dash: "the three countries that normalized ties ... — A, B and C — were
            # represented together with Egypt")
            end = clause_end if clause_end is not None else len(masked)
            closing = _CLOSING_DASH.search(masked, hit.end, end)
            share(companions(slots, masked, hit.end, closing.start() if closing else end),
                  last.status, lead_date, "together_with", last.is_future)
        end = clause_end if clause_end is not None else len(masked)
        share(companions(slots, masked, hit.end, end, same_day=True, reach=_SAME_DAY_REACH), last.status, lead_date,
              "together_with", last.is_future)  # (close after its own trigger: "joined ... on January 1st, 1973, on
        # the same day as Ireland and Denmark")
        if _JOIN_VERB.search(masked, hit.start, hit.end):
            share(joined_members(slots, masked, hit.end), "signed", until_lead, "joined_members", False)
        if last.status in ("announced", "signed") and not last.is_future:
            share(fellow_members(slots, masked, hit.end, _FELLOW_REACH), "signed", until_lead, "joined_members", False)
        if hit.ordinal is not None or _LATEST.search(sentence.text, hit.start, hit.end):
            # predecessors only of a rank ("the fourth country to join ..., after A, B and C")
            share(followers(slots, masked, hit.end, len(masked), predecessors=True), last.status, until_lead,
                  "preceded_by", last.is_future)
        if hit.ordinal is not None:
            # a gapped rank: "Iran became the ninth member in 2023 and Belarus the tenth in 2024"
            dates = self._dates_by_sentence.get(sentence.sentence_idx, [])
            for m in _GAPPED_RANK.finditer(masked, hit.end):
                gapped = [slot for slot in slots if slot.start == m.start("slot")]
                own = [d for d in dates if 0 <= d.start_char - (sentence.start_char + m.end()) <= 12]
                share(gapped, last.status, dating.ClaimDate.of(own[0]) if own else until_lead, "gapped_rank",
                      last.is_future)
        if lead_date.lower is not None and not last.is_future:
            # a gapped date: "Egypt signed its peace treaty with Israel in 1979, and Jordan in 1994" (the same step,
            # its own date, nothing after it in the clause)
            dates = self._dates_by_sentence.get(sentence.sentence_idx, [])
            for m in _GAPPED_DATE.finditer(masked, hit.end):
                own = [d for d in dates if d.start_char - sentence.start_char == m.end()]
                # parallel to a date of its own clause right before ("... in 1979, and Jordan in 1994"), not the last
                # item of a list ("Brazil, Russia, India and China in 2009")
                parallel = any(d.end_char - sentence.start_char == m.start() for d in dates)
                own_end = own[0].end_char - sentence.start_char if own else 0
                if own and parallel and (_CLAUSE_END.match(sentence.text, own_end) or _GAPPED_DATE.match(masked, own_end)):
                    gapped = [slot for slot in slots if m.start("slot") <= slot.start and slot.end <= m.end("slot")]
                    when = _gapped_when(own[0], lead_date)
                    if m.group().rstrip().lower().endswith("since") and when.lower is not None:
                        when = dating.window(when.lower, self.reference)  # "... and Serbia since 2014": from then on
                    share(gapped, last.status, when, "gapped_date", False)

    def _left_behind(self, mention: Mention) -> bool:
        """An accord named as what someone left ("the cost of leaving the EU", in a CPTPP story) while another is under
        discussion, and no claim of its sentence is about it: a passing remark, not the story's subject."""
        if self.topic is None or not _LEAVING_BEFORE.search(self.article.body, max(0, mention.start_char - 40),
                                                              mention.start_char):
            return False
        claim = self._last_claim_of.get(mention.sentence_idx)
        accord = accords_by_id().get(mention.entity_id)
        return accord is not None and accord is not self.topic and (claim is None or claim.accord != accord.name)

    def _update_topic(self, sentence: SentenceText) -> None:
        """The accord the article is about from here on: the last one named; else the one a generic
        phrase in the sentence refers to; else the accord of the sentence's claims - but a claim that
        a fixed bilateral treaty took by its parties ("Egypt made peace with Israel in 1979") is a
        background remark and does not move the topic away from an accord already under discussion."""
        named = [m for m in self._named_in.get(sentence.sentence_idx, ())
                 if not _DESCRIBING.match(self.article.body, m.end_char) and not self._left_behind(m)]
        if named:
            self.topic = accords_by_id().get(named[-1].entity_id, self.topic)
            return
        if self._named_in.get(sentence.sentence_idx):
            return  # "Turkey, a NATO member, made its interest official": a description, no change of subject
        generic = self._generic_in.get(sentence.sentence_idx)
        if generic:
            self.topic = accords_by_id().get(generic[-1].entity_id, self.topic)
            return
        last_claim = self._last_claim_of.get(sentence.sentence_idx)
        if last_claim is not None:
            for accord in accords_by_id().values():
                if accord.name == last_claim.accord and (self.topic is None or not accord.parties):
                    self.topic = accord


def _people_and_leaders(article: ArticleText, entities: ArticleEntities) -> tuple[dict[int, list[Mention]], dict[str, str]]:
    """The article's person mentions by sentence, and the country of each person who holds a role that
    speaks for a state there (``speaks_for_state`` in role_titles.yaml): one country only, and no title
    of theirs after an ``out_of_office_words`` word ("former President ...")."""
    roles, retired_title = state_roles()
    countries: dict[str, set[str]] = defaultdict(set)
    retired: set[str] = set()
    for role in entities.person_roles:
        if role.role in roles and role.country_iso2:
            countries[role.person_id].add(role.country_iso2)
        if retired_title and retired_title.search(article.body, max(0, role.start_char - 40), role.start_char):
            retired.add(role.person_id)
    leaders = {pid: next(iter(codes)) for pid, codes in countries.items() if len(codes) == 1 and pid not in retired}
    persons: dict[int, list[Mention]] = defaultdict(list)
    for m in entities.mentions:
        if m.entity_type == "person":
            persons[m.sentence_idx].append(m)
    return persons, leaders


def _adjunct_after_attribution(masked: str, excluded: tuple[int, int], trigger_start: int) -> bool:
    """Whether a trigger stands in a clause of its own after a mid-sentence attribution: "...,
    the ministry said, dampening hopes it would sign on" (words between the attribution and the
    trigger). Its subject is then not looked for before the attribution; a parenthetical one
    ("Oman, the minister said, will join") leaves the clause whole."""
    if not (excluded[0] < excluded[1] <= trigger_start):
        return False
    return len(_WORD.findall(masked, excluded[1], trigger_start)) >= 2


def _gapped_when(own: DateMention, lead: dating.ClaimDate) -> dating.ClaimDate:
    """A gapped date's bounds; a month without a year ("..., and Morocco in December") is the lead's year's, or
    the next year's when it comes before the lead's month."""
    if any(ch.isdigit() for ch in own.text) or own.lower is None or lead.lower is None or own.precision != "month":
        return dating.ClaimDate.of(own)
    year = lead.lower.year + (1 if own.lower.month < lead.lower.month else 0)
    first = date(year, own.lower.month, 1)
    last = date(year + (first.month == 12), first.month % 12 + 1, 1) - timedelta(days=1)
    return dating.ClaimDate(f"{year:04d}-{first.month:02d}", first, last, "month")


def _heads_member_list(hit: Hit, masked: str) -> bool:
    """Whether the hit is a membership noun followed by its list of countries ("the founding members A, B and C")."""
    if "C" not in hit.trigger.pattern.groupindex:
        return False
    m = hit.trigger.pattern.match(masked, hit.start, hit.end)  # (as found: the hit may end where its span did)
    return m is not None and m.end("C") == hit.end and _MEMBERS_HEAD.search(masked, hit.start, m.start("C")) is not None


def _quote_opening(text: str, position: int) -> int:
    """Where the quotation that holds ``position`` opens (the offset of its opening mark)."""
    return max(text.rfind('"', 0, position), text.rfind("“", 0, position), 0)


def _quoted_at(text: str, position: int) -> bool:
    """Position ``position`` of a sentence lies inside a quotation opened before it in the same sentence."""
    before = text[:position]
    return before.count('"') % 2 == 1 or before.rfind("“") > before.rfind("”")


def _starts_in(mention: Mention, start: int, end: int) -> bool:
    """The mention starts inside [start, end) (body offsets)."""
    return start <= mention.start_char < end


def _same_counterparty(name: str, accord: Accord) -> bool:
    """Whether the registry accord called ``name`` is another fixed treaty with ``accord``'s counterparty."""
    other = next((a for a in accords_by_id().values() if a.name == name), None)
    return other is not None and bool(other.parties) and bool(accord.parties) \
        and other.counterparty is not None and other.counterparty == accord.counterparty


def _all_non_joiners() -> frozenset[str]:
    """Before the article has an accord: every registry broker and counterparty."""
    return frozenset(c for a in accords_by_id().values() for c in a.non_joiners)


def _absolute(dates: list[DateMention] | None) -> list[DateMention]:
    """The dates written with a number ("(1949)", "March 29, 2004"), not relative ones ("Its members today:"): a
    list's heading dates its items by when they joined, never by the day it was written."""
    return [d for d in dates or () if any(ch.isdigit() for ch in d.text)]


# a claim a sentence's trigger shares with a related country ("followed by A", "after A and B", "together with A")
_DERIVED_RULE = re.compile(r"^\w+:(?:followed_by|preceded_by|together_with|joined_members)\|")


def _dedup_rank(claim: Claim) -> tuple:
    """A claim stated of the country itself before one it shares with another ("after the UAE and Bahrain, which
    signed the Abraham Accords": signed, not the rank's announcement); then the least committal status."""
    return (bool(_DERIVED_RULE.match(claim.rule)), STATUS_CAUTION[claim.status], -claim.confidence)


def _dated_apart(a: Claim, b: Claim) -> bool:
    """Two claims whose dates are both bounded and do not overlap ("applied in May 2022 ... joined in April 2023")."""
    return None not in (a.date_lower, a.date_upper, b.date_lower, b.date_upper) \
        and (a.date_upper < b.date_lower or b.date_upper < a.date_lower)


def _deduplicate(claims: list[Claim]) -> list[Claim]:
    """One claim per (sentence, country, accord, speaker): a claim of the country's own comes before one shared
    from another country's, then the least committal status wins. Steps with dates of their own are separate
    events and each keeps its claim: a table row's columns, and statuses dated apart ("Finland applied in May 2022
    and joined in April 2023")."""
    groups: dict[tuple, list[Claim]] = {}
    for claim in claims:
        key = (claim.sentence_idx, claim.country_code, claim.accord, claim.claimed_by)
        if ":table|" in claim.rule:
            key = (*key, claim.status)
        groups.setdefault(key, []).append(claim)
    kept: list[Claim] = []
    for group in groups.values():
        ranked = sorted(group, key=_dedup_rank)
        chosen = [ranked[0]]
        for claim in ranked[1:]:
            if all(claim.status != c.status and _dated_apart(claim, c) for c in chosen):
                chosen.append(claim)
        kept.extend(chosen)
    return sorted(kept, key=lambda c: (c.sentence_idx, c.start_char, c.country_code))


def extract_claims(article: ArticleText, entities: ArticleEntities) -> list[Claim]:
    """All membership claims of one article (pure; needs the entity stage's mentions)."""
    state = _ArticleClaims(article, entities)
    for sentence in article.sentences:
        state.sentence(sentence)
    return _deduplicate(_without_retracted(state.claims, article, entities))


# a correction note ("CORRECTION: In our 16:48 entry we reported that Uzbekistan would also join ...", "An earlier
# version of this story said that ..."): what it names was reported wrongly
_CORRECTION = re.compile(r"\s*(?:[-•*]\s*)?(?:correction|clarification)s?\b\s*[:.–—-]|.{0,80}\ban earlier version of this\b",
                         re.IGNORECASE)


def _without_retracted(claims: list[Claim], article: ArticleText, entities: ArticleEntities) -> list[Claim]:
    """The claims less those a correction note retracts: every announcement or membership the outlet vouched
    for (its own voice, unnamed sources, institutions it paraphrased) about a country the note names, anywhere
    in the article (a live blog puts its corrections above the entries they correct). A report the story
    attributed to a named source stays that source's claim ("State broadcaster Al Ekhbariya reported ...");
    other statuses stand ("the minister said the kingdom was still considering the invitation")."""
    lowered = article.body.lower()
    if "correction" not in lowered and "clarification" not in lowered and "earlier version" not in lowered:
        return claims  # (one scan of the body instead of a pattern per sentence)
    notes = [s for s in article.sentences if _CORRECTION.match(s.text)]
    if not notes:
        return claims
    retracted = {_country_code(m.entity_id) for note in notes for m in entities.mentions
                 if m.entity_type == "country" and note.start_char <= m.start_char < note.end_char}
    in_notes = {note.sentence_idx for note in notes}  # the note itself repeats the wrong report
    return [c for c in claims if c.sentence_idx not in in_notes
            and not (c.country_code in retracted and c.status in ("announced", "signed") and _vouched_by_outlet(c))]


def _vouched_by_outlet(claim: Claim) -> bool:
    """Said in the outlet's voice, by unnamed sources, or by an institution (not a person nor a named source
    the entity stage does not know)."""
    if claim.claimed_by in (OUTLET.name, ANONYMOUS):
        return True
    return (claim.claimed_by_id or "").startswith(("organization:", "country:"))
