"""Recall rules for general phrasings the red-team set (tests/fixtures/redteam) showed missing. Each test
uses its own wording, not a sentence of that set, so the rule - not the page - is tested."""

from __future__ import annotations

from datetime import datetime

from tests.extract.claims_testkit import claims_of, keys

AA = "Abraham Accords"
PUBLISHED = datetime(2024, 3, 1, 12, 0)
OPENER = "The Abraham Accords turned four this week. "


def test_member_list_with_a_plural_copula_is_a_membership():
    claims = claims_of(OPENER + "Its signatories are Bahrain, Morocco and the UAE.", PUBLISHED)
    assert keys(claims) == {(c, AA, "signed", "article") for c in ("BH", "MA", "AE")}
    claims = claims_of(OPENER + "The countries which have signed it so far are Kazakhstan, Sudan and Morocco.", PUBLISHED)
    assert keys(claims) == {(c, AA, "signed", "article") for c in ("KZ", "SD", "MA")}


def test_a_list_of_possible_members_is_no_membership():
    claims = claims_of(OPENER + "The potential members are Oman and Niger.", PUBLISHED)
    assert not [c for c in claims if c.status in ("signed", "announced")]


def test_countries_being_talked_to_are_candidates():
    claims = claims_of(OPENER + "\"The nations we are talking with include Oman, Niger and Mauritania,\" a State Department aide said.",
                       PUBLISHED)
    assert {(c.country_code, c.accord, c.status) for c in claims} == {(c, AA, "candidate") for c in ("OM", "NE", "MR")}


def test_joining_when_the_time_is_right_is_a_prospect_not_an_announcement():
    claims = claims_of(OPENER + "The king said Oman will join \"when the time is right\".", PUBLISHED)
    assert {(c.country_code, c.status) for c in claims} == {("OM", "candidate")}
    claims = claims_of(OPENER + "Oman will join the accords on Friday.", PUBLISHED)
    assert {(c.country_code, c.status) for c in claims} == {("OM", "announced")}


def test_within_reach_and_on_the_verge_are_negotiations():
    claims = claims_of(OPENER + "Officials said a deal for Oman to normalize ties is now within reach.", PUBLISHED)
    assert {(c.country_code, c.accord, c.status) for c in claims} == {("OM", AA, "negotiating")}
    claims = claims_of(OPENER + "Israel is on the verge of normalizing relations with Oman, officials said.", PUBLISHED)
    assert {(c.country_code, c.accord, c.status) for c in claims} == {("OM", AA, "negotiating")}


def test_not_on_the_agenda_is_a_refusal_by_the_speaking_country():
    claims = claims_of(OPENER + "Malaysia's foreign ministry said normalization with Israel \"is not on the agenda\" "
                       "as long as the war goes on.", PUBLISHED)
    assert {(c.country_code, c.accord, c.status) for c in claims} == {("MY", AA, "declined")}
    claims = claims_of(OPENER + "Malaysia said normalization with Israel is off the table.", PUBLISHED)
    assert {(c.country_code, c.accord, c.status) for c in claims} == {("MY", AA, "declined")}


def test_which_joined_the_same_day_takes_the_accord_from_context():
    claims = claims_of(OPENER + "Morocco, which joined the same day, kept its envoy.", PUBLISHED)
    assert {(c.country_code, c.accord, c.status) for c in claims} == {("MA", AA, "announced")}


def test_present_tense_signature_in_a_timeline_entry_is_a_past_signature():
    text = ("Key dates of the Abraham Accords.\n\nSept. 15, 2020: The UAE and Bahrain sign the accords at the White House.\n\n"
            "6 January 2021 - Sudan signs the declaration in Khartoum.\n")
    claims = claims_of(text, datetime(2022, 1, 1))
    assert {(c.country_code, c.accord, c.status, c.date_edtf) for c in claims} == {
        ("AE", AA, "signed", "2020-09-15"), ("BH", AA, "signed", "2020-09-15"), ("SD", AA, "signed", "2021-01-06")}


def test_present_tense_sign_outside_a_timeline_entry_is_no_signature():
    claims = claims_of(OPENER + "Sudan signs the declaration in Khartoum next week.", PUBLISHED)
    assert not [c for c in claims if c.status == "signed"]


def test_a_malformed_timeline_section_is_rejected_on_load():
    import pytest

    from pipelines.extract.claims.status import VocabularyError, parse_vocabulary

    with pytest.raises(VocabularyError, match="timeline"):
        parse_vocabulary({"triggers": {}, "timeline": {"entry_start": "x"},
                          "modality": {k: ["x"] for k in ("negation", "refusal", "hedge", "future", "condition", "refutation",
                                                          "spectator", "counterfactual_opener", "time_reference")},
                          "reporting_verbs": ["said"], "anonymous_speakers": ["sources"], "pronoun_speakers": ["he"]})


def test_a_country_that_followed_the_same_day_joined_the_accord_in_context():
    claims = claims_of(OPENER + "Oman, which followed the same day, kept quiet about it.", PUBLISHED)
    assert {(c.country_code, c.accord, c.status) for c in claims} == {("OM", AA, "announced")}
    # the step followed is the sentence before's: Kazakhstan signed, so Azerbaijan signed
    claims = claims_of(OPENER + "Kazakhstan signed in November. Azerbaijan followed days later.", PUBLISHED)
    assert ("AZ", AA, "signed") in {(c.country_code, c.accord, c.status) for c in claims}


def test_followed_without_a_time_of_sequence_is_no_joining():
    claims = claims_of(OPENER + "Protests in Iran followed the announcement.", PUBLISHED)
    assert not [c for c in claims if c.country_code == "IR"]


def test_an_accord_that_led_to_normalization_names_its_joiners():
    claims = claims_of("The Abraham Accords, signed under Trump, led to normalization between Israel and Morocco, Sudan and Bahrain.",
                       PUBLISHED)
    assert keys(claims) == {(c, AA, "announced", "article") for c in ("MA", "SD", "BH")}
    claims = claims_of(OPENER + "Hopes that the war could have led to normalization between Israel and Oman faded.", PUBLISHED)
    assert not [c for c in claims if c.status in ("signed", "announced")]
