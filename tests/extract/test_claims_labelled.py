"""The labelled test articles (tests/fixtures/articles): precision first."""

from __future__ import annotations

import pytest

from pipelines.extract.claims.evaluation import Score, accepts, load_labelled_articles, score_articles
from pipelines.extract.model import Claim


@pytest.fixture(scope="module")
def score() -> Score:
    return score_articles(load_labelled_articles())


def test_enough_labelled_articles():
    assert len(load_labelled_articles()) >= 15


def test_no_false_signed_or_announced_claims(score):
    assert score.fp["signed"] == 0 and score.fp["announced"] == 0, [e for e in score.errors if "FALSE" in e]


def test_no_must_not_violation(score):
    assert not [e for e in score.errors if "MUST-NOT" in e]


def test_overall_precision_and_recall(score):
    assert score.precision() >= 0.95
    assert score.recall() >= 0.85


def _claim(claimed_by: str, claimed_by_id: str | None = None) -> Claim:
    return Claim(sentence_idx=0, country_code="KZ", accord="Abraham Accords", status="negotiating", claimed_by=claimed_by,
                 claimed_by_id=claimed_by_id, date_edtf=None, date_lower=None, date_upper=None, date_precision="open",
                 evidence="", start_char=0, end_char=0, rule="", confidence=0.8)


def test_a_label_accepts_its_speaker_in_any_case_but_no_other_speaker():
    label = {"country": "KZ", "accord": "Abraham Accords", "status": "negotiating",
             "claimed_by": ["government of Kazakhstan", "Kazakh side"]}
    assert accepts(label, _claim("Government of Kazakhstan"))
    assert not accepts(label, _claim("Donald Trump"))


def test_a_label_naming_a_state_by_its_capital_accepts_the_state():
    label = {"country": "KZ", "accord": "Abraham Accords", "status": "negotiating", "claimed_by": ["Astana"]}
    assert accepts(label, _claim("Kazakhstan", "country:KZ"))
    assert not accepts(label, _claim("Saudi Arabia", "country:SA"))
    assert not accepts({**label, "claimed_by": ["Astana officials said"]}, _claim("Kazakhstan", "country:KZ"))
