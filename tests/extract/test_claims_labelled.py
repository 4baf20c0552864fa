"""The labelled test articles (tests/fixtures/articles): precision first."""

from __future__ import annotations

import pytest

from pipelines.extract.claims.evaluation import Score, load_labelled_articles, score_articles


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
