-- Core layer: cleaned articles, sentences, normalized entities and membership claims.
CREATE SCHEMA IF NOT EXISTS core;
-- Keys: see 001_raw.sql (no PRIMARY KEY on the tables that grow with the corpus; the unique columns
-- are noted per table and checked by the quality suites).

CREATE TABLE IF NOT EXISTS core.articles (  -- unique: article_id
    article_id          VARCHAR NOT NULL,
    title               VARCHAR,
    author              VARCHAR,
    publisher           VARCHAR,
    url                 VARCHAR,
    published_at        TIMESTAMP,          -- UTC
    published_at_source VARCHAR,            -- metadata, page, url-date-path, url-unix-timestamp, or NULL
    language            VARCHAR,
    body                VARCHAR NOT NULL,   -- cleaned text; every offset in core.* indexes this
    n_chars             INTEGER NOT NULL,
    is_relevant         BOOLEAN NOT NULL,   -- mentions accord vocabulary: goes through extraction
    extractor_version   VARCHAR NOT NULL,
    processed_at        TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS core.sentences (  -- unique: article_id, sentence_idx
    article_id        VARCHAR NOT NULL,
    sentence_idx      INTEGER NOT NULL,
    paragraph_idx     INTEGER NOT NULL,
    start_char        INTEGER NOT NULL,
    end_char          INTEGER NOT NULL,
    text              VARCHAR NOT NULL,
    is_heading        BOOLEAN NOT NULL,
    in_quote          BOOLEAN NOT NULL,
    extractor_version VARCHAR NOT NULL
);

-- Which articles each stage has processed, with which version of its code.
CREATE TABLE IF NOT EXISTS core.stage_log (  -- unique: article_id, stage
    article_id    VARCHAR NOT NULL,
    stage         VARCHAR NOT NULL,
    stage_version VARCHAR NOT NULL,
    n_rows        INTEGER NOT NULL,
    processed_at  TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS core.entities (  -- unique: entity_id
    entity_id    VARCHAR NOT NULL,
    entity_type  VARCHAR NOT NULL,          -- country, person, organization, accord
    name         VARCHAR NOT NULL,
    iso2         VARCHAR,
    iso3         VARCHAR,
    is_iso       BOOLEAN,
    country_iso2 VARCHAR,
    kind         VARCHAR
);

CREATE TABLE IF NOT EXISTS core.mentions (
    article_id        VARCHAR NOT NULL,
    sentence_idx      INTEGER NOT NULL,
    start_char        INTEGER NOT NULL,
    end_char          INTEGER NOT NULL,
    text              VARCHAR NOT NULL,
    entity_id         VARCHAR NOT NULL,
    entity_type       VARCHAR NOT NULL,
    method            VARCHAR NOT NULL,
    is_metonymy       BOOLEAN NOT NULL,
    extractor_version VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS core.person_roles (
    article_id        VARCHAR NOT NULL,
    person_id         VARCHAR NOT NULL,
    role              VARCHAR NOT NULL,
    country_iso2      VARCHAR,
    sentence_idx      INTEGER,
    start_char        INTEGER,
    end_char          INTEGER,
    source            VARCHAR NOT NULL,     -- text or dictionary
    extractor_version VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS core.dates (
    article_id        VARCHAR NOT NULL,
    sentence_idx      INTEGER NOT NULL,
    start_char        INTEGER NOT NULL,
    end_char          INTEGER NOT NULL,
    text              VARCHAR NOT NULL,
    edtf              VARCHAR NOT NULL,
    lower             DATE,
    upper             DATE,
    precision         VARCHAR NOT NULL,     -- day, month, year, range, open
    extractor_version VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS core.claims (  -- unique: claim_id
    claim_id          VARCHAR NOT NULL,
    article_id        VARCHAR NOT NULL,
    sentence_idx      INTEGER NOT NULL,
    country_code      VARCHAR NOT NULL,
    accord            VARCHAR NOT NULL,
    status            VARCHAR NOT NULL,
    claimed_by        VARCHAR NOT NULL,
    claimed_by_id     VARCHAR,
    date_edtf         VARCHAR,
    date_lower        DATE,
    date_upper        DATE,
    date_precision    VARCHAR,
    evidence          VARCHAR NOT NULL,
    start_char        INTEGER NOT NULL,
    end_char          INTEGER NOT NULL,
    rule              VARCHAR NOT NULL,
    confidence        DOUBLE NOT NULL,
    is_future         BOOLEAN NOT NULL,
    ordinal           INTEGER,
    extractor_version VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS core.membership_events (
    event_id            VARCHAR PRIMARY KEY,
    country_code        VARCHAR NOT NULL,
    accord              VARCHAR NOT NULL,
    status              VARCHAR NOT NULL,
    date_lower          DATE,
    date_upper          DATE,
    date_precision      VARCHAR,
    n_claims            INTEGER NOT NULL,
    n_articles          INTEGER NOT NULL,
    n_claimants         INTEGER NOT NULL,
    claimants           VARCHAR[] NOT NULL,
    claim_ids           VARCHAR[] NOT NULL,
    first_reported_at   TIMESTAMP,
    last_reported_at    TIMESTAMP,
    has_conflict        BOOLEAN NOT NULL,   -- another status for the same country/accord overlaps in time
    conflicting_statuses VARCHAR[],
    is_future           BOOLEAN,            -- every claim of the event describes an expected, future event
    date_basis          VARCHAR,            -- intersection (of the claims' windows) or hull (no common day)
    hull_lower          DATE,               -- the union of the claims' windows (date_lower/upper may be tighter)
    hull_upper          DATE,
    article_ids         VARCHAR[],          -- every article that carried one of the claims
    evidence_sample     VARCHAR             -- the evidence of the most confident claim
);

-- Bookkeeping of the incremental resolution (pipelines/resolve/events.py): per (country, accord) pair,
-- the claims and fingerprint (warehouse/sql/resolve/event_pair_inputs.sql) its stored events were
-- resolved from, and the build that resolved them. A pair whose row still matches is not resolved again.
CREATE TABLE IF NOT EXISTS core.membership_event_inputs (
    country_code      VARCHAR NOT NULL,
    accord            VARCHAR NOT NULL,
    n_claims          BIGINT NOT NULL,
    fingerprint       HUGEINT,
    build_key         VARCHAR NOT NULL
);

-- The accord registry (warehouse/dictionaries/accords.yaml), loaded for SQL joins.
CREATE TABLE IF NOT EXISTS core.accords (
    accord            VARCHAR PRIMARY KEY,  -- canonical name, as in core.claims.accord
    entity_id         VARCHAR NOT NULL,
    broker_iso2       VARCHAR,
    counterparty_iso2 VARCHAR,              -- party to every agreement of the accord (Israel for the Abraham Accords)
    start_date        DATE,
    end_date          DATE
);
