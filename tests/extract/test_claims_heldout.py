"""The held-out articles (tests/fixtures/heldout): raw pages of other outlets and years, labelled
before the extractor was run on them and read through the real ingest path (clean + split).

Measured on 2026-11-27: the first 28 pages (the fixes were made on them) precision 1.00, recall
0.91; six more pages written after the fixes, before running them: precision 1.00, recall 0.43
before and 0.70 after the last general fixes; all 34 together precision 1.00, recall 0.87 (105 of
121 required claims). The recall floor leaves a margin for entity-stage changes, not for new errors."""

from __future__ import annotations

import pytest

from pipelines.extract.claims.evaluation import Score, load_heldout_articles, score_articles

RECALL_FLOOR = 0.80


@pytest.fixture(scope="module")
def heldout():
    return load_heldout_articles()


@pytest.fixture(scope="module")
def score(heldout) -> Score:
    return score_articles(heldout)


def test_heldout_set_is_large_and_has_pure_noise_articles(heldout):
    assert len(heldout) >= 25
    assert sum(1 for a in heldout if not a.claims) >= 2  # pages with countries and dates but no membership


def test_heldout_pages_went_through_the_ingest_cleaner(heldout):
    """The raw page furniture the ingest cleaner knows (bylines, agency photo credits) is gone."""
    bodies = {a.name: a.article.body for a in heldout}
    assert "By MATTHEW LEE and JOSEF FEDERMAN" not in bodies["ap_2020_uae_israel_deal"]
    assert "(AP Photo/Andrew Harnik)" not in bodies["ap_2020_uae_israel_deal"]
    assert "REUTERS/Hamad I Mohammed/File Photo" not in bodies["reuters_2020_bahrain_joins"]


def test_no_false_signed_or_announced_claims(score):
    assert score.fp["signed"] == 0 and score.fp["announced"] == 0, [e for e in score.errors if "FALSE" in e]


def test_no_must_not_violation(score):
    assert not [e for e in score.errors if "MUST-NOT" in e]


def test_overall_precision(score):
    assert score.precision() >= 0.95, [e for e in score.errors if "FALSE" in e]


def test_overall_recall_floor(score):
    assert score.recall() >= RECALL_FLOOR, [e for e in score.errors if "MISSED" in e]


def test_every_status_but_withdrawn_is_exercised(score):
    for status in ("signed", "announced", "negotiating", "candidate", "declined"):
        assert score.tp[status] + score.fn[status] >= 3, status
