"""The cheap exits of the cleaner: each must let through every line its rule removes.

``clean_body`` skips most line rules for ordinary prose with cheap checks (one combined
match for the anchored rules, the last character for share-button rows and copyright
lines, a "/" or final bracket for agency photo credits, the first character for a repeated
headline) and normalizes whitespace line by line. The lines below sit at the edges of
those checks: long lines, separators at the end, look-alike letters, keywords inside a
prefix.
"""

from __future__ import annotations

import re

import pytest

from pipelines.ingest.cleaning import (
    _combined_anchored,
    _normalize_text,
    _normalized_lines,
    _rules,
    clean_body,
)

BODY_ONE = "Body sentence one is here and it is long enough."
BODY_TWO = "Body sentence two follows it here."


def removed(noise: str, title: str = "Known title") -> list[str]:
    cleaned = clean_body(f"{BODY_ONE}\n\n{noise}\n\n{BODY_TWO}", title=title)
    assert cleaned.body == f"{BODY_ONE}\n\n{BODY_TWO}"
    return cleaned.removed_lines


@pytest.mark.parametrize(
    "noise",
    [
        # share buttons ending with a separator, or with a prefix before each network
        "Facebook | Twitter |",
        "Share on Facebook | Share on X",
        "Share via WhatsApp · Share to Telegram ·",
        # a copyright line longer than "copyright" + 200 characters, ending in "reserved."
        "Example News Group " * 10 + "All rights reserved.",
        "Example News " * 15 + "all rights reserved",
        # agency photo credits: a final bracket, or "AGENCY/Name" ending in a period
        "Leaders at the signing ceremony on the South Lawn. (AP Photo/Evan Vucci)",
        "Leaders at the signing ceremony on the South Lawn [Getty Images]",
        "Leaders at the signing ceremony on the South Lawn. REUTERS/Tom Brenner.",
        # a cookie banner whose keyword sits inside its opening ("manage.com")
        "manage.com uses cookies to improve your experience.",
        "We use cookies. " + "More text about the site and its partners. " * 8 + "Accept all to continue.",
        # anchored rules written with look-alike letters that re.IGNORECASE accepts
        "Po\u017fted: Oct 23, 2020 12:40 PM",
        "Reporting by Jane Roe; Editing by John Doe",
        "(Additional reporting by Jane Roe)",
        "\u017fhare this: Israel, Kazakhstan",
        "image caption, Leaders at the signing ceremony",
        "Home / Politics / Middle East",
        "Today, 9:58 pm",
    ],
)
def test_boilerplate_at_the_edge_of_the_cheap_checks_is_removed(noise):
    assert removed(noise) == [noise]


@pytest.mark.parametrize(
    "text",
    [
        "Facebook said on Monday it would remove the posts.",
        "The rights of the parties are reserved under the treaty, the minister said.",
        "Officials met in Rabat (Morocco) to sign the accord.",
        "We use cookies, the site's operator told reporters, and said nothing else.",
    ],
)
def test_prose_near_the_cheap_checks_is_kept(text):
    cleaned = clean_body(f"{BODY_ONE}\n\n{text}", title="Known title")
    assert cleaned.body == f"{BODY_ONE}\n\n{text}"


def test_the_shipped_rules_combine_into_one_anchored_check():
    assert _rules().any_anchored is not None


def test_patterns_that_refer_to_groups_are_not_combined():
    assert _combined_anchored([re.compile(r"(a)\1", re.I)]) is None
    assert _combined_anchored([re.compile(r"(?P<x>a)(?P=x)", re.I)]) is None
    assert _combined_anchored([re.compile(r"(a)?(?(1)b|c)", re.I)]) is None
    assert _combined_anchored([re.compile(r"a", 0)]) is None  # case-sensitive: not combined
    combined = _combined_anchored([re.compile(r"(?P<value>ab)c", re.I), re.compile(r"\(?x", re.I)])
    assert combined is not None and combined.match("ABC") and combined.match("(x") and not combined.match("b")


@pytest.mark.parametrize(
    "raw",
    [
        "  Lead\u00a0 line \t with\u2009odd   spaces  \r\nsecond\rthird\n\n\n",
        "a\x0bb\x0cc\u2028d\u2029e\x85f\x1cg",
        "country\u2019s \u2018quoted\u2019 l\u2019\u00e9t\u00e9 2\u2019s x\u2019 \u2019y \u2019",
        "\u2019start and end\u2019",
        "zero\u200bwidth\u00adsoft hy\ufeffphen",
        "",
    ],
)
def test_line_normalization_matches_the_whole_text_normalization(raw):
    expected = [line.strip() for line in _normalize_text(raw).split("\n")]
    assert _normalized_lines(raw) == expected


def test_headline_repeated_with_other_quotes_and_dashes_is_still_found():
    title = "\u201cPeace now\u201d \u2014 leaders sign accord"
    raw = f'"Peace now" - leaders sign accord PHOTO: The signing\n\n{BODY_ONE}'
    cleaned = clean_body(raw, title=title)
    assert cleaned.body == BODY_ONE
    assert cleaned.photo_caption == "The signing"


def test_casefolding_never_creates_spaces_or_stripped_characters():
    """What _may_be_furniture relies on: a character other than whitespace or one of the
    characters stripped from furniture lines casefolds to characters that are neither."""
    from pipelines.ingest.cleaning import _FURNITURE_STRIP

    for code in range(0x110000):
        char = chr(code)
        if char.isspace() or char in _FURNITURE_STRIP:
            continue
        folded = char.casefold()
        assert folded and not any(c.isspace() or c in _FURNITURE_STRIP for c in folded), hex(code)


@pytest.mark.parametrize(
    "noise",
    ["Latest news" + "." * 300, "»» » Most read »» » ...", "TRENDING NOW!", "| Advertisement |", "Ad"],
)
def test_furniture_lines_with_long_punctuation_are_removed(noise):
    assert removed(noise) == [noise]
