"""Lists of members: an opener, short headings inside the list, and numbered or bulleted items that each start
with a country. Every item is the outlet's claim that the country is a member; the values are read off the lines."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from pipelines.extract.claims.evaluation import ingested_article
from pipelines.extract.pipeline import analyze_article
from tests.extract.claims_testkit import claims_of, keys

PUBLISHED = datetime(2023, 4, 4)


def _claims(text: str):
    # through the ingest path (the page's first line is its title)
    article = ingested_article("A headline\n\n" + text, "list", PUBLISHED, None)
    return {(c.country_code, c.accord, c.status, c.claimed_by, c.date_lower) for c in analyze_article(article).claims}


def test_a_numbered_list_of_members_with_headings_that_date_them():
    text = ("Finland formally joined NATO on Tuesday.\n\n"
            "Here is every NATO member, in order of when it joined:\n\n"
            "The 12 founding members (1949)\n\n1. Belgium\n\n2. Canada\n\n"
            "Joined in 1952\n\n3. Greece\n\n4. Turkey (1952)\n\n"
            "Candidates\n\n5. Ukraine")
    claims = _claims(text)
    listed = {(code, lower.year) for code, accord, status, by, lower in claims
              if accord == "NATO" and status == "signed" and by == "article" and code != "FI"}
    # Ukraine comes after a heading that is no list of members
    assert listed == {("BE", 1949), ("CA", 1949), ("GR", 1952), ("TR", 1952)}


def test_a_bulleted_list_without_dates_is_dated_before_publication():
    text = "The Abraham Accords were signed in 2020. Its members today:\n\n- United Arab Emirates\n\n- Bahrain"
    claims = _claims(text)
    assert {(code, lower) for code, accord, status, by, lower in claims if status == "signed"} >= {
        ("AE", None), ("BH", None)}


def test_a_list_of_candidates_or_of_prose_lines_claims_no_membership():
    text = "BRICS is growing. Countries that want to join:\n\n- Thailand\n\n- Malaysia"
    assert not {c for c in _claims(text) if c[2] == "signed"}
    text = ("The Abraham Accords at five. Who's next?\n\n- Syria: President Trump has urged Damascus to join.\n\n"
            "- Lebanon: its leaders have ruled out normalization.")
    assert not {c for c in _claims(text) if c[2] == "signed"}


def test_a_list_the_trigger_heads_names_the_article_s_accord_far_from_its_last_mention():
    text = ("The EU has enlarged seven times since its founding. The story of each wave is a story of bargains. Some "
            "were long, others short. Money always mattered. The enlargement of 2004 brought in ten countries at once: "
            "Cyprus, the Czech Republic, Estonia, Hungary, Latvia, Lithuania, Malta, Poland, Slovakia and Slovenia.")
    claims = claims_of(text, datetime(2024, 5, 1))
    assert {(c.country_code, c.accord, c.status) for c in claims} == {
        (code, "European Union", "signed") for code in ("CY", "CZ", "EE", "HU", "LV", "LT", "MT", "PL", "SK", "SI")}
    # a list brought in by the accord itself
    claims = claims_of("The Abraham Accords turn five. The original accords, signed in 2020, brought in the United Arab "
                       "Emirates, Bahrain, Morocco and Sudan.", datetime(2025, 9, 15))
    assert {(c.country_code, c.status) for c in claims} == {(code, "signed") for code in ("AE", "BH", "MA", "SD")}
    assert claims_of("The BRICS summit opened. The deal brought in Chinese investment.", datetime(2025, 9, 15)) == []
    # a follower far from the accord's last mention is not read as joining it ("Oman followed in February" opening its
    # airspace)
    text = ("The Abraham Accords turned three. Trade has grown. Tourism too. Saudi Arabia opened its airspace to Israeli "
            "airlines in July, and Oman followed in February.")
    assert "OM" not in {c.country_code for c in claims_of(text, datetime(2024, 5, 1))}


def test_the_article_s_own_accord_after_a_passing_remark_on_another():
    text = ("Who will join the Abraham Accords next? Indonesia became a full member of BRICS in January and has applied "
            "to join the CPTPP trade pact. The original accords, signed in 2020, brought in the United Arab Emirates, "
            "Bahrain, Morocco and Sudan.")
    claims = claims_of(text, datetime(2025, 9, 15))
    assert {(c.country_code, c.accord) for c in claims if c.country_code in ("AE", "BH", "MA", "SD")} == {
        (code, "Abraham Accords") for code in ("AE", "BH", "MA", "SD")}


def test_members_named_after_a_relative_clause_on_the_counterparty_and_a_bloc_that_consists_of_them():
    aa = "The Abraham Accords turn four. "
    when = datetime(2024, 9, 15)
    claims = claims_of(aa + "The ministers represented countries that had signed the Abraham Accords with Israel in 2020: "
                            "the United Arab Emirates, Bahrain and Morocco.", when)
    assert {(c.country_code, c.status) for c in claims} == {("AE", "signed"), ("BH", "signed"), ("MA", "signed")}
    claims = claims_of(aa + "All three countries that normalized ties with Israel in 2020 — the UAE, Bahrain and Morocco — "
                            "were represented together with Egypt.", when)
    assert {c.country_code for c in claims} == {"AE", "BH", "MA"}  # (Egypt only sat with them)
    claims = claims_of("BRICS leaders met in Kazan. The bloc currently consists of Brazil, Russia, India, China and South "
                       "Africa.", when)
    assert {(c.country_code, c.accord, c.status) for c in claims} == {
        (code, "BRICS", "signed") for code in ("BR", "RU", "IN", "CN", "ZA")}
    assert claims_of("BRICS leaders met in Kazan. The summit brings together Brazil, Russia and India.", when) == []


def test_every_item_of_a_gapped_series_keeps_its_own_date():
    claims = claims_of("NATO was founded in 1949. Albania and Croatia joined in 2009, Montenegro in 2017 and North "
                       "Macedonia in 2020.", datetime(2024, 3, 8))
    assert {(c.country_code, c.date_lower.year) for c in claims} == {("AL", 2009), ("HR", 2009), ("ME", 2017),
                                                                     ("MK", 2020)}


def test_followers_named_after_a_count():
    claims = claims_of("NATO was founded in 1949. Poland, Hungary and the Czech Republic joined in 1999, followed by "
                       "seven more in 2004: Bulgaria, Estonia, Latvia, Lithuania, Romania, Slovakia and Slovenia.",
                       datetime(2024, 3, 8))
    assert {c.country_code for c in claims if c.status == "signed"} == {"PL", "HU", "CZ", "BG", "EE", "LV", "LT", "RO",
                                                                       "SK", "SI"}
    # the followers came after the leaders' 1999
    assert min(c.date_lower for c in claims if c.country_code == "BG").year == 1999


# --- found by the twenty-fifth round (a list after a membership noun) ---------------------------------------


def test_a_possessive_member_noun_before_a_colon_lists_the_members():
    claims = claims_of("Ministers came to Auckland from the pact's existing members: Australia, Canada, Japan and Vietnam.",
                       datetime(2023, 7, 16), title="Britain signs CPTPP accession protocol")
    assert keys(claims) == {(code, "CPTPP", "signed", "article") for code in ("AU", "CA", "JP", "VN")}
    assert {(c.date_lower, c.date_upper) for c in claims} == {(None, date(2023, 7, 16))}  # members by publication


def test_joining_the_original_five_lists_them():
    claims = claims_of("Egypt, Ethiopia, Iran and the UAE took their seats in 2024, joining the original five: Brazil, "
                       "Russia, India, China and South Africa.", datetime(2024, 10, 21), title="BRICS summit opens in Kazan")
    founders = [c for c in claims if c.country_code in ("BR", "RU", "IN", "CN", "ZA")]
    assert {(c.country_code, c.status) for c in founders} == {(code, "signed") for code in ("BR", "RU", "IN", "CN", "ZA")}
    assert {c.date_lower for c in founders} == {None}  # members by 2024, not since 2024


def test_founding_members_before_their_predicate_keep_no_date_of_it():
    claims = claims_of("The founding members Brazil, Russia, India and China were joined by South Africa in 2010.",
                       datetime(2025, 1, 7), title="Indonesia joins BRICS as full member")
    by_code = {c.country_code: c for c in claims}
    assert set(by_code) == {"BR", "RU", "IN", "CN", "ZA"} and {c.status for c in claims} == {"signed"}
    assert by_code["ZA"].date_lower == date(2010, 1, 1)
    # 2010 is South Africa's year, not the founders'
    assert all(by_code[code].date_lower is None for code in ("BR", "RU", "IN", "CN"))


def test_members_named_in_a_dated_phrase_were_members_by_that_day():
    claims = claims_of("In letters dated December 22 to the leaders of the bloc's five members - Brazil, Russia, India, "
                       "China and South Africa - Milei said Argentina would not join BRICS.", datetime(2023, 12, 29))
    members = [c for c in claims if c.country_code == "BR"]
    assert [(c.status, c.date_lower, c.date_upper) for c in members] == [("signed", None, date(2023, 12, 22))]


# --- found by the twentieth session's review of missed memberships ------------------------------------------


def test_a_joining_that_names_the_members_joined():
    claims = claims_of("Brazil announced that Indonesia had become a full member of BRICS, joining Brazil, Russia, India, "
                       "China and South Africa.", datetime(2025, 1, 17))
    assert {(c.country_code, c.status) for c in claims if c.country_code != "ID"} == {
        (code, "signed") for code in ("BR", "RU", "IN", "CN", "ZA")}
    assert ("ID", "signed") in {(c.country_code, c.status) for c in claims}  # the joiner keeps its own claim


def test_joining_others_in_another_step_names_no_members():
    claims = claims_of("Spain, an EU member, recognised Palestine on Tuesday, joining Ireland and Norway in a move "
                       "condemned by Israel.", datetime(2024, 5, 28))
    assert {c.country_code for c in claims} == {"ES"}  # Norway is no EU member


def test_a_bloc_led_by_a_list_of_countries_is_made_of_them():
    claims = claims_of("Indonesia has become a full member of BRICS, the bloc of major emerging economies led by Brazil, "
                       "Russia, India, China and South Africa.", datetime(2025, 1, 7))
    assert {c.country_code for c in claims if c.status == "signed"} == {"ID", "BR", "RU", "IN", "CN", "ZA"}
    # a coalition led by one country is no bloc's membership
    assert claims_of("A coalition led by Turkey and Qatar backed the rebels, NATO said.", datetime(2024, 5, 28)) == []


def test_an_enlargement_told_without_its_accord_after_naming_it():
    claims = claims_of("NATO's Balkan enlargement went on. Albania and Croatia entered in 2009. BRICS was founded by four "
                       "countries. South Africa was brought in the following year.", datetime(2024, 5, 28))
    assert {(c.country_code, c.accord, c.status) for c in claims if c.country_code in ("AL", "HR", "ZA")} == {
        ("AL", "NATO", "signed"), ("HR", "NATO", "signed"), ("ZA", "BRICS", "signed")}
    assert {c.date_lower.year for c in claims if c.country_code in ("AL", "HR")} == {2009}
    # troops entering and a country coming in for criticism join nothing
    assert claims_of("NATO troops entered Kosovo in 1999. Russia came in for criticism at the NATO summit.",
                     datetime(2024, 5, 28)) == []


def test_a_signed_decision_on_an_accession_admits_the_country():
    claims = claims_of("In the course of the meeting, the Heads of State signed the decision on the accession of the "
                       "Republic of Belarus to the Shanghai Cooperation Organization.", datetime(2024, 7, 4))
    assert keys(claims) == {("BY", "Shanghai Cooperation Organisation", "signed", "article")}


def test_one_of_the_founding_states_is_a_member():
    claims = claims_of("Kazakhstan, as one of the founding states of the SCO, will continue to strengthen its role, "
                       "the Head of State said.", datetime(2024, 7, 4))
    assert {(c.country_code, c.status) for c in claims} == {("KZ", "signed")}
    # one of the region's states is no member of anything
    assert claims_of("Iran, one of the states of the region, criticized the Abraham Accords.", datetime(2024, 7, 4)) == []


def test_signing_at_a_place_on_an_abbreviated_date_leaves_the_accord_to_the_context():
    claims = claims_of("The Abraham Accords are agreements under which Arab states normalized relations with Israel. "
                       "The United Arab Emirates and Bahrain signed at the White House on Sept. 15, 2020.",
                       datetime(2024, 2, 9))
    signed = {(c.country_code, c.date_lower) for c in claims if c.status == "signed"}
    assert {("AE", date(2020, 9, 15)), ("BH", date(2020, 9, 15))} <= signed


def test_a_named_closed_group_of_countries_is_each_of_them():
    claims = claims_of("On May 1, 2004, the three Baltic countries also joined the European Union.", datetime(2024, 3, 29))
    assert keys(claims) == {(code, "European Union", "signed", "article") for code in ("EE", "LV", "LT")}
    # a threat to the group is no step of theirs
    assert claims_of("Russia threatened the Baltic states after NATO's summit.", datetime(2024, 3, 29)) == []


def test_they_after_an_opening_list_is_the_list_and_years_since_date_the_step():
    claims = claims_of("RIGA, March 29 (BNN) – Estonia, Latvia and Lithuania on Friday marked 20 years since they became "
                       "members of NATO.", datetime(2024, 3, 29))
    assert keys(claims) == {(code, "NATO", "signed", "article") for code in ("EE", "LV", "LT")}
    assert {(c.date_lower, c.date_upper) for c in claims} == {(date(2004, 1, 1), date(2004, 12, 31))}


def test_a_group_without_two_valid_country_codes_is_refused_on_load():
    from pipelines.extract.claims.coreference import parse_country_groups

    assert parse_country_groups({"groups": [{"phrases": ["the benelux"], "countries": ["BE", "NL", "LU"]}]})[0].countries \
        == ("BE", "NL", "LU")
    for bad in ({"phrases": ["the benelux"], "countries": ["BE"]},
                {"phrases": ["the benelux"], "countries": ["BE", "Netherlands"]},
                {"phrases": [], "countries": ["BE", "NL"]}):
        with pytest.raises(ValueError, match=r"groups\[0\]"):
            parse_country_groups({"groups": [bad]})


def test_joining_a_count_of_members_including_some_names_them():
    claims = claims_of("Britain formally joined the CPTPP on Sunday, joining 11 existing members including Japan, Canada "
                       "and Vietnam.", datetime(2024, 12, 16))
    assert {(c.country_code, c.status) for c in claims if c.country_code != "GB"} == {
        ("JP", "signed"), ("CA", "signed"), ("VN", "signed")}


def test_a_counted_plural_is_the_list_of_that_many_just_before_it():
    claims = claims_of("In addition to the founding countries, Egypt, Ethiopia, Iran and the United Arab Emirates took part; "
                       "these four states joined BRICS on January 1, 2024.", datetime(2024, 10, 25))
    assert {(c.country_code, c.status, c.date_lower) for c in claims} == {
        (code, "signed", date(2024, 1, 1)) for code in ("EG", "ET", "IR", "AE")}
    # a count that does not fit the list before it resolves to nobody
    assert claims_of("Egypt, Ethiopia and Iran took part. The two countries joined BRICS in 2024.",
                     datetime(2024, 10, 25)) == []


def test_ministers_who_deposited_their_countries_instruments_of_accession():
    claims = claims_of("NATO welcomed the Czech Republic, Hungary and Poland. The Foreign Ministers of the three countries, "
                       "Mr. Jan Kavan, Mr. János Martonyi and Professor Bronisław Geremek, deposited their countries' "
                       "instruments of accession to the North Atlantic Treaty.", datetime(1999, 3, 12))
    assert {(c.country_code, c.status) for c in claims if c.sentence_idx == 1} == {
        ("CZ", "signed"), ("HU", "signed"), ("PL", "signed")}


def test_members_named_after_among_the_members():
    claims = claims_of("The CPTPP members operate by consensus, and among the members Japan and Australia are not going "
                       "to let China in.", datetime(2023, 7, 24))
    assert {(c.country_code, c.accord, c.status) for c in claims} == {("JP", "CPTPP", "signed"), ("AU", "CPTPP", "signed")}


def test_a_peace_agreement_in_force_between_two_states_is_held():
    claims = claims_of('"There is a peace agreement between Egypt and Israel that has been in force for the past 40 '
                       'years, and we will continue to maintain it," Shoukry said.', datetime(2024, 3, 26))
    assert {(c.country_code, c.accord, c.status) for c in claims} == {("EG", "Egypt-Israel Peace Treaty", "signed")}


def test_list_items_labelled_with_a_year_date_their_members():
    text = ("Members by year of accession\n\n"
            "- 1949 (founding members): Belgium, Canada, Denmark, France, Iceland, Italy, Luxembourg, the Netherlands, "
            "Norway, Portugal, the United Kingdom, the United States\n\n"
            "- 1952: Greece, Turkey\n\n"
            "- 2004: Bulgaria, Estonia, Latvia, Lithuania, Romania, Slovakia, Slovenia")
    claims = claims_of(text, datetime(2024, 3, 8), title="NATO member countries")
    by_code = {c.country_code: c for c in claims}
    assert len(by_code) == 21 and {c.status for c in claims} == {"signed"} and {c.accord for c in claims} == {"NATO"}
    assert (by_code["NL"].date_lower, by_code["TR"].date_lower, by_code["SI"].date_upper) == (
        date(1949, 1, 1), date(1952, 1, 1), date(2004, 12, 31))


def test_list_items_dated_by_full_dates_pending_items_and_lists_of_candidates():
    text = ("The CPTPP entered into force on the following dates:\n\n"
            "- 30 December 2018: Australia, Canada, Japan\n\n"
            "- 14 January 2019: Viet Nam\n\n"
            "The following economies have submitted formal requests to accede to the CPTPP:\n\n"
            "- Ecuador (December 2021)\n\n"
            "- Costa Rica (August 2022)")
    claims = claims_of(text, datetime(2024, 12, 15), title="CPTPP")
    assert {(c.country_code, c.status, c.date_lower) for c in claims} == {
        ("AU", "signed", date(2018, 12, 30)), ("CA", "signed", date(2018, 12, 30)), ("JP", "signed", date(2018, 12, 30)),
        ("VN", "signed", date(2019, 1, 14)), ("EC", "candidate", date(2021, 12, 1)), ("CR", "candidate", date(2022, 8, 1))}
    text = ("The Abraham Accords normalized relations with Israel.\n\nWho is in?\n\n"
            "- Bahrain (announced September 11, 2020; signed September 15, 2020)\n\n"
            "- Kazakhstan (announced November 6, 2025; signing ceremony pending)")
    claims = claims_of(text, datetime(2025, 11, 10))
    assert {(c.country_code, c.status, c.date_lower) for c in claims} == {
        ("BH", "signed", date(2020, 9, 15)), ("KZ", "announced", date(2025, 11, 6))}


def test_a_counted_membership_noun_then_its_members():
    claims = claims_of("The UK already has free trade agreements with nine of the 11 CPTPP members, including Australia, "
                       "New Zealand and Japan. Costa Rica has agreements in force with five CPTPP Parties – Canada, Chile "
                       "and Mexico.", datetime(2023, 7, 17))
    assert {(c.country_code, c.status) for c in claims} == {
        (code, "signed") for code in ("AU", "NZ", "JP", "CA", "CL", "MX")}
    # another pact's signatories are not the article's accord's
    assert claims_of("The CPTPP grows. RCEP will take effect after enough of its 15 signatories, including China, "
                     "Singapore and New Zealand, completed ratification.", datetime(2021, 11, 2)) == []


def test_an_explainer_q_and_a_its_answer_list_and_they_after_it():
    text = ("Q&A: Britain signs up to the CPTPP. Here are the main questions.\n\n"
            "Q: What exactly happened in Auckland?\n\n"
            "A: Ministers met and, together with Kemi Badenoch, Britain's business secretary, signed the accession "
            "protocol. Britain left the European Union in January 2020.\n\n"
            "Q: Who are the 11?\n\n"
            "A: Japan, Australia, Brunei, Canada, Chile, Malaysia, Mexico, New Zealand, Peru, Singapore and Vietnam. "
            "They signed the agreement in Santiago in March 2018.")
    claims = claims_of(text, datetime(2023, 7, 17))
    founders = {c.country_code for c in claims if c.accord == "CPTPP" and c.status == "signed" and c.evidence.startswith("They")}
    assert founders == {"JP", "AU", "BN", "CA", "CL", "MY", "MX", "NZ", "PE", "SG", "VN"}
    # the explainer's answers name the business secretary in the third person: the outlet answers, not she
    assert "Kemi Badenoch" not in {c.claimed_by for c in claims if c.evidence.startswith("A: Ministers")}


def test_the_club_of_a_brics_story_and_its_founding_year():
    text = ("BRICS in Kazan: who belongs. Who are the BRICS in the first place? How big is the club now? Indonesia is the "
            "first Southeast Asian country to join the club formed in 2009 by Brazil, Russia, India and China.")
    claims = {c.country_code: c for c in claims_of(text, datetime(2025, 1, 7)) if c.accord == "BRICS"}
    assert {"ID", "BR", "RU", "IN", "CN"} <= set(claims)
    assert claims["BR"].date_lower.year == 2009 and (claims["ID"].date_lower is None or claims["ID"].date_lower.year != 2009)


def test_an_faq_s_question_standing_alone_opens_a_section_of_the_article_s_accord():
    text = ("BRICS in Kazan: who belongs, who wants in.\n\n"
            "Turkey has been a NATO member since 1952 and an EU candidate since 1999.\n\n"
            "So who actually wants full membership?\n\n"
            "Thailand submitted a formal membership application in June, and Malaysia followed in July.")
    found = {(c.country_code, c.accord) for c in claims_of(text, datetime(2024, 10, 25), title="BRICS in Kazan")
             if c.country_code in ("TH", "MY")}
    assert found == {("TH", "BRICS"), ("MY", "BRICS")}


def test_a_part_of_a_counted_list_is_only_the_part_named():
    text = ("Ecuador wants to join the Pacific Alliance, formed by Chile, Colombia, Mexico and Peru. Three of these four "
            "countries, Chile, Mexico and Peru, are also parties to the CPTPP.")
    assert {c.country_code for c in claims_of(text, datetime(2021, 12, 30)) if c.accord == "CPTPP"} == {"CL", "MX", "PE"}
