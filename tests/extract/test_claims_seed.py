"""The seed article against the gold file's membership claims and must-not list."""

from __future__ import annotations

from datetime import date

import pytest

from pipelines.extract.pipeline import analyze_article
from tests.extract.claims_testkit import seed_article


@pytest.fixture(scope="module")
def seed_claims():
    return analyze_article(seed_article()).claims


def _accept_window(event_date: dict, claim) -> bool:
    if "accept_any_day_in" in event_date:
        days = [date.fromisoformat(d) for d in event_date["accept_any_day_in"]]
        return claim.date_lower is not None and claim.date_upper is not None \
            and min(days) <= claim.date_lower <= claim.date_upper <= max(days)
    if "edtf" in event_date:
        return claim.date_edtf == event_date["edtf"] and claim.date_lower == date.fromisoformat(event_date["lower"]) \
            and claim.date_upper == date.fromisoformat(event_date["upper"])
    return claim.date_lower in [date.fromisoformat(d) for d in event_date["accept_lower_in"]] \
        and claim.date_upper in [date.fromisoformat(d) for d in event_date["accept_upper_in"]]


def test_every_gold_claim_is_found_with_its_speaker_and_date(seed_claims, gold):
    for expected in gold["membership_claims"]:
        matching = [
            c for c in seed_claims
            if c.country_code == expected["country"] and c.accord == expected["accord"]
            and c.status in expected["accept_status"] and c.claimed_by == expected["claimed_by"]
        ]
        assert matching, f"missing {expected['country']} {expected['status']} by {expected['claimed_by']}"
        assert all(_accept_window(expected["event_date"], c) for c in matching), [
            (c.date_edtf, c.date_lower, c.date_upper) for c in matching]


def test_no_claim_beyond_the_gold(seed_claims, gold):
    allowed = {(g["country"], g["accord"], s, g["claimed_by"]) for g in gold["membership_claims"] for s in g["accept_status"]}
    extra = {(c.country_code, c.accord, c.status, c.claimed_by) for c in seed_claims} - allowed
    assert not extra


def test_must_not_be_claimed_and_parties_are_never_joiners(seed_claims, gold):
    claimed = {c.country_code for c in seed_claims}
    assert not claimed & set(gold["must_not_be_claimed"])
    assert not claimed & set(gold["parties_not_joiners"])


def test_uae_is_first_and_followers_are_bounded_by_the_period(seed_claims):
    uae = [c for c in seed_claims if c.country_code == "AE"]
    assert [c.ordinal for c in uae] == [1]
    for code in ("BH", "SD", "MA"):
        (claim,) = [c for c in seed_claims if c.country_code == code]
        assert (claim.date_lower, claim.date_upper) == (date(2020, 1, 1), date(2021, 12, 31))
        assert claim.evidence.startswith("The United Arab Emirates was the first to sign")


def test_evidence_offsets_slice_the_body(seed_claims):
    article = seed_article()
    for claim in seed_claims:
        assert article.body[claim.start_char:claim.end_char] == claim.evidence
