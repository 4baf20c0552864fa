"""Background clauses and coordinate clauses: which part of a sentence a claim and its date come from.

Sentences written for these tests in the style of wire copy and explainers (2020-2024 coverage). A
non-restrictive clause after a country ("Morocco, which joined the accords, hosted ...") states a
membership whose time is its own, not the main clause's; a coordinate clause with its own subject
("..., and Morocco joined later") does not take the first clause's date. Each expected value is read
off the sentence itself."""

from __future__ import annotations

from datetime import date, datetime

from tests.extract.claims_testkit import claims_of, keys

AA = "Abraham Accords"
PUBLISHED = datetime(2024, 6, 1, 12, 0)


def _windows(claims):
    return {(c.country_code, c.status, c.date_lower, c.date_upper) for c in claims}


def test_a_relative_clause_is_not_dated_by_its_main_clause():
    claims = claims_of("Morocco, which joined the Abraham Accords, hosted the Negev Forum in 2023.", PUBLISHED)
    # joined at some time before publication; 2023 is when it hosted the forum
    assert _windows(claims) == {("MA", "announced", None, date(2024, 6, 1))}
    claims = claims_of("In 2023, Morocco, which joined the Abraham Accords, hosted the Negev Forum.", PUBLISHED)
    assert _windows(claims) == {("MA", "announced", None, date(2024, 6, 1))}


def test_a_relative_clause_keeps_its_own_date():
    claims = claims_of("Morocco, which joined the Abraham Accords in 2020, hosted the Negev Forum in 2023.", PUBLISHED)
    assert _windows(claims) == {("MA", "announced", date(2020, 1, 1), date(2020, 12, 31))}


def test_a_past_agreement_in_a_relative_clause_is_background_not_news_of_the_day():
    claims = claims_of("Sudan, which agreed to normalize ties with Israel, was removed from the US terrorism list in "
                       "December 2020.", PUBLISHED)
    assert _windows(claims) == {("SD", "announced", None, date(2024, 6, 1))}


def test_membership_in_apposition():
    claims = claims_of("Morocco, a member of the Abraham Accords, hosted the Negev Forum in March 2023.", PUBLISHED)
    assert _windows(claims) == {("MA", "signed", None, date(2024, 6, 1))}
    claims = claims_of("The UAE and Bahrain, both signatories of the Abraham Accords, sent delegations to the summit.",
                       PUBLISHED)
    assert keys(claims) == {("AE", AA, "signed", "article"), ("BH", AA, "signed", "article")}


def test_a_rank_shared_by_a_group_is_nobody_s_ordinal():
    claims = claims_of("The UAE and Bahrain, the first two countries to join the Abraham Accords, have expanded defence "
                       "cooperation with Israel.", PUBLISHED)
    assert keys(claims) == {("AE", AA, "announced", "article"), ("BH", AA, "announced", "article")}
    assert {c.ordinal for c in claims} == {None}
    claims = claims_of("Bahrain, the second country to join the Abraham Accords, has expanded defence cooperation "
                       "with Israel.", PUBLISHED)
    assert [(c.country_code, c.ordinal) for c in claims] == [("BH", 2)]


def test_a_coordinate_clause_does_not_take_the_first_clause_s_date():
    claims = claims_of("The UAE joined the Abraham Accords in 2020, and Morocco joined later.", PUBLISHED)
    # "later": after the first clause's 2020, by publication
    assert _windows(claims) == {("AE", "announced", date(2020, 1, 1), date(2020, 12, 31)),
                                ("MA", "announced", date(2020, 1, 1), date(2024, 6, 1))}
    claims = claims_of("The UAE joined the Abraham Accords, and Sudan agreed to normalize ties with Israel in "
                       "October 2020.", PUBLISHED)
    assert ("AE", "announced", date(2020, 10, 1), date(2020, 10, 31)) not in _windows(claims)
    assert ("SD", "announced", date(2020, 10, 1), date(2020, 10, 31)) in _windows(claims)


def test_a_fronted_date_covers_every_coordinate_clause():
    claims = claims_of("In 2020, the UAE joined the Abraham Accords, and Bahrain signed them at the White House.",
                       PUBLISHED)
    assert _windows(claims) == {("AE", "announced", date(2020, 1, 1), date(2020, 12, 31)),
                                ("BH", "signed", date(2020, 1, 1), date(2020, 12, 31))}


def test_a_described_country_speaks():
    claims = claims_of("Saudi Arabia will not join the Abraham Accords without a Palestinian state, the kingdom's "
                       "foreign minister said.", PUBLISHED)
    assert keys(claims) == {("SA", AA, "declined", "Saudi Arabia")}
    # the description fits only some countries: "the Gulf state" is not Israel
    claims = claims_of("Israel hopes Oman will join the Abraham Accords, but the Gulf state's foreign ministry said "
                       "it would not join without a Palestinian state.", PUBLISHED)
    assert ("OM", AA, "declined", "Oman") in keys(claims)


def test_the_accord_of_a_main_clause_is_its_own_object_not_the_relative_clause_s():
    claims = claims_of("The United Kingdom, which left the European Union in 2020, formally joined the CPTPP in "
                       "December 2024.", datetime(2025, 3, 1))
    assert _windows(claims) == {("GB", "withdrawn", date(2020, 1, 1), date(2020, 12, 31)),
                                ("GB", "signed", date(2024, 12, 1), date(2024, 12, 31))}
    # "formally joined the CPTPP": an accession, so a membership (joining_is_membership)
    assert {(c.country_code, c.accord, c.status) for c in claims} == {("GB", "European Union", "withdrawn"),
                                                                      ("GB", "CPTPP", "signed")}


def test_membership_named_before_member_in_apposition():
    claims = claims_of("Turkey, a NATO member since 1952, delayed ratification for more than a year.", PUBLISHED)
    assert keys(claims) == {("TR", "NATO", "signed", "article")}
    assert claims[0].date_lower == date(1952, 1, 1)
    claims = claims_of("Hungary, a fellow NATO member, kept Sweden waiting.", PUBLISHED)
    assert ("HU", "NATO", "signed", "article") in keys(claims)
    # a would-be member, or an ally of no accord, is not a member
    assert claims_of("Ukraine, a would-be NATO member, was not invited.", PUBLISHED) == []
    assert claims_of("Qatar, a key US ally, hosts the largest American base in the region.", PUBLISHED) == []


def test_a_coordinated_attribution_leaves_the_clauses_before_it_to_the_outlet():
    claims = claims_of("Bahrain, which joined the Abraham Accords alongside the UAE, did not say it was withdrawing from "
                       "them, and Israeli officials said relations with Manama remained stable.", PUBLISHED)
    # joined (and the UAE alongside it): the outlet's background; "did not say it was withdrawing" is no withdrawal
    assert keys(claims) == {("BH", AA, "announced", "article"), ("AE", AA, "announced", "article")}


def test_the_speaker_of_a_relative_clause_does_not_speak_for_the_sentence():
    claims = claims_of('Israel has signed agreements establishing diplomatic relations with the United Arab Emirates and '
                       'Bahrain, in a White House ceremony that Donald Trump declared "the dawn of a new Middle East".',
                       datetime(2020, 9, 15, 20, 0))
    # the agreements establish the relations: what was signed, so the claim is a signature (not only "announced")
    assert keys(claims) == {("AE", AA, "signed", "article"), ("BH", AA, "signed", "article")}


def test_saying_nothing_is_no_attribution():
    claims = claims_of("Astana confirmed that Kazakhstan had joined the Abraham Accords. US officials privately describe "
                       "Mauritania as a plausible next member, but the government has said nothing in public.", PUBLISHED)
    assert ("MR", AA, "candidate", "article") in keys(claims)
    assert not any(c.country_code == "MR" and c.claimed_by == "Kazakhstan" for c in claims)


def test_an_unnamed_plural_subject_is_not_the_country_before_it():
    claims = claims_of("Trump described Kazakhstan as the first country to join the Abraham Accords in his second term "
                       "and said many more countries were seeking to join.", PUBLISHED)
    assert ("KZ", AA, "candidate") not in {(c.country_code, c.accord, c.status) for c in claims}


def test_the_counterparty_as_a_complement_is_passed_over_for_the_subject():
    claims = claims_of("Earlier reporting had floated Azerbaijan, another former Soviet republic with close ties to "
                       "Israel, as a possible addition to the Abraham Accords.", PUBLISHED)
    assert keys(claims) == {("AZ", AA, "candidate", "article")}


def test_a_condition_s_date_is_not_the_refusal_s():
    claims = claims_of("Saudi Arabia will not establish diplomatic relations with Israel unless an independent Palestinian "
                       "state is recognised on the 1967 borders, the kingdom's foreign ministry said on Wednesday.",
                       datetime(2024, 2, 7, 10, 41))
    # the refusal was stated on Wednesday 7 February; 1967 belongs to the condition
    assert _windows(claims) == {("SA", "declined", date(2024, 2, 7), date(2024, 2, 7))}


def test_the_speaker_of_a_subordinate_clause_speaks_for_its_own_content():
    claims = claims_of("It came after White House spokesman John Kirby told reporters on Tuesday that Saudi Arabia was "
                       "willing to keep discussing normalisation with Israel.", datetime(2024, 2, 7, 10, 41))
    assert keys(claims) == {("SA", AA, "negotiating", "John Kirby")}
    # a later trailing attribution still speaks for the whole sentence
    claims = claims_of("Kazakhstan will join the Abraham Accords soon after Trump announced the deal, the Kazakh foreign "
                       "ministry said.", PUBLISHED)
    assert keys(claims) == {("KZ", AA, "announced", "Government of Kazakhstan")}


def test_before_a_date_bounds_the_event_from_above():
    claims = claims_of("Before 7 October, US, Saudi and Israeli officials had been negotiating a normalization deal.",
                       datetime(2024, 2, 7, 10, 41))
    assert _windows(claims) == {("SA", "negotiating", None, date(2023, 10, 7))}


def test_a_list_member_s_relative_clause_keeps_its_date_to_itself():
    claims = claims_of("Kazakhstan is joining the Abraham Accords. Unlike the original signatories - the United Arab "
                       "Emirates, Bahrain and Morocco, along with Sudan, which signed a declaration in 2021 but never "
                       "finalized a bilateral agreement - Kazakhstan already has full relations with Israel.", PUBLISHED)
    signed = {(c.country_code, c.date_lower, c.date_upper) for c in claims if c.status == "signed"}
    assert signed == {("AE", None, date(2024, 6, 1)), ("BH", None, date(2024, 6, 1)), ("MA", None, date(2024, 6, 1)),
                      ("SD", date(2021, 1, 1), date(2021, 12, 31))}


def test_an_article_that_names_no_accord_takes_the_one_its_unnamed_deal_belongs_to():
    # a live blog, newest entry first: the deal is only named in its last entry
    text = ("Trump tells reporters Saudi Arabia will join \"at the right time\".\n\n"
            "Netanyahu, UAE Foreign Minister Abdullah bin Zayed and Bahraini Foreign Minister Abdullatif al-Zayani "
            "have signed the agreements on the South Lawn.\n\n"
            "Today the UAE and Bahrain are set to sign normalization agreements with Israel at the White House.")
    claims = claims_of(text, datetime(2020, 9, 15, 19, 0))
    assert {("SA", AA, "candidate", "Donald Trump"), ("AE", AA, "signed", "article"),
            ("BH", AA, "signed", "article")} <= keys(claims)
    # the same deal words in 2015 belong to no accord of the registry: no topic, no claim
    assert claims_of(text, datetime(2015, 9, 15, 19, 0)) == []


def test_a_timeline_of_entries_with_participles_and_possessives():
    text = ("THE MEMBERS\n\n"
            "Aug. 13, 2020 — The UAE agrees to normalize relations with Israel in a deal announced by Trump.\n\n"
            "Sept. 11, 2020 — Bahrain follows suit.\n\n"
            "Dec. 22, 2020 — Morocco's joint declaration is signed in Rabat.\n\n"
            "The Abraham Accords ledger keeps growing.")
    claims = claims_of(text, None)
    # "announced by Trump" is a participle: the entry is the outlet's, not Israel's; the declaration is signed
    assert _windows(claims) == {("AE", "announced", date(2020, 8, 13), date(2020, 8, 13)),
                                ("BH", "announced", date(2020, 9, 11), date(2020, 9, 11)),
                                ("MA", "signed", date(2020, 12, 22), date(2020, 12, 22))}
    assert {c.claimed_by for c in claims} == {"article"}


def test_each_member_of_a_list_takes_its_own_parenthesised_date():
    claims = claims_of("Egypt (1979) and Jordan (1994) made peace with Israel decades earlier.", PUBLISHED)
    assert {(c.country_code, c.accord, c.date_lower) for c in claims} == {
        ("EG", "Egypt-Israel Peace Treaty", date(1979, 1, 1)), ("JO", "Israel-Jordan Peace Treaty", date(1994, 1, 1))}


def test_objects_and_subjects_that_are_no_accord_or_no_state():
    # joining talks or a gathering is no membership
    assert claims_of("Canada has joined exploratory talks on the CPTPP.", PUBLISHED) == []
    assert claims_of("It was the first time Cairo has joined such a gathering of the Abraham Accords states.",
                     PUBLISHED) == []
    # "the Palestinian issue" is no acting state
    assert claims_of("Participants said the Palestinian issue had been raised in the talks on the Abraham Accords.",
                     PUBLISHED) == []
    # a state that ran the negotiations did not join by running them
    assert claims_of("Japan, which chaired negotiations on the CPTPP, praised the outcome.", PUBLISHED) == []


def test_a_named_accord_that_a_relative_clause_denies_is_not_the_object():
    claims = claims_of("Egypt made peace with Israel in 1979 under a bilateral treaty that is not part of the Abraham "
                       "Accords.", PUBLISHED)
    assert {(c.country_code, c.accord) for c in claims} == {("EG", "Egypt-Israel Peace Treaty")}


def test_an_unsaid_accord_is_ambiguous_after_two_named_ones():
    text = ("Turkish officials pointed out that Turkey has been a NATO member since 1952 and remains a candidate for EU "
            "membership. Saudi Arabia, which was invited to join last year, was represented by its foreign minister.")
    assert not [c for c in claims_of(text, datetime(2024, 10, 24)) if c.country_code == "SA"]


def test_a_sentence_adverb_between_speaker_and_verb():
    claims = claims_of("Saudi officials, however, have said the kingdom will not normalize relations with Israel without "
                       "a Palestinian state.", PUBLISHED)
    # (unnamed officials are named as such; the claim keeps the state as their id)
    assert keys(claims) == {("SA", "Abraham Accords", "declined", "Saudi officials")}
    assert {c.claimed_by_id for c in claims} == {"country:SA"}
    text = "Oman was widely tipped to join the Abraham Accords in 2020. Muscat has since made clear it will not be next."
    assert ("OM", "declined") in {(c.country_code, c.status) for c in claims_of(text, PUBLISHED)}


def test_a_passive_report_has_no_speaker_and_an_opening_adverb_is_no_main_clause():
    text = ("Indonesia is periodically reported to be close to joining the Abraham Accords. Officially, Jakarta says no "
            "ties until Palestinian independence.")
    # "is reported to be" names no reporter (the outlet relays it); "Officially, Jakarta says ..." is Jakarta's refusal
    assert keys(claims_of(text, PUBLISHED)) == {("ID", AA, "negotiating", "article"), ("ID", AA, "declined", "Indonesia")}


def test_an_unnamed_accord_never_takes_an_event_from_before_it_existed():
    text = ("India is not a party to the Abraham Accords. India established full diplomatic relations with Israel in "
            "1992, so it has nothing to normalise.")
    assert not [c for c in claims_of(text, PUBLISHED) if c.country_code == "IN"]


def test_members_joined_and_accords_the_event_stands_outside_of():
    claims = claims_of("With its signature, the Sudan joins the United Arab Emirates, the Kingdom of Bahrain and the "
                       "Kingdom of Morocco in choosing peace under the Abraham Accords.", datetime(2021, 1, 6))
    assert {(c.country_code, c.status) for c in claims} == {("SD", "announced"), ("AE", "signed"), ("BH", "signed"),
                                                           ("MA", "signed")}
    # "not under the Abraham Accords", "stood apart from" them: the named accord is not the event's
    assert claims_of("Bhutan and Kosovo established relations with Israel in 2020-21, but not under the Abraham Accords "
                     "framework.", PUBLISHED) == []
    assert claims_of("Bhutan established diplomatic relations with Israel too, although officials said the agreement "
                     "stood apart from the Abraham Accords.", datetime(2020, 12, 23)) == []


def test_earlier_treaty_partners_are_no_predecessors_in_the_accords():
    claims = claims_of("The UAE will become only the third Arab country to establish full ties with Israel, after Egypt, "
                       "which signed a peace treaty in 1979, and Jordan, which followed in 1994.", datetime(2020, 8, 13))
    assert {(c.country_code, c.accord) for c in claims if c.accord == AA} == {("AE", AA)}


def test_negated_questions_and_parenthetical_however():
    assert claims_of("Why hasn't Saudi Arabia joined the Abraham Accords?", PUBLISHED) == []
    assert claims_of("The Abraham Accords were discussed. It did not, however, bring Armenia into the accords.",
                     PUBLISHED) == []


def test_a_list_line_labelled_with_its_country():
    text = ("Who else gets mentioned for the Abraham Accords?\n\n"
            "- Mauritania: had relations with Israel from 1999 to 2010 and is frequently cited as a candidate.\n\n"
            "- Comoros and Niger: named in press reports as possible signatories; neither has confirmed talks.\n\n"
            "- Lebanon: its leaders have ruled out normalization.")
    claims = claims_of(text, PUBLISHED)
    assert {(c.country_code, c.status) for c in claims} == {("MR", "candidate"), ("KM", "candidate"), ("NE", "candidate"),
                                                           ("LB", "declined")}
    # the candidacy is news of the page, not of the 1999-2010 relations
    assert [(c.date_lower, c.date_upper) for c in claims if c.country_code == "MR"] == [(date(2024, 5, 31), date(2024, 6, 1))]
    assert keys(claims_of("Is Saudi Arabia next? The Abraham Accords may grow.", PUBLISHED)) == {
        ("SA", AA, "candidate", "article")}


def test_a_treaty_partner_takes_no_accord_from_a_generic_phrase_or_an_unsaid_object():
    # Egypt's peace with Israel is a treaty of its own: "joined too" here is the summit, not the accords
    text = "The Abraham Accords turned five. Egypt and Jordan, along with the UAE, attended the summit; Egypt joined too."
    assert not [c for c in claims_of(text, PUBLISHED) if c.country_code in ("EG", "JO")]
    # named, it is a claim like any other (the outlet's, right or wrong)
    assert ("EG", AA, "announced", "article") in keys(claims_of("Egypt joined the Abraham Accords.", PUBLISHED))


def test_a_government_body_without_its_country_speaks_for_the_sentence_s_subject():
    claims = claims_of("Pakistan has no intention of joining the Abraham Accords and will not recognize Israel until a "
                       "Palestinian state is established, the Foreign Office said on Friday.", PUBLISHED)
    assert keys(claims) == {("PK", AA, "declined", "Pakistan")}
    assert (claims[0].date_lower, claims[0].date_upper) == (date(2024, 5, 31), date(2024, 5, 31))


def test_denied_talks_are_no_talks():
    text = "The Abraham Accords may grow. Mauritania denies reports of secret talks with Israel."
    assert not [c for c in claims_of(text, PUBLISHED) if c.status == "negotiating"]


def test_an_op_ed_s_retrospective_lines():
    text = ("The Abraham Accords at five. Sudan signed on in January 2021, though the civil war has left it a signatory "
            "in name only. Mauritania, which had full relations with Israel until 2010, is an obvious candidate for a "
            "return. Oman, once spoken of as next in line, has made clear it is not interested.")
    claims = claims_of(text, datetime(2025, 9, 15))
    assert {(c.country_code, c.status) for c in claims} == {("SD", "announced"), ("MR", "candidate"), ("OM", "declined")}
    # the relative clause's 2010 does not date Mauritania's candidacy
    assert [(c.date_lower, c.date_upper) for c in claims if c.country_code == "SD"] == [(date(2021, 1, 1), date(2021, 1, 31))]
    assert [(c.date_lower, c.date_upper) for c in claims if c.country_code == "MR"] == [(date(2025, 9, 14), date(2025, 9, 15))]


def test_the_venue_closing_a_clause_is_not_the_subject_of_the_participle_after_it():
    # the talks are opened with Ukraine and Moldova; Luxembourg only hosted the conferences
    text = ("On 25 June 2024, the EU held the first intergovernmental conferences with Ukraine and Moldova in "
            "Luxembourg, formally opening accession negotiations with both countries.")
    assert not [c for c in claims_of(text, PUBLISHED) if c.country_code == "LU"]
    # a country that opens the clause still speaks for itself after a place named in passing
    text = "Albania, at talks in Luxembourg, formally opened accession negotiations with the European Union."
    assert ("AL", "European Union", "negotiating") in {(c.country_code, c.accord, c.status) for c in claims_of(text, PUBLISHED)}


def test_it_before_a_passive_signing_is_the_agreement_not_the_country():
    text = ('"Costa Rica becomes the first Latin American country to begin accession negotiations to the CPTPP since it '
            'was signed," Foreign Trade Minister Manuel Tovar said.')
    assert not [c for c in claims_of(text, datetime(2024, 11, 29)) if c.status == "signed"]
    # a protocol named after its country still speaks of that country
    text = "The Protocol on the Accession of the United Kingdom to the CPTPP was signed in Auckland on 16 July 2023."
    assert "GB" in {c.country_code for c in claims_of(text, datetime(2024, 11, 29))}


def test_a_question_after_a_colon_does_not_hedge_the_statement_before_it():
    text = ("Since US President Donald Trump announced last Thursday that Kazakhstan would join the Abraham Accords, one "
            "question has been asked in Washington more than any other: will Azerbaijan be next?")
    found = {(c.country_code, c.status) for c in claims_of(text, datetime(2025, 11, 12))}
    assert ("KZ", "announced") in found and ("KZ", "candidate") not in found
    assert ("AZ", "candidate") in found


def test_a_signing_ceremony_the_clause_puts_ahead_is_no_signature():
    text = ('For now, the most likely scenario is "strategic patience": Baku will watch how Kazakhstan\'s signing '
            "ceremony unfolds, what Astana gets for it, and whether the accords remain popular.")
    found = {(c.country_code, c.status) for c in claims_of(text, datetime(2025, 11, 12),
                                                            title="Will Baku join the Abraham Accords?")}
    assert ("KZ", "signed") not in found and ("KZ", "announced") in found
