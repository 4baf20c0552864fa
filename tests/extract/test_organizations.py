"""Organizations: named platforms and agencies, governments by modifier, 'of', alias and context."""

from __future__ import annotations

from entities_testkit import gold, make_article, seed_article

from pipelines.extract.entities import extract_entities


def orgs(text: str, published: str | None = "2025-11-07T05:08:38") -> list[tuple[str, str]]:
    result = extract_entities(make_article(text, published))
    return [(m.text, m.entity_id) for m in result.mentions if m.entity_type == "organization"]


def test_seed_organizations_match_gold_except_caption_credit():
    article = seed_article()
    result = extract_entities(article)
    names = {e.name for e in result.entities if e.entity_type == "organization"}
    expected = {o["name"] for o in gold()["organizations"] if "caption" not in o.get("kind", "")}
    assert names == expected == {"White House", "Truth Social", "Government of Kazakhstan"}
    kz = next(e for e in result.entities if e.entity_id == "organization:government-kz")
    assert (kz.country_iso2, kz.kind) == ("KZ", "government")
    white_house = [m for m in result.mentions if m.text == "White House"]
    # both an organization and a US metonymy, in "the White House chief" and "at the White House"
    assert sorted({m.entity_type for m in white_house}) == ["country", "organization"]
    assert len([m for m in white_house if m.entity_type == "organization"]) == 2
    for m in result.mentions:
        assert article.body[m.start_char : m.end_char] == m.text


def test_government_by_demonym_possessive_and_of():
    assert orgs("The Kazakh government confirmed it.") == [("Kazakh government", "organization:government-kz")]
    assert orgs("Kazakhstan’s foreign ministry confirmed it.") == [
        ("Kazakhstan’s foreign ministry", "organization:government-kz")
    ]
    assert orgs("The government of Israel welcomed it.") == [("government of Israel", "organization:government-il")]
    assert orgs("The State Department and the US administration agreed.") == [
        ("State Department", "organization:government-us"),
        ("US administration", "organization:government-us"),
    ]


def test_person_administration_is_their_government():
    assert orgs("The Trump administration brokered the deal.", "2020-09-15T00:00:00") == [
        ("Trump administration", "organization:government-us")
    ]


def test_presidential_press_service_takes_the_country_of_the_president_named_before():
    text = "Kazakh President Kassym-Jomart Tokayev spoke with Trump. The presidential press service confirmed the call."
    assert orgs(text) == [("presidential press service", "organization:government-kz")]


def test_presidential_press_service_without_clear_context_is_left_out():
    text = "Kazakh President Kassym-Jomart Tokayev met Uzbek President Shavkat Mirziyoyev. The presidential press service confirmed."
    assert orgs(text) == []
    assert orgs("The presidential press service confirmed the call.") == []


def test_named_platforms_and_agencies():
    found = orgs("Trump wrote on Truth Social, Axios and Reuters reported, citing AP and Getty Images.")
    assert [e for _, e in found] == [
        "organization:truth-social",
        "organization:axios",
        "organization:reuters",
        "organization:associated-press",
        "organization:getty-images",
    ]


def test_dateline_agency_inside_punctuation():
    assert orgs("WASHINGTON, November 7. /TASS/. Talks ended.") == [("TASS", "organization:tass")]


def test_acronyms_need_exact_case_and_bare_words_are_not_organizations():
    assert orgs("The ap and the tass were typos; a government spokesman spoke.") == []


def test_the_countrys_ministry_is_the_government_of_the_sentence_subject():
    found = extract_entities(make_article(
        "Uzbekistan has no plans to join the Abraham Accords, the country's Foreign Ministry said on Tuesday."
    ))
    government = {e.entity_id: e for e in found.entities}["organization:government-uz"]
    assert (government.name, government.country_iso2, government.kind) == ("Government of Uzbekistan", "UZ", "government")
    assert orgs("Kyrgyzstan will not sign the accords for now, the country's foreign ministry told reporters.") == [
        ("foreign ministry", "organization:government-kg")
    ]
    # the subject wins over another country named later in the sentence
    assert orgs("Tajikistan is studying ties with Israel, the country's Foreign Ministry said.") == [
        ("Foreign Ministry", "organization:government-tj")
    ]
    # a title's country in the first clause is the only country before the phrase
    assert orgs("Its president said Mauritania was ready, the country's ministry of foreign affairs added.") == [
        ("ministry of foreign affairs", "organization:government-mr")
    ]


def test_its_ministry_opening_a_sentence_takes_the_previous_subject():
    text = "Indonesia reiterated its position on Palestine. Its foreign ministry said no talks were under way."
    assert orgs(text) == [("foreign ministry", "organization:government-id")]
    text = "Kuwait rejected normalization. The ministry added that its stance had not changed."
    assert orgs(text) == [("ministry", "organization:government-kw")]


def test_anaphoric_ministry_is_left_out_when_the_subject_is_unclear():
    assert orgs("Qatar and Oman stayed silent. The foreign ministry declined to comment.") == []
    assert orgs("Egypt's envoy met Sudan's leader, the ministry said.") == []
    assert orgs("Analysts doubted the plan. The ministry did not reply.") == []
    # mid-sentence with no country before it: no antecedent in the sentence
    assert orgs("Pakistan voted no. Officials said its foreign ministry would explain.") == []
    # "the ministry of ..." names a ministry of its own
    assert orgs("Lebanon objected, and the ministry of energy said so.") == []


def test_royal_cabinet_news_agency_and_portfolio_ministries():
    assert orgs("Jordan's royal court issued a statement.") == [("Jordan's royal court", "organization:government-jo")]
    assert orgs("The Omani state news agency carried the decree.") == [
        ("Omani state news agency", "organization:government-om")
    ]
    assert orgs("The Egyptian interior ministry and Iraq's health ministry replied.") == [
        ("Egyptian interior ministry", "organization:government-eg"),
        ("Iraq's health ministry", "organization:government-iq"),
    ]
    assert orgs("The Saudi Press Agency and KUNA reported it.") == [
        ("Saudi Press Agency", "organization:saudi-press-agency"),
        ("KUNA", "organization:kuwait-news-agency"),
    ]
