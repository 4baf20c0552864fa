"""The whole entity stage on the seed article, checked against the gold annotation."""

from __future__ import annotations

from entities_testkit import gold, seed_article

from pipelines.extract.entities import all_country_entities, extract_entities
from pipelines.extract.model import ENTITY_TYPES


def test_seed_entities_against_gold():
    article = seed_article()
    result = extract_entities(article)
    g = gold()
    by_type: dict[str, set[str]] = {}
    for e in result.entities:
        by_type.setdefault(e.entity_type, set()).add(e.entity_id)
    assert by_type["country"] == {f"country:{c}" for c in g["countries_mentioned"]}
    people = {p["name"] for p in g["people"] if p["role"] != "author"}
    assert {e.name for e in result.entities if e.entity_type == "person"} == people
    orgs = {o["name"] for o in g["organizations"] if "caption" not in o.get("kind", "")}
    assert {e.name for e in result.entities if e.entity_type == "organization"} == orgs
    # The author and the caption credit live only in boilerplate removed from the body.
    assert "Oleh Velhan" not in article.body and "Getty Images" not in article.body


def test_every_mention_slices_the_body_and_points_to_an_entity():
    article = seed_article()
    result = extract_entities(article)
    ids = {e.entity_id for e in result.entities}
    sentence_ids = {s.sentence_idx for s in article.sentences}
    for m in result.mentions:
        assert article.body[m.start_char : m.end_char] == m.text
        assert m.entity_id in ids and m.entity_type in ENTITY_TYPES
        assert m.sentence_idx in sentence_ids
        sentence = next(s for s in article.sentences if s.sentence_idx == m.sentence_idx)
        assert sentence.start_char <= m.start_char and m.end_char <= sentence.end_char
    for r in result.person_roles:
        assert r.person_id in ids and r.source in ("text", "dictionary")


def test_extraction_is_deterministic():
    article = seed_article()
    assert extract_entities(article) == extract_entities(article)


def test_reference_country_entities_have_unique_ids():
    entities = all_country_entities()
    assert len({e.entity_id for e in entities}) == len(entities)
    assert all(e.entity_type == "country" for e in entities)


def test_prefilter_blanking_gives_the_same_entities_as_tokenizing_everything():
    """Sentences without any dictionary cue are blanked before tokenizing: nothing may change."""
    from pipelines.extract import tokens

    article = seed_article()
    keep = tokens.cue_sentences(article)
    assert keep is not None and not all(keep)  # the seed has sentences with no cue at all
    masked = tokens.ArticleDoc.build(article)
    full = tokens.ArticleDoc.build(article, full=True)
    assert len(masked) < len(full)
    kept_tokens = {(s, e) for s, e in zip(full.starts, full.ends) if keep[full.sentence_position(s)]}
    assert kept_tokens <= set(zip(masked.starts, masked.ends))
