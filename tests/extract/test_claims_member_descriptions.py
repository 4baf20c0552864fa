"""Memberships described rather than reported: an accord defined by its members ("BRICS, which groups Brazil,
Russia, ..."), a country named with its membership ("NATO member Turkey") and a plural joining ("became members").
Each is the outlet's statement that the country belongs; a date in the sentence bounds it, never dates a joining.
The expected values are read off the sentences."""

from __future__ import annotations

from datetime import date, datetime

from tests.extract.claims_testkit import claims_of

PUBLISHED = datetime(2024, 10, 20, 9, 0)


def _claims(text: str):
    return {(c.country_code, c.accord, c.status, c.claimed_by, c.date_lower, c.date_upper)
            for c in claims_of(text, published=PUBLISHED)}


def _members(text: str, accord: str) -> set[str]:
    return {code for code, acc, status, by, lower, upper in _claims(text) if acc == accord and status == "signed"}


def test_an_accord_defined_by_a_relative_clause_lists_its_members_before_publication():
    claims = _claims("BRICS, which groups Brazil, Russia, India, China and South Africa, will hold its summit in Kazan.")
    assert claims == {(code, "BRICS", "signed", "article", None, date(2024, 10, 20))
                      for code in ("BR", "RU", "IN", "CN", "ZA")}


def test_a_participle_definition_is_bounded_by_the_day_of_the_sentence_not_dated_on_it():
    claims = _claims("The five-nation BRICS group comprising Brazil, Russia, India, China and South Africa met on Tuesday.")
    # Tuesday before Sunday 20 October 2024 is the 15th: members by then, joined whenever
    assert claims == {(code, "BRICS", "signed", "article", None, date(2024, 10, 15))
                      for code in ("BR", "RU", "IN", "CN", "ZA")}


def test_a_lower_case_pact_and_a_count_of_current_members():
    assert _members("The pact, which groups Australia, Japan and Vietnam, is known as the CPTPP.", "CPTPP") == {
        "AU", "JP", "VN"}
    assert _members("The 11 current members of CPTPP are Australia, Brunei, Canada, Chile, Japan, Malaysia, Mexico, "
                    "New Zealand, Peru, Singapore and Vietnam.", "CPTPP") == {
        "AU", "BN", "CA", "CL", "JP", "MY", "MX", "NZ", "PE", "SG", "VN"}


def test_a_country_named_with_its_membership():
    assert _members("Fellow NATO member Turkey objected to the plan.", "NATO") == {"TR"}
    assert _members("EU member states Hungary and Slovakia held out.", "European Union") == {"HU", "SK"}
    assert _members("Britain has trade deals with all but two CPTPP members, Brunei and Malaysia.", "CPTPP") == {
        "BN", "MY"}


def test_no_membership_for_a_non_would_be_or_former_member():
    for text in ("Non-NATO member Sweden took part in the exercise.",
                 "Would-be NATO member Ukraine was not invited to the dinner.",
                 "Former EU member Britain signed the deal on fisheries."):
        assert _claims(text) == set(), text


def test_a_group_that_is_not_one_of_the_accords_claims_nothing():
    assert _claims("The I2U2 group, which brings together India, Israel, the UAE and the United States, met in "
                   "Abu Dhabi.") == set()


def test_a_description_inside_a_speakers_sentence_is_the_outlets_but_a_quoted_one_is_the_speakers():
    said = _claims("Moldovan President Maia Sandu said the decision was a strong signal for her country, wedged "
                   "between Ukraine and EU member Romania.")
    assert ("RO", "European Union", "signed", "article") in {c[:4] for c in said}
    assert not any(c[0] == "RO" and c[3] != "article" for c in said)
    quoted = _claims('"Our fellow NATO member Turkey must now ratify," Jens Stoltenberg said on Friday.')
    assert {c[:4] for c in quoted} == {("TR", "NATO", "signed", "Jens Stoltenberg")}


def test_a_plural_joining_and_a_promise_of_one_day():
    assert _claims("BRICS expanded last year, when Egypt, Ethiopia and Iran became members on January 1, 2024.") == {
        (code, "BRICS", "signed", "article", date(2024, 1, 1), date(2024, 1, 1)) for code in ("EG", "ET", "IR")}
    promised = _claims("The EU promised in 2022 that Ukraine and Moldova would one day become members.")
    assert {c[:3] for c in promised} == {("UA", "European Union", "candidate"), ("MD", "European Union", "candidate")}


def test_the_agreements_brokered_between_israel_and_its_partners():
    claims = _claims("The Abraham Accords, the normalization agreements brokered between Israel and the United Arab "
                     "Emirates, Bahrain and Morocco, are five years old.")
    assert {c[:4] for c in claims} == {(code, "Abraham Accords", "signed", "article") for code in ("AE", "BH", "MA")}


def test_a_description_ignores_the_hedges_of_its_sentence_and_is_never_dated_after_publication():
    claims = _claims("Their hopes of a breakthrough this week were dashed after EU member Bulgaria kept its veto.")
    assert claims == {("BG", "European Union", "signed", "article", None, date(2024, 10, 20))}


def test_a_description_of_a_body_outside_the_registry_claims_nothing():
    assert _claims("China signed the RCEP with 14 countries, including the 10 ASEAN members, Japan, South Korea and "
                   "Australia, and has applied to join the CPTPP.") == set()


def test_an_accord_that_links_or_comprises_its_members_in_a_main_clause():
    assert _members("The pact currently links Australia, Brunei, Canada and Vietnam in the CPTPP.", "CPTPP") == {
        "AU", "BN", "CA", "VN"}
    assert _members("The bloc currently comprises Brazil, Russia, India, China and South Africa, BRICS officials "
                    "said.", "BRICS") == {"BR", "RU", "IN", "CN", "ZA"}


def test_members_who_joined_together_and_members_who_joined_as_full_members():
    assert _claims("Estonia, which joined NATO together with Latvia and Lithuania in 2004, ratified quickly.") == {
        (code, "NATO", "signed", "article", date(2004, 1, 1), date(2004, 12, 31)) for code in ("EE", "LV", "LT")}
    text = "BRICS expanded again. Egypt, Ethiopia and Iran joined as full members in January this year."
    assert {c[:3] for c in _claims(text)} == {(code, "BRICS", "signed") for code in ("EG", "ET", "IR")}


def test_a_countrys_description_with_an_accord_does_not_change_what_the_article_is_about():
    text = ("Leaders gathered in Kazan for the BRICS summit. Turkey, a NATO member, made its interest official in "
            "September. Indonesia's foreign minister said the bloc's expansion was welcome. Jakarta wants to join "
            "as a full member.")
    assert ("ID", "BRICS", "candidate") in {c[:3] for c in _claims(text)}
    assert not any(c[0] == "ID" and c[1] == "NATO" for c in _claims(text))


def test_an_accord_that_has_n_members_listed_after_a_colon():
    assert _members("With the accession of Belarus, the SCO now has 10 member states: China, India, Iran, Kazakhstan, "
                    "Kyrgyzstan, Pakistan, Russia, Tajikistan, Uzbekistan and Belarus.",
                    "Shanghai Cooperation Organisation") == {
        "CN", "IN", "IR", "KZ", "KG", "PK", "RU", "TJ", "UZ", "BY"}
    assert _members("CPTPP is a free trade agreement between 11 countries: Australia, Brunei, Canada and Chile, among "
                    "others.", "CPTPP") == {"AU", "BN", "CA", "CL"}
    # a count ahead lists old and new members alike
    assert _claims("With Belarus, the SCO will have ten members: China, India, Iran and Belarus.") == set()


def test_a_counted_membership_with_a_colon_and_an_as_well_as_list():
    text = ("Since 1 January, BRICS includes nine states: Brazil, Russia, India, China and South Africa, as well as "
            "Egypt, Ethiopia, Iran and the United Arab Emirates.")
    found = {(c.country_code, c.status) for c in claims_of(text, datetime(2024, 10, 23)) if c.accord == "BRICS"}
    assert found == {(code, "signed") for code in ("BR", "RU", "IN", "CN", "ZA", "EG", "ET", "IR", "AE")}
    text = ("The CPTPP entered into force in 2018 and unites 11 economies of the Asia-Pacific region: Australia, Brunei, "
            "Canada, Chile, Japan, Malaysia, Mexico, New Zealand, Peru, Singapore and Vietnam.")
    assert len({c.country_code for c in claims_of(text, datetime(2024, 11, 29)) if c.status == "signed"}) == 11
