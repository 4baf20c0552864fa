"""Readings that looked like claims and are not, or not of that status: a resolve "not to stop until" membership, a
rank among applicants, a programme of an accord, a weekday before a verb. Sentences written for these tests (outlets
and years other than the seed's); each expected value is read off the sentence."""

from __future__ import annotations

from datetime import datetime

from tests.extract.claims_testkit import claims_of, keys

JUNE_2022 = datetime(2022, 6, 24, 9, 0)


def test_a_resolve_not_to_stop_until_membership_is_an_aim_not_a_refusal():
    claims = claims_of("EU leaders granted Moldova candidate status on Thursday. The president promised that the "
                       "country would not stop until it became a full member.", JUNE_2022)
    assert {c.status for c in claims} == {"candidate"}


def test_the_first_to_apply_is_an_applicant_not_a_member():
    claims = claims_of("Taiwan applied to join the CPTPP on Wednesday. Britain became the first country to formally "
                       "apply to join the pact in February.", datetime(2021, 9, 23))
    assert ("GB", "CPTPP", "candidate", "article") in keys(claims)
    assert "signed" not in {c.status for c in claims if c.country_code == "GB"}
    # an adverb after "to" keeps the rank of a joining
    claims = claims_of("The Abraham Accords are five. Bahrain became the second Gulf country to formally normalize "
                       "ties with Israel.", JUNE_2022)
    assert [(c.country_code, c.ordinal) for c in claims] == [("BH", 2)]


def test_a_programme_of_an_accord_is_not_the_accord():
    assert claims_of("NATO leaders met. Austria has been part of NATO's Partnership for Peace programme since 1995.",
                     JUNE_2022) == []
    assert claims_of("EU leaders met. Azerbaijan joined the EU's Eastern Partnership in 2009.", JUNE_2022) == []
    assert keys(claims_of("NATO leaders met. Albania has been part of NATO since 2009.", JUNE_2022)) == {
        ("AL", "NATO", "signed", "article")}


def test_a_weekday_before_the_verb_is_no_speaker():
    claims = claims_of("BRICS leaders met. The Foreign Office on Friday confirmed that Bangladesh had formally applied "
                       "for membership of BRICS.", datetime(2023, 11, 24))
    assert [c.claimed_by for c in claims] == ["article"]
