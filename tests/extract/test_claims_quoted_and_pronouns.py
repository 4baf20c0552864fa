"""Who speaks when a wire quotes someone ("the agency quoted the minister as saying ..."), and "it" opening a
subordinate clause as the country the sentence opened with ("Britain has struggled since it left the EU").
Sentences written for these tests (outlets and years other than the seed's); each expected value is read off the
sentence itself."""

from __future__ import annotations

from datetime import date, datetime

from tests.extract.claims_testkit import claims_of, keys

JUNE_2024 = datetime(2024, 6, 1, 9, 0)


def test_the_person_a_wire_quotes_speaks_not_the_wire():
    claims = claims_of("Interfax quoted Sergei Lavrov as saying that Belarus would become a full member of the "
                       "Shanghai Cooperation Organisation.", JUNE_2024)
    assert keys(claims) == {("BY", "Shanghai Cooperation Organisation", "announced", "Sergey Lavrov")}  # (the actor dictionary's spelling)
    claims = claims_of("The state news agency quoted Foreign Minister Ahmed Ali as saying Oman had no plans to join the "
                       "Abraham Accords.", JUNE_2024)
    assert {(c.country_code, c.status, c.claimed_by) for c in claims} == {("OM", "declined", "Ahmed Ali")}


def test_a_person_quoted_in_the_passive_speaks():
    claims = claims_of("Saudi Foreign Minister Prince Faisal bin Farhan was quoted by the paper as saying the kingdom "
                       "would not join the Abraham Accords without a Palestinian state.", JUNE_2024)
    assert [(c.country_code, c.status) for c in claims] == [("SA", "declined")]
    assert "Faisal" in claims[0].claimed_by


def test_unnamed_sources_a_paper_quotes_are_anonymous():
    claims = claims_of("The daily Al-Rai quoted government sources as saying that Kuwait would be the last country to "
                       "normalize relations with Israel.", datetime(2020, 8, 20))
    assert keys(claims) == {("KW", "Abraham Accords", "declined", "anonymous sources")}


def test_it_after_a_subordinator_is_the_country_the_sentence_opened_with():
    claims = claims_of("Britain has struggled to strike trade deals since it left the European Union in 2020.",
                       JUNE_2024)
    assert [(c.country_code, c.accord, c.status, c.claimed_by, c.date_lower) for c in claims] == [
        ("GB", "European Union", "withdrawn", "article", date(2020, 1, 1))]
    claims = claims_of("Finland applied in May 2022, and it joined NATO in April 2023.", JUNE_2024)
    assert ("FI", "NATO", "signed", date(2023, 4, 1)) in {(c.country_code, c.accord, c.status, c.date_lower)
                                                           for c in claims}


def test_it_is_no_country_when_another_was_named_first_or_it_is_the_counterparty():
    # two countries before "it": which one left is not said
    assert [c for c in claims_of("Britain and Norway have argued about fishing since it left the European Union.",
                                 JUNE_2024) if c.status == "withdrawn"] == []
    # the counterparty of the accord is no joiner
    assert claims_of("Israel has deepened its ties with the Gulf since it signed the Abraham Accords in 2020.",
                     JUNE_2024) == []


def test_he_is_the_person_who_opens_the_sentence_before():
    claims = claims_of("Donald Trump said the Abraham Accords would grow. Syrian President Ahmed al-Sharaa met Donald Trump "
                       "at the White House on Monday. He said Syria was not ready to join the Abraham Accords.",
                       datetime(2025, 11, 11))
    assert ("SY", "Abraham Accords", "declined", "Ahmed al-Sharaa") in keys(claims)


def test_it_opening_a_sentence_with_a_step_is_the_country_that_opened_the_sentence_before():
    claims = claims_of("Finland has long stayed out of military alliances. It joined the European Union in 1995, at the "
                       "same time as Sweden.", datetime(2022, 5, 12))
    assert {(c.country_code, c.accord, c.status) for c in claims} == {
        ("FI", "European Union", "signed"), ("SE", "European Union", "signed")}
    # an accord opening the sentence before is no country
    claims = claims_of("Bahrain's envoy spoke first. The Abraham Accords were signed in 2020. It became a member of "
                       "nothing else.", datetime(2022, 5, 12))
    assert [c for c in claims if c.sentence_idx == 2] == []


def test_a_regional_description_is_the_last_country_of_that_region():
    # "the Nordic country", "the Southeast Asian nation", "the Central American country", "the West African country":
    # each is the last country named before it from its region, never one from elsewhere
    text = ("Hungary's parliament ratified the protocol on Monday, clearing the way for Sweden. "
            "The Nordic country formally joined NATO on Thursday.")
    assert {(c.country_code, c.status) for c in claims_of(text, datetime(2024, 3, 9))} >= {("SE", "signed")}
    assert "HU" not in {c.country_code for c in claims_of(text, datetime(2024, 3, 9))}
    text = ("Brazil, which holds the BRICS presidency, welcomed Indonesia's decision on Monday. "
            "The Southeast Asian nation became a full member of BRICS in January.")
    assert ("ID", "BRICS", "signed") in {(c.country_code, c.accord, c.status) for c in claims_of(text, datetime(2025, 2, 1))}
    assert "BR" not in {c.country_code for c in claims_of(text, datetime(2025, 2, 1))
                        if c.status == "signed" and c.evidence.startswith("The Southeast")}


def test_he_after_a_quotation_is_the_person_who_opened_the_sentence_before_the_quotation():
    text = ("Trump announced his intention to pull out in June 2017. "
            "Minister of Housing, Urban Renewal and Climate Change Pearnel Charles welcomed the development. "
            '"Jamaica has been a party to the Paris Agreement since 2017. We expect our partners to raise their '
            'ambition too," he said.')
    assert {c.claimed_by for c in claims_of(text, datetime(2021, 2, 20)) if c.country_code == "JM"} == {"Pearnel Charles"}
    # a quotation's own first person is no subject: "he" stays the one who wrote it
    text = ('"I just had a great call with Benjamin Netanyahu of Israel," Trump wrote on Truth Social. '
            '"Kazakhstan is the first Country of my Second Term to join the Abraham Accords." He added that a signing '
            "ceremony would be announced soon.")
    assert {c.claimed_by for c in claims_of(text, datetime(2025, 11, 7)) if c.country_code == "KZ"} == {"Donald Trump"}


def test_he_after_a_quotation_is_its_speaker_even_one_the_article_names_only_there():
    text = ("Berik Uali, the president's press secretary, said Astana would not accept partner status. "
            '"Astana gains nothing from joining a new club," Aidos Sarsenbayev told reporters. "It does not need one more '
            'label." He noted that Kazakhstan has been a member of the Shanghai Cooperation Organisation since 2001.')
    assert {c.claimed_by for c in claims_of(text, datetime(2024, 10, 30)) if c.country_code == "KZ"} == {"Aidos Sarsenbayev"}
