-- Quality layer: one row per expectation per validation run.
CREATE SCHEMA IF NOT EXISTS quality;

CREATE TABLE IF NOT EXISTS quality.validation_results (
    run_id            VARCHAR NOT NULL,
    asset             VARCHAR NOT NULL,
    suite             VARCHAR NOT NULL,
    expectation_type  VARCHAR NOT NULL,
    kwargs_json       VARCHAR,
    severity          VARCHAR NOT NULL,    -- ERROR or WARN
    success           BOOLEAN NOT NULL,
    observed_value    VARCHAR,
    unexpected_count  BIGINT,
    unexpected_sample VARCHAR,
    validated_at      TIMESTAMP NOT NULL
);

CREATE SCHEMA IF NOT EXISTS analytics;
