"""The event date of a claim: from the sentence, from its context, or bounded by publication.

- A date in the claim's sentence (the one nearest the country) is the event date.
- Countries that "followed" a dated lead inherit its lower bound; their upper bound is the end of
  the period the surrounding text gives ("brokered in 2020–2021"), else the publication day.
- Undated reported statements and present/perfect/future states are news of the day: the window is
  the day before publication to the publication day.
- Undated past facts in the outlet's voice happened at some time before publication: "../<day>".
- Without a publication date, undated claims stay open ("..").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from pipelines.extract.model import DateMention, direct_init

RECENT_DAYS = 1


@direct_init
@dataclass(frozen=True)
class ClaimDate:
    edtf: str | None
    lower: date | None
    upper: date | None
    precision: str | None

    @classmethod
    def of(cls, mention: DateMention) -> "ClaimDate":
        return cls(mention.edtf, mention.lower, mention.upper, mention.precision)


OPEN = ClaimDate("..", None, None, "open")


def _text(d: date | None) -> str:
    return d.isoformat() if d else ".."


def window(lower: date | None, upper: date | None) -> ClaimDate:
    """An interval as a claim date ("range", or "open" when a side is unknown)."""
    if lower is None and upper is None:
        return OPEN
    if lower is not None and lower == upper:
        return ClaimDate(lower.isoformat(), lower, upper, "day")
    precision = "range" if lower is not None and upper is not None else "open"
    return ClaimDate(f"{_text(lower)}/{_text(upper)}", lower, upper, precision)


def nearest_date(dates: list[DateMention], position: int, exclude: tuple[int, int] | None = None,
                 end: int | None = None) -> DateMention | None:
    """The date mention closest to the span [position, end) of body offsets (ignoring any inside
    ``exclude``): "Egypt (1979) and Jordan (1994)" gives Jordan 1994."""
    end = position if end is None else end
    best, best_distance = None, None
    for d in dates:
        if exclude and exclude[0] <= d.start_char < exclude[1]:
            continue
        distance = d.start_char - end if d.start_char >= end else position - d.end_char if d.end_char <= position else 0
        if best_distance is None or distance < best_distance:
            best, best_distance = d, distance
    return best


def recent(reference: date | None) -> ClaimDate:
    """News of the day: [reference - 1 day, reference]."""
    if reference is None:
        return OPEN
    return window(reference - timedelta(days=RECENT_DAYS), reference)


def before(reference: date | None) -> ClaimDate:
    """Some time before publication."""
    if reference is None:
        return OPEN
    return window(None, reference)


def follower(lead: ClaimDate, context_upper: date | None, reference: date | None) -> ClaimDate:
    """A country that followed a dated lead: not before the lead, not after the stated period."""
    upper = context_upper if context_upper and (lead.upper is None or context_upper >= lead.upper) else reference
    if upper is not None and lead.lower is not None and upper < lead.lower:
        upper = None  # a lead dated after publication: the follower's window stays open, never inverted
    if lead.lower is None:
        return window(None, upper)
    return window(lead.lower, upper)
