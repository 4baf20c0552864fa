"""Rules added after measuring the extractor on the held-out pages (tests/fixtures/heldout). Each
test uses its own wording, not a sentence of the held-out set, so the rule - not the page - is tested."""

from __future__ import annotations

from datetime import date, datetime

from tests.extract.claims_testkit import claims_of, keys

AA = "Abraham Accords"
PUBLISHED = datetime(2024, 5, 2, 12, 0)


def test_signed_on_a_weekday_is_a_signature_and_the_deal_noun_is_its_object():
    claims = claims_of("Bahrain and Israel signed on Monday in Manama a joint declaration on trade.", datetime(2020, 10, 20))
    assert keys(claims) == {("BH", AA, "signed", "article")}


def test_signed_on_to_stays_an_accession():
    claims = claims_of("Morocco signed on to the Abraham Accords in December.", datetime(2021, 3, 1))
    assert keys(claims) == {("MA", AA, "announced", "article")}


def test_relative_clause_keeps_its_antecedent_as_subject():
    claims = claims_of("Observers praised Morocco and Bahrain, which joined the Abraham Accords in 2020, for their trade gains.", PUBLISHED)
    assert keys(claims) == {("MA", AA, "announced", "article"), ("BH", AA, "announced", "article")}


def test_relative_clause_in_between_does_not_hide_the_subject():
    claims = claims_of("The Abraham Accords keep growing. Mauritania, whose president visited Washington in March, "
                       "was named as a possible candidate.", PUBLISHED)
    assert keys(claims) == {("MR", AA, "candidate", "article")}
    claims = claims_of("The Abraham Accords keep growing. Mauritania, which hosted an American envoy in March, "
                       "was named as a possible candidate.", PUBLISHED)
    assert keys(claims) == {("MR", AA, "candidate", "article")}


def test_following_a_list_shares_the_status():
    claims = claims_of("Sudan became the third country to normalize relations with Israel this year, following the UAE and Bahrain.",
                       datetime(2020, 10, 24))
    assert ("AE", AA, "announced", "article") in keys(claims) and ("BH", AA, "announced", "article") in keys(claims)


def test_passive_signed_by_with_a_date_in_between():
    claims = claims_of("The Abraham Accords were signed on 15 September 2020 by the United Arab Emirates and Bahrain.", PUBLISHED)
    assert keys(claims) == {("AE", AA, "signed", "article"), ("BH", AA, "signed", "article")}


def test_members_named_in_apposition():
    claims = claims_of("The founding members of the accords - the UAE and Bahrain - met in Abu Dhabi.",
                       PUBLISHED, title="Abraham Accords partners meet")
    assert keys(claims) == {("AE", AA, "signed", "article"), ("BH", AA, "signed", "article")}


def test_elided_object_after_a_recent_accord_mention():
    claims = claims_of("The UAE and Bahrain signed the Abraham Accords first. Sudan joined later.", PUBLISHED)
    assert ("SD", AA, "announced", "article") in keys(claims)


def test_elided_object_far_from_any_accord_mention_is_no_signature():
    text = ("The Abraham Accords were brokered in 2020. Oil prices rose on Tuesday. Traders were cautious. "
            "Shipping costs climbed. Sudan joined later.")
    assert not [c for c in claims_of(text, PUBLISHED) if c.country_code == "SD"]


def test_question_about_the_next_member_is_a_candidate():
    claims = claims_of("Five countries are in the Abraham Accords now. Could Qatar be next?", PUBLISHED)
    assert keys(claims) == {("QA", AA, "candidate", "article")}


def test_named_other_organization_is_not_the_article_accord():
    claims = claims_of("The Abraham Accords turned five. Meanwhile, Kazakhstan's accession to the WTO is complete.", PUBLISHED)
    assert keys(claims) == set()


def test_possessive_pronoun_accession_after_a_country_speaker():
    claims = claims_of("Kazakhstan announced its accession to the Abraham Accords on Thursday.", datetime(2025, 11, 8))
    assert keys(claims) == {("KZ", AA, "announced", "Kazakhstan")}


def test_they_after_a_country_speaker_is_that_country():
    claims = claims_of("Omani officials said on Sunday that they would not normalize relations with Israel before a Palestinian state exists.",
                       PUBLISHED)
    assert keys(claims) == {("OM", AA, "declined", "Omani officials")}  # the state's unnamed officials
    assert {c.claimed_by_id for c in claims} == {"country:OM"}


def test_existential_refusal_binds_the_country_past_the_broker():
    claims = claims_of("Kuwait has told the US that there will be no relations with Israel unless the occupation ends.", PUBLISHED)
    assert keys(claims) == {("KW", AA, "declined", "Kuwait")}  # 'told' makes Kuwait the speaker of its refusal


def test_unnamed_deal_of_a_country_outside_the_accords_is_no_membership():
    claims = claims_of("Israel and Bhutan established diplomatic relations on Saturday.", datetime(2020, 12, 13))
    assert keys(claims) == set()


def test_egypt_and_jordan_never_get_the_later_accord_from_an_unnamed_deal():
    claims = claims_of("Egypt and Jordan, which keep formal ties with Israel under treaties signed long ago, stayed silent.",
                       datetime(2020, 9, 12))
    assert not [c for c in claims if c.accord == AA]


def test_a_verbs_own_document_is_not_the_generic_accord_phrase():
    claims = claims_of("Since the accords took effect, Morocco has signed water and tourism agreements with Israel.",
                       PUBLISHED, title="Abraham Accords at four")
    assert not [c for c in claims if c.status == "signed"]


def test_rejoined_is_an_accession():
    claims = claims_of("Brazil rejoined the Paris Agreement in 2023.", PUBLISHED)
    assert keys(claims) == {("BR", "Paris Agreement", "signed", "article")}  # a completed accession


def test_applications_and_accession_talks_for_other_accords():
    claims = claims_of("Thailand is in accession talks, and Peru and Chile have submitted applications to join the CPTPP.", PUBLISHED)
    assert ("TH", "CPTPP", "negotiating", "article") in keys(claims)
    assert {("PE", "CPTPP", "candidate", "article"), ("CL", "CPTPP", "candidate", "article")} <= keys(claims)


def test_member_since_a_year_is_a_membership():
    claims = claims_of("Finland has been a member of the European Union since 1995.", PUBLISHED)
    assert keys(claims) == {("FI", "European Union", "signed", "article")}


def test_date_after_the_trigger_wins_over_an_earlier_clause():
    claims = claims_of("Egypt signed a peace treaty with Israel in 1979, and Jordan made peace with Israel in 1994.",
                       datetime(2020, 8, 14))
    jordan = [c for c in claims if c.country_code == "JO"]
    assert jordan and jordan[0].date_lower == date(1994, 1, 1) and jordan[0].date_upper == date(1994, 12, 31)


def test_subordinate_clause_is_not_the_sentence_attribution():
    claims = claims_of("Oman has no plans to join the Abraham Accords, officials in Muscat said on Monday, "
                       "a week after Kazakhstan announced it would enter the accords.", datetime(2025, 11, 12))
    oman = [c for c in claims if c.country_code == "OM"]
    assert oman and oman[0].status == "declined" and oman[0].claimed_by != "Kazakhstan"


def test_background_normalizations_in_other_words():
    aa = "The Abraham Accords turn five. "
    when = datetime(2025, 3, 1)

    def announced(text):
        return {(c.country_code, c.accord) for c in claims_of(text, when) if c.status in ("announced", "signed")}

    members = {(code, "Abraham Accords") for code in ("AE", "BH", "MA", "SD")}
    # a list in apposition between dashes is the subject
    assert announced("Last year, four Arab countries — the United Arab Emirates, Bahrain, Sudan and Morocco — agreed to "
                     "normalise relations with Israel under the US-brokered Abraham Accords.") == members
    assert announced("The Abraham Accords, brokered by the first Trump administration in 2020, saw the United Arab "
                     "Emirates, Bahrain, Morocco and Sudan agree to normalise relations with Israel.") == members
    assert announced(aa + "Sudan also agreed to normalize ties but never completed the process.") == {
        ("SD", "Abraham Accords")}
    assert announced(aa + "Morocco and Sudan joined later in exchange for concrete American concessions.") == {
        ("MA", "Abraham Accords"), ("SD", "Abraham Accords")}
    assert announced(aa + "The United States brokered similar agreements between Israel and the United Arab Emirates, "
                          "Bahrain and Sudan, under what Washington calls the Abraham Accords.") == members - {
        ("MA", "Abraham Accords")}
    # ties with someone else are not the counterparty's
    assert announced(aa + "Sudan agreed to normalize ties with Egypt.") == set()


def test_a_relative_clause_s_verb_is_no_trailing_speaker():
    claims = claims_of("Three Arab countries — the UAE, Bahrain and Morocco — normalized relations with Israel under the "
                       "Abraham Accords, the Trump-era agreements that the Biden administration has embraced and says it "
                       "wants to expand.", datetime(2022, 3, 28))
    assert {c.claimed_by for c in claims} == {"article"}
