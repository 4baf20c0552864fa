"""Country mentions: names, aliases, demonyms, metonymy vs place, non-ISO states, false hits."""

from __future__ import annotations

import pytest
from entities_testkit import edited_dictionaries, gold, make_article, seed_article

from pipelines.extract import gazetteer
from pipelines.extract.countries import (
    all_country_entities,
    country_code_set,
    find_country_mentions,
    limited_recognition_codes,
)


def codes(text: str) -> list[str]:
    """Country codes mentioned in ``text``, in order."""
    return [m.entity_id.split(":")[1] for m in find_country_mentions(make_article(text))]


def mentions(text: str):
    return find_country_mentions(make_article(text))


def test_seed_yields_exactly_the_gold_countries():
    article = seed_article()
    found = find_country_mentions(article)
    assert {m.entity_id.split(":")[1] for m in found} == set(gold()["countries_mentioned"])
    for m in found:
        assert article.body[m.start_char : m.end_char] == m.text
    by_text = {(m.text, m.entity_id, m.method) for m in found}
    assert ("Kazakh", "country:KZ", "demonym") in by_text
    assert ("Israeli", "country:IL", "demonym") in by_text
    assert ("White House", "country:US", "metonymy") in by_text
    assert ("Washington", "country:US", "metonymy") in by_text


def test_offsets_and_sentence_index():
    article = make_article("Talks went on. Kazakhstan's envoy met Israel’s delegation.")
    found = find_country_mentions(article)
    assert [(m.text, m.sentence_idx) for m in found] == [("Kazakhstan", 1), ("Israel", 1)]
    assert all(article.body[m.start_char : m.end_char] == m.text for m in found)


def test_aliases_and_abbreviations():
    assert codes("The UAE and the U.S. welcomed the deal, as did the UK.") == ["AE", "US", "GB"]
    assert codes("Britain, South Korea and North Korea reacted.") == ["GB", "KR", "KP"]
    assert codes("Ivory Coast and Türkiye, also spelled Turkiye or Turkey, joined.") == ["CI", "TR", "TR", "TR"]
    assert codes("Russia, Iran and Syria objected.") == ["RU", "IR", "SY"]


def test_demonyms_and_plurals():
    assert codes("Emirati and Saudi officials met Kazakhstani and Israeli diplomats.") == ["AE", "SA", "KZ", "IL"]
    assert codes("Israelis and Emiratis celebrated.") == ["IL", "AE"]


def test_hyphenated_compounds():
    assert codes("The U.S.-brokered deal and the US-brokered talks.") == ["US", "US"]
    assert codes("The Israel-UAE agreement.") == ["IL", "AE"]


def test_capital_metonymy_versus_place():
    found = mentions("Washington seeks influence. Beijing said it was watching.")
    assert [(m.text, m.entity_id, m.is_metonymy, m.method) for m in found] == [
        ("Washington", "country:US", True, "metonymy"),
        ("Beijing", "country:CN", True, "metonymy"),
    ]
    assert codes("The delegation landed in Rabat on Monday.") == []
    assert codes("He flew from Astana to Moscow after a visit to Rabat.") == []
    assert codes("The signing took place in Washington, D.C.") == []
    assert codes("Officials arrived at Abu Dhabi airport.") == []


def test_a_newspaper_named_after_its_capital_is_no_state():
    assert codes("HAVANA TIMES – Syria told the conference it will sign.") == ["SY"]
    assert codes("The Jakarta Post and the Kyiv Independent reported it; Havana Times too.") == []


def test_the_accords_named_after_oslo_are_no_norwegian_mention():
    assert codes("The first Oslo Accord was signed in 1993; the second agreement, known as Oslo II, in 1995.") == []
    assert codes("Oslo said it would host the talks.") == ["NO"]


def test_seats_of_government_always_stand_for_the_state():
    found = mentions("A ceremony at the White House followed; the Kremlin stayed silent.")
    assert [(m.text, m.entity_id, m.is_metonymy) for m in found] == [
        ("White House", "country:US", True),
        ("Kremlin", "country:RU", True),
    ]


def test_dateline_is_a_place():
    assert codes("WASHINGTON, November 7. /TASS/. The talks ended.") == []


def test_non_iso_states_keep_their_own_ids():
    assert codes("Somaliland said it would join.") == ["XS"]
    assert codes("Somalia rejected the move by Somaliland.") == ["SO", "XS"]
    assert codes("Kosovo and Serbia signed.") == ["XK", "RS"]
    assert codes("Northern Cyprus is not Cyprus.") == ["XN", "CY"]
    entities = {e.entity_id: e for e in all_country_entities()}
    assert entities["country:XS"].is_iso is False and entities["country:XS"].name == "Somaliland"
    assert entities["country:KZ"].iso3 == "KAZ" and entities["country:KZ"].is_iso is True
    assert {"XK", "XS", "KZ", "PS", "TW", "EH"} <= country_code_set()
    assert {"PS", "TW", "EH", "XK", "XS"} <= set(limited_recognition_codes())
    assert len([e for e in entities.values() if e.is_iso]) == 249


def test_disputed_iso_states():
    assert codes("Palestine, Taiwan and Western Sahara were mentioned.") == ["PS", "TW", "EH"]
    assert codes("Palestinian and Taiwanese officials.") == ["PS", "TW"]


def test_possessives_and_curly_apostrophes():
    assert codes("Kazakhstan's decision and Israel’s response.") == ["KZ", "IL"]
    assert codes("Côte d’Ivoire and Cote d'Ivoire.") == ["CI", "CI"]


def test_all_caps_headline():
    assert codes("KAZAKHSTAN JOINS ABRAHAM ACCORDS") == ["KZ"]
    assert codes("TRUMP SAYS US WILL HOST CEREMONY") == []  # "US" in caps is ambiguous with the pronoun
    assert codes("THE US WELCOMES KAZAKHSTAN'S DECISION") == ["US", "KZ"]
    assert codes("US PRESIDENT HAILS DEAL") == ["US"]
    assert codes("LET US BUILD BRIDGES, SAYS TOKAYEV") == []


def test_pronoun_and_lowercase_words_are_not_countries():
    assert codes("He told us about the turkey dinner and the chad ballots.") == []


def test_person_names_are_not_countries():
    assert codes("Michael Jordan and Chad Smith watched.") == []
    assert codes("Israel and Jordan signed; Jordan's king spoke.") == ["IL", "JO", "JO"]
    assert codes("George Washington crossed the river.") == []


def test_longest_match_and_blockers():
    assert codes("Papua New Guinea and Equatorial Guinea voted.") == ["PG", "GQ"]
    assert codes("Voters in New Mexico and the Indian Ocean islands.") == []
    assert codes("Latin American leaders met.") == []
    assert codes("She writes for the Washington Post.") == []
    assert codes("The Paris Agreement was signed by France.") == ["FR"]
    assert codes("South Sudan and Sudan talked.") == ["SS", "SD"]
    assert codes("Niger and Nigeria.") == ["NE", "NG"]


def test_georgia_needs_caucasus_context():
    assert codes("Georgia's governor and voters in Atlanta, Georgia.") == []
    assert codes("Georgia, whose capital Tbilisi hosted talks, is in the Caucasus.") == ["GE"]


def test_bad_dictionary_is_rejected_with_a_clear_error(tmp_path, monkeypatch):
    with edited_dictionaries(tmp_path, monkeypatch, "country_aliases.csv", lambda text: text + "QQ,Atlantis,title,\n"):
        with pytest.raises(gazetteer.DictionaryError, match="country_aliases.csv:.*unknown country code 'QQ'"):
            gazetteer.load_country_lexicon()


def test_every_iso_country_has_a_demonym_row():
    rows = gazetteer.read_csv("demonyms.csv", ("code", "demonyms"))
    assert {r["code"] for r in rows} == gazetteer.iso_codes()


def test_parts_and_territories_around_jerusalem_are_not_israel():
    assert codes("Families were evicted from homes in East Jerusalem last year.") == []
    assert codes("Clashes broke out near the Old City; East Jerusalem residents protested.") == []
    assert codes("Aid reached the Gaza Strip while raids continued across the West Bank.") == []
    assert codes("Tourists flocked to West Jerusalem cafes.") == []


def test_jerusalem_is_israel_only_as_metonymy():
    found = mentions("Jerusalem has rejected the proposal outright.")
    assert [(m.text, m.entity_id, m.is_metonymy) for m in found] == [("Jerusalem", "country:IL", True)]
    assert codes("The summit was held in Jerusalem in March.") == []
    assert codes("Several states moved their embassies to Jerusalem.") == []
    assert codes("Washington recognised Jerusalem as the capital of Israel.") == ["US", "IL"]
    assert codes("Jerusalem's holy sites stayed closed during the festival.") == []


def test_datelines_at_the_start_are_places():
    assert codes("MANAMA: Bahrain's cabinet met on Monday.") == ["BH"]
    assert codes("Manama: Bahrain's cabinet met on Monday.") == ["BH"]
    assert codes("RABAT (Reuters) - Morocco said talks went well.") == ["MA"]
    assert codes("Rabat (AFP) - Morocco said talks went well.") == ["MA"]
    assert codes("ABU DHABI, March 3 (WAM) -- The UAE signed a trade pact.") == ["AE"]
    assert codes("CAIRO \u2014 Egypt hosted the talks.") == ["EG"]
    # not a dateline: the capital speaks, mid-text or as a sentence subject
    assert codes("Officials met. Cairo, however, said it had doubts.") == ["EG"]


def test_congo_alone_needs_the_article_to_settle_which_congo():
    assert codes("The Congolese army fought rebels. Congo said it would talk.") == []
    assert codes("Talks on the Democratic Republic of Congo ended. Congo's foreign minister spoke; Congolese troops left.") == [
        "CD", "CD", "CD"
    ]
    assert codes("Brazzaville hosted the summit, where Congo signed the deal.") == ["CG", "CG"]
    # both Congos named: "Congo" stays unresolved
    assert codes("DR Congo and the Republic of Congo met; Congo then left.") == ["CD", "CG"]


def test_korea_alone_is_never_a_country():
    assert codes("Korea and Korean firms were named.") == []
    assert codes("The Republic of Korea and North Korea.") == ["KR", "KP"]
    assert codes("South Korean and North Korean envoys met; the Koreas talked.") == ["KR", "KP"]


def test_jordan_valley_and_river_are_not_jordan():
    assert codes("Settlements in the Jordan Valley and water from the Jordan River.") == []
    assert codes("Farmers along the River Jordan complained.") == []


def test_dominican_is_the_dominican_republic_only_when_the_article_says_so():
    assert codes("Dominican officials welcomed the move.") == []
    assert codes("The Dominican Republic voted; Dominican diplomats cheered.") == ["DO", "DO"]
    assert codes("Dominica voted yes, and Dominican officials cheered.") == ["DM"]
    assert codes("Santo Domingo signed, Dominican diplomats said.") == ["DO", "DO"]


def test_georgia_without_caucasus_cue_is_the_us_state():
    assert codes("Georgia certified its election results, officials in Atlanta said.") == []
    assert codes("Georgia, bordering Armenia, signed.") == ["GE", "AM"]


def test_chad_and_jordan_as_first_names_or_before_titles():
    assert codes("Chad Daniels and Jordan Hale wrote the report.") == []
    assert codes("Jordan Foreign Minister Ayman Safadi and Chad President Mahamat Deby spoke.") == ["JO", "TD"]
    assert codes("Chad, Niger and Jordan abstained.") == ["TD", "NE", "JO"]


def test_context_resolved_surface_also_listed_elsewhere_is_rejected(tmp_path, monkeypatch):
    with edited_dictionaries(tmp_path, monkeypatch, "country_aliases.csv", lambda text: text + "CD,Congo,title,\n"):
        with pytest.raises(gazetteer.DictionaryError, match="Congo.*ambiguous or context_resolved"):
            gazetteer.load_country_lexicon()


def test_a_title_in_lower_case_leaves_the_name_inside_it():
    from pipelines.extract.entities import extract_entities
    from pipelines.extract.text_article import article_from_text

    for text in ("The kingdom of Morocco signed the declaration.", "The North African kingdom of Morocco signed it."):
        mentions = extract_entities(article_from_text(text)).mentions
        assert [(m.text, m.entity_id) for m in mentions if m.entity_type == "country"] == [("Morocco", "country:MA")]
    # in capitals the title is the name
    mentions = extract_entities(article_from_text("The Kingdom of Morocco signed it.")).mentions
    assert [(m.text, m.entity_id) for m in mentions if m.entity_type == "country"] == [("Kingdom of Morocco", "country:MA")]


def test_european_capitals_and_tel_aviv_stand_for_their_states_but_not_inside_names():
    assert codes("Stockholm formally applied to join the alliance, and Helsinki followed.") == ["SE", "FI"]
    assert codes("Chisinau and Belgrade both hope to open talks.") == ["MD", "RS"]
    assert codes("Sudan agreed to establish ties with Tel Aviv.") == ["SD", "IL"]
    # accords, criteria and institutions named after a capital are no state
    assert codes("The Helsinki Accords and the Copenhagen criteria were discussed at Tel Aviv University.") == []
