"""Keyword gates (pipelines/extract/literal_gate.py): the words a pattern needs, and that the gate
never hides a pattern that matches (checked on every sentence of the labelled and held-out sets)."""

from __future__ import annotations

import re

import pytest

from pipelines.extract.claims.evaluation import HELDOUT_DIR, LABELLED_DIR, load_labelled_articles
from pipelines.extract.claims.status import claim_vocabulary, trigger_gate, trigger_second_gate
from pipelines.extract.literal_gate import KeywordGate, fold, required_literals, requirement_sets, second_requirement


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


def test_requirement_sets_list_every_part_a_match_needs():
    pattern = re.compile(r"(?:will|would)\s+not\s+(?:\w+\s+)?(?:join|sign)", re.I)
    assert requirement_sets(pattern) == [{"will", "would"}, {"not"}, {"join", "sign"}]
    assert second_requirement(pattern) == {"join", "sign"}  # the best one besides required_literals'
    assert required_literals(pattern) == {"will", "would"}
    assert second_requirement(pattern, min_length=5) is None
    assert second_requirement(re.compile(r"joined", re.I)) is None
    assert requirement_sets(re.compile(r"\d{4}")) == []


def test_two_gates_together_select_fewer_patterns():
    pattern = re.compile(r"(?:will|would)\s+(?:\w+\s+)?(?:join|sign)", re.I)
    first, second = KeywordGate([required_literals(pattern)]), KeywordGate([second_requirement(pattern)])
    assert first.mask("It would rain.") & second.mask("It would rain.") == 0
    assert first.mask("It would soon join.") & second.mask("It would soon join.") == 1


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


def test_second_trigger_gate_never_hides_a_matching_trigger(sentences):
    """The same for the second word test the claim stage adds to the trigger gate: every trigger
    that matches passes both, and both together rule out more than the first alone."""
    triggers = claim_vocabulary().triggers
    first, second = trigger_gate(), trigger_second_gate()
    matched = offered_first = offered_both = 0
    for text in sentences:
        mask = first.mask(text) & second.mask(text)
        offered_first += len(first.candidates(text))
        offered_both += bin(mask).count("1")
        for i, trigger in enumerate(triggers):
            if trigger.pattern.search(text):
                matched += 1
                assert mask >> i & 1, (trigger.source, text)
    assert matched > 50
    assert offered_both < 0.8 * offered_first


@pytest.fixture(scope="module")
def articles():
    return [a.article for a in load_labelled_articles(LABELLED_DIR) + load_labelled_articles(HELDOUT_DIR, ingest=True)]


def test_one_pass_over_the_body_gives_every_sentence_its_own_mask(articles):
    """The whole-article pass (shared by several gates) agrees with asking sentence by sentence,
    for a whole-word gate and a plain one, including words at sentence edges."""
    from pipelines.extract.claims.attribution import _attribution_gate
    from pipelines.extract.dates import _date_gate

    gates = [trigger_gate(), _date_gate(), _attribution_gate()]
    checked = 0
    for article in articles:
        for gate in gates:
            assert gate.sentence_masks(article.body, article.sentences) == [gate.mask(s.text) for s in article.sentences]
            per_sentence = gate.hits(article.body, article.sentences)
            assert per_sentence is not None
            for hits, sentence in zip(per_sentence, article.sentences):
                assert sorted(hits) == sorted(gate.text_hits(sentence.text))
                checked += len(hits)
    assert checked > 500


def test_a_capital_sigma_falls_back_to_sentence_by_sentence():
    """str.lower reads Σ by its context, so the body is not folded as a whole then."""
    from pipelines.extract.text_article import article_from_text

    article = article_from_text("ΑΘΗΝΑΣ said it would join. Oman joined on Monday.")
    gate = trigger_gate()
    assert gate.hits(article.body, article.sentences) is None
    assert gate.sentence_masks(article.body, article.sentences) == [gate.mask(s.text) for s in article.sentences]


def test_anchored_finditer_equals_finditer_when_matches_start_at_the_anchors():
    from pipelines.extract.literal_gate import anchored_finditer

    pattern = re.compile(r"(?<![\w])(?:may|march)\s+\d+", re.I)
    text = "On May 5 and March 7, 2021 (not dismay 9), may 12 May 13"
    starts = sorted({m.start() for m in re.finditer(r"may|march", text, re.I)})
    assert [m.span() for m in anchored_finditer(pattern, text, starts)] == [m.span() for m in pattern.finditer(text)]
    assert len(list(pattern.finditer(text))) == 4


def test_direct_init_records_are_the_same_frozen_records():
    import dataclasses
    import pickle

    from pipelines.extract.model import Mention

    m = Mention(1, 2, 3, "Oman", "country:OM", "country", "name")
    assert m == Mention(sentence_idx=1, start_char=2, end_char=3, text="Oman", entity_id="country:OM",
                        entity_type="country", method="name", is_metonymy=False)
    assert hash(m) == hash(pickle.loads(pickle.dumps(m))) and m.is_metonymy is False
    assert dataclasses.replace(m, text="OM").text == "OM"
    with pytest.raises(dataclasses.FrozenInstanceError):
        m.text = "x"
    with pytest.raises(TypeError):
        Mention(1, 2, 3)


def test_whole_words_at_sentence_edges_count_even_when_glued_to_the_next_sentence():
    """Sentences that touch without a space (a split inside a run of letters): a whole word at the
    first or last character of a sentence counts there, as asking sentence by sentence does."""
    from pipelines.extract.claims.attribution import _attribution_gate
    from pipelines.extract.dates import _date_gate
    from pipelines.extract.model import ArticleText, SentenceText

    body = "Oman joined Fridaysaid it. Talks apmar Monday"
    cuts = [(0, 18), (18, 26), (27, 33), (33, 35), (35, 45)]
    sentences = tuple(SentenceText(i, 0, s, e, body[s:e]) for i, (s, e) in enumerate(cuts))
    article = ArticleText("glued", body, sentences)
    for gate in (_date_gate(), _attribution_gate(), trigger_gate()):
        per_sentence = gate.hits(article.body, article.sentences)
        assert [sorted(h) for h in per_sentence] == [sorted(gate.text_hits(s.text)) for s in sentences]
    assert any(_date_gate().hits(body, sentences)[0]) and any(_attribution_gate().hits(body, sentences)[1])
