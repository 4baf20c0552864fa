"""Clean stage: raw.articles -> core.articles + core.sentences (new articles only).

Relevance first: every article gets its ``core.articles`` row (with ``is_relevant``), but only
relevant ones are split into ``core.sentences`` unless the warehouse's ``sentences_for_all_articles``
is on. Each batch is its own transaction (articles, sentences and the stage log together), so a run
stopped midway keeps the batches it finished and the next run cleans the rest.
"""

from collections.abc import Iterator, Sequence

import dagster as dg
import duckdb

from pipelines.incremental import (
    batched,
    logged_articles,
    mark_processed,
    pending_article_ids,
    registered_ids,
    release_batch_cache,
)
from pipelines.ingest.assets import utc_now
from pipelines.ingest.prepare import CLEAN_STAGE, clean_version, prepare_rows
from pipelines.keys import CORE_ARTICLES, CORE_SENTENCES, CORE_STAGE_LOG, RAW_ARTICLES
from pipelines.parallel import article_mapper
from pipelines.resources import ComputeResource, WarehouseResource
from pipelines.results import table_result
from pipelines.warehouse import (
    delete_for_articles,
    extend_columns,
    insert_columns,
    insert_rows,
    rows_where,
    transaction,
)
from pipelines.warm_up import wait_for_text_warm_up

# Every core table keyed by article: purged when an article is superseded, rewritten when re-processed.
PER_ARTICLE_CORE_TABLES = (
    "core.claims",
    "core.dates",
    "core.person_roles",
    "core.mentions",
    "core.sentences",
    "core.articles",
    "core.stage_log",
)
# Articles per batch (one transaction). Two batches are in this process at once (one written while the
# workers clean the next): at 100k articles the step peaked at 539 MB with 2,000, 468 MB with 1,000 and
# 430 MB with 500, in 60.5, 59.6 and 68.3 s.
BATCH_SIZE = 1000
RAW_COLUMNS = ("article_id", "body_raw", "title", "author", "publisher", "url", "published_at_meta", "language",
               "metadata_json")

SENTENCES_DESCRIPTION = (
    "Sentences of the cleaned body of each relevant article (is_relevant; the articles extraction reads) "
    "with paragraph index, character offsets (body[start_char:end_char] == text), heading and quotation "
    "flags. Irrelevant articles are not split unless the warehouse setting sentences_for_all_articles "
    "(env ACCORDWATCH_SENTENCES_FOR_ALL_ARTICLES=1) is on; changing it re-cleans every article."
)


def raw_batches(conn: duckdb.DuckDBPyConnection, pending: Sequence[str]) -> Iterator[tuple[Sequence[str], list[dict]]]:
    """(ids, raw rows as dicts) a batch at a time (rows in id order within a batch)."""
    select = ", ".join(f"r.{c}" for c in RAW_COLUMNS)
    for batch in batched(pending, BATCH_SIZE):
        with registered_ids(conn, batch) as ids:
            rows = conn.execute(
                f"SELECT {select} FROM {rows_where('raw.articles', f't.article_id IN (SELECT article_id FROM {ids})')} r "
                "ORDER BY r.article_id"
            ).fetchall()
        yield batch, [dict(zip(RAW_COLUMNS, values)) for values in rows]


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            CORE_ARTICLES,
            description="Current (not superseded) articles with page boilerplate removed: title, author, "
            "publisher, url, published_at (UTC, from metadata, else the URL), language, cleaned body, and "
            "whether it mentions accord vocabulary (is_relevant). Every article is here; only relevant ones "
            "go on to sentences and extraction.",
            kinds={"duckdb"},
            group_name="ingest",
            deps=[RAW_ARTICLES],
        ),
        dg.AssetSpec(
            CORE_SENTENCES,
            description=SENTENCES_DESCRIPTION,
            kinds={"duckdb"},
            group_name="ingest",
            deps=[RAW_ARTICLES],
        ),
        dg.AssetSpec(
            CORE_STAGE_LOG,
            description="Bookkeeping of incremental processing: which article each per-article stage has "
            "processed, with which stage version and how many rows it gave. Cleared for an article when it "
            "is re-cleaned, so every later stage re-processes it.",
            kinds={"duckdb"},
            group_name="ingest",
            deps=[RAW_ARTICLES],
        ),
    ],
    pool="duckdb_writer",
)
def core_articles(context: dg.AssetExecutionContext, warehouse: WarehouseResource, compute: ComputeResource):
    """Clean new raw articles, split the relevant ones into sentences, and drop superseded versions from core."""
    now = utc_now()
    all_sentences = warehouse.sentences_for_all_articles
    version = clean_version(all_sentences)
    wait_for_text_warm_up()
    with warehouse.connect(streaming=True) as conn, article_mapper(compute.workers) as mapper:
        with transaction(conn):
            superseded = [
                r[0]
                for r in conn.execute(
                    "SELECT article_id FROM raw.articles WHERE is_superseded "
                    "AND article_id IN (SELECT article_id FROM core.stage_log)"
                ).fetchall()
            ]
            delete_for_articles(conn, PER_ARTICLE_CORE_TABLES, superseded)
        pending = pending_article_ids(conn, CLEAN_STAGE, version, "raw.articles", "NOT is_superseded")
        n_sentences = 0
        # The workers clean batch k+1 while this process writes batch k, one transaction per batch.
        for batch, results in mapper.map_ahead(prepare_rows, raw_batches(conn, pending), now, all_sentences):
            articles, sentences, counts = [], {}, {}
            for article, columns in results:
                articles.append(article)
                extend_columns(sentences, columns)
                counts[article["article_id"]] = len(columns["article_id"])
            with transaction(conn):
                delete_for_articles(conn, PER_ARTICLE_CORE_TABLES, logged_articles(conn, batch))
                insert_rows(conn, "core.articles", articles)
                n_sentences += insert_columns(conn, "core.sentences", sentences)
                mark_processed(conn, CLEAN_STAGE, version, counts, now)
            release_batch_cache(conn)
        context.log.info(
            f"clean: {len(pending)} articles processed ({n_sentences} sentences), {len(superseded)} superseded removed"
        )
        yield table_result(
            conn,
            CORE_ARTICLES,
            "SELECT article_id, title, publisher, published_at, language, is_relevant "
            "FROM core.articles ORDER BY published_at DESC NULLS LAST",
            processed_this_run=len(pending),
            superseded_removed=len(superseded),
            relevant_articles=conn.execute("SELECT count(*) FROM core.articles WHERE is_relevant").fetchone()[0],
        )
        yield table_result(
            conn,
            CORE_SENTENCES,
            "SELECT article_id, sentence_idx, paragraph_idx, is_heading, in_quote, text "
            "FROM core.sentences ORDER BY article_id, sentence_idx",
            sentences_for_all_articles=all_sentences,
        )
        yield table_result(
            conn,
            CORE_STAGE_LOG,
            "SELECT stage, stage_version, count(*) AS articles, sum(n_rows) AS rows "
            "FROM core.stage_log GROUP BY ALL ORDER BY stage",
        )
