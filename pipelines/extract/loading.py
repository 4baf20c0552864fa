"""Read articles back from DuckDB as ArticleText records, and the extractor's version stamp."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import duckdb

from pipelines.extract.model import ArticleText, Entity, SentenceText
from pipelines.paths import DICTIONARIES_DIR

# Bump when the extraction code (not only its dictionaries) changes what it extracts: every stored article is then
# extracted again on the next run. extract-2: session 16's claim rules (descriptions, coreference, a second speaker);
# extract-3: applications ("applied in 2021", "Sweden's NATO bid"), a section heading returning to the article's accord;
# extract-4: refusals (conditional recognition, "would not follow the example", "rejected suggestions") and their speakers,
# founders and enlargements, accession talks, Israel's own treaties, statuses of one sentence dated apart;
# extract-5: quoted and participle speakers, magazine interviews, fact boxes, an accord's programmes and tiers, a list
# after a membership noun, entries into force and ratifications, steps on the same day, another state's bar;
# extract-6: unnamed officials and a country's press as speakers ("Saudi officials", "Israeli media"), a country's role
# named without its holder, members named by a joining, subjects bounded by prepositions and two-country clauses;
# extract-7: a venue is no subject, an accession still to be ratified or backed is a candidacy (session 21's rules).
EXTRACTOR_CODE_VERSION = "extract-7"


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """Code version plus a hash of every dictionary file: editing a dictionary re-extracts everything."""
    digest = hashlib.sha256()
    for path in sorted(DICTIONARIES_DIR.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(DICTIONARIES_DIR).as_posix().encode())
            digest.update(path.read_bytes())
    return f"{EXTRACTOR_CODE_VERSION}+{digest.hexdigest()[:12]}"


def load_article_texts(conn: duckdb.DuckDBPyConnection, article_ids: Sequence[str]) -> list[ArticleText]:
    """The articles with these ids (in id order) with their sentences, picked through a registered id
    list by :func:`pipelines.warehouse.rows_where` (the cost follows the batch, not the size of
    ``core.sentences`` and of the bodies in ``core.articles``)."""
    from pipelines.incremental import registered_ids
    from pipelines.warehouse import rows_where

    sentences: dict[str, list[SentenceText]] = defaultdict(list)
    with registered_ids(conn, article_ids, "_accordwatch_load") as ids:
        in_batch = f"t.article_id IN (SELECT article_id FROM {ids})"
        for row in conn.execute(
            "SELECT s.article_id, s.sentence_idx, s.paragraph_idx, s.start_char, s.end_char, s.text, s.is_heading, "
            f"s.in_quote FROM {rows_where('core.sentences', in_batch)} s ORDER BY s.article_id, s.sentence_idx"
        ).fetchall():
            sentences[row[0]].append(SentenceText(*row[1:]))
        articles = conn.execute(
            "SELECT a.article_id, a.body, a.published_at, a.title, a.language "
            f"FROM {rows_where('core.articles', in_batch)} a ORDER BY a.article_id"
        ).fetchall()
    return [
        ArticleText(
            article_id=a_id,
            body=body,
            sentences=tuple(sentences[a_id]),
            published_at=published_at,
            title=title,
            language=language,
        )
        for a_id, body, published_at, title, language in articles
    ]


def analyze_to_rows(article: ArticleText, version: str) -> tuple[str, dict[str, list[dict]], list]:
    """Run in a worker: the article's analysis as the rows of each extracted table, and its entities."""
    from pipelines.extract.pipeline import analyze_article
    from pipelines.extract.rows import analysis_rows

    analysis = analyze_article(article)
    return article.article_id, analysis_rows(article.article_id, analysis, version), analysis.entities.entities


@dataclass(frozen=True)
class ExtractedChunk:
    """The rows a worker extracted from a chunk of articles, as the writing process receives them.

    tables: table name -> ``pyarrow.Table`` of its rows, in article order (absent: no rows).
    claims_per_article: article id -> claims extracted (every article of the chunk, in order).
    entities: the entities the chunk's rows refer to, each once (first seen first).

    Arrow, not Python rows: a batch's rows as dicts were millions of Python objects in the writing
    process, two batches of them at once while the workers ran ahead, so the step's memory grew
    until the corpus had two batches of relevant articles.
    """

    tables: dict[str, Any]
    claims_per_article: dict[str, int]
    entities: list[Entity]


def analyze_chunk(articles: Sequence[ArticleText], version: str) -> ExtractedChunk:
    """Run in a worker: :func:`analyze_to_rows` for each article of the chunk, gathered per table."""
    import pyarrow as pa

    from pipelines.extract.rows import EXTRACTED_TABLES

    rows: dict[str, list[dict]] = {table: [] for table in EXTRACTED_TABLES}
    claims_per_article: dict[str, int] = {}
    entities: dict[str, Entity] = {}
    for article in articles:
        article_id, article_rows, article_entities = analyze_to_rows(article, version)
        for table in EXTRACTED_TABLES:
            rows[table].extend(article_rows[table])
        claims_per_article[article_id] = len(article_rows["core.claims"])
        for entity in article_entities:
            entities.setdefault(entity.entity_id, entity)
    tables = {table: pa.Table.from_pylist(table_rows) for table, table_rows in rows.items() if table_rows}
    return ExtractedChunk(tables, claims_per_article, list(entities.values()))
