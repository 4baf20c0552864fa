"""Applications for membership as trade and alliance coverage writes them: "applied" with no object, "submitted its
application", "Sweden's NATO bid", "other pending applicants include ...", "will apply for membership". Sentences
written for these tests (outlets and years other than the seed's); each expected value is read off the sentence."""

from __future__ import annotations

from datetime import date, datetime

from pipelines.extract.claims.evaluation import ingested_article
from pipelines.extract.pipeline import analyze_article
from tests.extract.claims_testkit import claims_of, keys

JULY_2023 = datetime(2023, 7, 17, 9, 0)
SIGNED_CPTPP = "Britain signed the treaty to join the CPTPP in Auckland on Sunday. "


def test_applied_with_no_object_after_the_countries_is_their_candidacy():
    claims = claims_of(SIGNED_CPTPP + "China and Taiwan both applied in September 2021. Ukraine applied in May this year.",
                       JULY_2023)
    candidates = {c.country_code: c for c in claims if c.status == "candidate"}
    assert set(candidates) == {"CN", "TW", "UA"}
    assert {c.accord for c in candidates.values()} == {"CPTPP"}
    assert (candidates["CN"].date_lower, candidates["CN"].date_upper) == (date(2021, 9, 1), date(2021, 9, 30))
    assert candidates["UA"].date_lower == date(2023, 5, 1)
    # a relative clause: "Bosnia, which applied in 2016, ..."
    claims = claims_of("Bosnia and Herzegovina, which applied in 2016, is still waiting to be recognised as an EU "
                       "candidate.", datetime(2022, 6, 24))
    assert ("BA", "European Union", "candidate", "article") in keys(claims)


def test_applied_with_an_object_or_after_a_noun_is_no_application():
    assert [c for c in claims_of(SIGNED_CPTPP + "The tariffs China applied in 2018 hurt Australian wine exports.",
                                 JULY_2023) if c.country_code == "CN"] == []
    assert [c for c in claims_of(SIGNED_CPTPP + "Japan applied pressure on the members to keep the standards high.",
                                 JULY_2023) if c.country_code == "JP"] == []
    # an earlier step in a temporal clause: "nearly two years after Sweden applied"
    claims = claims_of('Sweden joined NATO on Thursday. "Good things come to those who wait," Blinken said, nearly two '
                       'years after Sweden applied.', datetime(2024, 3, 8))
    assert [c for c in claims if c.status == "candidate"] == []


def test_a_submitted_application_and_a_letter_of_intent_are_candidacies():
    claims = claims_of(SIGNED_CPTPP + "Indonesia submitted its application in September.", JULY_2023)
    indonesia = [c for c in claims if c.country_code == "ID"]
    assert keys(indonesia) == {("ID", "CPTPP", "candidate", "article")}
    assert indonesia[0].date_lower == date(2022, 9, 1)  # the last September before the story
    claims = claims_of("Georgia submitted its application for EU membership on March 3, 2022, President Salome "
                       "Zourabichvili said in Tbilisi.",
                       datetime(2023, 12, 14))
    assert keys(claims) == {("GE", "European Union", "candidate", "Salome Zourabichvili")}
    # an application to host something else is none
    assert claims_of(SIGNED_CPTPP + "Vietnam submitted a bid to host the 2027 ministerial meeting.", JULY_2023)[1:] == []


def test_a_possessed_bid_or_application_is_the_possessor_candidacy():
    claims = claims_of("Finland joined NATO on Tuesday. Sweden's bid, however, remains stalled.", datetime(2023, 4, 5))
    assert ("SE", "NATO", "candidate", "article") in keys(claims)
    claims = claims_of("Turkey's parliament has yet to vote on Sweden's NATO application.", datetime(2023, 4, 5))
    assert keys(claims) == {("SE", "NATO", "candidate", "article")}
    # a bid to host, or for anything but membership, is no candidacy
    assert claims_of("Saudi Arabia's bid to host the 2034 World Cup was welcomed by NATO allies.", datetime(2023, 10, 31)) == []
    assert claims_of("Turkey's bid for F-16 jets stalled while NATO debated Sweden.", datetime(2023, 10, 31)) == []
    # those who held the bid up are neither its possessors nor its followers
    claims = claims_of("Finland joined NATO in April. Sweden's bid was held up for 18 months, first by Turkey, which "
                       "demanded a tougher line on Kurdish groups, and then by Hungary.", datetime(2024, 3, 8))
    assert {c.country_code for c in claims if c.status == "candidate"} == {"SE"}


def test_a_description_read_across_sentences_does_not_own_a_bid():
    # "the country" after a paragraph about Moscow: not Russia's bid (nor, read so weakly, anyone's)
    text = ("Montenegro joined NATO on Monday. Moscow has repeatedly warned against the alliance's expansion. "
            "Relations between Podgorica and Moscow have deteriorated since the elections, when the authorities said "
            "they had foiled a plot to derail the country's NATO bid.")
    assert [c for c in claims_of(text, datetime(2017, 6, 5)) if c.country_code == "RU"] == []
    # "its bid" reads the clause's own country
    claims = claims_of("Finland joined NATO on Tuesday. Sweden says its bid will succeed by July.", datetime(2023, 4, 5))
    assert ("SE", "NATO", "candidate") in {k[:3] for k in keys(claims)}


def test_applicants_listed_and_future_applications():
    claims = claims_of(SIGNED_CPTPP + "Other pending applicants include Ecuador, Uruguay and Ukraine.", JULY_2023)
    assert {c.country_code for c in claims if c.status == "candidate"} == {"EC", "UY", "UA"}
    claims = claims_of("Finland will apply for NATO membership, President Sauli Niinisto said.", datetime(2022, 5, 15))
    assert {(c.country_code, c.accord, c.status) for c in claims} == {("FI", "NATO", "candidate")}
    claims = claims_of(SIGNED_CPTPP + "Thailand and South Korea are considering whether to apply.", JULY_2023)
    assert {c.country_code for c in claims if c.status == "candidate"} == {"TH", "KR"}
    # not applying is no candidacy
    assert claims_of("Japan has not applied to join BRICS.", datetime(2024, 10, 5)) == []


def test_a_section_heading_returns_to_the_article_accord():
    text = ("Britain signs on to Pacific trade pact\n\n"
            "Britain formally signed the treaty to join the CPTPP on Sunday, the first new member of the CPTPP. "
            "Ministers said the CPTPP is open to economies that meet its standards.\n\n"
            "Most of Britain's trade is still with the European Union, which it left in 2020.\n\n"
            "Queue of applicants\n\n"
            "Britain applied in February 2021 and began formal negotiations a few months later.")
    article = ingested_article(text, "heading-test", JULY_2023, "Britain signs on to Pacific trade pact")
    claims = [c for c in analyze_article(article).claims if c.status == "candidate"]
    assert keys(claims) == {("GB", "CPTPP", "candidate", "article")}


def test_an_accord_left_in_another_clause_is_not_the_application_object():
    claims = claims_of(SIGNED_CPTPP + "Britain applied in February 2021, weeks after completing its exit from the "
                       "European Union.", JULY_2023)
    assert ("GB", "European Union", "candidate", "article") not in keys(claims)


def test_a_possessed_trigger_of_another_status_or_no_noun_is_rejected_on_load():
    import pytest

    from pipelines.extract.claims.status import VocabularyError, parse_vocabulary

    with pytest.raises(VocabularyError, match="can be possessed"):
        parse_vocabulary({"triggers": {"signed": {"patterns": [{"p": "'s accession", "noun": True, "possessed": True}]}}})
    with pytest.raises(VocabularyError, match="can be possessed"):
        parse_vocabulary({"triggers": {"candidate": {"patterns": [{"p": "'s bid", "possessed": True}]}}})


def test_an_application_and_a_joining_dated_apart_in_one_sentence_are_two_claims():
    claims = claims_of("Montenegro applied in December 2015 and joined NATO in June 2017.", datetime(2024, 3, 8))
    assert {(c.status, c.date_lower, c.date_upper) for c in claims} == {
        ("candidate", date(2015, 12, 1), date(2015, 12, 31)), ("signed", date(2017, 6, 1), date(2017, 6, 30))}
    claims = claims_of("Iceland applied in 2009 and formally withdrew its EU application in 2015.", datetime(2024, 3, 8))
    assert {(c.country_code, c.status, c.date_lower.year) for c in claims} == {("IS", "candidate", 2009),
                                                                              ("IS", "declined", 2015)}


def test_applicants_named_as_among_those_that_applied_or_that_followed_within_days():
    joined = "Britain joined the CPTPP on Sunday. "
    claims = claims_of(joined + "Critics say the gain is tiny compared with the cost of leaving the EU. Costa Rica was "
                                "cleared to begin talks, while Ecuador and Uruguay are among those that have applied.",
                       datetime(2024, 12, 16))
    # (the EU left behind is a passing remark: the applications are the CPTPP's)
    assert {(c.country_code, c.accord, c.status) for c in claims if c.status == "candidate"} == {
        ("EC", "CPTPP", "candidate"), ("UY", "CPTPP", "candidate")}
    claims = claims_of(joined + "China applied in September 2021, and Taiwan followed within days.", datetime(2024, 12, 16))
    taiwan = [c for c in claims if c.country_code == "TW"]
    assert [(c.accord, c.status, c.date_lower) for c in taiwan] == [("CPTPP", "candidate", date(2021, 9, 1))]


def test_applicants_listed_in_other_words():
    joined = "Britain joined the CPTPP on Sunday. "
    when = datetime(2024, 12, 16)

    def candidates(text):
        return {c.country_code for c in claims_of(joined + text, when) if c.status == "candidate" and c.accord == "CPTPP"}

    assert candidates("Six other economies have applied to join -- China, Taiwan, Ecuador and Uruguay.") == {
        "CN", "TW", "EC", "UY"}
    assert candidates("Among the applicants are Costa Rica and Ukraine.") == {"CR", "UA"}
    assert candidates("Ministers discussed the requests for accession submitted by other economies, namely Ecuador "
                      "and Uruguay.") == {"EC", "UY"}
    assert candidates("Indonesia submitted its bid in September.") == {"ID"}
    assert candidates("Taiwan has also said it is preparing to seek membership.") == {"TW"}
    # a bid to host, and a list that someone else named, are no application of the outlet's
    assert candidates("Vietnam submitted its bid to host the meeting.") == set()
    assert candidates("Among the applicants he has named are Costa Rica and Ukraine.") == set()
    claims = claims_of("The Abraham Accords were signed in 2020. U.S. officials have identified Sudan and Oman as among "
                       "the countries most likely to be next.", datetime(2020, 9, 20))
    assert {(c.country_code, c.status) for c in claims} == {("SD", "candidate"), ("OM", "candidate")}


def test_applied_to_the_accord_by_name_is_an_application():
    claims = claims_of("China applied to the CPTPP in September 2021, and Taiwan followed within days.", datetime(2021, 10, 4))
    assert keys(claims) == {("CN", "CPTPP", "candidate", "article"), ("TW", "CPTPP", "candidate", "article")}
    # tariffs applied to EU imports apply nothing for anyone
    assert claims_of("Tariffs applied to EU imports from China will rise.", datetime(2021, 10, 4)) == []


def test_applications_within_a_week_of_each_other_leave_the_accord_to_the_context():
    claims = claims_of("The UK is the first of several CPTPP applicants. China and Taiwan both applied within a week of "
                       "each other in September 2021.", datetime(2023, 7, 17))
    assert keys(claims) == {("CN", "CPTPP", "candidate", "article"), ("TW", "CPTPP", "candidate", "article")}


def test_an_invitation_to_become_a_member_is_a_candidacy_shared_by_those_invited_together():
    claims = claims_of("Argentina was one of six countries invited to become full members of BRICS at the summit in "
                       "Johannesburg in August, together with Egypt, Ethiopia and Iran.", datetime(2023, 12, 29))
    assert {(c.country_code, c.status) for c in claims} == {
        (code, "candidate") for code in ("AR", "EG", "ET", "IR")}
    # an invitation to a ceremony is no step of one's own
    assert claims_of("The Saudi envoy was invited to the signing ceremony of the Abraham Accords.",
                     datetime(2020, 9, 15)) == []


def test_the_association_and_of_which_name_the_topic_accord():
    claims = claims_of("Putin opened the BRICS summit in Kazan. As you know, Egypt, Ethiopia, Iran and the United Arab "
                       "Emirates became full members of the association on January 1 of this year. We work together in "
                       "the SCO, of which Kazakhstan is a founding member.", datetime(2024, 10, 24))
    assert {(c.country_code, c.accord) for c in claims} == {
        ("EG", "BRICS"), ("ET", "BRICS"), ("IR", "BRICS"), ("AE", "BRICS"), ("KZ", "Shanghai Cooperation Organisation")}
    assert {c.status for c in claims} == {"signed"}


def test_an_application_put_in_and_another_a_week_later():
    claims = claims_of("China applied to the CPTPP in September 2021, and Taiwan applied about a week later. Ecuador has "
                       "applied too, and Ukraine put in an application this spring.", datetime(2023, 7, 24))
    assert {(c.country_code, c.status) for c in claims} == {("CN", "candidate"), ("TW", "candidate"), ("EC", "candidate"),
                                                            ("UA", "candidate")}


def test_steps_dated_last_month_leave_the_accord_unsaid_and_a_follower_echoes_them():
    text = ("Korea should join the CPTPP. Britain applied in February last year. China lodged its application last "
            "September, and Taiwan did so a week later. Ecuador followed in December.")
    found = {(c.country_code, c.status) for c in claims_of(text, datetime(2022, 4, 1)) if c.accord == "CPTPP"}
    assert {("CN", "candidate"), ("EC", "candidate")} <= found and ("EC", "signed") not in found
    # a memorandum signed is no accord's signature
    text = ("Finland joined NATO on Tuesday. Sweden would continue to meet the commitments it made to Turkey in a "
            "memorandum signed last June, the foreign minister said.")
    assert "TR" not in {c.country_code for c in claims_of(text, datetime(2023, 4, 5))}
