"""A membership held at publication ("Greece is a member of NATO", "Kazakhstan is a founding member of the
SCO") and background member lists: the claim is the outlet's (or its speaker's), and the joining happened at
some unknown time before publication, not on the day. Each expected value is read off the sentence itself."""

from __future__ import annotations

from datetime import date, datetime

from tests.extract.claims_testkit import claims_of, keys

SCO = "Shanghai Cooperation Organisation"
PUBLISHED = datetime(2025, 11, 7, 12, 0)


def test_a_founding_member_is_a_member():
    claims = claims_of("Kazakhstan is a founding member of the Shanghai Cooperation Organisation.", PUBLISHED)
    assert keys(claims) == {("KZ", SCO, "signed", "article")}


def test_a_membership_held_at_publication_joined_at_some_time_before_it():
    claims = claims_of("Greece is a member of NATO.", PUBLISHED)
    assert keys(claims) == {("GR", "NATO", "signed", "article")}
    # not "since yesterday": Greece joined in 1952, which the sentence does not say
    assert (claims[0].date_lower, claims[0].date_upper) == (None, date(2025, 11, 7))


def test_now_a_member_is_news_of_the_day():
    claims = claims_of("Sweden is now a member of NATO.", PUBLISHED)
    assert keys(claims) == {("SE", "NATO", "signed", "article")}
    assert claims[0].date_upper == date(2025, 11, 7) and claims[0].date_lower is not None


def test_not_a_member_and_a_hypothetical_member_are_no_claims():
    assert claims_of("Ukraine is not a member of NATO.", PUBLISHED) == []
    assert claims_of("If Georgia is a member of NATO, Russia will object.", PUBLISHED) == []


# --- joining an accord whose joining is a formal accession (joining_is_membership in accords.yaml) ----------


def test_a_completed_joining_of_an_accession_accord_is_a_membership():
    claims = claims_of("Finland joined NATO on Tuesday.", datetime(2023, 4, 6))
    assert keys(claims) == {("FI", "NATO", "signed", "article")}
    assert (claims[0].date_lower, claims[0].date_upper) == (date(2023, 4, 4), date(2023, 4, 4))
    claims = claims_of("Croatia is the second former Yugoslav republic in the bloc, after Slovenia, which joined the "
                       "European Union in 2004.", datetime(2013, 7, 1))
    assert ("SI", "European Union", "signed", "article") in keys(claims)
    assert keys(claims_of("Iran has acceded to the SCO.", datetime(2023, 7, 5))) == {
        ("IR", SCO, "signed", "article")}


def test_a_joining_of_the_abraham_accords_stays_an_announcement():
    # "joined" is said of Kazakhstan's announced normalization, before any signature (the seed's convention)
    claims = claims_of("Kazakhstan has joined the Abraham Accords, Trump said.", PUBLISHED)
    assert keys(claims) == {("KZ", "Abraham Accords", "announced", "Donald Trump")}


def test_a_future_or_agreed_joining_is_no_membership():
    # (a NATO joining said to lie ahead with no day set is an aim: candidate; an agreement to join is announced)
    assert keys(claims_of("Sweden will join NATO.", datetime(2023, 4, 6))) == {("SE", "NATO", "candidate", "article")}
    assert keys(claims_of("Sweden agreed to join NATO.", datetime(2023, 4, 6))) == {("SE", "NATO", "announced", "article")}


def test_a_follower_takes_the_status_of_its_lead():
    claims = claims_of("Finland joined NATO in 2023, and Sweden followed a year later.", datetime(2024, 6, 1))
    assert {(c.country_code, c.status) for c in claims} == {("FI", "signed"), ("SE", "signed")}
    claims = claims_of("The UAE agreed to normalize ties with Israel under the Abraham Accords and Bahrain followed "
                       "suit.", datetime(2020, 9, 20))
    assert {(c.country_code, c.status) for c in claims} == {("AE", "announced"), ("BH", "announced")}


def test_a_completing_trigger_of_another_status_is_rejected_on_load():
    import pytest

    from pipelines.extract.claims.status import VocabularyError, parse_vocabulary

    with pytest.raises(VocabularyError, match="complete a joining"):
        parse_vocabulary({"triggers": {"candidate": {"patterns": [{"p": "applied", "completes": True}]}}})
    with pytest.raises(VocabularyError, match="mapping of p"):
        parse_vocabulary({"triggers": {"announced": {"patterns": [{"p": "joined", "complete": True}]}}})


# --- background member lists ------------------------------------------------------------------------------


def test_a_numbered_member_list_after_a_double_hyphen():
    claims = claims_of("Britain signed the CPTPP accession protocol together with ministers of the 11 current members -- "
                       "Australia, Brunei, Canada, Chile, Japan, Malaysia, Mexico, New Zealand, Peru, Singapore and "
                       "Vietnam.", datetime(2023, 7, 16))
    assert {c.country_code for c in claims if c.status == "signed"} >= {
        "AU", "BN", "CA", "CL", "JP", "MY", "MX", "NZ", "PE", "SG", "VN"}


def test_a_member_list_between_spaced_hyphens_takes_the_accord_of_the_sentence_before():
    claims = claims_of("BRICS invited six countries to join. The current members - Brazil, Russia, India, China and "
                       "South Africa - account for 42% of the world's population.", datetime(2023, 8, 24))
    assert {(c.country_code, c.accord, c.status) for c in claims if c.status == "signed"} == {
        (code, "BRICS", "signed") for code in ("BR", "RU", "IN", "CN", "ZA")}


def test_a_passive_signature_with_a_place_that_stands_for_a_country():
    # "the White House" is a country slot (the United States); Israel is the counterparty, never a joiner
    claims = claims_of("The Abraham Accords were first signed at the White House in September 2020 by Israel, the "
                       "United Arab Emirates and Bahrain.", PUBLISHED)
    assert keys(claims) == {("AE", "Abraham Accords", "signed", "article"), ("BH", "Abraham Accords", "signed", "article")}
    assert (claims[0].date_lower, claims[0].date_upper) == (date(2020, 9, 1), date(2020, 9, 30))


def test_joining_the_initiative_of_the_article_s_accord():
    claims = claims_of("Kazakhstan will join the Abraham Accords. Morocco and Sudan subsequently joined the initiative.",
                       PUBLISHED)
    assert {(c.country_code, c.status) for c in claims} == {("KZ", "announced"), ("MA", "announced"), ("SD", "announced")}


def test_an_enlargement_that_brought_in_countries_among_them_a_list():
    claims = claims_of("The 2004 enlargement of the European Union brought in ten countries, among them Poland, Hungary "
                       "and Cyprus.", datetime(2024, 6, 1))
    assert {(c.country_code, c.status, c.date_lower) for c in claims} == {
        (code, "signed", date(2004, 1, 1)) for code in ("PL", "HU", "CY")}


def test_a_gapped_rank_takes_the_lead_s_status_and_its_own_date():
    claims = claims_of("Iran became the ninth member of the SCO in 2023 and Belarus the tenth in 2024.",
                       datetime(2024, 8, 1))
    assert {(c.country_code, c.status, c.date_lower.year) for c in claims} == {("IR", "signed", 2023),
                                                                              ("BY", "signed", 2024)}


def test_the_signing_or_completion_of_an_accession_is_a_signature():
    claims = claims_of("Singapore's trade ministry welcomed the signing of Britain's accession protocol to the CPTPP.")
    assert {(c.country_code, c.status) for c in claims} == {("GB", "signed")}
    claims = claims_of("Tokayev congratulated Lukashenko on the completion of the procedures for Belarus's accession "
                       f"to the {SCO}.")
    assert {(c.country_code, c.status) for c in claims} == {("BY", "signed")}
    # a signing still ahead is none
    claims = claims_of("Officials prepared for the signing of Britain's accession protocol to the CPTPP.")
    assert not any(c.status == "signed" for c in claims)


def test_eu_candidacy_and_talks_in_the_words_of_enlargement_news():
    def states(text):
        return {(c.country_code, c.status) for c in claims_of(text)}

    assert states('"EUCO just granted the status of EU candidate country to Ukraine," Charles Michel wrote.') == {
        ("UA", "candidate")}
    assert states("Bosnia and Herzegovina, which received EU candidate status in December 2022, may start talks.") == {
        ("BA", "candidate")}
    assert states("Talks with North Macedonia — an official candidate since 2005 — remain stuck in the EU.") == {
        ("MK", "candidate")}
    assert states("Serbia and Montenegro are already negotiating their accession to the EU.") == {
        ("RS", "negotiating"), ("ME", "negotiating")}
    assert states("Montenegro, which opened its own accession talks with the EU in June last year, leads.") == {
        ("ME", "negotiating")}
    # talks agreed but not yet open are a candidacy; talks refused or frozen are a refusal
    assert states("EU leaders agreed to open accession negotiations with Serbia by January 2014.") == {
        ("RS", "candidate")}
    assert states("Georgia will not pursue the opening of accession negotiations with the European Union until "
                  "2028, the government in Tbilisi said.") == {("GE", "declined")}
    assert states("Iceland's government has put the country's EU membership talks on hold.") == {("IS", "declined")}


def test_the_founders_are_members_dated_by_the_founding():
    claims = claims_of("The SCO met in Astana. It is a group founded in 2001 by China, Russia, Kazakhstan, Kyrgyzstan, "
                       "Tajikistan and Uzbekistan.", PUBLISHED)
    assert keys(claims) == {(code, SCO, "signed", "article") for code in ("CN", "RU", "KZ", "KG", "TJ", "UZ")}
    assert {(c.date_lower, c.date_upper) for c in claims} == {(date(2001, 1, 1), date(2001, 12, 31))}
    claims = claims_of("NATO was founded in April 1949 by 12 countries, among them Belgium, Luxembourg and Portugal.",
                       PUBLISHED)
    assert keys(claims) == {(code, "NATO", "signed", "article") for code in ("BE", "LU", "PT")}
    claims = claims_of("NATO began in 1949 with 12 members, among them the Nordic founders Denmark, Iceland and Norway.",
                       PUBLISHED)
    assert {c.country_code for c in claims} == {"DK", "IS", "NO"}
    # founders of something else, or one founder that is no list of countries, make no member
    assert claims_of("The SCO met in Astana. Its bank was founded in 2015 by Chinese investors.", PUBLISHED) == []


def test_an_enlargement_brings_in_its_newcomers_and_a_member_state_has_a_rank():
    claims = claims_of("The EU has enlarged seven times. The enlargement of 1995 brought in three countries: Austria, "
                       "Finland and Sweden.", PUBLISHED)
    assert keys(claims) == {(code, "European Union", "signed", "article") for code in ("AT", "FI", "SE")}
    claims = claims_of("Enlargement of the EU stalled after Croatia became the 28th member state in 2013.", PUBLISHED)
    assert keys(claims) == {("HR", "European Union", "signed", "article")}
    assert claims[0].ordinal == 28 and claims[0].date_lower == date(2013, 1, 1)
    # the first member state to ratify something is no rank of membership
    assert claims_of("The EU summit opened. Malta became the first member state to ratify the treaty.", PUBLISHED) == []


def test_admissions_ratifications_and_interest_in_other_words():
    claims = claims_of("The SCO summit opened in Astana. Iran and Belarus were on Friday formally admitted as full "
                       "members of the Shanghai Cooperation Organisation.", PUBLISHED)
    assert {(c.country_code, c.status) for c in claims} == {("IR", "signed"), ("BY", "signed")}
    claims = claims_of("The Paris Agreement entered into force in 2016. Nepal ratified the agreement on Sunday.", PUBLISHED)
    assert keys(claims) == {("NP", "Paris Agreement", "signed", "article")}
    # ratifying another country's accession is no membership of the ratifier
    claims = claims_of("NATO leaders met. Hungary ratified the agreement on Sweden's accession in February.", PUBLISHED)
    assert "HU" not in {c.country_code for c in claims}
    claims = claims_of("Britain joined the CPTPP. Indonesia and Thailand have also expressed interest in joining the trade "
                       "pact.", PUBLISHED)
    assert {(c.country_code, c.status) for c in claims if c.country_code != "GB"} == {("ID", "candidate"),
                                                                                     ("TH", "candidate")}
    claims = claims_of("BRICS leaders met in Kazan. Bolivia submitted an official application for membership in August.",
                       PUBLISHED)
    assert keys(claims) == {("BO", "BRICS", "candidate", "article")}


def test_israel_s_own_treaties_held_as_background():
    claims = claims_of("The Abraham Accords turn four. Jordan has had a peace treaty with Israel since 1994.", PUBLISHED)
    assert keys(claims) == {("JO", "Israel-Jordan Peace Treaty", "signed", "article")}
    assert claims[0].date_lower == date(1994, 1, 1)
    claims = claims_of("The Abraham Accords turn four. Egypt has been at peace with Israel since 1979.", PUBLISHED)
    assert keys(claims) == {("EG", "Egypt-Israel Peace Treaty", "signed", "article")}
    claims = claims_of("The Abraham Accords turn four. Egypt and Jordan signed peace treaties with Israel in 1979 and "
                       "1994.", PUBLISHED)
    assert {c.accord for c in claims} == {"Egypt-Israel Peace Treaty", "Israel-Jordan Peace Treaty"}
    # a relative clause between dashes has its antecedent before the dash
    claims = claims_of("The Abraham Accords turn four. Further afield, Jordan—which signed a peace treaty with Israel in "
                       "1994—recalled its ambassador.", PUBLISHED)
    assert keys(claims) == {("JO", "Israel-Jordan Peace Treaty", "signed", "article")}


def test_a_rank_of_the_organization_and_the_original_members_alongside_the_newcomers():
    claims = claims_of("The SCO summit was in Astana. At the SCO summit in Astana in July 2024, Belarus became the "
                       "organization's tenth full member, a year after Iran joined.", PUBLISHED)
    by_code = {c.country_code: c for c in claims}
    assert (by_code["BY"].ordinal, by_code["BY"].date_lower) == (10, date(2024, 7, 1))
    # "a year after Iran joined": before July 2024, not in it
    assert (by_code["IR"].status, by_code["IR"].date_upper) == ("signed", date(2024, 7, 1))
    claims = claims_of("BRICS expanded. Egypt, Ethiopia, Iran and the United Arab Emirates formally joined the BRICS group "
                       "on Jan. 1, alongside the original members Brazil, Russia, India, China and South Africa.",
                       datetime(2024, 1, 5))
    originals = {c.country_code: c for c in claims if c.country_code in ("BR", "RU", "IN", "CN", "ZA")}
    assert set(originals) == {"BR", "RU", "IN", "CN", "ZA"}
    assert {(c.status, c.date_lower) for c in originals.values()} == {("signed", None)}  # members before, not on Jan. 1


def test_an_invitation_taken_up_is_a_membership_and_a_participle_after_the_accord_keeps_its_own_date():
    text = ("The kingdom was invited to join BRICS in 2023 alongside the UAE, Egypt, Ethiopia and Iran, which all took up "
            "membership in January 2024.")
    claims = claims_of(text, datetime(2025, 11, 19))
    assert {(c.country_code, c.status) for c in claims if c.country_code != "SA"} == {
        ("AE", "signed"), ("EG", "signed"), ("ET", "signed"), ("IR", "signed")}
    assert {(c.date_lower, c.date_upper) for c in claims if c.country_code == "IR"} == {(date(2024, 1, 1), date(2024, 1, 31))}
    # "signed ... by" after the accord's own noun; "joined by" is passive: the countries after "by" joined, and the
    # main clause's "earlier this month" dates none of them
    text = ("The Abraham Accords at five. The framework, signed in 2020 by the UAE and Bahrain and later joined by "
            "Morocco and Sudan, gained its first new entrant in five years earlier this month when Trump announced "
            "that Kazakhstan would join.")
    claims = claims_of(text, datetime(2025, 11, 19))
    assert {(c.country_code, c.status) for c in claims if c.country_code in ("AE", "BH")} == {("AE", "signed"), ("BH", "signed")}
    assert {c.country_code for c in claims if c.country_code in ("MA", "SD")} == {"MA", "SD"}
    assert all(c.date_lower is None or c.date_lower.year == 2020 for c in claims if c.country_code in ("AE", "BH", "MA", "SD"))


def test_steps_told_in_a_climate_story_without_the_accord_s_name():
    text = ("Syria Says It Will Join Paris Climate Pact. Syria told the Paris Agreement's conference that it will sign. "
            "A member of the Syrian delegation said Damascus would ratify the agreement as soon as possible. "
            "Nicaragua completed its own accession last month. In December 2015, Nicaragua's climate envoy refused to "
            "back the deal in Paris. The instrument was deposited at the United Nations on October 23, and Nicaragua "
            "is now formally a party. Until then the US remains a party.")
    found = {(c.country_code, c.status) for c in claims_of(text, datetime(2017, 11, 8))}
    assert {("SY", "announced"), ("NI", "signed"), ("NI", "declined"), ("US", "signed")} <= found


def test_a_step_only_one_accord_has_is_that_accord_s_in_a_paragraph_about_another():
    text = ("Armenia adopted a law on starting the process of accession to the European Union. Is NATO next? "
            "Armenia is not planning to apply for NATO membership and works with NATO through partnership programmes. "
            "Georgia applied in March 2022, together with Ukraine and Moldova, and received candidate status in "
            "December 2023.")
    georgia = {(c.accord, c.status) for c in claims_of(text, datetime(2025, 4, 1)) if c.country_code == "GE"}
    assert georgia and all(accord == "European Union" for accord, _ in georgia)


def test_a_chronology_s_dated_item_dates_its_sentences_and_its_present_tense_is_history():
    text = ("2004 in review: the year Estonia joined both clubs.\n\nMAY\n\n"
            "• 1 May — The big bang. Estonia joins the European Union together with Latvia and Lithuania. Fireworks "
            "over Toompea.")
    claims = [c for c in claims_of(text, datetime(2004, 12, 30)) if c.accord == "European Union"]
    assert {(c.country_code, c.status) for c in claims} == {("EE", "signed"), ("LV", "signed"), ("LT", "signed")}
    assert {(c.date_lower, c.date_upper) for c in claims} == {(date(2004, 5, 1), date(2004, 5, 1))}


def test_a_treaty_of_peace_signed_and_concluded_is_the_treaty_and_a_war_s_year_dates_nothing():
    text = ("On Monday, President Anwar Sadat and the Prime Minister of Israel, Menachem Begin, signed the Treaty of Peace "
            "between the Arab Republic of Egypt and the State of Israel. With the signing, Egypt became the first Arab "
            "state to conclude a peace treaty with Israel, thirty-one years after the war of 1948.")
    claims = [c for c in claims_of(text, datetime(1979, 3, 31)) if c.country_code == "EG"]
    assert {(c.accord, c.status) for c in claims} == {("Egypt-Israel Peace Treaty", "signed")}
    assert all(c.date_lower is None or c.date_lower.year == 1979 for c in claims)


def test_signatures_and_ratifications_told_as_a_ceremony_s_record():
    text = ("Fiji among first to lodge Paris Agreement ratification. FIJI yesterday became one of the first countries "
            "in the world to complete ratification of the Paris Agreement. Our Pacific neighbours Palau, the Marshall "
            "Islands and Tuvalu also deposited their ratifications. French President Francois Hollande was the first to "
            "put his signature on the agreement. US Secretary of State John Kerry signed on behalf of the United States.")
    found = {(c.country_code, c.status) for c in claims_of(text, datetime(2016, 4, 23)) if c.accord == "Paris Agreement"}
    assert {("FJ", "signed"), ("PW", "signed"), ("MH", "signed"), ("TV", "signed"), ("FR", "signed"),
            ("US", "signed")} <= found
    # ratifying others' accession protocols is no step of one's own
    text = ("Estonia, which joined the alliance in 2004, was one of the first allies to ratify the Finnish and Swedish "
            "accession protocols to NATO.")
    assert [(c.country_code, c.date_lower.year) for c in claims_of(text, datetime(2023, 4, 4))
            if c.country_code == "EE"] == [("EE", 2004)]


def test_signed_up_to_an_accession_accord_is_a_membership_and_signed_up_to_join_an_agreement_to_join():
    text = "Quiz answers: 4. (c) CPTPP, the trade pact which Britain signed up to in July 2023."
    assert {(c.country_code, c.status) for c in claims_of(text, datetime(2024, 1, 5))} == {("GB", "signed")}
    text = "The United Kingdom has formally signed up to join the CPTPP, the government said."
    assert {(c.country_code, c.status) for c in claims_of(text, datetime(2023, 7, 16))} == {("GB", "announced")}


def test_a_section_heading_returns_an_unsaid_accord_to_the_article_s_own():
    text = ("Twenty years in the EU: who is in, who is knocking.\n\n"
            "The eight had all joined NATO - Poland, the Czech Republic and Hungary in 1999, the rest a month before EU "
            "accession, in March 2004.\n\nIN: THOSE WHO FOLLOWED\n\n"
            "Bulgaria and Romania joined on 1 January 2007, Croatia on 1 July 2013.")
    found = {(c.country_code, c.accord) for c in claims_of(text, datetime(2024, 5, 1), title="Twenty years in the EU")
             if c.country_code in ("BG", "RO", "HR")}
    assert found == {("BG", "European Union"), ("RO", "European Union"), ("HR", "European Union")}


def test_a_fact_box_item_for_two_countries():
    text = ("Twenty years in the EU. Who is knocking on the European Union's door:\n\n"
            "- Ukraine and Moldova: candidates since June 2022.\n"
            "- Albania and North Macedonia: opened talks in July 2022 after years of waiting.")
    found = {(c.country_code, c.status) for c in claims_of(text, datetime(2024, 5, 1)) if c.accord == "European Union"}
    assert {("UA", "candidate"), ("MD", "candidate"), ("AL", "negotiating"), ("MK", "negotiating")} <= found
