"""analyze_chunk: what the workers send back for a chunk of articles, checked against the articles."""

from __future__ import annotations

from entities_testkit import make_article

from pipelines.extract.loading import analyze_chunk

JOINED = "Kazakhstan joined the Abraham Accords on November 6, 2025, the White House said."
NEGOTIATING = "Kazakhstan is negotiating to join the Abraham Accords, its foreign ministry said on Friday."
WEATHER = "It rained in the capital on Tuesday."


def test_a_chunk_gathers_each_articles_rows_per_table_in_article_order():
    articles = [make_article(JOINED, article_id="a1"), make_article(WEATHER, article_id="a2"),
                make_article(NEGOTIATING, article_id="a3")]
    chunk = analyze_chunk(articles, "v-test")
    assert list(chunk.claims_per_article) == ["a1", "a2", "a3"]
    assert chunk.claims_per_article["a2"] == 0
    claims = chunk.tables["core.claims"].to_pylist()
    assert [(c["article_id"], c["country_code"], c["status"]) for c in claims] == [
        ("a1", "KZ", "announced"), ("a3", "KZ", "negotiating")  # a joining someone says: announced (as the seed's)
    ]
    assert all(c["extractor_version"] == "v-test" for c in claims)
    assert sum(chunk.claims_per_article.values()) == len(claims)
    # mentions follow the articles' order; the Kazakhstan both articles name is one entity
    mentions = chunk.tables["core.mentions"].to_pylist()
    order = [m["article_id"] for m in mentions]
    assert order == sorted(order) and {"a1", "a3"} <= set(order)
    ids = [e.entity_id for e in chunk.entities]
    assert len(ids) == len(set(ids)) and "country:KZ" in ids


def test_a_chunk_with_no_rows_for_a_table_sends_no_table():
    chunk = analyze_chunk([make_article(WEATHER, article_id="w")], "v-test")
    assert "core.claims" not in chunk.tables and "core.person_roles" not in chunk.tables
    assert chunk.claims_per_article == {"w": 0}
