-- Quality history: the row count of every checked table at every validation run,
-- so a check can tell when a table lost more rows than expected since the previous run.
CREATE SCHEMA IF NOT EXISTS quality;

CREATE TABLE IF NOT EXISTS quality.row_counts (
    run_id     VARCHAR NOT NULL,
    asset      VARCHAR NOT NULL,     -- e.g. core.claims
    row_count  BIGINT NOT NULL,
    counted_at TIMESTAMP NOT NULL
);

-- Which rows each validation read into Great Expectations (pipelines/quality/scope.py). The next
-- run's checks read only the rows changed after high_water of the latest validation without an
-- ERROR failure, so the cost of a run's checks follows what the run changed.
CREATE TABLE IF NOT EXISTS quality.validation_scopes (
    run_id         VARCHAR NOT NULL,
    asset          VARCHAR NOT NULL,     -- e.g. core.claims
    scope_mode     VARCHAR NOT NULL,     -- full (audit) or changed (a pipeline run)
    basis          VARCHAR NOT NULL,     -- whole_table, changed_since, whole_table_no_previous_validation, ...
    since          TIMESTAMP,            -- rows changed after this time (changed_since only)
    high_water     TIMESTAMP,            -- newest change time in the table when it was read
    rows_in_table  BIGINT,
    rows_in_scope  BIGINT NOT NULL,
    rows_validated BIGINT NOT NULL,      -- rows handed to GX (at most max_rows)
    max_rows       BIGINT,               -- the cap; NULL = none
    has_error      BOOLEAN NOT NULL,     -- the suite had an ERROR failure (its high_water is not used)
    validated_at   TIMESTAMP NOT NULL
);

-- For tables without a change time (core.membership_events and the analytics views, rebuilt whole):
-- a hash of every row that a validation without an ERROR failure read, or that an earlier one read
-- and is still in the table. A run's check reads only the rows whose hash is not here.
CREATE TABLE IF NOT EXISTS quality.validated_rows (
    asset    VARCHAR NOT NULL,     -- e.g. analytics.claim_conflicts
    row_hash UBIGINT NOT NULL      -- DuckDB hash() of the whole row
);
