"""Modality of a trigger: negation, refusal, hedges, conditions, futures and the other cues of
``claim_triggers.yaml`` that change a trigger's status or cancel it."""

from __future__ import annotations

import re

from pipelines.extract.claims.hits import Hit
from pipelines.extract.claims.status import claim_vocabulary

# "Why hasn't ...", "Why did X not ..." ("n't" is glued to its auxiliary, so the negation words do not see it)
_NEGATED_QUESTION = re.compile(r"n[’']t(?![\w])|(?<![\w])(?:not|never)(?![\w])", re.IGNORECASE)
_GLUED_NOT = re.compile(r"n[’']t(?![\w])", re.IGNORECASE)
_NEITHER_NOR = re.compile(r"(?<![\w])(?:neither|nor)(?![\w])", re.IGNORECASE)
# a modal right before a perfect: what would have happened ("would have joined", "could have signed")
_MODAL_PERFECT = re.compile(r"(?<![\w])(?:would|could|might|should|must)(?:\s+not|n[’']t)?\s+$", re.IGNORECASE)
# a step as the topic of talks: "talks on establishing relations", "negotiations about joining"
_TALKS_ABOUT = re.compile(r"(?<![\w])(?:(?:talks|negotiations|discussions|consultations)\s+(?:on|about|over|toward|towards)|"
                          r"(?:negotiate|negotiating|negotiated|discuss|discussing|discussed)\s+the\s+terms\s+of)\s+(?:\x02\x01*)?$",
                          re.IGNORECASE)  # ("... agreed to set up a working group to negotiate the terms of Britain's accession")
# a state predicted ("are going to have fully normalised relations", "will have normalized ties"): a prediction
_PREDICTED_STATE = re.compile(r"(?<![\w])(?:going\s+to|will|would|to)\s+have\s+(?:fully\s+|formally\s+)?$", re.IGNORECASE)
# taking part in talks is no accession talk: "negotiators are still taking part in the talks"
_TAKING_PART = re.compile(r"(?<![\w])(?:tak(?:e|es|ing)|took)\s+part\s+$|(?<![\w])(?:participat\w+|attend\w*)\s+$"
                          r"|(?<![\w])involved\s+(?:in\s+(?:the\s+)?)?$",  # ("a European diplomat involved in the talks")
                          re.IGNORECASE)
# "no" right before a trigger (a noun: "no negotiations with Israel", "no normalization deal") negates it
_NO_BEFORE = re.compile(r"(?<![\w])no\s+$", re.IGNORECASE)
_WITHOUT_GERUND = re.compile(r"without\s+\w+ing(?![\w])", re.IGNORECASE)
# a time for a step ahead: "on Thursday", "next week", "in July", "by 2030", "this year", "soon", "today"
_WHEN = re.compile(r"(?<![\w])(?:(?:on|next|this|in|by|from|within|before)\s+(?:the\s+end\s+of\s+the\s+)?(?:\w+day|week|month|year|January|February|March|"
                   r"April|May|June|July|August|September|October|November|December|\d{4}|the\s+coming)|soon|today|"
                   r"tomorrow|tonight|shortly)(?![\w])", re.IGNORECASE)
_SCHEDULED = re.compile(r"(?<![\w])(?:set|due|scheduled|slated|poised)\s+to(?![\w])", re.IGNORECASE)
_WOULD = re.compile(r"(?<![\w])would(?![\w])", re.IGNORECASE)
_SIGNING_AHEAD = re.compile(r"(?<![\w])(?:would|will|is to|are to|was to)\s+be\s+(?:formally\s+|officially\s+)?signed(?![\w])",
                            re.IGNORECASE)
# a decision to open accession talks, and what may follow it: a condition or a time limit still to come
_DECISION_TO_OPEN = re.compile(r"(?:agreed|agrees|decided|decides|voted|recommended|recommends|proposed|proposes)\s", re.I)
_OPENING_LATER = re.compile(r"\W*(?:once|when|if|provided|as\s+soon\s+as|after|by|no\s+later\s+than|within|next|in\s+the\s+"
                            r"(?:coming|next))(?![\w])", re.IGNORECASE)
# a temporal clause states a fact whatever the main clause hedges ("Speculation about Jakarta intensified after
# Kazakhstan agreed last week to join the accords")
_TEMPORAL_AT_END = re.compile(r"(?<![\w])(?:after|since|when|once|as soon as)\s+(?:the\s+)?"
                              r"(?:\x02\x01*(?:\s*(?:,|,?\s*and)\s*(?:the\s+)?\x02\x01*)*)?\s*$", re.IGNORECASE)
_PROCEDURE_BEFORE = re.compile(r"(?<![\w])(?:after which|once|whereupon|at which point|before|until)(?![\w])", re.IGNORECASE)
# a clause that states the terms of a deal: "an agreement under which ...", "a deal whereby ..."
_TERMS_CLAUSE = re.compile(r"(?<![\w])(?:(?:under|in|by|through)\s+which|whereby)\s+(?:the\s+)?\x02\x01*"
                           r"(?:\s*(?:,|,?\s*and)\s*(?:the\s+)?\x02\x01*)*\s+would\s+(?:\w+\s+)?$", re.IGNORECASE)
_WOULD_BE_AT_END = re.compile(r"(?<![\w])would\s+be\s+[\"“]?(?:the\s+)?$", re.IGNORECASE)
# "to become a member": an infinitive of becoming is an aim, not a membership - a decision when one of these
# governs it ("agreed to become"), else a candidacy ("invited X to become full members", "wants to become")
_INFINITIVE_BEFORE = re.compile(r"(?<![\w])to\s+$", re.IGNORECASE)
_DECIDED_BEFORE = re.compile(r"(?<![\w])(?:agreed|agrees|decided|decides|set|due|poised|scheduled|slated|going)\s+to\s+$",
                             re.IGNORECASE)
# the month, not the modal: see without_month_may (case-sensitive on purpose)
_MONTH_MAY = re.compile(r"(?<=\S)(\s+)May(?![\w’'])|\bMay(?=\s+\d)|(?<=\d\s)May\b")


# a negation that governs the word after it ("did not rule out", "has not yet formally denied", "never denied"),
# not one of another verb before ("would not attend the meeting, dismissing reports")
_NEGATION_AT_END = re.compile(r"(?:(?<![\w])(?:not|never|nor|neither|no\s+longer)|n[’']t)\s+(?:(?:yet|been|be|even|\w+ly)\s+){0,3}$",
                              re.IGNORECASE)


_QUOTE_MARKS = str.maketrans("", "", "\"“”")


def _unquoted(text: str) -> str:
    """``text`` without double quote marks: 'was "looking forward" to concluding' reads as a hedge too."""
    return text.translate(_QUOTE_MARKS) if '"' in text or "“" in text else text


# a speaker's wish to say something, not to do it ("I would like to stress that Kazakhstan's accession ...")
_SPEECH_WISH = re.compile(r"(?<![\w])(?:would|'d|’d)\s+like\s+to\s+(?:stress|say|note|emphasi[sz]e|underline|underscore|point\s+out|"
                          r"add|recall|remind|highlight|inform|announce|thank|welcome|congratulate|reiterate|repeat|"
                          r"clarify|state|confirm)(?![\w])|(?<![\w])wants?\s+to\s+(?:stress|say|note|emphasi[sz]e|underline|"
                          r"point\s+out|add|recall|remind|highlight|reiterate|repeat|clarify|confirm)(?![\w])", re.IGNORECASE)


def without_month_may(text: str) -> str:
    """``text`` with the month May blanked out, so the hedge "may" does not read it ("WASHINGTON, May 17.",
    "In May, Oman joined ..."): a capitalized May that is not the text's first word, or is followed or
    preceded by a number."""
    return _MONTH_MAY.sub(lambda m: " " * len(m.group()), text) if "May" in text else text


# the subject's own wish or readiness right before the trigger ("wants to", "would be ready to", "could"), not someone
# else's ("Trump urged X to join only ...")
_OWN_WISH = re.compile(r"(?<![\w])(?:wants?|wanted|would\s+like|could|can|(?:is|are|was|were|be)\s+(?:ready|willing|prepared|"
                       r"open))(?:\s+to)?\s+(?:\w+\s+)?$", re.IGNORECASE)
_OWN_WISH_TRIGGER = re.compile(r"(?:wants?|wanted|would\s+like|could|can)\s", re.IGNORECASE)
# the clause before the subject says there is nothing of it: "there is no sign that X intends to withdraw"
_NO_SIGN = re.compile(r"(?<![\w])no\s+(?:sign|signs|indication|evidence|suggestion)s?\s+(?:yet\s+)?(?:that|of)\s+$", re.IGNORECASE)
_SUBJECT_MASK = re.compile(r"(?:the\s+)?\x02\x01*\s*")
# talks still to be opened: "to open accession negotiations with the European Union"
_TALKS_AHEAD = re.compile(r"(?<![\w])to\s+(?:formally\s+)?(?:open|start|begin|launch)\s+(?:formal\s+)?(?:accession\s+|membership\s+)?$",
                          re.IGNORECASE)
# a withdrawal only talked of: "Trump had privately discussed withdrawing the United States from NATO"
_WITHDRAWAL_TALK = re.compile(r"(?<![\w])(?:discuss(?:ed|es|ing)?|consider(?:ed|s|ing)?|threat(?:en|ened|ens|ening)|mull(?:ed|s|ing)?|"
                              r"weigh(?:ed|s|ing)?|talk(?:ed|s|ing)?\s+about|floated|raised\s+the\s+idea\s+of)\s+(?:\w+\s+)?$",
                              re.IGNORECASE)
# the negation of another verb that persists until the trigger: "would not stop until it became a full member"
_PERSIST_UNTIL = re.compile(r"(?<![\w])(?:not|never|n[’']t)\s+(?:\w+\s+)?(?:stop|rest|give\s+up|cease|relent|quit|waver|"
                            r"back\s+down)\s+until\s+(?:[\w\x01\x02]+\s+){0,3}$", re.IGNORECASE)
# an "only" condition opening the clause right after the trigger's: "will normalize relations, but only after ..."
_BUT_ONLY = re.compile(r"[^.;:!?,]{0,50}?,\s*(?:but\s+)?only\s+(?:if|after|when|once|in\s+the\s+event)(?![\w])", re.IGNORECASE)


def _only_condition(right: str, vocab, masked: str, end: int) -> bool:
    """The first condition after the trigger (which ends at ``end`` of ``masked``) is an "only" one ("only after",
    "only if", "only once"), not a manner ("without setting a date"); or one opens the next clause (", but only after")."""
    if _BUT_ONLY.match(masked, end):
        return True
    condition = vocab.condition.search(right)
    if condition and _WITHOUT_GERUND.match(right, condition.start()):
        return False  # "will become members of NATO without setting a date": a manner, not a condition
    return bool(condition) and condition.group().lower().startswith("only")


def _wish_on_condition(window: str, trigger_text: str, right: str, vocab, masked: str, end: int) -> bool:
    """The subject's own wish or readiness, before the trigger or opening it ("wants to join"), bound to an "only"
    condition: "the Kingdom wants to join the Abraham Accords, but only once a clear path to a Palestinian state is
    secured", "could recognize Israel, but only once ..." - a refusal for now."""
    return bool(_OWN_WISH.search(window) or _OWN_WISH_TRIGGER.match(trigger_text)) \
        and _only_condition(right, vocab, masked, end)


# "Turkey's parliament became the last of the alliance's 30 members to ratify Finland's accession": a ranked step is done
_RANKED_STEP = re.compile(r"(?<![\w])(?:became|becomes|become|was|were|is|are)\s+the\s+(?:very\s+)?(?:last|first|final|only)"
                          r"(?![\w])[^.;]{0,80}?\s+to\s+[^.;]{0,40}$", re.IGNORECASE)


# a future tense governing a signed noun's clause: "Baku will watch how Kazakhstan's signing ceremony unfolds"
_FUTURE_GOVERNING = re.compile(r"(?<![\w])(?:will|'ll|is\s+going\s+to|are\s+going\s+to)\s+(?:\w+\s+){0,3}?"
                               r"(?:how|whether|when|if|to\s+see)(?![\w])", re.IGNORECASE)
# a condition after a withdrawal's verb: "... if he wins", "unless the deal is renegotiated"
_IF_AHEAD = re.compile(r"(?<![\w])(?:if|unless)(?![\w])", re.IGNORECASE)
# the trigger inside a question being put: "asks whether ...", "asking if ..." (up to the question's end)
_ASKED_WHETHER = re.compile(r"(?<![\w])(?:asks|asking|wonders|wondering)(?![\w])"
                            r"[^,;:.?!\"“”]{0,60}?(?<![\w])(?:whether|if)(?![\w])[^,;:.?!\"“”]*$", re.IGNORECASE)


def status_after_modality(hit: Hit, masked: str, window: str, right: str, question: bool,
                           governing: str = "") -> tuple[str | None, bool, str]:
    """Apply negation, refusal, hedges, conditions and futures; returns (status, is_future, note).

    ``window``: text between the subject and the trigger; ``governing``: the clause before the
    subject (a hedge there governs the whole clause: "Trump hopes X will join")."""
    vocab = claim_vocabulary()
    status = hit.trigger.status
    trigger_text = masked[hit.start:hit.end].lower()
    noun = hit.trigger.noun
    cue_zone = window + (" " + right if noun else "")
    # "Neither Oman nor Qatar has joined": the negation stands before the subject
    # "Why hasn't Saudi Arabia joined?": in a question, a negation before the subject negates it too
    # "the kingdom won't establish relations", "which hasn't yet signed": "n't" is glued to its auxiliary
    # a noun's negation may follow it ("a peace deal ... was the thing diplomats never expected to see")
    negation_zone = cue_zone if noun else window
    negated = bool(vocab.negation.search(negation_zone)) or bool(_GLUED_NOT.search(negation_zone)) \
        or bool(_NEITHER_NOR.search(governing)) \
        or (question and bool(_NEGATED_QUESTION.search(governing))) \
        or bool(_NO_BEFORE.search(masked, max(0, hit.start - 8), hit.start))  # "no peace, no negotiations with it"
    if "no" in governing and _NO_SIGN.search(_SUBJECT_MASK.sub("", governing)):
        return None, False, "no_sign"  # "there is no sign that Abu Dhabi intends to withdraw from the accords"
    if governing and vocab.counterfactual_opener.fullmatch(re.sub("\x02\x01*", "", governing)):
        return None, False, "counterfactual"  # "Had Oman joined in 2020, ..."
    if vocab.non_answer is not None and vocab.non_answer.search(masked):
        return None, False, "no_answer"  # "declined to comment on whether the country would join"
    if _ASKED_WHETHER.search(masked, max(0, hit.start - 120), hit.start):
        return None, False, "asked"  # "A viewer asks whether Ukraine could join the EU instead", "an inquiry asking
        # whether Tashkent is considering joining": a question put, not answered, claims nothing ("Asked whether Saudi
        # Arabia would join, Trump said ..." is read with its answer, as the labelled sets read it)
    if status == "signed" and trigger_text.startswith("become") and _INFINITIVE_BEFORE.search(masked, 0, hit.start):
        status = "announced" if _DECIDED_BEFORE.search(masked, 0, hit.start) else "candidate"
    before = masked[max(0, hit.start - 40):hit.start]
    if status in ("announced", "signed") and trigger_text.startswith(("have", "has")) and _MODAL_PERFECT.search(before):
        return None, False, "counterfactual"  # 'Saudi Arabia "would have joined very quickly"'
    if status == "announced" and trigger_text.startswith("establishing") and before.rstrip().endswith(","):
        return None, False, "participle"  # "... signed by the UAE and Bahrain, establishing relations": the signing's
    if status == "signed" and trigger_text.startswith(("normali", "establish")) and _PREDICTED_STATE.search(before):
        return "candidate", True, "predicted"  # '"Saudi Arabia and Israel are going to have fully normalised relations"'
    if status == "negotiating" and not negated and _TALKS_AHEAD.search(before):
        return "candidate", True, "talks_ahead"  # "more prepared than any other candidate to open accession negotiations"
    if status == "negotiating" and _DECISION_TO_OPEN.match(trigger_text) and _OPENING_LATER.match(right):
        # "agreed to open accession negotiations with Bosnia once the necessary degree of compliance is reached", "...
        # with Serbia by January 2014": talks still to open
        return "candidate", True, "talks_ahead"
    if status == "negotiating" and _TAKING_PART.search(before):
        return None, False, "participant"  # "US negotiators are still taking part in the talks" (climate talks)
    if status == "announced" and _TALKS_ABOUT.search(before):
        return "negotiating", False, "talks_about"  # "in US-brokered talks on establishing relations with Israel"
    if status in ("announced", "signed") and _PERSIST_UNTIL.search(window):
        # "promised that the country would not stop until it became a full member": a resolve to join, ahead
        return "candidate", True, "persistence"
    if status in ("announced", "signed"):
        if vocab.refutation.search(masked):
            return None, False, "refuted"  # "a fake report that X joined", "falsely reported that"
        if noun and not negated and (vocab.negation.search(governing) or _GLUED_NOT.search(governing)):
            # "Turkey's parliament would not ratify Sweden's and Finland's accession unless ...": an accession
            # someone else withholds is still ahead
            return "candidate", False, "withheld"
        if negated:
            return ("declined", False, "refusal") if vocab.refusal.search(window) else (None, False, "negated")
        if noun and vocab.pending_governor is not None \
                and vocab.pending_governor.search(masked, max(0, hit.start - 60), hit.start) \
                and not _RANKED_STEP.search(masked, max(0, hit.start - 120), hit.start):
            return "candidate", False, "pending"  # "the parliament would take up Sweden's accession": still ahead
        signing = _SIGNING_AHEAD.search(right) if noun else None
        if signing and _WHEN.search(right, signing.end()):
            # "Israel said a peace agreement with Sudan would be signed in Washington before the end of the year": a
            # signing with a time is announced, not hedged
            return "announced", True, "signing_ahead"
        if hit.ordinal is not None and hit.ordinal > 0 and _WOULD_BE_AT_END.search(cue_zone):
            cue_zone = cue_zone[:_WOULD_BE_AT_END.search(cue_zone).start()]  # "said X would be the first country
            # to join": a rank is announced, not hedged ("would be the next to join" has no rank: still hedged)
        if _wish_on_condition(window, "", right, vocab, masked, hit.end):
            return "declined", False, "conditional"
        if vocab.hedge.search(_unquoted(without_month_may(cue_zone))) or question \
                or (vocab.hedge.search(_SPEECH_WISH.sub(" ", without_month_may(governing)))
                    and not _TEMPORAL_AT_END.search(governing)):
            return "candidate", False, "hedged"
        futurish = bool(vocab.future.search(cue_zone)) or trigger_text.startswith(("will", "would", "'ll", "is set", "are set")) \
            or (noun and status == "signed" and bool(_FUTURE_GOVERNING.search(governing)))
        # ("Baku will watch how Kazakhstan's signing ceremony unfolds": a ceremony the clause puts ahead)
        if futurish and _only_condition(right, vocab, masked, hit.end):
            return "declined", False, "conditional"  # "will normalize only after a Palestinian state exists"
        if status == "signed" and futurish and trigger_text.startswith("become") and not _WHEN.search(masked, hit.end) \
                and not _SCHEDULED.search(window):
            # "the allies promised Georgia and Ukraine that they 'will become members of NATO'", "Ukraine will
            # become a member of the alliance" - a membership promised without a time is a candidacy (four blind
            # writers read it so); "Sweden will become NATO's 32nd member on Thursday" is announced
            return "candidate", True, "promised"
        if status == "signed" and trigger_text.startswith(("becomes", "joins")) \
                and _PROCEDURE_BEFORE.search(masked, max(0, hit.start - 60), hit.start):
            # "Sweden then deposits its instrument ..., after which the country formally becomes a member", "the last
            # step before it becomes the organization's ninth full member": the steps of a procedure ahead, in the
            # present tense
            return "announced", True, "procedure"
        if _TERMS_CLAUSE.search(masked, max(0, hit.start - 120), hit.start):
            # "Washington is seeking an agreement under which Saudi Arabia would establish relations": the terms
            # of a deal sought, a prospect
            return "candidate", True, "terms"
        if status == "signed" and (futurish or _WOULD.search(cue_zone)):
            # "said Kazakhstan would become the first country of his second term to sign": not signed yet
            return "announced", True, "future_signing"
        return status, futurish, ""
    if status in ("negotiating", "candidate") and (negated or vocab.refutation.search(window)
                                                   or vocab.refutation.search(governing)):
        return None, False, "negated"  # "Mauritania denies reports of secret talks with Israel"
    if status == "candidate" and _wish_on_condition(window, trigger_text, right, vocab, masked, hit.end):
        return "declined", False, "conditional"
    if status == "withdrawn" and (negated or vocab.refutation.search(masked) or vocab.hedge.search(without_month_may(cue_zone))
                                  or _WITHDRAWAL_TALK.search(window)):
        return None, False, "negated"  # "did not say it was withdrawing", "could pull out of": no withdrawal
    if status == "withdrawn" and _IF_AHEAD.search(right):
        return None, False, "hypothetical"  # "Trump has said he would take the United States out of the Paris
        # climate accord if he wins": a pledge on a condition, no withdrawal
    if status == "declined" and vocab.demand is not None and vocab.demand.search(governing + window):
        return None, False, "demanded"  # "Russia demanded guarantees that Ukraine will never join NATO"
    if status == "declined" and negated and not trigger_text.startswith(("will", "won", "would", "shall", "no ")) \
            and _NEGATION_AT_END.search(window):
        return "candidate", False, "double_negation"  # "did not rule out joining" (not "had never applied ...,
        # dismissing reports": that negation is another verb's)
    return status, False, ""
