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
