"""Small helpers of the entity stage checked against their plain definitions."""

from __future__ import annotations

import random

from pipelines.extract.entities import _outside_all
from pipelines.extract.model import Mention
from pipelines.extract.text_article import article_from_text
from pipelines.extract.tokens import ArticleDoc


def test_outside_all_keeps_exactly_the_mentions_overlapping_no_span():
    rng = random.Random(5)
    for _ in range(300):
        spans = [(s, s + rng.randint(1, 12)) for s in (rng.randint(0, 80) for _ in range(rng.randint(0, 6)))]
        mentions = [Mention(0, s, s + rng.randint(1, 10), "x", "country:XX", "country", "name")
                    for s in (rng.randint(0, 90) for _ in range(20))]
        expected = [m for m in mentions if not any(m.start_char < e and s < m.end_char for s, e in spans)]
        assert _outside_all(mentions, spans) == expected


def test_caps_text_counts_letters_alike_in_ascii_and_other_text():
    article = article_from_text("OMAN WILL JOIN THE ACCORDS SOON\n\nOman will join the accords soon.\n\n"
                                "ÖMAN WİLL JOIN THE ACCORDS SOON\n\nQATAR and Oman said so.")
    adoc = ArticleDoc.build(article, full=True)
    first_tokens = [adoc.token_span(s.start_char, s.start_char + s.text.index(" "))[0] for s in article.sentences]
    assert [adoc.in_caps_text(i) for i in first_tokens] == [True, False, True, False]
    assert adoc.token_span(0, 2) is None and adoc.token_span(0, 4) == (0, 1) == adoc.token_span(0, 4)


def test_cue_sentences_marks_every_sentence_a_cue_overlaps():
    """The forward walk over the cue hits gives what bisecting each hit's first and last sentence gives."""
    from bisect import bisect_right

    from pipelines.extract.entities import prepare_matchers
    from pipelines.extract.tokens import _cue_automaton, cue_sentences, words_only

    prepare_matchers()
    article = article_from_text("Nothing here.\n\nThe talks in Oman went on.\n\nA quiet day. Kazakhstan joined. Done.\n\n"
                                "President Tokayev of\nKazakhstan spoke.")
    starts = [s.start_char for s in article.sentences]
    expected = [False] * len(starts)
    for end, length in _cue_automaton().iter(" " + words_only(article.body.lower()) + " "):
        first, last = bisect_right(starts, end - length + 1) - 1, bisect_right(starts, end - 2) - 1
        for pos in range(max(first, 0), min(last, len(starts) - 1) + 1):
            expected[pos] = True
    assert cue_sentences(article) == expected
    assert expected[0] is False and expected[1] is True and sum(expected) >= 3


def test_token_spans_recorded_by_the_country_stage_are_what_token_span_finds():
    from bisect import bisect_left

    from pipelines.extract.countries import find_country_mentions_in_doc

    article = article_from_text("The United Arab Emirates and Bahrain signed; Israel's and U.S.-brokered talks with Oman went on.")
    adoc = ArticleDoc.build(article)
    mentions = find_country_mentions_in_doc(adoc)
    assert len(mentions) >= 5
    for m in mentions:
        i, j = bisect_left(adoc.starts, m.start_char), bisect_left(adoc.ends, m.end_char)
        aligned = i < len(adoc.starts) and adoc.starts[i] == m.start_char and j < len(adoc.ends) and adoc.ends[j] == m.end_char
        assert adoc.token_span(m.start_char, m.end_char) == ((i, j + 1) if aligned else None)
