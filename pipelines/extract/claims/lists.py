"""Lists of members: an opener line, then short numbered or bulleted items that each start with a country
("1. Belgium", "- Albania (2009)"), with short headings between them ("The 12 founding members (1949)").
Pure helpers; the claim extractor emits the claims."""

from __future__ import annotations

import re

# a list item's marker: "1.", "12)", "-", "•", "*", "–"
_ITEM = re.compile(r"\s*(?:\d{1,3}[.)]|[-•*–])\s+")
# an item or a heading inside a list is short (a country and a date, "The 12 founding members (1949)",
# "15. Germany (1955, as West Germany; reunified Germany from 1990)")
MAX_ITEM_WORDS = 12


def item_start(text: str) -> int | None:
    """Where an item's content starts, after its marker, or None when ``text`` is no list item."""
    m = _ITEM.match(text)
    return m.end() if m else None


def is_short(text: str) -> bool:
    return len(text.split()) <= MAX_ITEM_WORDS


def opens_member_list(text: str, is_heading: bool, opener: re.Pattern, excluded: re.Pattern | None = None) -> bool:
    """A line that opens a list of members: it ends with a colon or a question mark ("Who is in?") or is a heading,
    names members (``opener``), and names none of ``excluded`` (candidates, partners, other non-members)."""
    stripped = text.rstrip()
    return (stripped.endswith((":", "?")) or is_heading) and opener.search(text) is not None \
        and (excluded is None or excluded.search(text) is None)
