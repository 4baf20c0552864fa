"""Sentence splitting: boundaries, offsets, paragraphs, headings and quotations."""

from __future__ import annotations


import pytest

from pipelines.ingest.sentences import split_sentences


def texts(body: str) -> list[str]:
    return [s.text for s in split_sentences(body, [])]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Mr. Smith met Dr. Jones on Jan. 6 in St. Louis. They talked.",
            ["Mr. Smith met Dr. Jones on Jan. 6 in St. Louis.", "They talked."],
        ),
        (
            "The U.S. Secretary of State arrived in Abu Dhabi. He met the U.A.E. foreign minister.",
            ["The U.S. Secretary of State arrived in Abu Dhabi.", "He met the U.A.E. foreign minister."],
        ),
        (
            "The deal was brokered by the U.S. The UAE signed first.",
            ["The deal was brokered by the U.S.", "The UAE signed first."],
        ),
        (
            "John F. Kennedy was president. Growth was 3.5 percent. It ranked No. 1 in 2020.",
            ["John F. Kennedy was president.", "Growth was 3.5 percent.", "It ranked No. 1 in 2020."],
        ),
        (
            "The answer was No. Talks ended.",
            ["The answer was No.", "Talks ended."],
        ),
        (
            'He said: "We will join." Then he left.',
            ['He said: "We will join."', "Then he left."],
        ),
        (
            '"Will they join?" he asked. "Yes!" she said.',
            ['"Will they join?" he asked.', '"Yes!" she said.'],
        ),
        (
            "The ceremony began at 5 p.m. The leaders spoke. Sen. Rep. and Gov. are titles.",
            ["The ceremony began at 5 p.m.", "The leaders spoke.", "Sen. Rep. and Gov. are titles."],
        ),
        (
            "WASHINGTON, November 7. /TASS/. Kazakhstan will join the accords. The press service confirmed it.",
            ["WASHINGTON, November 7. /TASS/. Kazakhstan will join the accords.", "The press service confirmed it."],
        ),
        (
            "Talks stalled... Then Oman agreed? No! It did not.",
            ["Talks stalled...", "Then Oman agreed?", "No!", "It did not."],
        ),
        (
            "Israel signed (with U.S. support). Morocco followed on Dec. 22.",
            ["Israel signed (with U.S. support).", "Morocco followed on Dec. 22."],
        ),
        (
            "Президент заявил, что Казахстан присоединится. Церемония состоится позже.",
            ["Президент заявил, что Казахстан присоединится.", "Церемония состоится позже."],
        ),
        ("A sentence without a final stop", ["A sentence without a final stop"]),
    ],
)
def test_sentence_boundaries(body, expected):
    assert texts(body) == expected


def test_offsets_paragraphs_and_indexes():
    body = "  First one. Second one.\n\n\nThird one.\n \nFourth\nspans a line break.  "
    sentences = split_sentences(body, [])
    assert [s.text for s in sentences] == ["First one.", "Second one.", "Third one.", "Fourth\nspans a line break."]
    assert [s.paragraph_idx for s in sentences] == [0, 0, 1, 2]
    assert [s.sentence_idx for s in sentences] == [0, 1, 2, 3]
    for sentence in sentences:
        assert body[sentence.start_char : sentence.end_char] == sentence.text
    assert split_sentences("", []) == []
    assert split_sentences(" \n\n ", []) == []


def test_headings_are_single_sentences():
    body = "Opening paragraph. It has two sentences.\n\nWhat comes next\n\nA ceremony is promised. No date is set."
    start = body.index("What comes next")
    sentences = split_sentences(body, [(start, start + len("What comes next"))])
    assert [(s.text, s.is_heading, s.paragraph_idx) for s in sentences] == [
        ("Opening paragraph.", False, 0),
        ("It has two sentences.", False, 0),
        ("What comes next", True, 1),
        ("A ceremony is promised.", False, 2),
        ("No date is set.", False, 2),
    ]


def quoted(body: str) -> list[tuple[str, bool]]:
    return [(s.text, s.in_quote) for s in split_sentences(body, [])]


def test_quote_over_several_sentences_with_attribution_at_the_end():
    body = '"We are the first. Many will follow," the president wrote. Officials agreed.'
    assert quoted(body) == [
        ('"We are the first.', True),
        ('Many will follow," the president wrote.', True),
        ("Officials agreed.", False),
    ]


def test_curly_quote_continued_in_next_paragraph():
    body = (
        "“Kazakhstan's accession is a natural step. It changes little.\n\n"
        "“We expect the ceremony soon,” the press service said.\n\n"
        "Officials declined to give a date."
    )
    assert quoted(body) == [
        ("“Kazakhstan's accession is a natural step.", True),
        ("It changes little.", True),
        ("“We expect the ceremony soon,” the press service said.", True),
        ("Officials declined to give a date.", False),
    ]


def test_straight_quote_continued_in_next_paragraph():
    body = (
        '"The first of many. More are coming.\n\n'
        '"This is a club of strength," he wrote.\n\n'
        "He did not name the countries."
    )
    assert [flag for _, flag in quoted(body)] == [True, True, True, False]


def test_unclosed_quote_ends_with_its_paragraph():
    body = '"We will join, he said without a closing mark.\n\nThe next paragraph is the article speaking.'
    assert [flag for _, flag in quoted(body)] == [True, False]


def test_short_quoted_phrase_does_not_make_a_sentence_quoted():
    body = (
        "He emphasized that there is still much work ahead to unite countries for stability, "
        'noting "real progress."\n\nThe so-called \'club of strength\' has five members.'
    )
    assert [flag for _, flag in quoted(body)] == [False, False]


def test_apostrophes_are_not_quotes():
    body = "The countries' leaders met. Kazakhstan's envoy said it's done. 'Tis the season."
    assert [flag for _, flag in quoted(body)] == [False, False, False]


def test_guillemets():
    body = "«Мы присоединимся», — заявил министр. Переговоры продолжаются."
    assert quoted(body) == [("«Мы присоединимся», — заявил министр.", True), ("Переговоры продолжаются.", False)]


def test_quote_starting_right_after_a_sentence_leaves_it_unquoted():
    # The quotation begins where the first sentence ends: it overlaps the second only.
    body = "The minister spoke. “We will sign the accord next week and others will follow,” she said."
    assert quoted(body) == [
        ("The minister spoke.", False),
        ("“We will sign the accord next week and others will follow,” she said.", True),
    ]


def test_sentence_mostly_made_of_a_quotation_inside_it_is_quoted():
    body = 'He said: "we will sign the accord next week and the others will follow us soon." Officials agreed.'
    assert quoted(body) == [
        ('He said: "we will sign the accord next week and the others will follow us soon."', True),
        ("Officials agreed.", False),
    ]


def test_runs_of_mixed_sentence_punctuation_end_one_sentence():
    assert texts("Really?!... Yes. Wait…? No!!” Then it ended.") == ["Really?!...", "Yes.", "Wait…?", "No!!”", "Then it ended."]


def test_the_token_before_a_period_is_read_at_most_40_characters_back():
    # Within 40 characters the token is "/XXX.../", an agency tag that never ends a sentence.
    tag = "ab/" + "X" * 38 + "/"
    assert texts(f"Talks ended {tag}. Kazakhstan joined.") == [f"Talks ended {tag}. Kazakhstan joined."]
    assert texts("Talks ended /TASS/. Kazakhstan joined. Then it ended.") == [
        "Talks ended /TASS/. Kazakhstan joined.",
        "Then it ended.",
    ]


def test_a_list_item_number_at_a_line_start_does_not_end_a_sentence():
    body = "Here is every NATO member:\n\n1. Belgium\n\n2. Canada\n\nThe score was 2. Canada won."
    assert [s.text for s in split_sentences(body, [])] == [
        "Here is every NATO member:", "1. Belgium", "2. Canada", "The score was 2.", "Canada won."]
