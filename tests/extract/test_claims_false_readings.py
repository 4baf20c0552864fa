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


def test_an_accord_named_in_another_clause_s_membership_is_not_the_application_s():
    claims = claims_of("EU leaders met. North Macedonia applied for membership in March 2004, in the same month it became "
                       "a member of NATO.", JUNE_2022)
    assert ("MK", "NATO", "candidate") not in {(c.country_code, c.accord, c.status) for c in claims}
    assert ("MK", "NATO", "signed") in {(c.country_code, c.accord, c.status) for c in claims}


def test_no_sign_of_a_step_and_talks_still_to_open_are_no_step():
    assert claims_of("The Abraham Accords are five. While there is no sign that Manama intends to withdraw from the "
                     "accords, it is signaling that its participation is not unconditional.", JUNE_2022) == []
    claims = claims_of("EU leaders met. By 2028, Moldova will be more prepared than any other candidate country to open "
                       "accession negotiations with the European Union.", JUNE_2022)
    assert "negotiating" not in {c.status for c in claims}
    # regarded as a prize is a prospect, not an announcement
    claims = claims_of("The Abraham Accords are five. Washington continues to regard Saudi accession as the strategic "
                       "prize.", JUNE_2022)
    assert {c.status for c in claims} == {"candidate"}


def test_the_procedures_completed_for_a_country_to_become_a_member_are_its_membership():
    claims = claims_of("The SCO met. The summit saw the completion of the procedures for Belarus to become a full member "
                       "of the SCO.", JUNE_2022)
    assert keys(claims) == {("BY", "Shanghai Cooperation Organisation", "signed", "article")}
