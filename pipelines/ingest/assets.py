"""Ingest stage: source files -> raw.articles / raw.source_files / raw.ingest_errors."""

from datetime import datetime, timezone
from pathlib import Path

import dagster as dg

from pipelines.ingest.store import ingest_folder
from pipelines.keys import RAW_ARTICLES, RAW_INGEST_ERRORS, RAW_SOURCE_FILES
from pipelines.parallel import MIN_ITEMS_FOR_WORKERS, article_mapper
from pipelines.resources import ArticleSourceResource, ComputeResource, WarehouseResource
from pipelines.results import table_result
from pipelines.warehouse import apply_schema, transaction
from pipelines.warm_up import start_text_warm_up


def utc_now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            RAW_ARTICLES,
            description="One row per distinct article text (id = hash of the normalized body), with every "
            "source file that carried it; an edited file's previous article is kept and marked superseded.",
            kinds={"duckdb"},
            group_name="ingest",
        ),
        dg.AssetSpec(
            RAW_SOURCE_FILES,
            description="Every version of every source file seen, and the article each record became.",
            kinds={"duckdb"},
            group_name="ingest",
        ),
        dg.AssetSpec(
            RAW_INGEST_ERRORS,
            description="Files (or JSONL lines) that could not be ingested, with path, reason and time. "
            "A failed file is not retried until its content changes.",
            kinds={"duckdb"},
            group_name="ingest",
        ),
    ],
    pool="duckdb_writer",
)
def raw_ingest(
    context: dg.AssetExecutionContext,
    warehouse: WarehouseResource,
    source: ArticleSourceResource,
    compute: ComputeResource,
):
    """Read new and changed files from the source folder (recursively) into the raw layer."""
    now = utc_now()
    with warehouse.connect() as conn, article_mapper(compute.workers) as mapper:
        with transaction(conn):
            apply_schema(conn)
        # One transaction per batch of files: a stopped run keeps what it stored, the next reads the rest.
        stats = ingest_folder(conn, Path(source.source_dir), source.max_file_bytes, now, mapper)
        if stats.new_articles and (stats.new_articles < MIN_ITEMS_FOR_WORKERS or mapper.workers <= 1):
            # cleaned and analysed in this process: load their models while the raw checks run
            start_text_warm_up()
        for error in stats.errors:
            context.log.warning(f"could not ingest {error.path}: {error.reason}")
        context.log.info(
            f"ingest: {stats.files_seen} files seen, {stats.files_read} read, {stats.new_articles} new articles, "
            f"{len(stats.errors)} errors"
        )
        yield table_result(
            conn,
            RAW_ARTICLES,
            "SELECT article_id, title, source_format, source_paths, is_superseded "
            "FROM raw.articles ORDER BY first_ingested_at DESC",
            new_articles=stats.new_articles,
            files_seen=stats.files_seen,
            files_read=stats.files_read,
            files_unchanged=stats.files_unchanged,
            superseded_articles=stats.superseded_articles,
            source_dir=dg.MetadataValue.path(source.source_dir),
        )
        yield table_result(conn, RAW_SOURCE_FILES)
        yield table_result(
            conn,
            RAW_INGEST_ERRORS,
            "SELECT path, reason, detected_at FROM raw.ingest_errors ORDER BY detected_at DESC",
            new_errors=len(stats.errors),
        )
