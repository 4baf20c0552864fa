-- Quality history: the row count of every checked table at every validation run,
-- so a check can tell when a table lost more rows than expected since the previous run.
CREATE SCHEMA IF NOT EXISTS quality;

CREATE TABLE IF NOT EXISTS quality.row_counts (
    run_id     VARCHAR NOT NULL,
    asset      VARCHAR NOT NULL,     -- e.g. core.claims
    row_count  BIGINT NOT NULL,
    counted_at TIMESTAMP NOT NULL
);
