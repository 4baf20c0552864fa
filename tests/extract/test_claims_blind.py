"""The blind set (tests/fixtures/blind): twenty articles written and labelled by writers who had not seen
the extractor's rules - ten about the Abraham Accords (Gulf News, the Guardian, the Jerusalem Post, AP,
Hurriyet, Bloomberg, Middle East Eye, Politico, Kazinform, a think tank; 2020-2025) and ten about other
accords and their traps (Reuters, Times of Israel, Al Jazeera, The National, Arab News, AP, Euronews, Nikkei,
DW, TASS). Read through the ingest path.

Measured on 2026-11-29 at their first run (commit 11773d5): the Abraham Accords half had precision 0.78
and recall 0.35, the other half 0.95 and 0.56. Two claims were really wrong (a Mauritania candidacy
credited to Kazakhstan, a Bahrain withdrawal from "did not say it was withdrawing"); the other "false"
claims were true ones the writers had not labelled. The fixes of commits 199720f..35e7e28 were made on this
set, so it is no longer blind. Labels changed after that run, each marked with a "note" in its file: the
peace treaties of Egypt and Jordan and two true unlabelled claims are optional, "EG"/"JO" in must_not
became "EG:Abraham Accords"/"JO:Abraham Accords", and "South Africa joined in 2010" accepts "announced".
Still counted false: Bahrain and Oman as candidates "according to" the outlet where the writers name
"Israeli media" (the extractor does not read "were quick to speculate that" as an attribution)."""

from __future__ import annotations

import pytest

from pipelines.extract.claims.evaluation import Score, load_blind_articles, score_article
from pipelines.extract.pipeline import analyze_article

RECALL_FLOOR = 0.65


@pytest.fixture(scope="module")
def blind():
    return load_blind_articles()


@pytest.fixture(scope="module")
def score(blind) -> Score:
    result = Score()
    for labelled in blind:
        score_article(labelled, analyze_article(labelled.article).claims, result)
    return result


def test_blind_set_is_whole(blind):
    assert len(blind) == 20
    assert sum(1 for a in blind if a.article.published_at is None) >= 1  # a page without a date


def test_no_false_signed_or_announced_claims(score):
    assert score.fp["signed"] == 0 and score.fp["announced"] == 0, [e for e in score.errors if "FALSE" in e]


def test_no_false_withdrawal_or_refusal(score):
    assert score.fp["withdrawn"] == 0 and score.fp["declined"] == 0, [e for e in score.errors if "FALSE" in e]


def test_no_must_not_violation(score):
    assert not [e for e in score.errors if "MUST-NOT" in e]


def test_overall_precision(score):
    assert score.precision() >= 0.95, [e for e in score.errors if "FALSE" in e]


def test_overall_recall_floor(score):
    assert score.recall() >= RECALL_FLOOR, [e for e in score.errors if "MISSED" in e]
