"""Claim rules on short sentences written for each phenomenon of COVERAGE.md."""

from __future__ import annotations

from datetime import date, datetime

from tests.extract.claims_testkit import claims_of, keys

AA = "Abraham Accords"


def test_negation_without_refusal_is_no_claim():
    assert claims_of("Oman has not joined the Abraham Accords.") == []


def test_a_negation_glued_to_its_auxiliary_negates_too():
    assert claims_of("Bahrain's neighbour Qatar, which hasn't signed the Abraham Accords, hosted the talks.") == []
    claims = claims_of("Saudi Arabia's foreign ministry said the kingdom won't establish diplomatic relations with "
                       "Israel unless a Palestinian state is recognized, in a statement on the Abraham Accords.")
    assert {(c.country_code, c.status) for c in claims} == {("SA", "declined")}


def test_refusal_conditioned_on_a_palestinian_state_is_declined():
    claims = claims_of("Saudi Arabia will not normalize relations with Israel until a Palestinian state is established.")
    assert keys(claims) == {("SA", AA, "declined", "article")}


def test_conditional_promise_is_a_refusal():
    claims = claims_of("Saudi Arabia will normalize ties with Israel only if a Palestinian state is created.")
    assert keys(claims) == {("SA", AA, "declined", "article")}


def test_hedged_join_is_candidate_and_unnamed_groups_are_nothing():
    claims = claims_of("Azerbaijan could join the Abraham Accords soon, and many more countries are trying to join.")
    assert keys(claims) == {("AZ", AA, "candidate", "article")}


def test_promised_signing_ceremony_is_not_signed():
    claims = claims_of("Kazakhstan will sign the Abraham Accords at an upcoming ceremony at the White House.")
    assert {c.status for c in claims} == {"announced"}
    assert all(c.is_future for c in claims)


def test_past_signing_ceremony_is_signed():
    claims = claims_of("Morocco signed the Abraham Accords at a ceremony in Rabat on December 22, 2020.")
    (claim,) = claims
    assert (claim.country_code, claim.status, claim.date_edtf) == ("MA", "signed", "2020-12-22")


def test_counterparty_and_broker_are_never_joiners():
    claims = claims_of("Israel and the United States signed the Abraham Accords with Bahrain in 2020.")
    assert {c.country_code for c in claims} == {"BH"}


def test_colon_list_after_an_unnamed_group():
    claims = claims_of("Four countries had already joined the Abraham Accords: the UAE, Bahrain, Sudan and Morocco.")
    assert {c.country_code for c in claims} == {"AE", "BH", "SD", "MA"}


def test_followed_by_list_shares_status_and_is_bounded_by_publication_without_a_period():
    claims = claims_of("The UAE was the first to sign the Abraham Accords in 2020, followed by Bahrain and Morocco.",
                       published=datetime(2023, 5, 1))
    by_code = {c.country_code: c for c in claims}
    assert by_code["AE"].ordinal == 1 and by_code["AE"].date_edtf == "2020"
    assert (by_code["MA"].date_lower, by_code["MA"].date_upper) == (date(2020, 1, 1), date(2023, 5, 1))


def test_ordinal_of_a_normalization_in_2020_without_the_accords_name():
    claims = claims_of("Sudan became the fifth Arab country to normalize ties with Israel on Friday.",
                       published=datetime(2020, 10, 24))
    (claim,) = claims
    assert (claim.country_code, claim.accord, claim.status, claim.ordinal) == ("SD", AA, "announced", 5)
    assert claim.date_edtf == "2020-10-23"


def test_peace_treaties_before_2020_are_not_the_abraham_accords():
    claims = claims_of("Jordan signed a peace treaty with Israel in 1994, and Egypt made peace with Israel in 1979.",
                       published=datetime(2020, 9, 1))
    assert AA not in {c.accord for c in claims}
    assert ("JO", "Israel-Jordan Peace Treaty", "signed", "article") in keys(claims)


def test_normalization_with_israel_before_the_accords_existed_is_not_assigned():
    claims = claims_of("Bahrain agreed to normalize relations with Israel.", published=datetime(2019, 3, 1))
    assert claims == []


def test_paris_climate_accord_is_never_the_abraham_accords():
    claims = claims_of("Morocco joined the Paris climate accord, and the Abraham Accords were not discussed.")
    assert keys(claims) == {("MA", "Paris Agreement", "signed", "article")}  # joining Paris is an accession


def test_coreference_to_the_gulf_kingdom():
    text = "Bahrain's king spoke with Netanyahu on Friday.\nThe Gulf kingdom has joined the Abraham Accords, officials said."
    claims = claims_of(text)
    assert keys(claims) == {("BH", AA, "announced", "anonymous sources")}


def test_the_kingdom_after_a_long_list_is_the_kingdom_named_before_the_list():
    text = ("A deal with Saudi Arabia would crown the Abraham Accords, under which the United Arab Emirates, Bahrain "
            "and Morocco normalized ties with Israel.\nThe kingdom has long said it would not normalize relations "
            "with Israel without a Palestinian state.")
    assert {(c.country_code, c.claimed_by) for c in claims_of(text) if c.status == "declined"} == {
        ("SA", "Saudi Arabia")}
    # with no other antecedent, a list's member still is one
    text = "The UAE, Bahrain and Morocco signed in 2020.\nThe kingdom will not join the Abraham Accords again."
    assert {c.country_code for c in claims_of(text) if c.status == "declined"} == {"MA"}


def test_quote_over_two_paragraphs_takes_the_speaker_after_it():
    text = ('"Kazakhstan has joined the Abraham Accords.\n\n'
            '"It is a great day for peace," Donald Trump wrote on Truth Social.')
    assert keys(claims_of(text)) == {("KZ", AA, "announced", "Donald Trump")}


def test_according_to_and_leading_speaker():
    text = "According to Donald Trump, Kazakhstan has joined the Abraham Accords."
    assert keys(claims_of(text)) == {("KZ", AA, "announced", "Donald Trump")}


def test_countries_merely_present_are_not_claimed():
    text = "Trump met with the leaders of Uzbekistan and Kyrgyzstan at the White House, where Kazakhstan joined the Abraham Accords."
    assert {c.country_code for c in claims_of(text)} == {"KZ"}


def test_withdrawal_from_another_accord():
    claims = claims_of("The United States withdrew from the Paris Agreement in 2020.")
    assert keys(claims) == {("US", "Paris Agreement", "withdrawn", "article")}


def test_negotiating_and_undated_claims_are_news_of_the_day():
    (claim,) = claims_of("Mauritania is in talks to join the Abraham Accords, according to sources.")
    assert (claim.status, claim.claimed_by) == ("negotiating", "anonymous sources")
    assert (claim.date_lower, claim.date_upper) == (date(2025, 11, 6), date(2025, 11, 7))


def test_undated_without_publication_date_stays_open():
    (claim,) = claims_of("Kazakhstan has joined the Abraham Accords.", published=None)
    assert (claim.date_edtf, claim.date_lower, claim.date_upper, claim.date_precision) == ("..", None, None, "open")


def test_somaliland_keeps_its_own_id():
    claims = claims_of("Somaliland will join the Abraham Accords, its president said.")
    assert {c.country_code for c in claims} == {"XS"}


def test_hedge_before_the_subject_governs_the_clause():
    assert keys(claims_of("Trump hopes Saudi Arabia will join the Abraham Accords.")) == {("SA", AA, "candidate", "article")}


def test_denied_reports_is_declined_and_plural_nouns_are_not_reporting_verbs():
    # the denial is a statement: the country that denies is the claimant of its refusal
    assert keys(claims_of("Saudi Arabia denied reports that it was close to joining the Abraham Accords.")) == {
        ("SA", AA, "declined", "Saudi Arabia")}


def test_it_after_a_country_speaker_is_that_country():
    assert keys(claims_of("Qatar has said it would not normalize ties with Israel.")) == {("QA", AA, "declined", "Qatar")}


def test_a_sentence_skipped_for_having_no_trigger_word_still_names_the_speaker_of_a_later_pronoun():
    """The first sentence holds no trigger word, so the claim stage skips it, but its attribution
    ('Donald Trump said') is still what 'he said' in the next sentence refers to."""
    text = "Donald Trump said the weather in Washington was fine. Kazakhstan has joined the Abraham Accords, he said."
    assert keys(claims_of(text)) == {("KZ", AA, "announced", "Donald Trump")}


def test_a_speaker_read_out_of_order_is_still_the_last_speaker_of_a_later_pronoun():
    """'Bahrain said' is attributed without reading the sentences before it (it names its own
    speaker); the memory of the last speaker and of the last person a later pronoun or generic
    speaker reads is still what reading every sentence in order leaves."""
    text = ("Donald Trump said it rained. Oman has joined the Abraham Accords, Bahrain said. "
            "Morocco has joined the Abraham Accords, the statement said. Kazakhstan has joined the Abraham Accords, he said.")
    assert keys(claims_of(text)) == {("OM", AA, "announced", "Bahrain"), ("MA", AA, "announced", "Bahrain"),
                                     ("KZ", AA, "announced", "Donald Trump")}


def test_founders_with_a_later_joiner_each_keep_their_own_year():
    claims = claims_of("BRICS was formed in 2009 by Brazil, Russia, India and China, with South Africa joining in 2010.")
    years = {(c.country_code, c.status, c.date_lower.year) for c in claims}
    assert years == {("BR", "signed", 2009), ("RU", "signed", 2009), ("IN", "signed", 2009), ("CN", "signed", 2009),
                     ("ZA", "signed", 2010)}


def test_a_joining_whose_object_is_left_out_before_a_summit_or_meeting():
    text = ("BRICS leaders met in Johannesburg in August 2023. Saudi Arabia was also invited to join at the "
            "Johannesburg summit, but has yet to confirm.")
    assert ("SA", "BRICS", "candidate", "article") in keys(claims_of(text))
    text = "The SCO met in Astana. India and Pakistan became full members in 2017 at the Astana summit."
    assert {(c.country_code, c.status, c.date_lower.year) for c in claims_of(text)} == {
        ("IN", "signed", 2017), ("PK", "signed", 2017)}


def test_a_leaders_country_after_that_is_not_the_countries_he_told():
    claims = claims_of("Argentine President Javier Milei has formally informed the leaders of Brazil, Russia, India, "
                       "China and South Africa that his country will not join BRICS.")
    assert keys(claims) == {("AR", "BRICS", "declined", "Javier Milei")}
    # "they" may be the countries told: the allies promised Georgia and Ukraine that they will join
    claims = claims_of("At Bucharest the allies promised Ukraine and Moldova that they would one day join NATO.")
    assert {c.country_code for c in claims} == {"UA", "MD"}


def test_a_withdrawal_from_a_predecessor_and_a_group_of_them():
    assert claims_of("The CPTPP was signed in 2018 after the United States withdrew from its predecessor, the "
                     "Trans-Pacific Partnership.") == []
    assert claims_of("According to Anil Sooklal, South Africa's ambassador for BRICS, 22 of them have formally "
                     "applied for full membership.") == []


def test_a_negation_of_another_verb_does_not_turn_a_denial_into_a_candidacy():
    claims = claims_of("Morocco's foreign ministry said the kingdom had never applied to join BRICS and would not "
                       "attend the meeting, dismissing reports to the contrary.")
    assert {(c.country_code, c.status) for c in claims} == {("MA", "declined")}
    assert {(c.country_code, c.status) for c in claims_of("Egypt has not ruled out joining BRICS.")} == {
        ("EG", "candidate")}


def test_handing_over_an_instrument_of_accession_is_a_membership_not_dated_by_the_founding_treaty():
    claims = claims_of("Finland's foreign minister handed over his country's instrument of accession to NATO in "
                       "Brussels, the United States being the depositary of NATO's founding 1949 treaty.")
    assert {(c.country_code, c.status, c.date_lower) for c in claims} == {("FI", "signed", None)}


def test_a_follower_of_a_fixed_treaty_takes_its_own_treaty_and_date():
    claims = claims_of("Egypt was the first Arab country to sign a peace treaty with Israel in 1979, followed by "
                       "Jordan in 1994.")
    assert {(c.country_code, c.accord, c.date_lower.year) for c in claims} == {
        ("EG", "Egypt-Israel Peace Treaty", 1979), ("JO", "Israel-Jordan Peace Treaty", 1994)}


def test_the_terms_of_a_deal_sought_are_a_prospect():
    claims = claims_of("Washington is seeking an agreement under which Saudi Arabia would establish relations with "
                       "Israel in exchange for security guarantees.")
    assert {(c.country_code, c.status) for c in claims} == {("SA", "candidate")}


def test_a_body_the_accord_leads_is_not_the_accord():
    assert claims_of("Bangladesh already became a member of the BRICS-led New Development Bank in 2021.") == []
    assert {c.country_code for c in claims_of("Morocco joined the US-brokered Abraham Accords in 2020.")} == {"MA"}


def test_the_country_is_neither_the_object_of_with_before_nor_the_subject_of_its_verb():
    text = ("During the campaign Milei promised to align Argentina with the United States and Israel. Foreign "
            "Minister Diana Mondino said in November that the country would not join BRICS.")
    assert {(c.country_code, c.status) for c in claims_of(text)} == {("AR", "declined")}
    text = ("Indonesia has become a full member of BRICS, after Brazil, which holds the bloc's presidency, announced "
            "the country's accession on Monday.")
    assert {c.country_code for c in claims_of(text)} == {"ID"}


def test_jordan_followed_or_did_so_with_a_treaty_of_its_own():
    for text in ("Egypt signed a peace treaty with Israel in 1979, and Jordan followed in 1994.",
                 "Egypt made peace with Israel in 1979 and Jordan did so in 1994."):
        claims = claims_of(text)
        assert {(c.country_code, c.accord, c.status, c.date_lower.year) for c in claims} == {
            ("EG", "Egypt-Israel Peace Treaty", "signed", 1979), ("JO", "Israel-Jordan Peace Treaty", "signed", 1994)}, text


def test_no_plans_is_a_refusal_and_an_interest_a_candidacy():
    claims = claims_of("Indonesia has reiterated that it has no plans to establish diplomatic relations with Israel.")
    assert {(c.country_code, c.status) for c in claims} == {("ID", "declined")}
    claims = claims_of("Somalia's president is interested in establishing relations with Israel under the Abraham "
                       "Accords.")
    assert {(c.country_code, c.status) for c in claims} == {("SO", "candidate")}


def test_a_participle_between_the_speaker_and_the_verb_is_about_the_speaker():
    claims = claims_of("The statement came days after Trump, speaking to reporters at the White House, said he "
                       "expected Kuwait to join the Abraham Accords very soon.")
    assert keys(claims) == {("KW", AA, "candidate", "Donald Trump")}


def test_a_treaty_step_told_in_the_past_and_an_instrument_deposited_for_a_named_country():
    claims = claims_of("The UAE was only the third Arab country, after Egypt in 1979 and Jordan in 1994, to establish "
                       "full diplomatic relations with Israel.")
    assert ("JO", "Israel-Jordan Peace Treaty", "signed") in {(c.country_code, c.accord, c.status) for c in claims}
    claims = claims_of("Prime Minister Dusko Markovic deposited Montenegro's instrument of accession to the North "
                       "Atlantic Treaty in Washington on June 5.", datetime(2017, 6, 6))
    assert {(c.country_code, c.accord, c.status) for c in claims} == {("ME", "NATO", "signed")}


def test_a_quoted_hedge_and_an_indefinite_deal_that_was_never_expected():
    claims = claims_of('Sudan\'s foreign ministry said Khartoum was "looking forward" to concluding a peace agreement '
                       'with Israel.')
    assert {(c.country_code, c.status) for c in claims} == {("SD", "candidate")}
    assert claims_of("For years, a peace deal between Saudi Arabia and Israel was the thing diplomats talked about "
                     "over dinner and never expected to see.") == []


def test_another_document_a_deal_between_others_and_a_process_launched():
    claims = claims_of("Albania, Croatia and Macedonia are aspiring to join NATO and continue reforms in the framework "
                       "of the Adriatic Charter signed with the US.", datetime(2004, 3, 29))
    assert "US" not in {c.country_code for c in claims}  # the charter, not NATO, was signed with the US
    text = ("Kazakhstan said it would join the Abraham Accords. Washington, which brokered the peace agreement between "
            "Azerbaijan and Armenia at the White House, wants to expand the accords.")
    assert {c.country_code for c in claims_of(text)} == {"KZ"}
    claims = claims_of("Armenia adopted a law in March launching the process of its accession to the European Union.")
    assert {(c.country_code, c.status) for c in claims} == {("AM", "candidate")}


def test_a_country_that_maintained_that_it_will_not_normalize_says_so_itself():
    claims = claims_of("Riyadh has maintained that it will not normalize relations with Israel without a Palestinian "
                       "state, a condition the Abraham Accords never met.")
    assert keys(claims) == {("SA", AA, "declined", "Saudi Arabia")}


def test_an_attribution_opened_by_neither_vouches_for_nothing_and_an_inevitability_is_a_prospect():
    text = ("Bahrain's parliament said the ambassador had left. Neither the parliament's statement nor the "
            "government's said Bahrain was withdrawing from the Abraham Accords.")
    assert not any(c.status == "withdrawn" for c in claims_of(text))
    claims = claims_of('Jared Kushner told reporters that a normalization agreement between Israel and Saudi Arabia '
                       'was now "an inevitability."')
    assert keys(claims) == {("SA", AA, "candidate", "Jared Kushner")}


def test_a_description_names_no_accord_for_another_trigger_and_a_stated_step_beats_a_shared_one():
    text = ("Türkiye, a NATO member, also confirmed in September that it had applied to join the group, and Erdogan "
            "attended the BRICS session in Kazan.")
    assert {(c.country_code, c.accord, c.status) for c in claims_of(text)} == {
        ("TR", "NATO", "signed"), ("TR", "BRICS", "candidate")}
    text = "Already a NATO member since 2009, when it joined the Alliance together with Albania, Croatia joined the EU."
    assert ("AL", "NATO", "signed") in {(c.country_code, c.accord, c.status) for c in claims_of(text)}
    text = ("Sudan became the third Arab country in 2020 to agree to normalise ties with Israel, after the United Arab "
            "Emirates and Bahrain, which signed the Abraham Accords in September.")
    assert {(c.country_code, c.status) for c in claims_of(text) if c.country_code in ("AE", "BH")} == {
        ("AE", "signed"), ("BH", "signed")}


def test_a_procedure_ahead_an_accession_withheld_and_a_signing_with_a_time():
    text = ("Sweden then deposits its instrument of accession in Washington, after which the country formally "
            "becomes a member of NATO.")
    assert {(c.country_code, c.status) for c in claims_of(text, datetime(2024, 2, 26))} == {("SE", "announced")}
    text = ("Erdogan said Turkey's parliament would not ratify Finland's accession to NATO unless the promises were "
            "kept.")
    assert {(c.country_code, c.status) for c in claims_of(text, datetime(2022, 6, 30))} == {("FI", "candidate")}
    text = "Israel said a peace agreement with Sudan would be signed in Washington before the end of the year."
    assert {(c.country_code, c.status) for c in claims_of(text, datetime(2023, 2, 15))} == {("SD", "announced")}


def test_a_gapped_date_gives_the_country_after_and_the_same_step():
    claims = claims_of("Egypt signed its peace treaty with Israel in 1979, and Jordan in 1994, but relations remain "
                       "cold.")
    assert {(c.country_code, c.accord, c.date_lower.year) for c in claims} == {
        ("EG", "Egypt-Israel Peace Treaty", 1979), ("JO", "Israel-Jordan Peace Treaty", 1994)}
    claims = claims_of("The UAE and Bahrain signed the Abraham Accords in September 2020, and Morocco in December.",
                       datetime(2024, 2, 12))
    assert ("MA", "signed", date(2020, 12, 1)) in {(c.country_code, c.status, c.date_lower) for c in claims}
    # the last item of a list is no gapped clause
    assert "CN" not in {c.country_code for c in claims_of(
        "Indonesia became a full member of BRICS, which was established by Brazil, Russia, India and China in 2009.")
        if c.status != "signed"}
