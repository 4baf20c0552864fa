-- Raw layer: what arrived, exactly as read, and what could not be read.
CREATE SCHEMA IF NOT EXISTS raw;

-- No PRIMARY KEY on the tables that grow with the corpus (here and in 002_core.sql): DuckDB rewrites a
-- table's whole key index at every checkpoint that follows a change to it (1.3 s for 10 new rows of a
-- 100k-row raw.source_files), so keys would make every small run pay for the size of the warehouse.
-- Each key is a blocking quality check instead (the suite's uniqueness expectation over the whole
-- table, pipelines.quality.sql_checks.whole_table_key_checks). A warehouse made with the keys is
-- rebuilt without them once (pipelines.warehouse.apply_schema).

-- One row per distinct article (article_id = sha256 of the normalized body; unique).
CREATE TABLE IF NOT EXISTS raw.articles (
    article_id        VARCHAR NOT NULL,
    body_raw          VARCHAR NOT NULL,     -- text as read from the file (HTML already reduced to text)
    title             VARCHAR,
    author            VARCHAR,
    publisher         VARCHAR,
    url               VARCHAR,
    published_at_meta VARCHAR,              -- as given by sidecar / front matter / page metadata
    language          VARCHAR,
    source_format     VARCHAR NOT NULL,     -- txt, md, html, json, jsonl
    metadata_json     VARCHAR,              -- every metadata field found, as JSON
    source_paths      VARCHAR[] NOT NULL,   -- every source file that carried this article
    first_ingested_at TIMESTAMP NOT NULL,
    is_superseded     BOOLEAN NOT NULL DEFAULT FALSE,
    superseded_by     VARCHAR,              -- article_id of the newer version of the same file
    superseded_at     TIMESTAMP
);

-- Every version of every source file seen, and which article each record became
-- (unique: path, file_sha256, record_idx).
CREATE TABLE IF NOT EXISTS raw.source_files (
    path         VARCHAR NOT NULL,
    file_sha256  VARCHAR NOT NULL,
    record_idx   INTEGER NOT NULL,          -- line number for .jsonl, 0 otherwise
    article_id   VARCHAR NOT NULL,
    size_bytes   BIGINT,
    mtime_ns     BIGINT,                    -- lets a rescan skip re-hashing unchanged files
    ingested_at  TIMESTAMP NOT NULL,
    is_current   BOOLEAN NOT NULL           -- false once the file changed
);

-- Every file (or record) that could not be ingested, with the reason.
CREATE TABLE IF NOT EXISTS raw.ingest_errors (
    path        VARCHAR NOT NULL,
    reason      VARCHAR NOT NULL,
    detected_at TIMESTAMP NOT NULL,
    file_sha256 VARCHAR,                    -- content hash: a file is not retried until it changes
    record_idx  INTEGER
);
