"""Status triggers found in a masked sentence: which patterns of ``claim_triggers.yaml`` match where,
the ordinal they carry, and which of them only name the document of another trigger."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipelines.extract.claims.coordination import clause_bounds
from pipelines.extract.claims.status import Trigger, claim_vocabulary, ordinal_value, trigger_gate

# a number right after an ordinal ("the first two countries")
_CARDINAL_AFTER = re.compile(r"\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+)(?![\w])", re.IGNORECASE)
# A document right after a verb trigger: its own object, so a generic accord phrase elsewhere in the
# sentence is not what was signed.
OWN_OBJECT = re.compile(
    r"\s+(?!(?:in|at|on|by|with|from|for|during|after|before|via|through|under) )"  # "in a letter": no object
    r"(?:a |an |the |its |their |several |two |three |four |new |separate )?(?:[a-z-]+ ){0,3}?"
    r"(?:agreements?|deals?|memorand(?:um|a)|contracts?|documents?|orders?|letters?|treat(?:y|ies)|accords?|pacts?)(?![\w])"
)

# a noun trigger as the subject of a passive signature
_SIGNED_PASSIVE = re.compile(r"\s+(?:is|are|was|were|has been|have been|had been)\s+(?:formally\s+|officially\s+)?signed", re.IGNORECASE)
# between a signed document and the trigger that says what it does ("agreements establishing", "a deal to normalize")
_DOCUMENT_COMPLEMENT = re.compile(r"\s*(?:to|on|for|that)?\s*", re.IGNORECASE)


@dataclass
class Hit:
    trigger: Trigger
    start: int
    end: int
    ordinal: int | None


def candidate_triggers(text: str) -> list[Trigger]:
    """The triggers that may match in ``text`` (its words pass the trigger gate), in vocabulary order."""
    triggers = claim_vocabulary().triggers
    return [triggers[i] for i in trigger_gate().candidates(text)]


def triggers_in(masked: str, lo: int, hi: int, triggers: list[Trigger] | None = None) -> list[Hit]:
    """Trigger matches inside [lo, hi), longest first where they overlap (``triggers``: only these,
    in vocabulary order; default all)."""
    hits = []
    for trigger in claim_vocabulary().triggers if triggers is None else triggers:
        for m in trigger.pattern.finditer(masked, lo, hi):
            ordinal = ordinal_value(m.groupdict().get("ORD"))
            if ordinal is not None and _CARDINAL_AFTER.match(masked, m.end("ORD")):
                ordinal = None  # "the first two countries to join": a rank shared by a group, no one's own
            hits.append(Hit(trigger, m.start(), m.end(), ordinal))
    hits.sort(key=lambda h: (-(h.end - h.start), h.start))
    kept: list[Hit] = []
    for hit in hits:
        if any(hit.start < k.end and k.start < hit.end for k in kept):
            continue
        kept.append(hit)
    return sorted(kept, key=lambda h: h.start)


def drop_object_nouns(hits: list[Hit], masked: str, content: tuple[int, int]) -> list[Hit]:
    """A noun trigger that follows a verb trigger in the same clause is that verb's object
    ("signed ... a joint declaration", "agreed to a peace deal"), not a claim of its own; so is a
    trigger that completes the verb's document ("signed agreements establishing diplomatic relations")
    and a noun trigger that is the subject of a passive signature ("the joint declaration was signed")."""
    kept = []
    for hit in hits:
        if hit.trigger.noun:
            clause_start, _ = clause_bounds(masked, hit.start, hit.end, content[0], content[1])
            if any(not other.trigger.noun and clause_start <= other.start and other.end <= hit.start for other in hits):
                continue
        if hit.trigger.status != "withdrawn" \
                and any(not other.trigger.noun and other.end <= hit.start and _completes_document(masked, other.end, hit.start)
                        for other in hits):
            continue  # (not "signed an executive order withdrawing Argentina from ...": the order takes a country out)
        if hit.trigger.noun and _SIGNED_PASSIVE.match(masked, hit.end) \
                and any(other.trigger.status == "signed" and other.start >= hit.end for other in hits):
            continue  # "Morocco's joint declaration is signed in Rabat": the document of the signature
        kept.append(hit)
    return kept


def _completes_document(masked: str, verb_end: int, start: int) -> bool:
    """Whether a trigger at ``start`` belongs to the document right after a verb trigger ending at
    ``verb_end`` ("signed [agreements] establishing ...", "signed [a deal] to normalize ties")."""
    document = OWN_OBJECT.match(masked, verb_end)
    return document is not None and (start <= document.end() or _DOCUMENT_COMPLEMENT.fullmatch(masked, document.end(), start) is not None)
