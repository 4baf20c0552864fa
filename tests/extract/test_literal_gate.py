"""Keyword gates (pipelines/extract/literal_gate.py): the words a pattern needs, and that the gate
never hides a pattern that matches (checked on every sentence of the labelled and held-out sets)."""

from __future__ import annotations

import re

import pytest

from pipelines.extract.claims.evaluation import HELDOUT_DIR, LABELLED_DIR, load_labelled_articles
from pipelines.extract.claims.status import claim_vocabulary, trigger_gate
from pipelines.extract.literal_gate import KeywordGate, fold, required_literals


def test_required_literals_of_a_sequence_take_its_longest_word():
    assert required_literals(re.compile(r"signing\s+ceremony", re.I)) == {"ceremony"}


def test_required_literals_of_an_alternation_need_one_word_per_branch():
    assert required_literals(re.compile(r"(?:will|would)\s+(?:joined|signed)", re.I)) == {"joined", "signed"}


def test_small_exact_parts_are_expanded_into_their_strings():
    assert required_literals(re.compile(r"normali[sz]ed", re.I)) == {"normalised", "normalized"}
    assert required_literals(re.compile(r"(?:bring|brought|bringing)\s+x", re.I)) == {"bring", "brought", "bringing"}
    assert required_literals(re.compile(r"(?:formally )?joined", re.I)) == {"formally joined", "joined"}


def test_country_placeholders_are_not_words_of_the_text():
    assert required_literals(re.compile("\x02\x01*\\s+be\\s+next", re.I)) == {"next"}


def test_optional_parts_lookarounds_and_classes_are_not_required():
    assert required_literals(re.compile(r"(?:formally\s+)?joined(?!\s+up)", re.I)) == {"joined"}
    assert required_literals(re.compile(r"(?<=[\x01\x02])\s+accession", re.I)) == {"accession"}
    assert required_literals(re.compile(r"\d{4}")) is None
    assert required_literals(re.compile(r"(?:joined)?")) is None


def test_a_branch_without_a_word_makes_the_whole_alternation_unknown():
    assert required_literals(re.compile(r"(?:joined|\d+)")) is None
    assert required_literals(re.compile(r"x(?:joined|\d+)")) == {"x"}


def test_fold_maps_the_non_ascii_case_variants_re_accepts():
    assert fold("JOİNED") == "joined"
    assert fold("ſigned") == "signed"
    pattern = re.compile("joined", re.I)
    assert pattern.search("JOİNED") and KeywordGate.for_patterns([pattern]).candidates("JOİNED") == [0]


def test_gate_selects_patterns_by_their_words_and_keeps_unknown_ones():
    patterns = [re.compile(r"joined", re.I), re.compile(r"signing\s+ceremony", re.I), re.compile(r"\d+")]
    gate = KeywordGate.for_patterns(patterns)
    assert gate.candidates("Bahrain JOINED later") == [0, 2]
    assert gate.candidates("a signing ceremony") == [1, 2]
    assert gate.candidates("nothing here") == [2]


@pytest.fixture(scope="module")
def sentences() -> list[str]:
    articles = load_labelled_articles(LABELLED_DIR) + load_labelled_articles(HELDOUT_DIR, ingest=True)
    return [s.text for a in articles for s in a.article.sentences]


def test_trigger_gate_never_hides_a_matching_trigger(sentences):
    """On real sentences: every trigger that matches is among the gate's candidates, and the gate
    actually rules most triggers out (otherwise it saves nothing)."""
    triggers = claim_vocabulary().triggers
    gate = trigger_gate()
    matched = offered = 0
    for text in sentences:
        candidates = set(gate.candidates(text))
        offered += len(candidates)
        for i, trigger in enumerate(triggers):
            if trigger.pattern.search(text):
                matched += 1
                assert i in candidates, (trigger.source, text)
    assert matched > 50
    assert offered < 0.2 * len(sentences) * len(triggers)
