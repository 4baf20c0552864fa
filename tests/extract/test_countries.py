"""Country mentions: names, aliases, demonyms, metonymy vs place, non-ISO states, false hits."""

from __future__ import annotations

import shutil

import pytest
from entities_testkit import gold, make_article, seed_article

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
    folder = tmp_path / "dicts"
    shutil.copytree(gazetteer.dictionaries_dir(), folder)
    with (folder / "country_aliases.csv").open("a", encoding="utf-8") as fh:
        fh.write("QQ,Atlantis,title,\n")
    monkeypatch.setenv("ACCORDWATCH_DICTIONARIES", str(folder))
    gazetteer.clear_caches()
    try:
        with pytest.raises(gazetteer.DictionaryError, match="country_aliases.csv:.*unknown country code 'QQ'"):
            gazetteer.load_country_lexicon()
    finally:
        monkeypatch.delenv("ACCORDWATCH_DICTIONARIES")
        gazetteer.clear_caches()


def test_every_iso_country_has_a_demonym_row():
    rows = gazetteer.read_csv("demonyms.csv", ("code", "demonyms"))
    assert {r["code"] for r in rows} == gazetteer.iso_codes()
