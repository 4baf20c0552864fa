"""Refusals as normalization and alliance coverage writes them: a recognition on condition, "would not follow the
example", "rejected suggestions that it could ...", "will never be part of", a withdrawn application; who says them;
and conditions that are not refusals (someone else's, or on an accession). Sentences written for these tests
(outlets and years other than the seed's); each expected value is read off the sentence."""

from __future__ import annotations

from datetime import datetime

import pytest

from pipelines.extract.claims.status import VocabularyError, parse_vocabulary
from tests.extract.claims_testkit import claims_of, keys

MAY_2024 = datetime(2024, 5, 2, 9, 0)
ABRAHAM = "The Abraham Accords turn four this year. "
NATO = "NATO leaders met in Vilnius on Tuesday. "


def test_a_recognition_on_condition_is_a_refusal_in_the_country_own_words():
    # the reciprocal condition ("once Israel recognizes ...") and an "only" condition, with or without a modal
    claims = claims_of(ABRAHAM + "Pakistan would recognize Israel once Israel recognizes a Palestinian state, Prime "
                                 "Minister Shehbaz Sharif said.", MAY_2024)
    assert ("PK", "Abraham Accords", "declined", "Shehbaz Sharif") in keys(claims)
    claims = claims_of(ABRAHAM + "Malaysia would be ready to recognise Israel only after a Palestinian state is "
                                 "established.", MAY_2024)
    assert keys(claims) == {("MY", "Abraham Accords", "declined", "article")}
    # an "only" condition in a clause of its own after a promise
    claims = claims_of(ABRAHAM + "Oman will normalize relations with Israel, but only after a Palestinian state exists.",
                       MAY_2024)
    assert keys(claims) == {("OM", "Abraham Accords", "declined", "article")}
    # a recognition without a condition is no refusal, and the recognition of another country is no claim at all
    assert "declined" not in {c.status for c in claims_of(ABRAHAM + "Malaysia could recognize Israel.", MAY_2024)}
    assert claims_of(NATO + "Spain will recognize Palestine next week.", MAY_2024) == []


def test_a_condition_someone_else_sets_or_on_an_accession_is_a_candidacy():
    # a third party's condition: the country's prospect, not its refusal
    claims = claims_of(ABRAHAM + "Saudi Arabia will normalize ties with Israel only after a Palestinian state is "
                                 "established, Benjamin Netanyahu said.", MAY_2024)
    assert keys(claims) == {("SA", "Abraham Accords", "candidate", "Benjamin Netanyahu")}
    # an accession waits on the bloc: "only after the war ends" is a condition on a membership ahead
    claims = claims_of(NATO + "Ukraine will join NATO only after the war ends, Jens Stoltenberg said.", MAY_2024)
    assert keys(claims) == {("UA", "NATO", "candidate", "Jens Stoltenberg")}
    claims = claims_of(NATO + "Ukraine will join NATO only after the war ends.", MAY_2024)
    assert keys(claims) == {("UA", "NATO", "candidate", "article")}


def test_not_following_the_others_is_a_refusal_of_the_context_accord():
    for sentence, code in (("Kuwait won't follow in the footsteps of the UAE.", "KW"),
                           ("Qatar would not follow the Emirati example before a peace agreement is signed with the "
                            "Palestinians.", "QA"),
                           ("Malaysia has likewise ruled out following the Arab states.", "MY")):
        claims = claims_of(ABRAHAM + sentence, MAY_2024)
        assert [(c.country_code, c.accord, c.status) for c in claims] == [(code, "Abraham Accords", "declined")], sentence
    # the agreement signed before the refusal ends is the Palestinians' deal, not the leader's signature
    claims = claims_of(ABRAHAM + "Qatar would not follow the Emirati example before a peace agreement is signed with "
                                 "the Palestinians.", MAY_2024)
    assert "AE" not in {c.country_code for c in claims}
    # following a lead on something else, or the lead of a country that left, is no refusal
    assert claims_of(NATO + "Finland will not follow the Swedish lead on the gas pipeline.", MAY_2024) == []
    claims = claims_of("The United States withdrew from the Paris Agreement on Thursday. Environment Minister Catherine "
                       "McKenna said Canada would not follow the U.S. lead.", datetime(2017, 6, 2))
    assert "CA" not in {c.country_code for c in claims}


def test_rejected_suggestions_are_the_subject_own_refusal():
    claims = claims_of(ABRAHAM + "Bangladesh has repeatedly rejected suggestions that it could follow Gulf states in "
                                 "normalising relations.", MAY_2024)
    assert keys(claims) == {("BD", "Abraham Accords", "declined", "Bangladesh")}
    claims = claims_of(ABRAHAM + "Tunisia and Algeria have pushed back against suggestions that they could soon be "
                                 "drawn into the Abraham Accords.", MAY_2024)
    assert keys(claims) == {("TN", "Abraham Accords", "declined", "Tunisia"), ("DZ", "Abraham Accords", "declined", "Algeria")}
    # someone else's dismissal of a suggestion about a country says nothing of that country
    assert claims_of(ABRAHAM + "The White House dismissed suggestions that Saudi Arabia would join soon.", MAY_2024) == []
    # a leader's refusal stays the leader's, not the country's possessing him
    claims = claims_of(NATO + "Austria has ruled out joining the alliance.", MAY_2024)
    assert keys(claims) == {("AT", "NATO", "declined", "Austria")}
    claims = claims_of(NATO + "Austria's chancellor, Karl Nehammer, ruled out joining the alliance.", MAY_2024)
    assert [c.status for c in claims if c.country_code == "AT"] == ["declined"]
    assert "Austria" not in {c.claimed_by for c in claims}


def test_never_part_of_a_withdrawn_application_and_an_invitation_not_taken_up():
    claims = claims_of(ABRAHAM + "Hezbollah's leader said in a speech that Lebanon will never be part of the Abraham "
                                 "Accords.", MAY_2024)
    assert ("LB", "Abraham Accords", "declined") in {(c.country_code, c.accord, c.status) for c in claims}
    claims = claims_of("Norway applied in 1992. After the referendum, Norway formally withdrew its EU application in "
                       "1994.", MAY_2024)
    assert ("NO", "European Union", "declined", "article") in keys(claims)
    claims = claims_of("The BRICS summit ended on Thursday. The foreign minister confirmed that Argentina would not take "
                       "up the invitation.", MAY_2024)
    assert keys(claims) == {("AR", "BRICS", "declined", "article")}


def test_the_refusal_flags_are_validated_on_load():
    with pytest.raises(VocabularyError, match="only a refusal"):
        parse_vocabulary({"triggers": {"announced": {"patterns": [{"p": "joined", "context_object": True}]}}})
    with pytest.raises(VocabularyError, match="only a refusal"):
        parse_vocabulary({"triggers": {"signed": {"patterns": [{"p": "signed", "speech_act": True}]}}})
    with pytest.raises(VocabularyError, match="only a refusal"):
        parse_vocabulary({"triggers": {"candidate": {"patterns": [{"p": "is on the agenda", "about_joining": True}]}}})
    with pytest.raises(VocabularyError, match="a pattern is a string or a mapping"):
        parse_vocabulary({"triggers": {"declined": {"patterns": [{"p": "ruled out", "unknown_flag": True}]}}})


def test_the_dates_of_a_condition_are_its_own():
    # "no relations ... unless" ends with its condition: the 1967 of the borders dates nothing (the refusal is the
    # day's news, 2024-05-02)
    claims = claims_of(ABRAHAM + "Oman said there will be no diplomatic relations with Israel unless a Palestinian state "
                                 "is established on the 1967 borders.", MAY_2024)
    assert keys(claims) == {("OM", "Abraham Accords", "declined", "Oman")}
    assert claims[0].date_upper == MAY_2024.date()


def test_rejecting_a_suggestion_after_an_own_refusal_is_still_a_refusal():
    # the country's own earlier refusal is no leader that left: "rejected suggestions that it could follow" is its own
    claims = claims_of(ABRAHAM + "Bangladesh will not recognise Israel until a Palestinian state exists. Bangladesh has "
                                 "repeatedly rejected suggestions that it could follow Gulf states in normalising "
                                 "relations.", MAY_2024)
    assert [c.sentence_idx for c in claims if c.status == "declined"] == [1, 2]


@pytest.mark.parametrize("sentence, code, accord", [
    (ABRAHAM + "Qatar has repeatedly said it will be the last country to normalize relations with Israel.", "QA",
     "Abraham Accords"),
    (ABRAHAM + "Azerbaijan is not considering joining the Abraham Accords.", "AZ", "Abraham Accords"),
    (ABRAHAM + "Iraq is not ready to join the accords while the war in Gaza goes on.", "IQ", "Abraham Accords"),
    (ABRAHAM + "Bangladesh can never recognize Israel until the Palestinians have a state of their own.", "BD",
     "Abraham Accords"),
    ("BRICS leaders met in Kazan on Tuesday. Thailand declined its invitation after the election.", "TH", "BRICS"),
    ("BRICS leaders met in Kazan on Tuesday. Venezuela, which applied in 2023, has since said it is no longer pursuing "
     "membership of the group.", "VE", "BRICS"),
    ("BRICS leaders met in Kazan on Tuesday. Mexico chose not to apply.", "MX", "BRICS"),
    # a wish on condition, in the country's own words
    (ABRAHAM + "The Omani foreign minister said the sultanate wants to join the accords, but only once a Palestinian "
               "state exists.", "OM", "Abraham Accords"),
])
def test_refusals_of_other_shapes(sentence, code, accord):
    assert (code, accord, "declined") in {(c.country_code, c.accord, c.status) for c in claims_of(sentence, MAY_2024)}


def test_a_wish_without_a_condition_or_on_an_accession_is_a_candidacy():
    assert {c.status for c in claims_of(ABRAHAM + "Oman wants to join the accords.", MAY_2024)} == {"candidate"}
    claims = claims_of(NATO + "Ukraine wants to join NATO, but only once the war is over.", MAY_2024)
    assert keys(claims) == {("UA", "NATO", "candidate", "article")}
    # not ready to be signed: a document, no country's refusal
    assert claims_of(ABRAHAM + "The declaration is not ready to be signed.", MAY_2024) == []


def test_not_applying_is_a_refusal():
    brics = "BRICS leaders met in Kazan on Tuesday. "
    for sentence in ("Uzbekistan will not apply for membership of BRICS in the foreseeable future.",
                     "Uzbekistan does not plan to apply for BRICS membership.",
                     "Uzbekistan has no plans to apply."):
        assert keys(claims_of(brics + sentence, MAY_2024)) == {("UZ", "BRICS", "declined", "article")}, sentence


def test_refusals_to_follow_suit_or_to_be_among_the_last_and_a_possessor_in_apposition():
    claims = claims_of(ABRAHAM + "Saudi Arabia, Bahrain's closest ally, has so far declined to follow suit.", MAY_2024)
    assert keys(claims) == {("SA", "Abraham Accords", "declined", "article")}  # (not Bahrain, whose ally it is)
    claims = claims_of(ABRAHAM + "Kuwait has signaled it will be among the last to normalize relations.", MAY_2024)
    assert [(c.country_code, c.status) for c in claims] == [("KW", "declined")]
    claims = claims_of("BRICS leaders met in Kazan. Saudi Arabia has not formally taken up its membership, while "
                       "Argentina declined its invitation in late 2023.", MAY_2024)
    assert ("AR", "BRICS", "declined", "article") in keys(claims)


# --- the twenty-eighth blind round (session 20) ---------------------------------------------------------------


def test_a_refusal_to_take_steps_towards_normalization():
    claims = claims_of('"Indonesia will not take steps to normalize relations with Israel until a Palestinian state is '
                       'achieved," Foreign Ministry spokesman Teuku Faizasyah told reporters on Wednesday.',
                       datetime(2020, 12, 23), title="Indonesia rejects Abraham Accords")
    assert keys(claims) == {("ID", "Abraham Accords", "declined", "Teuku Faizasyah")}


def test_not_following_an_example_owned_by_a_plural():
    claims = claims_of("Indonesia has watched the Abraham Accords closely. Foreign Minister Retno Marsudi has said that "
                       "Jakarta would not follow the Gulf states' example.", datetime(2020, 12, 23))
    assert ("ID", "Abraham Accords", "declined", "Retno Marsudi") in keys(claims)


def test_a_list_continued_by_as_well_as():
    claims = claims_of("Israeli media have named several Muslim-majority countries as possible next candidates for the "
                       "Abraham Accords, including Mauritania and Niger, as well as Oman and Saudi Arabia.",
                       datetime(2020, 12, 23))
    assert {c.country_code for c in claims} == {"MR", "NE", "OM", "SA"}


def test_normalization_that_is_not_part_of_a_policy_or_not_an_option():
    text = ("Israel wants Lebanon in the Abraham Accords. President Joseph Aoun said Friday that normalization with Israel "
            'is "not currently part of Lebanon\'s foreign policy". "As for normalization, it is not currently part of '
            'Lebanese foreign policy," Aoun said.')
    claims = claims_of(text, datetime(2025, 7, 11))
    assert keys(claims) == {("LB", "Abraham Accords", "declined", "Joseph Aoun")}
    assert len(claims) == 2  # both sentences
    claims = claims_of('Dbeibah told reporters that normalisation with Israel was "not an option" for Libya.',
                       datetime(2023, 8, 28))
    assert keys(claims) == {("LY", "Abraham Accords", "declined", "Abdul Hamid Dbeibah")}


def test_a_presidents_administration_that_is_not_interested_in_joining():
    claims = claims_of("The Biden administration has been clear that it's not interested in joining the CPTPP.",
                       datetime(2023, 7, 24))
    assert keys(claims) == {("US", "CPTPP", "declined", "article")}
    # a diplomat involved in the talks is no party to them
    assert claims_of('"The Paris Agreement survived the first Trump administration, and it will survive this one," said '
                     'a European diplomat involved in the talks.', datetime(2025, 1, 21)) == []


def test_an_application_that_was_withdrawn_is_a_refusal_of_its_possessor():
    text = ("Out of the European Union by choice. Switzerland's application, dormant since a referendum rejected the "
            "European Economic Area, was formally withdrawn in 2016. Iceland's EU application was withdrawn in 2015.")
    found = {(c.country_code, c.status) for c in claims_of(text, datetime(2024, 5, 1)) if c.accord == "European Union"}
    assert found == {("CH", "declined"), ("IS", "declined")}
