-- Input of the knowledge-version build behind analytics.known_as_of (pipelines/analytics/known.py).
--
-- Every claim a reader could know on some day (its article has a publication date), of joiner pairs
-- only (brokers and counterparties are never members: the filter of analytics._joiner_events, applied
-- per pair before resolution, which is the same because resolution never looks across pairs), with
-- its effective date window [lo, hi] computed by the same macros as core.resolve_membership_events
-- (core.claim_window_lo/_hi in warehouse/sql/resolve/_resolve_events.sql; the tests compare
-- known_as_of(d) with the resolution cut off at d on every day that matters).
-- Days are integers (days since 1970-01-01), -100000000/100000000 standing for -infinity/infinity.
-- version = the rank of the claim's publication day among its pair's publication days (0 = first):
-- the pair's knowledge changes only on those days.
CREATE OR REPLACE MACRO analytics._known_claims() AS TABLE
WITH known_claims AS (
    SELECT c.claim_id, c.article_id, c.country_code, c.accord, c.status, c.is_future, c.date_lower, c.date_upper,
           a.published_at, CAST(a.published_at AS DATE) AS published_day, acc.start_date AS accord_start,
           core.claimant_of(c.claimed_by, a.publisher, c.article_id) AS claimant
    FROM core.claims c
    JOIN core.claim_articles() a ON a.article_id = c.article_id
    LEFT JOIN core.accords acc ON acc.accord = c.accord
    WHERE a.published_at IS NOT NULL
      AND c.country_code IS DISTINCT FROM acc.broker_iso2
      AND c.country_code IS DISTINCT FROM acc.counterparty_iso2
),
bounded AS (
    SELECT *,
           core.claim_window_lo(is_future, published_day, date_lower, date_upper, accord_start) AS lo,
           core.claim_window_hi(is_future, published_day, date_lower, date_upper) AS hi
    FROM known_claims
)
SELECT accord, country_code, status, claim_id, article_id, claimant, published_at, published_day,
       CASE WHEN lo = '-infinity'::DATE THEN -100000000 WHEN lo = 'infinity'::DATE THEN 100000000
            ELSE CAST(date_diff('day', DATE '1970-01-01', lo) AS INTEGER) END AS lo,
       CASE WHEN hi = '-infinity'::DATE THEN -100000000 WHEN hi = 'infinity'::DATE THEN 100000000
            ELSE CAST(date_diff('day', DATE '1970-01-01', hi) AS INTEGER) END AS hi,
       is_future,
       CAST(date_diff('day', DATE '1970-01-01', published_day) AS INTEGER) AS day,
       CAST(dense_rank() OVER (PARTITION BY accord, country_code ORDER BY published_day) - 1 AS INTEGER) AS version
FROM bounded;

-- A day number of the build (see above) as a DATE, the sentinels as -infinity/infinity.
CREATE OR REPLACE MACRO analytics._day_date(n) AS
    CASE WHEN n <= -100000000 THEN '-infinity'::DATE WHEN n >= 100000000 THEN 'infinity'::DATE
         ELSE DATE '1970-01-01' + CAST(n AS INTEGER) END;
