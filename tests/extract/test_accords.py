"""The accord registry and accord mentions."""

from __future__ import annotations

from datetime import date

import pytest

from pipelines.extract.accords import RegistryError, accord_entities, accord_names, find_accord_mentions, load_accord_registry, parse_registry
from pipelines.extract.text_article import article_from_text


def test_abraham_accords_entry():
    (abraham,) = [a for a in load_accord_registry() if a.name == "Abraham Accords"]
    assert abraham.entity_id == "accord:abraham-accords"
    assert (abraham.broker, abraham.counterparty, abraham.start_date) == ("US", "IL", date(2020, 8, 13))
    assert abraham.non_joiners == {"US", "IL"}
    assert "normalize ties" in abraham.triggers


def test_at_least_five_other_accords_share_the_vocabulary():
    assert {"Paris Agreement", "CPTPP", "NATO", "BRICS", "European Union"} <= accord_names()
    assert {e.entity_id for e in accord_entities()} >= {"accord:paris-agreement", "accord:nato"}


@pytest.mark.parametrize(
    "data, message",
    [
        ({"accords": [{"name": "X", "entity_id": "accord:x", "broker": "ZZ"}]}, "not an ISO 3166-1"),
        ({"accords": [{"name": "X", "entity_id": "accord:x"}, {"name": "x", "entity_id": "accord:y"}]}, "duplicate accord name"),
        ({"accords": [{"name": "X", "entity_id": "accord:x", "start_date": "2020-13-01"}]}, "not an ISO date"),
        ({"accords": [{"name": "X", "entity_id": "X"}]}, "entity_id"),
        ({"nothing": []}, "accords:"),
        ({"accords": [{"name": "X", "entity_id": "accord:x", "joining_is_membership": "yes"}]}, "joining_is_membership"),
        ({"accords": [{"name": "X", "entity_id": "accord:x", "programmes": "Partnership for Peace"}]}, "programmes"),
    ],
)
def test_registry_validation_errors(data, message):
    with pytest.raises(RegistryError, match=message):
        parse_registry(data)


def test_mentions_keep_accords_apart_and_generic_phrases_need_a_topic():
    article = article_from_text("Kazakhstan joined the Abraham Accords. The accords were signed in 2020. "
                                "France stays in the Paris climate accord.")
    found = [(m.text, m.entity_id, m.method) for m in find_accord_mentions(article)]
    assert ("Abraham Accords", "accord:abraham-accords", "alias") in found
    assert ("Paris climate accord", "accord:paris-agreement", "alias") in found
    assert not any(m == "context_alias" for _, _, m in found)  # two accords named: "the accords" is ambiguous

    single = article_from_text("Kazakhstan joined the Abraham Accords. The accords were signed in 2020.")
    assert ("The accords", "accord:abraham-accords", "context_alias") in [(m.text, m.entity_id, m.method) for m in find_accord_mentions(single)]


def test_mention_offsets_slice_the_body():
    article = article_from_text("NATO and the EU met. BRICS+ expanded; the museum (not the EU) opened.")
    for m in find_accord_mentions(article):
        assert article.body[m.start_char:m.end_char] == m.text
    assert [m.text for m in find_accord_mentions(article)] == ["NATO", "EU", "BRICS+", "EU"]
