"""People and roles: titles, appositions, plural titles, short forms, descriptors, dictionary by date."""

from __future__ import annotations

from entities_testkit import gold, make_article, seed_article

from pipelines.extract.entities import extract_entities


def people(text: str, published: str | None = "2025-11-07T05:08:38"):
    result = extract_entities(make_article(text, published))
    persons = [m for m in result.mentions if m.entity_type == "person"]
    return result, persons


def roles(result) -> set[tuple[str, str, str | None, str]]:
    return {(r.person_id, r.role, r.country_iso2, r.source) for r in result.person_roles}


def test_seed_people_and_roles_match_gold():
    article = seed_article()
    result = extract_entities(article)
    expected = {
        (f"person:{p['name'].lower().replace(' ', '-')}", p["role"], p["country"])
        for p in gold()["people"]
        if p["role"] != "author"  # the author's name lives only in the removed byline
    }
    text_roles = {(r.person_id, r.role, r.country_iso2) for r in result.person_roles if r.source == "text"}
    assert text_roles == expected
    persons = {e.entity_id for e in result.entities if e.entity_type == "person"}
    assert persons == {pid for pid, _, _ in expected}
    for r in result.person_roles:
        assert article.body[r.start_char : r.end_char].endswith(
            {"person:donald-trump": "Donald Trump", "person:benjamin-netanyahu": "Benjamin Netanyahu",
             "person:kassym-jomart-tokayev": "Kassym-Jomart Tokayev", "person:marco-rubio": "Marco Rubio",
             "person:steve-witkoff": "Steve Witkoff"}[r.person_id]
        )
    by_text = {(m.text, m.entity_id) for m in result.mentions if m.entity_type == "person"}
    assert ("Tokayev", "person:kassym-jomart-tokayev") in by_text
    assert ("the White House chief", "person:donald-trump") in by_text
    assert ("the US president", "person:donald-trump") in by_text


def test_title_with_country_modifier_creates_unknown_people():
    result, persons = people("Omani Foreign Minister Badr Albusaidi met Kazakhstan's Prime Minister Alikhan Smailov.")
    assert ("person:badr-albusaidi", "Foreign Minister", "OM", "text") in roles(result)
    assert ("person:alikhan-smailov", "Prime Minister", "KZ", "text") in roles(result)
    assert [m.text for m in persons] == ["Badr Albusaidi", "Alikhan Smailov"]


def test_plural_title_with_coordinated_names():
    result, _ = people("Prime Ministers Benjamin Netanyahu and Abdalla Hamdok spoke by phone.", "2020-10-24T10:00:00")
    assert ("person:benjamin-netanyahu", "Prime Minister", "IL", "text") in roles(result)
    assert ("person:abdalla-hamdok", "Prime Minister", "SD", "text") in roles(result)


def test_apposition_both_ways():
    result, _ = people("Biden's national security adviser, Jake Sullivan, flew to Riyadh.", "2023-05-01T00:00:00")
    assert ("person:jake-sullivan", "National Security Adviser", "US", "text") in roles(result)
    result, _ = people("Yousef Al Otaiba, the Emirati ambassador, wrote an op-ed.", "2020-06-12T00:00:00")
    assert ("person:yousef-al-otaiba", "Ambassador", "AE", "text") in roles(result)


def test_short_form_merges_with_full_name():
    result, persons = people("Azerbaijani President Ilham Aliyev spoke. Later Aliyev said more.")
    assert [m.entity_id for m in persons] == ["person:ilham-aliyev", "person:ilham-aliyev"]
    result, persons = people("Finance Minister Jane Q Doe arrived. Doe said the talks went well.")
    assert [(m.text, m.entity_id) for m in persons] == [("Jane Q Doe", "person:jane-q-doe"), ("Doe", "person:jane-q-doe")]


def test_dictionary_role_depends_on_publication_year():
    result_2025, _ = people("Trump said more countries would join.", "2025-11-07T00:00:00")
    assert roles(result_2025) == {("person:donald-trump", "President", "US", "dictionary")}
    result_2020, _ = people("Trump said more countries would join.", "2020-09-15T00:00:00")
    assert roles(result_2020) == {("person:donald-trump", "President", "US", "dictionary")}
    result_2022, persons = people("Trump said more countries would join.", "2022-06-01T00:00:00")
    assert roles(result_2022) == set()
    assert [m.entity_id for m in persons] == ["person:donald-trump"]
    result_undated, _ = people("Trump said more countries would join.", None)
    assert roles(result_undated) == set()


def test_descriptor_resolves_by_date_when_article_names_nobody():
    _, persons = people("The US president welcomed the deal.", "2022-06-01T00:00:00")
    assert [(m.text, m.entity_id, m.method) for m in persons] == [("The US president", "person:joe-biden", "descriptor")]
    _, persons = people("The US president welcomed the deal.", "2025-06-01T00:00:00")
    assert [m.entity_id for m in persons] == ["person:donald-trump"]
    _, persons = people("The US president welcomed the deal.", None)
    assert persons == []


def test_a_country_s_leader_is_its_one_head_of_state_or_government():
    _, persons = people("The Turkish leader told journalists that Ankara wanted full membership.", "2024-07-05T00:00:00")
    assert [m.entity_id for m in persons] == ["person:recep-tayyip-erdogan"]
    # a president and a prime minister both in office: "the Israeli leader" could be either, so it is nobody
    _, persons = people("The Israeli leader spoke on Monday.", "2024-07-05T00:00:00")
    assert persons == []


def test_descriptor_prefers_person_named_in_article():
    _, persons = people(
        "Kazakh President Kassym-Jomart Tokayev spoke. The Kazakh president also thanked Israel.",
        "2025-11-07T00:00:00",
    )
    assert [m.entity_id for m in persons] == ["person:kassym-jomart-tokayev", "person:kassym-jomart-tokayev"]


def test_vague_president_is_not_resolved():
    _, persons = people("The President will decide later.", "2025-11-07T00:00:00")
    assert persons == []


def test_person_named_like_a_country_is_not_the_country():
    result, persons = people("Foreign Minister Israel Katz met his counterpart.", "2024-03-01T00:00:00")
    assert [m.entity_id for m in result.mentions] == ["person:israel-katz"]
    assert ("person:israel-katz", "Foreign Minister", "IL", "text") in roles(result)


def test_all_caps_headline_only_knows_dictionary_people():
    result, persons = people("US PRESIDENT TRUMP SAYS KAZAKHSTAN JOINS ACCORDS", "2025-11-07T00:00:00")
    assert [m.entity_id for m in persons] == ["person:donald-trump"]
    assert ("person:donald-trump", "President", "US", "text") in roles(result)


def test_short_form_in_a_sentence_without_any_dictionary_cue():
    # The second sentence names no country, title or known person: the prefilter does not
    # tokenize it, yet the surname of the minister named earlier is still his mention.
    text = "Kazakh Foreign Minister Yerlan Karin spoke on Monday. Later that day Karin added more."
    result, persons = people(text)
    karin = [m for m in persons if m.text == "Karin"]
    assert len(karin) == 1
    assert karin[0].entity_id == "person:yerlan-karin"
    assert text[karin[0].start_char : karin[0].end_char] == "Karin"
    assert karin[0].start_char == text.index("Karin added")


def test_chad_and_jordan_as_first_names_after_a_title_are_people_not_countries():
    text = "US envoy Jordan Hale said talks would resume. Hale later met Jordan's king."
    result, persons = people(text)
    assert ("person:jordan-hale", "Special Envoy", "US", "text") in roles(result)
    assert [m.text for m in persons] == ["Jordan Hale", "Hale"]
    countries = [(m.text, m.start_char) for m in result.mentions if m.entity_type == "country"]
    assert countries == [("US", 0), ("Jordan", text.index("Jordan's"))]  # only "Jordan's king"
    result, persons = people("Senior adviser Chad Moreno flew to Chad on Friday.")
    assert [m.text for m in persons] == ["Chad Moreno"]
    assert [m.entity_id for m in result.mentions if m.entity_type == "country"] == ["country:TD"]
