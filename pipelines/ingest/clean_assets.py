"""Clean stage: raw.articles -> core.articles + core.sentences (new articles only)."""

import dagster as dg

from pipelines.incremental import batched, mark_processed, pending_article_ids
from pipelines.ingest.assets import utc_now
from pipelines.ingest.prepare import CLEAN_STAGE, clean_version, prepare_article, sentence_rows
from pipelines.keys import CORE_ARTICLES, CORE_SENTENCES, CORE_STAGE_LOG, RAW_ARTICLES
from pipelines.parallel import article_mapper
from pipelines.resources import ComputeResource, WarehouseResource
from pipelines.results import table_result
from pipelines.warehouse import delete_for_articles, insert_rows, transaction

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
BATCH_SIZE = 2000
RAW_COLUMNS = "article_id, body_raw, title, author, publisher, url, published_at_meta, language, metadata_json"


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            CORE_ARTICLES,
            description="Current (not superseded) articles with page boilerplate removed: title, author, "
            "publisher, url, published_at (UTC, from metadata, else the URL), language, cleaned body, and "
            "whether it mentions accord vocabulary (is_relevant).",
            kinds={"duckdb"},
            group_name="ingest",
            deps=[RAW_ARTICLES],
        ),
        dg.AssetSpec(
            CORE_SENTENCES,
            description="Sentences of each cleaned body with paragraph index, character offsets "
            "(body[start_char:end_char] == text), heading and quotation flags.",
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
    """Clean new raw articles, split them into sentences, and drop superseded versions from core."""
    now = utc_now()
    with warehouse.connect() as conn, article_mapper(compute.workers) as mapper:
        with transaction(conn):
            superseded = [
                r[0]
                for r in conn.execute(
                    "SELECT article_id FROM raw.articles WHERE is_superseded "
                    "AND article_id IN (SELECT article_id FROM core.stage_log)"
                ).fetchall()
            ]
            delete_for_articles(conn, PER_ARTICLE_CORE_TABLES, superseded)
            pending = pending_article_ids(
                conn, CLEAN_STAGE, clean_version(), "SELECT article_id FROM raw.articles WHERE NOT is_superseded"
            )
            for batch in batched(pending, BATCH_SIZE):
                delete_for_articles(conn, PER_ARTICLE_CORE_TABLES, batch)
                raw_rows = conn.execute(
                    f"SELECT {RAW_COLUMNS} FROM raw.articles WHERE list_contains(?, article_id)", [list(batch)]
                ).fetchall()
                names = [c.strip() for c in RAW_COLUMNS.split(",")]
                articles, sentences, counts = [], [], {}
                for prepared in mapper.map(prepare_article, [dict(zip(names, v)) for v in raw_rows], now):
                    articles.append(prepared.article)
                    rows = sentence_rows(prepared.article["article_id"], prepared.sentences)
                    sentences.extend(rows)
                    counts[prepared.article["article_id"]] = len(rows)
                insert_rows(conn, "core.articles", articles)
                insert_rows(conn, "core.sentences", sentences)
                mark_processed(conn, CLEAN_STAGE, clean_version(), counts, now)
        context.log.info(f"clean: {len(pending)} articles processed, {len(superseded)} superseded removed")
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
        )
        yield table_result(
            conn,
            CORE_STAGE_LOG,
            "SELECT stage, stage_version, count(*) AS articles, sum(n_rows) AS rows "
            "FROM core.stage_log GROUP BY ALL ORDER BY stage",
        )
