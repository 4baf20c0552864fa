"""Wire-service phrasing measured on sentences written for these tests (outlets and years other than
the seed's): long trailing attributions, "the Nth member", refused invitations, leaders standing for
their state, the month May, and offsets such as "a year later". Each expected value is read off the
sentence itself."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from pipelines.extract import gazetteer
from tests.extract.claims_testkit import claims_of, keys
from tests.extract.entities_testkit import edited_dictionaries

AA = "Abraham Accords"
SATURDAY = datetime(2024, 6, 1, 12, 0)  # 2024-06-01 was a Saturday


def test_a_long_trailing_attribution_keeps_its_main_clause():
    claims = claims_of("Saudi Arabia will not normalize ties with Israel without a Palestinian state, Foreign Minister "
                       "Prince Faisal bin Farhan said in an interview with CNN on Sunday.", SATURDAY)
    assert keys(claims) == {("SA", AA, "declined", "Faisal bin Farhan Al Saud")}
    assert (claims[0].date_lower, claims[0].date_upper) == (date(2024, 5, 26), date(2024, 5, 26))  # that Sunday


def test_a_trigger_word_in_the_attribution_tail_is_not_a_claim():
    claims = claims_of("The United States will withdraw from the Paris Agreement, President Donald Trump said in an "
                       "executive order signed on Monday.", SATURDAY)
    assert keys(claims) == {("US", "Paris Agreement", "withdrawn", "Donald Trump")}


def test_a_tail_with_a_clause_of_its_own_is_reported_speech():
    # "would" in the tail: what follows "said" is the content, so Kazakhstan's joining is Trump's claim
    claims = claims_of("Speaking to reporters after the dinner, Trump said on Thursday Kazakhstan would join the "
                       "Abraham Accords.", SATURDAY)
    assert keys(claims) == {("KZ", AA, "announced", "Donald Trump")}


def test_the_day_named_in_the_attribution_dates_the_statement():
    claims = claims_of("Kazakhstan will join the Abraham Accords, the White House said late on Thursday after a dinner "
                       "with Central Asian leaders.", SATURDAY)
    assert [(c.country_code, c.status, c.date_lower, c.date_upper) for c in claims] == \
        [("KZ", "announced", date(2024, 5, 30), date(2024, 5, 30))]


def test_becoming_the_nth_member_is_membership():
    claims = claims_of("Sweden formally became the 32nd member of NATO on Thursday.", datetime(2024, 3, 8))
    assert keys(claims) == {("SE", "NATO", "signed", "article")}
    assert claims[0].date_lower == date(2024, 3, 7)
    claims = claims_of("Iran became the ninth full member of the Shanghai Cooperation Organisation at a virtual summit.",
                       datetime(2023, 7, 4))
    assert keys(claims) == {("IR", "Shanghai Cooperation Organisation", "signed", "article")}


def test_turning_down_an_invitation_is_a_refusal():
    claims = claims_of("Argentina formally rejected an invitation to join the BRICS group of emerging economies.",
                       datetime(2023, 12, 29))
    assert keys(claims) == {("AR", "BRICS", "declined", "article")}
    # someone else's rejection of a country's bid is not that country's refusal: the application is its candidacy
    assert keys(claims_of("Algeria's application to join BRICS was rejected at the Johannesburg summit.",
                          datetime(2023, 8, 25))) == {("DZ", "BRICS", "candidate", "article")}


def test_had_no_plans_is_a_refusal_of_the_speaking_country():
    claims = claims_of("Indonesia said on Monday it had no plans to normalize relations with Israel.", SATURDAY)
    assert keys(claims) == {("ID", AA, "declined", "Indonesia")}


def test_membership_applications_and_granted_candidate_status():
    claims = claims_of("Ukraine applied for EU membership days after the invasion in February 2022.", datetime(2022, 3, 5))
    assert keys(claims) == {("UA", "European Union", "candidate", "article")}
    claims = claims_of("Moldova and Ukraine were granted EU candidate status in June 2022.", datetime(2022, 7, 1))
    assert keys(claims) == {("MD", "European Union", "candidate", "article"), ("UA", "European Union", "candidate", "article")}


def test_a_clause_after_a_mid_sentence_attribution_does_not_reach_back_for_its_subject():
    # "it would sign" is Saudi Arabia's prospect; the Palestinian state of the clause before is no candidate
    claims = claims_of("Saudi Arabia will not establish diplomatic relations with Israel unless an independent Palestinian "
                       "state is recognized, the Saudi foreign ministry said, dampening hopes it would sign on to the "
                       "Abraham Accords soon.", datetime(2024, 2, 7))
    assert {(c.country_code, c.status) for c in claims} == {("SA", "declined")}
    # a parenthetical attribution leaves its clause whole
    claims = claims_of("Oman, according to officials, will join the Abraham Accords.", SATURDAY)
    assert {(c.country_code, c.status) for c in claims} == {("OM", "announced")}


def test_the_month_may_is_not_the_hedge_may():
    claims = claims_of("WASHINGTON, May 17. /TASS/. Oman will join the Abraham Accords, Witkoff said on Monday.",
                       datetime(2025, 5, 17))
    assert {(c.country_code, c.status) for c in claims} == {("OM", "announced")}
    claims = claims_of("In May, Bahrain joined the Abraham Accords.", datetime(2025, 6, 10))
    assert {(c.country_code, c.status) for c in claims} == {("BH", "announced")}
    claims = claims_of("Oman may join the Abraham Accords.", datetime(2025, 6, 10))
    assert {(c.country_code, c.status) for c in claims} == {("OM", "candidate")}


def test_a_follower_some_time_later_is_dated_after_the_lead():
    claims = claims_of("Finland joined NATO in 2023, and Sweden followed a year later.", SATURDAY)
    by_country = {c.country_code: (c.status, c.date_lower, c.date_upper) for c in claims}
    # joining NATO is an accession: a membership (signed), which the follower shares
    assert by_country["FI"] == ("signed", date(2023, 1, 1), date(2023, 12, 31))
    # not "in 2023": some time after its start, by the publication day
    assert by_country["SE"] == ("signed", date(2023, 1, 1), date(2024, 6, 1))
    claims = claims_of("Finland joined NATO in 2023. Sweden joined two years later, in 2024.", SATURDAY)
    assert {(c.country_code, c.date_lower.year) for c in claims} == {("FI", 2023), ("SE", 2024)}


def test_acceded_to_and_the_accord_signed_by_in_apposition():
    claims = claims_of("The United Kingdom acceded to the CPTPP in December 2024.", datetime(2025, 1, 10))
    assert keys(claims) == {("GB", "CPTPP", "signed", "article")}
    claims = claims_of("The Abraham Accords, signed by the UAE and Bahrain in 2020, have since grown.", SATURDAY)
    assert keys(claims) == {("AE", AA, "signed", "article"), ("BH", AA, "signed", "article")}
    claims = claims_of("The Abraham Accords (signed by the UAE and Bahrain at the White House in 2020) have since grown.",
                       SATURDAY)
    assert keys(claims) == {("AE", AA, "signed", "article"), ("BH", AA, "signed", "article")}
    # a signed letter is not the accord
    assert claims_of("The Abraham Accords keep growing. A letter, signed by Saudi Arabia and Qatar, urged restraint.",
                     SATURDAY) == []


def test_a_leader_subject_stands_for_the_state_of_the_role():
    claims = claims_of("President Shavkat Mirziyoyev ruled out joining the Abraham Accords on Wednesday.", SATURDAY)
    assert keys(claims) == {("UZ", AA, "declined", "Shavkat Mirziyoyev")}  # his own refusal
    claims = claims_of("Trump met Tokayev at the White House. Tokayev later signed the Abraham Accords.", SATURDAY)
    assert keys(claims) == {("KZ", AA, "signed", "article")}  # an act the outlet reports


def test_a_leader_stands_for_no_state_out_of_office_or_beside_named_countries():
    assert claims_of("Former President Shavkat Mirziyoyev ruled out joining the Abraham Accords.", SATURDAY) == []
    # the broker's president: the United States is not a party of the accords
    assert claims_of("President Donald Trump signed the Abraham Accords as a witness.", SATURDAY) == []
    # countries in the clause: they, not the leader, are what the trigger is about
    claims = claims_of("President Joe Biden signed the accession protocols for Finland and Sweden to join NATO.", SATURDAY)
    assert "US" not in {c.country_code for c in claims}


def test_speaks_for_state_must_be_a_boolean(tmp_path, monkeypatch):
    def spoil(text: str) -> str:
        return text.replace("    speaks_for_state: true", "    speaks_for_state: yes please", 1)

    with edited_dictionaries(tmp_path, monkeypatch, "role_titles.yaml", spoil):
        with pytest.raises(gazetteer.DictionaryError, match="speaks_for_state"):
            gazetteer.state_roles()


def test_being_a_candidate_is_candidate_status():
    claims = claims_of("The European Union keeps enlarging. Ukraine and Moldova have been candidates for two years now, "
                       "officials said.", SATURDAY)
    assert {(c.country_code, c.accord, c.status) for c in claims} == {
        ("UA", "European Union", "candidate"), ("MD", "European Union", "candidate")}
    claims = claims_of("The European Union keeps enlarging. Turkey has been a candidate since 1999.", SATURDAY)
    assert {(c.country_code, c.status, c.date_lower) for c in claims} == {("TR", "candidate", date(1999, 1, 1))}
    # a candidate for something else
    assert claims_of("The European Union met in Brussels. Denmark is a candidate to host the next summit.", SATURDAY) == []


def test_an_invitation_or_an_eventual_joining_is_a_prospect():
    claims = claims_of("Saudi Arabia was invited to join BRICS in August 2023 but has not formally accepted.", SATURDAY)
    assert {(c.country_code, c.accord, c.status, c.date_lower) for c in claims} == {
        ("SA", "BRICS", "candidate", date(2023, 8, 1))}
    claims = claims_of("Washington hopes Syria and Lebanon will eventually normalize relations with Israel.", SATURDAY)
    assert {(c.country_code, c.accord, c.status) for c in claims} == {("SY", AA, "candidate"), ("LB", AA, "candidate")}


def test_no_normalization_with_israel_is_the_speaking_country_s_refusal():
    claims = claims_of("Riyadh has repeatedly said there will be no normalization with Israel without a credible path to "
                       "a Palestinian state.", SATURDAY)
    assert keys(claims) == {("SA", AA, "declined", "Saudi Arabia")}


def test_we_and_our_in_a_government_s_quotation_are_that_country():
    claims = claims_of("Kazakhstan's foreign ministry confirmed the move on Friday. \"We see our accession to the Abraham "
                       "Accords as a natural continuation of our foreign policy,\" the ministry said in a statement.",
                       datetime(2025, 11, 8))
    assert keys(claims) == {("KZ", AA, "announced", "Government of Kazakhstan")}
    claims = claims_of("The Abraham Accords keep growing. \"We will not join the accords while the war goes on,\" the "
                       "Qatari foreign ministry said.", SATURDAY)
    assert keys(claims) == {("QA", AA, "declined", "Government of Qatar")}
    # welcoming someone else's decision claims nothing for the speaker
    claims = claims_of("\"We welcome the decision of Kazakhstan to join the Abraham Accords,\" the Emirati foreign "
                       "ministry said.", SATURDAY)
    assert "AE" not in {c.country_code for c in claims}


def test_no_membership_from_neither_nor_premature_reports_or_joining_a_person():
    assert claims_of("Neither Oman nor Qatar has joined the Abraham Accords.", SATURDAY) == []
    assert claims_of("Reports that Indonesia would join the Abraham Accords were premature, officials said.", SATURDAY) == []
    assert claims_of("Morocco's king joined Trump in praising the Abraham Accords.", SATURDAY) == []
    assert claims_of("Bahrain's king joined Israeli Prime Minister Benjamin Netanyahu at the ceremony for the Abraham "
                     "Accords.", SATURDAY) == []


def test_intentions_and_expectations():
    claims = claims_of("Jakarta said it had no intention of joining the Abraham Accords.", SATURDAY)
    assert keys(claims) == {("ID", AA, "declined", "Indonesia")}
    claims = claims_of("Donald Trump said he expects Saudi Arabia to join the Abraham Accords very soon.", SATURDAY)
    assert keys(claims) == {("SA", AA, "candidate", "Donald Trump")}


def test_admission_deposit_and_welcome_are_membership():
    claims = claims_of("Egypt and Ethiopia were formally admitted to BRICS on January 1.", datetime(2024, 1, 3))
    assert {(c.country_code, c.accord, c.status, c.date_lower) for c in claims} == {
        ("EG", "BRICS", "signed", date(2024, 1, 1)), ("ET", "BRICS", "signed", date(2024, 1, 1))}
    claims = claims_of("Indonesia was welcomed as a full member of BRICS in January 2025.", datetime(2025, 3, 1))
    assert keys(claims) == {("ID", "BRICS", "signed", "article")}
    claims = claims_of("Sweden's wait to join NATO ended on Thursday. Sweden deposited its instrument of accession in "
                       "Washington.", SATURDAY)
    assert ("SE", "NATO", "signed", "article") in keys(claims)
    # being welcomed somewhere is no membership
    assert claims_of("The Abraham Accords keep growing. Qatar's emir was welcomed at the White House.", SATURDAY) == []


def test_pulling_out_of_plans_to_join_is_a_refusal_not_a_withdrawal():
    claims = claims_of("Argentina pulled out of plans to join BRICS, the new government said.", datetime(2023, 12, 30))
    assert {(c.country_code, c.accord, c.status) for c in claims} == {("AR", "BRICS", "declined")}


def test_a_later_follower_of_a_lead_after_publication_keeps_an_ordered_window():
    # an article dated before the lead's year (a wrong date, or a forecast): the window stays open, never inverted
    claims = claims_of("Finland joined NATO in 2023, and Sweden followed a year later.", datetime(2020, 10, 11))
    sweden = [c for c in claims if c.country_code == "SE"]
    assert [(c.date_lower, c.date_upper) for c in sweden] == [(date(2023, 1, 1), None)]
    claims = claims_of("The UAE was the first to sign the Abraham Accords in 2023, followed by Bahrain and Morocco.",
                       datetime(2021, 3, 1))
    assert {(c.country_code, c.date_lower, c.date_upper) for c in claims} == {
        ("AE", date(2023, 1, 1), date(2023, 12, 31)), ("BH", date(2023, 1, 1), None), ("MA", date(2023, 1, 1), None)}


def test_close_to_a_deal_is_negotiation_not_an_announcement():
    claims = claims_of("Israel and Saudi Arabia are close to a normalization deal, officials in both countries said.", SATURDAY)
    assert {(c.country_code, c.accord, c.status) for c in claims} == {("SA", AA, "negotiating")}


def test_since_a_year_dates_after_it():
    claims = claims_of("Kazakhstan became the fifth Muslim-majority country to join the Abraham Accords since 2020.",
                       datetime(2025, 11, 8))
    assert [(c.country_code, c.date_lower, c.date_upper) for c in claims] == [("KZ", date(2020, 1, 1), date(2025, 11, 8))]


def test_decisions_moves_and_the_accession_of_a_country():
    for text in ("Kazakhstan's decision to join the Abraham Accords was welcomed in Washington.",
                 "Astana's move to join the Abraham Accords drew criticism from Iran.",
                 "The accession of Kazakhstan to the Abraham Accords was confirmed on Friday."):
        assert {(c.country_code, c.status) for c in claims_of(text, datetime(2025, 11, 8))} == {("KZ", "announced")}, text


def test_a_signed_document_of_its_own_is_not_the_accord_named_elsewhere():
    claims = claims_of("Jordan, which signed a peace treaty with Israel in 1994, is not part of the Abraham Accords.", SATURDAY)
    assert keys(claims) == {("JO", "Israel-Jordan Peace Treaty", "signed", "article")}
    assert claims_of("Bahrain signed a trade agreement with Israel under the Abraham Accords.", SATURDAY) == []
    # the document that makes the accession: the accord is what was signed
    claims = claims_of("Britain signed the treaty to join the CPTPP trade pact on Sunday.", datetime(2023, 7, 17))
    assert keys(claims) == {("GB", "CPTPP", "signed", "article")}


def test_a_denied_rumour_is_no_claim():
    assert claims_of("The rumour that Qatar had joined the Abraham Accords was quickly denied.", SATURDAY) == []


def test_other_accords_join_leave_and_open_talks():
    june = datetime(2025, 6, 1)
    assert keys(claims_of("Montenegro became NATO's 29th member in 2017.", june)) == {("ME", "NATO", "signed", "article")}
    claims = claims_of("Iran, Egypt, Ethiopia and the UAE officially became BRICS members on January 1, 2024.", june)
    assert {(c.country_code, c.status) for c in claims} == {(c, "signed") for c in ("IR", "EG", "ET", "AE")}
    # partners are not members
    assert claims_of("Thirteen countries became BRICS partner countries in 2025, including Belarus and Bolivia.", june) == []
    assert keys(claims_of("The United Kingdom left the European Union on January 31, 2020.", june)) == {
        ("GB", "European Union", "withdrawn", "article")}
    assert keys(claims_of("The United States officially exited the Paris Agreement on November 4, 2020.", june)) == {
        ("US", "Paris Agreement", "withdrawn", "article")}
    claims = claims_of("The European Union opened accession talks with Ukraine and Moldova in June 2024.", june)
    assert {(c.country_code, c.status) for c in claims} == {("UA", "negotiating"), ("MD", "negotiating")}
    claims = claims_of("Saudi Arabia is still considering the invitation to join BRICS.", june)
    assert {(c.country_code, c.status) for c in claims} == {("SA", "candidate")}
    claims = claims_of("China applied to join the CPTPP in September 2021, followed days later by Taiwan.", june)
    assert {(c.country_code, c.status) for c in claims} == {("CN", "candidate"), ("TW", "candidate")}


def test_an_appositive_speaker_and_his_country():
    claims = claims_of("Somaliland's president, Abdirahman Mohamed Abdullahi, said his government would join the Abraham "
                       "Accords.", datetime(2025, 12, 27))
    assert keys(claims) == {("XS", AA, "announced", "Abdirahman Mohamed Abdullahi")}
    claims = claims_of("The Abraham Accords keep growing. Oman's foreign minister, Badr Albusaidi, said this week that "
                       "his country had no plans to follow suit.", SATURDAY)
    assert keys(claims) == {("OM", AA, "declined", "Badr Albusaidi")}


def test_an_introductory_phrase_is_not_a_main_clause_before_a_trailing_attribution():
    claims = claims_of("After the dinner, Trump said Kazakhstan would join the Abraham Accords.", SATURDAY)
    assert keys(claims) == {("KZ", AA, "announced", "Donald Trump")}
    claims = claims_of("On Thursday, Kazakhstan joined the Abraham Accords, Trump said.", SATURDAY)
    assert keys(claims) == {("KZ", AA, "announced", "Donald Trump")}


def test_ties_without_diplomatic_and_getting_closer():
    claims = claims_of("The United Arab Emirates, Bahrain and Morocco established ties with Israel in 2020 under the "
                       "U.S.-brokered Abraham Accords.", datetime(2023, 9, 20))
    # established (done), not agreed to establish: the normalization itself (read so by three blind writers)
    assert {(c.country_code, c.status, c.date_lower.year) for c in claims} == {
        ("AE", "signed", 2020), ("BH", "signed", 2020), ("MA", "signed", 2020)}
    claims = claims_of("Saudi Arabia's crown prince said Wednesday that the kingdom is getting closer every day to "
                       "normalizing relations with Israel.", datetime(2023, 9, 20))
    assert {(c.country_code, c.accord, c.status) for c in claims} == {("SA", AA, "negotiating")}


def test_member_lists_part_of_and_the_latest_country():
    nov = datetime(2025, 11, 8)
    claims = claims_of("Members of the Abraham Accords include the United Arab Emirates, Bahrain, Morocco and Sudan.", nov)
    assert {(c.country_code, c.status) for c in claims} == {(c, "signed") for c in ("AE", "BH", "MA", "SD")}
    claims = claims_of("Bahrain, one of the original signatories of the Abraham Accords, hosted the talks.", nov)
    assert keys(claims) == {("BH", AA, "signed", "article")}
    claims = claims_of("Morocco has been part of the Abraham Accords since December 2020.", nov)
    assert [(c.country_code, c.status, c.date_lower) for c in claims] == [("MA", "signed", date(2020, 12, 1))]
    assert claims_of("Kosovo is not part of the Abraham Accords.", nov) == []
    claims = claims_of("Kazakhstan is the latest country to join the Abraham Accords.", nov)
    assert keys(claims) == {("KZ", AA, "announced", "article")}
    claims = claims_of("Kazakhstan was expected to formally sign the Abraham Accords at a White House ceremony.", nov)
    assert keys(claims) == {("KZ", AA, "candidate", "article")}


def test_declining_to_comment_claims_nothing():
    assert claims_of("A spokesperson for Kazakhstan's foreign ministry declined to comment on whether the country would "
                     "join the Abraham Accords.", datetime(2025, 11, 8)) == []


def test_an_outlet_s_name_holds_no_country_and_a_country_s_own_talks():
    claims = claims_of("As reported by RBC-Ukraine, Kazakhstan will become the first country of Trump's second term to "
                       "join the Abraham Accords.", datetime(2025, 11, 7))
    assert {(c.country_code, c.status) for c in claims} == {("KZ", "announced")}
    claims = claims_of("The Kazakh side noted that negotiations on joining the Abraham Accords are in their final stage.",
                       datetime(2025, 11, 7))
    assert keys(claims) == {("KZ", AA, "negotiating", "Kazakhstan")}
    # the broker's talks with unnamed countries name no country
    assert claims_of("Trump said negotiations with several countries are in their final stage on the Abraham Accords.",
                     datetime(2025, 11, 7)) == []


def test_never_is_a_refusal_unless_someone_else_demands_it():
    claims = claims_of("Pakistan will never recognize Israel, Prime Minister Shehbaz Sharif said.", SATURDAY)
    assert keys(claims) == {("PK", AA, "declined", "Shehbaz Sharif")}
    assert claims_of("Russia has demanded guarantees that Ukraine will never join NATO.", SATURDAY) == []
    assert claims_of("Moscow demands that Kyiv will not join NATO.", SATURDAY) == []


def test_agreeing_to_move_towards_normalisation_and_opening_relations():
    published = datetime(2020, 8, 13, 20, 41)
    claims = claims_of("The UAE and Israel have agreed to move towards full normalisation of relations, in a deal "
                       "brokered by the United States.", published)
    assert keys(claims) == {("AE", AA, "announced", "article")}
    claims = claims_of("With the agreement, the UAE becomes the third Arab country to open formal relations with Israel.",
                       published)
    assert keys(claims) == {("AE", AA, "announced", "article")}
    assert claims[0].ordinal == 3


def test_talks_on_a_country_s_accession_and_a_discussed_accession():
    text = ("Kazakhstan has joined the Abraham Accords, the Ministry of Foreign Affairs of the Republic of Kazakhstan "
            "said. Earlier, it was reported that negotiations on Kazakhstan's accession to the Accords had reached the "
            "final stage.")
    # a long official name still closes a trailing attribution; "to the Accords" is the accord, not another body
    assert keys(claims_of(text)) == {("KZ", AA, "announced", "Government of Kazakhstan"),
                                     ("KZ", AA, "negotiating", "article")}
    claims = claims_of("Officials in Washington and Baku have discussed a symbolic accession to the Abraham Accords, "
                       "according to two people briefed on the talks.", SATURDAY)
    assert keys(claims) == {("AZ", AA, "negotiating", "anonymous sources")}


def test_refusals_without_an_object_or_a_position_to_join():
    text = ("Saudi Arabia is the prize of the Abraham Accords. Riyadh has made clear that it will not normalize without "
            "a credible path to Palestinian statehood.")
    assert ("SA", AA, "declined", "article") in keys(claims_of(text, SATURDAY))
    claims = claims_of("President Ahmed al-Sharaa has said Syria is not in a position to join the Abraham Accords while "
                       "Israel occupies the Golan Heights.", SATURDAY)
    assert {(c.country_code, c.status) for c in claims} == {("SY", "declined")}
    text = ("Oman is often listed as a candidate for the Abraham Accords. Its officials have said the sultanate will "
            "not join.")
    assert ("OM", AA, "declined") in {(c.country_code, c.accord, c.status) for c in claims_of(text, SATURDAY)}


def test_a_belief_is_a_prospect():
    text = ('Saudi Arabia is the bigger prize for the Abraham Accords. Trump told reporters last month he believed the '
            'kingdom would join "and it will happen quickly."')
    assert ("SA", AA, "candidate", "Donald Trump") in keys(claims_of(text, SATURDAY))


def test_a_withdrawal_that_is_only_threatened_or_denied_is_none():
    for text in ("Bahrain could pull out of the Abraham Accords if the war continues, analysts said.",
                 "Morocco denied that it was withdrawing from the Abraham Accords."):
        assert not any(c.status == "withdrawn" for c in claims_of(text, SATURDAY)), text


def test_enlargement_wording_of_the_eu_and_nato():
    published = datetime(2023, 12, 15, 8, 10)
    claims = claims_of("EU leaders agreed on Thursday to open accession negotiations with Ukraine and Moldova.", published)
    assert keys(claims) == {("UA", "European Union", "negotiating", "article"),
                            ("MD", "European Union", "negotiating", "article")}
    text = ("The European Union is weighing enlargement. Montenegro and Serbia have been negotiating for around a decade, "
            "while Turkey, a candidate since 1999, has seen its talks frozen since 2018.")
    assert keys(claims_of(text, published)) == {("ME", "European Union", "negotiating", "article"),
                                                ("RS", "European Union", "negotiating", "article"),
                                                ("TR", "European Union", "candidate", "article")}
    text = "The European Union met in Brussels. At the summit, leaders granted Moldova the status of candidate country."
    assert keys(claims_of(text, published)) == {("MD", "European Union", "candidate", "article")}
    assert keys(claims_of("Kyiv is separately pressing to join NATO, though allies have not set a timetable.",
                          published)) == {("UA", "NATO", "candidate", "article")}


def test_founders_and_an_invitation_turned_down_or_considered():
    published = datetime(2024, 1, 2)
    text = "BRICS has nearly doubled in size. The group was founded in 2009 by Brazil, Russia, India and China."
    claims = claims_of(text, published)
    assert keys(claims) == {(code, "BRICS", "signed", "article") for code in ("BR", "RU", "IN", "CN")}
    assert {c.date_lower for c in claims} == {date(2009, 1, 1)}
    # "in a letter" is where it was said, not a document of its own: the accord is still BRICS
    claims = claims_of("Argentina's new president, Javier Milei, formally turned down the invitation in a letter to BRICS "
                       "leaders last week.", published)
    assert keys(claims) == {("AR", "BRICS", "declined", "article")}
    claims = claims_of("Saudi Arabia was invited to join BRICS. A Saudi official said Riyadh was still considering the "
                       "invitation.", published)
    assert ("SA", "BRICS", "candidate", "Saudi Arabia") in keys(claims)


def test_an_unnamed_deal_in_the_plural():
    claims = claims_of("Today the UAE and Bahrain are set to sign normalization agreements with Israel at the White House.",
                       datetime(2020, 9, 15, 9, 30))
    # a signing that lies ahead is an announcement
    assert keys(claims) == {("AE", AA, "announced", "article"), ("BH", AA, "announced", "article")}
    assert all(c.is_future for c in claims)


def test_founders_and_original_members_in_other_wordings():
    claims = claims_of("The SCO was founded in Shanghai in June 2001 by China, Russia, Kazakhstan, Kyrgyzstan, Tajikistan "
                       "and Uzbekistan.", datetime(2023, 7, 4))
    assert {c.country_code for c in claims} == {"CN", "RU", "KZ", "KG", "TJ", "UZ"}
    assert {(c.accord, c.status, c.date_lower) for c in claims} == {
        ("Shanghai Cooperation Organisation", "signed", date(2001, 6, 1))}
    claims = claims_of("With Sweden on board, all five Nordic countries are now in NATO. Denmark, Norway and Iceland were "
                       "among the alliance's founding members in 1949.", datetime(2024, 3, 7))
    assert {("DK", "NATO", "signed", "article"), ("NO", "NATO", "signed", "article"),
            ("IS", "NATO", "signed", "article")} <= keys(claims)
    claims = claims_of("Britain joined the CPTPP on Sunday. The pact's original 11 members are Japan, Australia, Brunei, "
                       "Canada, Chile, Malaysia, Mexico, New Zealand, Peru, Singapore and Vietnam.", datetime(2024, 12, 15))
    assert {c.country_code for c in claims if c.status == "signed"} == {
        "GB", "JP", "AU", "BN", "CA", "CL", "MY", "MX", "NZ", "PE", "SG", "VN"}


def test_the_step_before_a_membership_is_no_news_of_the_day():
    claims = claims_of("Sweden formally became Nato's 32nd member on Thursday, almost two years after it applied to join.",
                       datetime(2024, 3, 8))
    assert keys(claims) == {("SE", "NATO", "signed", "article")}
    assert (claims[0].date_lower, claims[0].ordinal) == (date(2024, 3, 7), 32)


def test_the_predecessors_of_a_rank_and_relations_normalized_by_the_accords():
    claims = claims_of("With Tuesday's ceremony, Morocco becomes the fourth country to join the Abraham Accords this year, "
                       "after the UAE, Bahrain and Sudan.", datetime(2020, 12, 22))
    assert {(c.country_code, c.status) for c in claims} == {("MA", "announced"), ("AE", "announced"),
                                                           ("BH", "announced"), ("SD", "announced")}
    # the ones before came by the end of the year of the fourth, not after it
    assert {(c.date_lower, c.date_upper) for c in claims if c.country_code != "MA"} == {(None, date(2020, 12, 31))}
    text = ("Kazakhstan will join the Abraham Accords. The original accords, signed on the White House South Lawn in "
            "September 2020, normalized Israel's relations with the United Arab Emirates and Bahrain.")
    # normalized (done) is the normalization itself, as "established relations" (blind rounds 6-11)
    assert {("AE", AA, "signed", "article"), ("BH", AA, "signed", "article")} <= keys(claims_of(text, SATURDAY))


def test_considering_in_the_passive_and_dismissed_reports():
    assert keys(claims_of("Oman was said to be considering joining the Abraham Accords.", SATURDAY)) == {
        ("OM", AA, "candidate", "article")}
    claims = claims_of("Azerbaijan's foreign ministry dismissed reports that Baku was preparing to join the Abraham Accords.",
                       SATURDAY)
    assert ("AZ", AA, "declined") in {(c.country_code, c.accord, c.status) for c in claims}


def test_signing_by_countries_coming_aboard_and_agreeing_to_ties():
    claims = claims_of("Kushner was in Rabat for the signing of a joint declaration by Morocco, Israel and the United "
                       "States.", datetime(2020, 12, 22))
    assert keys(claims) == {("MA", AA, "signed", "article")}
    text = "The Abraham Accords began in August 2020. Morocco and Sudan came aboard before the year was out."
    assert {("MA", AA, "announced", "article"), ("SD", AA, "announced", "article")} <= keys(claims_of(text, SATURDAY))
    claims = claims_of("Morocco is the fourth Arab state this year to agree to ties with Israel, after the United Arab "
                       "Emirates and Bahrain.", datetime(2020, 12, 23))
    assert {(c.country_code, c.status) for c in claims} == {("MA", "announced"), ("AE", "announced"), ("BH", "announced")}


def test_wire_phrasings_of_the_fifth_blind_round():
    claims = claims_of("A joint statement said that the leaders had agreed to the establishment of full diplomatic relations "
                       "between the Kingdom of Bahrain and Israel.", datetime(2020, 9, 11, 18, 0))
    assert keys(claims) == {("BH", AA, "announced", "article")}
    claims = claims_of("Kazakhstan will join the Abraham Accords, Trump said. Hours before Trump's post, the Kazakh "
                       "government said talks on its accession were at \"the final stage.\"", datetime(2025, 11, 6, 22, 0))
    assert ("KZ", AA, "negotiating", "Government of Kazakhstan") in keys(claims)
    claims = claims_of("By joining, Kazakhstan became a member of the Abraham Accords, alongside the United Arab Emirates, "
                       "Bahrain, Morocco and Sudan, which signed up in 2020 and 2021.", datetime(2025, 11, 7))
    assert {(c.country_code, c.status) for c in claims} >= {("AE", "announced"), ("BH", "announced"), ("MA", "announced"),
                                                           ("SD", "announced")}
    claims = claims_of("Trump announced the deal under the Abraham Accords. The North African kingdom of Morocco becomes the "
                       "fourth Arab country since August to agree to set aside hostilities with Israel, after the United "
                       "Arab Emirates, Bahrain and Sudan.", datetime(2020, 12, 10))
    assert {c.country_code for c in claims if c.accord == AA} == {"MA", "AE", "BH", "SD"}


def test_a_dateline_agency_credits_the_story_and_speaks_for_no_one():
    # "(KUNA) --" and "(AP) —" open the story: the country after the dash is the speaker, and the statement's
    # own weekday dates it, not the dateline (2024-06-01 was a Saturday: the Wednesday before is May 29)
    for opening in ("RIYADH, May 29 (KUNA) -- ", "RIYADH (AP) — "):
        claims = claims_of(opening + "Saudi Arabia affirmed on Wednesday that there will be no diplomatic relations "
                                     "with Israel unless an independent Palestinian state is recognised.", SATURDAY)
        assert keys(claims) == {("SA", AA, "declined", "Saudi Arabia")}, opening
        assert (claims[0].date_lower, claims[0].date_upper) == (date(2024, 5, 29), date(2024, 5, 29)), opening


def test_a_trailing_speaker_named_before_a_role_in_apposition():
    claims = claims_of("BRICS leaders met in Kazan. Uzbekistan does not plan to join BRICS in the foreseeable future, "
                       "Sherzod Asadov, spokesman for President Shavkat Mirziyoyev, said in a statement.", SATURDAY)
    assert keys(claims) == {("UZ", "BRICS", "declined", "Sherzod Asadov")}
    claims = claims_of("Indonesia has become a full member of BRICS, Brazil, which holds the group's rotating "
                       "chairmanship, announced on Monday.", SATURDAY)
    assert keys(claims) == {("ID", "BRICS", "signed", "Brazil")}


def test_an_accession_someone_is_still_to_take_up_ratify_or_back_is_a_candidacy():
    text = ("President Erdogan said on Friday that the Turkish parliament would take up Sweden's accession to NATO "
            "once it reconvenes in October.")
    assert {(c.country_code, c.status) for c in claims_of(text, SATURDAY)} == {("SE", "candidate")}
    text = "Finland will continue to support Sweden's accession to NATO."
    assert {(c.country_code, c.status) for c in claims_of(text, SATURDAY)} == {("SE", "candidate")}
    # a ratification done, or the last one done, is the agreed joining it was
    text = "Hungary's parliament on Monday ratified Sweden's accession to NATO."
    assert {(c.country_code, c.status) for c in claims_of(text, SATURDAY)} == {("SE", "announced")}
    text = "Turkey's parliament became the last of the alliance's 30 members to ratify Finland's accession to NATO."
    assert {(c.country_code, c.status) for c in claims_of(text, SATURDAY)} == {("FI", "announced")}


def test_a_withdrawal_pledged_on_a_condition_is_no_withdrawal():
    for text in ("Former President Donald Trump has said he would take the United States out of the Paris climate "
                 "accord if he wins.",
                 "Trump said the United States would withdraw from the Paris Agreement if elected."):
        assert not claims_of(text, SATURDAY)
    text = "Trump will withdraw the United States from the Paris Agreement, he said on Thursday."
    assert {(c.country_code, c.status) for c in claims_of(text, SATURDAY)} == {("US", "withdrawn")}


def test_an_accession_applied_for_requested_or_whose_procedure_starts_is_a_candidacy():
    cases = {
        "Uruguay formally submitted on Thursday its application for accession to the CPTPP, the Ministry of Foreign "
        "Affairs reported.": "UY",
        '"Ecuador has formally requested its accession to the CPTPP," Prado said.': "EC",
        "Leaders agreed to launch the procedure for Iran's accession to the Shanghai Cooperation Organisation.": "IR",
    }
    for text, code in cases.items():
        assert {(c.country_code, c.status) for c in claims_of(text, SATURDAY)} == {(code, "candidate")}, text


def test_whom_a_country_told_stands_between_it_and_its_it():
    # "it" after "told <whom> ... that" is the country that told; "on Tuesday" dates the telling, a past day
    text = "Syria told the UN climate conference in Bonn on Tuesday that it will sign the Paris Agreement."
    claims = claims_of(text, datetime(2017, 11, 8))
    assert keys(claims) == {("SY", "Paris Agreement", "announced", "Syria")}
    assert (claims[0].date_lower, claims[0].date_upper) == (date(2017, 11, 7), date(2017, 11, 7))


def test_a_position_repeated_with_a_colon_is_the_speaker_s():
    text = ('Asked by journalists in Banja Luka about NATO, Milorad Dodik repeated his well-known position: "Bosnia and '
            'Herzegovina will not join NATO as long as I am alive."')
    assert {(c.country_code, c.status, c.claimed_by) for c in claims_of(text, SATURDAY)} == {("BA", "declined", "Dodik")}


def test_will_join_an_accord_that_needs_the_members_consent_is_an_aim_unless_a_day_is_set():
    text = 'President Volodymyr Zelensky was asked about NATO membership. "We will join. It is a question of time," he said.'
    assert {(c.country_code, c.status) for c in claims_of(text, SATURDAY)} == {("UA", "candidate")}
    text = "Sweden will join NATO on Thursday, Prime Minister Ulf Kristersson said."
    assert {(c.country_code, c.status) for c in claims_of(text, SATURDAY)} == {("SE", "announced")}
    # an accord anyone may join, or one that invited the country first, keeps the announcement
    text = "Syria has announced it will join the Paris climate agreement."
    assert {(c.country_code, c.status) for c in claims_of(text, SATURDAY)} == {("SY", "announced")}
