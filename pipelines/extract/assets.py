"""Extract stage: core.sentences -> entities, mentions, person roles, dates and membership claims.

Only relevant articles are read. The workers analyse batch k+1 and build its rows while this process
writes batch k; each batch is its own transaction, so a run stopped midway keeps what it finished.
"""

from collections.abc import Iterator, Sequence

import dagster as dg
import duckdb

from pipelines.extract.loading import analyze_chunk, extractor_version, load_article_texts
from pipelines.extract.model import ArticleText
from pipelines.extract.rows import EXTRACTED_TABLES, accord_rows, upsert_entities
from pipelines.incremental import batched, logged_articles, mark_processed, pending_article_ids, release_batch_cache
from pipelines.ingest.assets import utc_now
from pipelines.keys import (
    CORE_ACCORDS,
    CORE_ARTICLES,
    CORE_CLAIMS,
    CORE_DATES,
    CORE_ENTITIES,
    CORE_MENTIONS,
    CORE_PERSON_ROLES,
    CORE_SENTENCES,
)
from pipelines.parallel import article_mapper
from pipelines.resources import ComputeResource, WarehouseResource
from pipelines.results import table_result
from pipelines.warehouse import delete_for_articles, insert_arrow, insert_rows, transaction
from pipelines.warm_up import wait_for_text_warm_up

EXTRACT_STAGE = "extract"
# Articles per batch (one transaction). Two batches are in this process at once (one written while the
# workers analyse the next): at 100k articles the step peaked at 563 MB with 1,000, 466 MB with 500 and
# 423 MB with 250, in 37.6, 37.8 and 40.4 s.
BATCH_SIZE = 500
# Articles a worker analyses per task; it sends their rows back as one Arrow table per table.
ARTICLES_PER_CHUNK = 50


def _spec(key: dg.AssetKey, description: str) -> dg.AssetSpec:
    return dg.AssetSpec(
        key, description=description, kinds={"duckdb"}, group_name="extract", deps=[CORE_ARTICLES, CORE_SENTENCES]
    )

EXTRACT_SPECS = [
    _spec(CORE_ACCORDS, "The accord registry (warehouse/dictionaries/accords.yaml): broker, counterparty, start date."),
    _spec(
        CORE_ENTITIES,
        "Canonical entities analysts join on: every ISO 3166-1 country (plus non-ISO states with ids of "
        "their own), the people, organizations and accords the articles mention.",
    ),
    _spec(CORE_MENTIONS, "Every surface form that refers to an entity, with offsets into the cleaned body and the rule that found it."),
    _spec(CORE_PERSON_ROLES, "People with their role and country, from the text or from the dated actor dictionary."),
    _spec(CORE_DATES, "Dates in the text as EDTF with lower/upper bounds and precision, relative ones resolved against publication."),
    _spec(
        CORE_CLAIMS,
        "Membership claims: country, accord, status, who claims it, the event's date window, the evidence "
        "sentence with offsets, the rule that fired and its confidence. Conflicting claims are all kept.",
    ),
]

PREVIEWS = {
    CORE_MENTIONS: "SELECT article_id, sentence_idx, text, entity_id, method FROM core.mentions ORDER BY article_id, start_char",
    CORE_PERSON_ROLES: "SELECT person_id, role, country_iso2, source FROM core.person_roles",
    CORE_DATES: "SELECT text, edtf, lower, upper, precision FROM core.dates ORDER BY article_id, start_char",
    CORE_CLAIMS: "SELECT country_code, accord, status, claimed_by, date_edtf, rule, evidence FROM core.claims "
    "ORDER BY article_id, sentence_idx",
    CORE_ENTITIES: "SELECT entity_id, entity_type, name, iso2, country_iso2 FROM core.entities "
    "WHERE entity_type <> 'country' ORDER BY entity_id",
    CORE_ACCORDS: "SELECT * FROM core.accords ORDER BY accord",
}


def article_batches(
    conn: duckdb.DuckDBPyConnection, pending: Sequence[str]
) -> Iterator[tuple[Sequence[str], list[list[ArticleText]]]]:
    """Each batch of pending ids with its articles, in chunks of :data:`ARTICLES_PER_CHUNK`."""
    for batch in batched(pending, BATCH_SIZE):
        articles = load_article_texts(conn, batch)
        yield batch, [articles[i : i + ARTICLES_PER_CHUNK] for i in range(0, len(articles), ARTICLES_PER_CHUNK)]


@dg.multi_asset(specs=EXTRACT_SPECS, pool="duckdb_writer")
def core_extraction(context: dg.AssetExecutionContext, warehouse: WarehouseResource, compute: ComputeResource):
    """Run entity, date and claim extraction over relevant articles not yet extracted with this version."""
    now = utc_now()
    version = extractor_version()
    wait_for_text_warm_up()
    with warehouse.connect(streaming=True) as conn, article_mapper(compute.workers) as mapper:
        with transaction(conn):
            conn.execute("DELETE FROM core.accords")
            insert_rows(conn, "core.accords", accord_rows())
            upsert_entities(conn, [], include_reference=True)
        pending = pending_article_ids(conn, EXTRACT_STAGE, version, "core.articles", "is_relevant")
        batches = article_batches(conn, pending)
        for batch, chunks in mapper.map_ahead(analyze_chunk, batches, version, size_of=len):
            counts: dict[str, int] = {}
            entities = []
            for chunk in chunks:
                counts.update(chunk.claims_per_article)
                entities.extend(chunk.entities)
            with transaction(conn):
                delete_for_articles(conn, EXTRACTED_TABLES, logged_articles(conn, batch, EXTRACT_STAGE))
                for chunk in chunks:  # chunks in article order: so are each table's rows
                    for table, rows in chunk.tables.items():
                        insert_arrow(conn, table, rows)
                upsert_entities(conn, entities)
                mark_processed(conn, EXTRACT_STAGE, version, counts, now)
            del chunks
            release_batch_cache(conn)
        context.log.info(f"extract ({version}): {len(pending)} articles processed")
        for spec in EXTRACT_SPECS:
            extra = {"articles_processed_this_run": len(pending)} if spec.key == CORE_CLAIMS else {}
            yield table_result(conn, spec.key, PREVIEWS.get(spec.key), extractor_version=version, **extra)
