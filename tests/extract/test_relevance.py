"""The Aho-Corasick relevance prefilter."""

from __future__ import annotations


from pipelines.extract.relevance import is_relevant_text, relevant_sentence_indexes
from pipelines.extract.text_article import article_from_text


def test_accord_vocabulary_is_relevant():
    assert is_relevant_text("Kazakhstan has joined the Abraham Accords")
    assert is_relevant_text("Bahrain agreed to normalise ties with Israel")  # unnamed deal, British spelling
    assert is_relevant_text("Sweden's bid to join NATO")


def test_other_text_is_not_and_short_names_need_word_boundaries():
    assert not is_relevant_text("The museum reopened after the storm.")  # 'eu' inside a word
    assert not is_relevant_text("Football results from the weekend")
    assert not is_relevant_text("")


def test_relevant_sentence_indexes():
    article = article_from_text("The weather was fine. Morocco signed the Abraham Accords. Markets rose.")
    assert relevant_sentence_indexes(article) == {1}
