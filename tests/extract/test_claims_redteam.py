"""Red-team of the membership-claim extractor: traps that must not become claims, and the red-team
set (tests/fixtures/redteam: op-eds, wrong member lists, non-member normalization, trade deals,
anniversaries, timelines, other "Abraham" names, reactions, denials, Russian and Arabic pages, a live
blog), labelled before the extractor was run and read through the ingest path.

Measured on 2026-11-27 when the set was written: precision 1.00 (no false claim at all), recall 0.35
(12 of 34 required claims); the misses are background lists and timeline/live-blog signatures.
The sentence-level traps below were found by probing after that run and each produced a false
announced/signed claim before its fix."""

from __future__ import annotations

from datetime import datetime

import pytest

from pipelines.extract.claims.evaluation import Score, load_redteam_articles, score_articles
from tests.extract.claims_testkit import claims_of, keys

AA = "Abraham Accords"
RECALL_FLOOR = 0.30


def _about(claims, code):
    return {(c.accord, c.status) for c in claims if c.country_code == code}


# --- refutation: a report called false is no announcement -------------------------------------

def test_a_debunked_report_of_joining_is_no_claim():
    claims = claims_of("A hoax post claimed that Qatar had joined the Abraham Accords overnight.")
    assert not {s for a, s in _about(claims, "QA") if s in ("announced", "signed")}


def test_a_report_described_as_mistaken_is_no_claim():
    claims = claims_of("Several outlets mistakenly reported that Oman signed the Abraham Accords last week.")
    assert not {s for a, s in _about(claims, "OM") if s in ("announced", "signed")}


def test_a_true_report_in_the_same_vocabulary_still_counts():
    claims = claims_of("Bahrain joined the Abraham Accords in September 2020, the state news agency said.",
                       title="Bahrain joins")
    assert (AA, "announced") in _about(claims, "BH")


# --- counterfactual: "Had X joined ..." ---------------------------------------------------------

def test_an_unreal_past_condition_is_no_claim():
    claims = claims_of("Had Kuwait signed the Abraham Accords in 2020, the Gulf would look very different today.")
    assert _about(claims, "KW") == set()


# --- reactions and attendance: the subject only watched or judged ------------------------------

def test_a_country_that_applauded_a_deal_is_not_its_party():
    claims = claims_of("Jordan applauded the peace agreement that Bahrain reached with Israel on Friday.")
    assert _about(claims, "JO") == set()


def test_a_country_that_attended_the_signing_did_not_sign():
    claims = claims_of("Oman's envoy was present at the signing ceremony on the South Lawn on Tuesday.")
    assert _about(claims, "OM") == set()


def test_a_reaction_keeps_the_party_named_after_the_deal():
    claims = claims_of("Egypt hailed the normalization deal between Morocco and Israel on Thursday.",
                       title="Morocco and Israel agree to normalize ties")
    assert _about(claims, "EG") == set()
    assert (AA, "announced") in _about(claims, "MA")


# --- an accord named as a point in time is not the object --------------------------------------

def test_treaties_signed_before_the_accords_are_not_the_accords():
    claims = claims_of("Cairo and Amman had signed peace treaties with Israel long before the Abraham Accords, "
                       "in 1979 and 1994.")
    assert not [c for c in claims if c.accord == AA]


# --- hedges: "unlikely", rumours ----------------------------------------------------------------

def test_unlikely_is_never_an_announcement():
    claims = claims_of("It looks unlikely that Tunisia will join the Abraham Accords this year.")
    assert not {s for a, s in _about(claims, "TN") if s in ("announced", "signed")}


def test_a_rumour_is_never_an_announcement():
    claims = claims_of("Rumours that Libya will normalize ties with Israel swept Tripoli this week.")
    assert not {s for a, s in _about(claims, "LY") if s in ("announced", "signed")}


def test_de_facto_normalization_is_no_announcement():
    claims = claims_of("Commentators argue that Oman has de facto normalized relations with Israel through back channels.")
    assert not {s for a, s in _about(claims, "OM") if s in ("announced", "signed")}


# --- "N years ago" dates the event, not the publication ---------------------------------------

def test_years_ago_dates_the_joining_years_back():
    claims = claims_of("Four years ago, Morocco joined the Abraham Accords.",
                       published=datetime(2024, 12, 10, 9, 0))
    dated = [c for c in claims if c.country_code == "MA"]
    assert dated and all(c.date_edtf == "2020" for c in dated)


def test_years_ago_today_is_the_same_calendar_day():
    claims = claims_of("Two years ago today, Sudan signed the Abraham Accords declaration in Khartoum.",
                       published=datetime(2023, 1, 6, 9, 0))
    dated = [c for c in claims if c.country_code == "SD" and c.status == "signed"]
    assert dated and all(c.date_edtf == "2021-01-06" for c in dated)


# --- old relations restored are no accession ---------------------------------------------------

def test_turkey_restoring_ties_with_israel_is_not_an_accords_member():
    claims = claims_of("Ankara and Israel normalized relations again in 2022 after years of tension; "
                       "Turkey had recognized Israel in 1949.")
    assert not [c for c in claims if c.country_code == "TR" and c.accord == AA]


# --- the red-team set --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def score() -> Score:
    return score_articles(load_redteam_articles())


def test_redteam_set_has_no_false_signed_or_announced(score):
    assert score.fp["signed"] == 0 and score.fp["announced"] == 0, [e for e in score.errors if "FALSE" in e]


def test_redteam_set_has_no_false_claim_at_all(score):
    assert sum(score.fp.values()) == 0, [e for e in score.errors if "FALSE" in e]


def test_redteam_set_has_no_must_not_violation(score):
    assert not [e for e in score.errors if "MUST-NOT" in e]


def test_redteam_set_recall_floor(score):
    assert score.recall() >= RECALL_FLOOR, [e for e in score.errors if "MISSED" in e]
