-- analytics.known_as_of(d): members_as_of(d) as a reader knew it that day: the same rules over only
-- the claims of articles published on or before d (articles without a publication date excluded).
-- Usage: SELECT * FROM analytics.known_as_of(DATE '2025-11-07');
--
-- Its definition is analytics._pair_states(d, d) (the resolution cut off at d, read on day d) plus
-- the counterparties; evaluating that per call re-resolves every claim (seconds at 1M claims). The
-- asset instead replays the claims once in publication order (pipelines/analytics/known.py: the
-- events of each pair's knowledge version, as nodes alive from one of its publication days to the next
-- change, and the days each claimant and article counts), evaluates the rules of _membership_state.sql
-- per (pair, version, probe day) there (known.evaluate_states, vectorized; registered as
-- _known_probe_states), and this file adds the article counts and dates and stores the result, so a
-- day is a range lookup:
--   analytics.known_state_intervals: per pair, the state over days [valid_from, valid_to) (valid_to
--     NULL: from then on; lookup_to: the same with 'infinity'); no row on a day: nothing about the pair
--     was known and started yet;
--   analytics.known_claimant_spans: per pair, each claimant with the days it is listed (a list of
--     {claimant, valid_from, valid_to} sorted by claimant);
--   analytics.known_event_spans: per pair, each event with the days [valid_from, lookup_to) it is listed
--     (started and not yet merged into another), its id as a UUID (the 16 bytes of its md5, a third of the
--     string's memory), printed back as the md5 string by the macro; a day's event_ids are the events
--     whose span holds the day (one row per event instead of its id in every state interval after it);
--   analytics.known_counterparty_states: analytics._counterparty_states() as of the build;
--   analytics.known_pair_inputs: per pair, what its stored rows were built from (n_claims, the fingerprint
--     of its claims, the build's fingerprint); the build's own bookkeeping, so created here rather than in
--     warehouse/sql/schema/.
-- The build replays only the pairs whose input changed since the last build (per pair fingerprints in
-- analytics.known_pair_inputs; all of them on the first build or when the build itself changed): this
-- file keeps the stored rows of the other pairs (_known_kept_pairs) and replaces the rest.
-- Needs the temp tables of the build: _known_pairs, _known_leaves, _known_spans, _known_claimants and the
-- registered _known_probe_states and _known_event_spans (of the rebuilt pairs), _known_kept_pairs,
-- _known_pair_inputs (every pair).

-- The days each claimant (kind 'claimant') and each article (kind 'article') of a pair counts: the union
-- of the spans of the nodes its claims joined (day numbers; 100000000: open).
CREATE OR REPLACE TEMP TABLE _known_item_days AS
WITH item_spans AS (
    SELECT DISTINCT 'claimant' AS kind, l.pair, l.claimant AS item, s.valid_from, s.valid_to
    FROM _known_leaves l JOIN _known_spans s ON s.node_id = l.node_id
    UNION ALL
    SELECT DISTINCT 'article' AS kind, l.pair, l.article AS item, s.valid_from, s.valid_to
    FROM _known_leaves l JOIN _known_spans s ON s.node_id = l.node_id
),
open_ended AS (
    -- the usual case: every span of the item runs on from its start, so the union starts at the first
    SELECT kind, pair, item, bool_and(valid_to >= 100000000) AS simple
    FROM item_spans
    GROUP BY kind, pair, item
),
general AS (
    SELECT s.*,
           CASE WHEN s.valid_from <= max(s.valid_to) OVER (
                    PARTITION BY s.kind, s.pair, s.item ORDER BY s.valid_from, s.valid_to
                    ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) THEN 0 ELSE 1 END AS starts
    FROM item_spans s
    JOIN open_ended o USING (kind, pair, item)
    WHERE NOT o.simple
)
SELECT s.kind, s.pair, s.item, min(s.valid_from) AS valid_from, 100000000 AS valid_to
FROM item_spans s JOIN open_ended o USING (kind, pair, item)
WHERE o.simple
GROUP BY s.kind, s.pair, s.item
UNION ALL
SELECT kind, pair, item, min(valid_from), max(valid_to)
FROM (SELECT *, sum(starts) OVER (PARTITION BY kind, pair, item ORDER BY valid_from, valid_to
                                  ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS part
      FROM general)
GROUP BY kind, pair, item, part;

CREATE OR REPLACE TEMP VIEW _known_new_intervals AS
WITH article_steps AS (
    -- n_articles of a pair as a step function: the count from each change day on
    SELECT pair, day, sum(delta) AS delta
    FROM (SELECT pair, valid_from AS day, 1 AS delta FROM _known_item_days WHERE kind = 'article'
          UNION ALL
          SELECT pair, valid_to, -1 FROM _known_item_days WHERE kind = 'article' AND valid_to < 100000000)
    GROUP BY pair, day
),
-- the count on each probe day: the steps up to that day (steps sort before the probe on the same day);
-- a running sum instead of an ASOF join, which DuckDB may plan as a nested loop per pair
counts AS (
    SELECT pair, day AS as_of, CAST(n_articles AS INTEGER) AS n_articles
    FROM (SELECT pair, day, is_probe,
                 coalesce(sum(delta) OVER (PARTITION BY pair ORDER BY day, is_probe
                                           ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW), 0) AS n_articles
          FROM (SELECT pair, day, delta, FALSE AS is_probe FROM article_steps
                UNION ALL
                SELECT pair, as_of, 0, TRUE FROM _known_probe_states))
    WHERE is_probe
),
states AS (
    SELECT s.*,
           nullif(analytics._day_date(s.date_lo), '-infinity'::DATE) AS date_lower,
           nullif(analytics._day_date(s.date_hi), 'infinity'::DATE) AS date_upper
    FROM _known_probe_states s
)
SELECT p.accord, p.country_code, analytics._day_date(s.as_of) AS valid_from,
       CASE WHEN s.next_as_of IS NOT NULL THEN analytics._day_date(s.next_as_of) END AS valid_to,
       -- valid_to with 'infinity' for NULL: what the lookup filters on (a plain comparison, so the scan can
       -- skip row groups by their min/max; "valid_to IS NULL OR d < valid_to" cannot)
       analytics._day_date(coalesce(s.next_as_of, 100000000)) AS lookup_to,
       s.status, CASE WHEN s.is_certain THEN 'certain' ELSE 'possible' END AS certainty, s.certain_status,
       s.date_lower, s.date_upper, core.date_window_precision(s.date_lower, s.date_upper) AS date_precision,
       s.statuses, s.has_conflict, c.n_articles, make_timestamp(s.first_us) AS first_reported_at
FROM states s
JOIN _known_pairs p ON p.pair = s.pair
JOIN counts c ON c.pair = s.pair AND c.as_of = s.as_of;

CREATE OR REPLACE TEMP VIEW _known_new_event_spans AS
SELECT p.accord, p.country_code, e.event_id, analytics._day_date(e.valid_from) AS valid_from,
       analytics._day_date(e.valid_to) AS lookup_to
FROM _known_event_spans e
JOIN _known_pairs p ON p.pair = e.pair;

-- One row per pair: every claimant with the days it is listed, sorted by claimant (a day's list is a
-- filter of this one, already in order: no grouping or sorting per call).
CREATE OR REPLACE TEMP VIEW _known_new_claimant_spans AS
SELECT p.accord, p.country_code,
       list({'claimant': n.name, 'valid_from': analytics._day_date(c.valid_from),
             'valid_to': CASE WHEN c.valid_to < 100000000 THEN analytics._day_date(c.valid_to) END}
            ORDER BY n.name, c.valid_from) AS spans
FROM _known_item_days c
JOIN _known_pairs p ON p.pair = c.pair
JOIN _known_claimants n ON n.claimant = c.item
WHERE c.kind = 'claimant'
GROUP BY p.accord, p.country_code;

-- The stored rows of the pairs not kept are replaced by the new ones (a full build drops the stored tables
-- first: they are created here with the columns above, the rows in the order the lookups read well;
-- an incremental build appends the rebuilt pairs' rows at the end).
CREATE TABLE IF NOT EXISTS analytics.known_state_intervals AS SELECT * FROM _known_new_intervals LIMIT 0;
DELETE FROM analytics.known_state_intervals s
WHERE NOT EXISTS (SELECT 1 FROM _known_kept_pairs k
                  WHERE k.accord IS NOT DISTINCT FROM s.accord AND k.country_code IS NOT DISTINCT FROM s.country_code);
INSERT INTO analytics.known_state_intervals
SELECT * FROM _known_new_intervals ORDER BY valid_from, accord, country_code;

CREATE TABLE IF NOT EXISTS analytics.known_event_spans AS SELECT * FROM _known_new_event_spans LIMIT 0;
DELETE FROM analytics.known_event_spans s
WHERE NOT EXISTS (SELECT 1 FROM _known_kept_pairs k
                  WHERE k.accord IS NOT DISTINCT FROM s.accord AND k.country_code IS NOT DISTINCT FROM s.country_code);
INSERT INTO analytics.known_event_spans
SELECT * FROM _known_new_event_spans ORDER BY valid_from, accord, country_code, event_id;

CREATE TABLE IF NOT EXISTS analytics.known_claimant_spans AS SELECT * FROM _known_new_claimant_spans LIMIT 0;
DELETE FROM analytics.known_claimant_spans s
WHERE NOT EXISTS (SELECT 1 FROM _known_kept_pairs k
                  WHERE k.accord IS NOT DISTINCT FROM s.accord AND k.country_code IS NOT DISTINCT FROM s.country_code);
INSERT INTO analytics.known_claimant_spans
SELECT * FROM _known_new_claimant_spans ORDER BY accord, country_code;

-- The counterparty rows known_as_of lists (analytics._counterparty_states(), from core.accords, which this
-- asset depends on): stored, so a call scans a row per such accord instead of expanding the macro (~1.5 ms of
-- planning); recreated by every build.
CREATE OR REPLACE TABLE analytics.known_counterparty_states AS SELECT * FROM analytics._counterparty_states();

-- What the stored rows were built from: per pair, its claims' fingerprint and the build's
-- (pipelines/analytics/known.py, PAIR_INPUTS_QUERY and _build_key); the next build compares them.
CREATE OR REPLACE TABLE analytics.known_pair_inputs AS
SELECT accord, country_code, n_claims, fingerprint, build_key FROM _known_pair_inputs ORDER BY accord, country_code;

DROP TABLE _known_item_days;
DROP VIEW _known_new_intervals;
DROP VIEW _known_new_claimant_spans;
DROP VIEW _known_new_event_spans;
DROP TABLE _known_leaves;
DROP TABLE _known_spans;
DROP TABLE _known_pairs;
DROP TABLE _known_claimants;
DROP TABLE _known_kept_pairs;
DROP TABLE _known_pair_inputs;

-- A day is a range lookup on each table. The claimant lists are filtered on the spans table's side (one row
-- per pair) before the join: the join then carries the lists of names instead of the lists of spans. The
-- event ids are the events whose span holds the day, gathered per pair in id order.
CREATE OR REPLACE MACRO analytics.known_as_of(d) AS TABLE
WITH members AS (
    SELECT CAST(d AS DATE) AS as_of, s.accord, s.country_code, s.status, s.certainty, s.certain_status,
           s.date_lower, s.date_upper, s.date_precision, s.statuses,
           coalesce(cl.claimants, CAST([] AS VARCHAR[])) AS claimants,
           s.has_conflict, s.n_articles, s.first_reported_at,
           list_transform(coalesce(ev.event_ids, []), lambda x: replace(CAST(x AS VARCHAR), '-', '')) AS event_ids
    FROM analytics.known_state_intervals s
    LEFT JOIN (
        SELECT accord, country_code,
               list_transform(list_filter(spans, lambda x: x.valid_from <= CAST(d AS DATE)
                                          AND (x.valid_to IS NULL OR CAST(d AS DATE) < x.valid_to)),
                              lambda x: x.claimant) AS claimants
        FROM analytics.known_claimant_spans
    ) cl ON cl.accord = s.accord AND cl.country_code = s.country_code
    LEFT JOIN (
        SELECT accord, country_code, list(event_id ORDER BY event_id) AS event_ids
        FROM analytics.known_event_spans
        WHERE valid_from <= CAST(d AS DATE) AND CAST(d AS DATE) < lookup_to
        GROUP BY accord, country_code
    ) ev ON ev.accord = s.accord AND ev.country_code = s.country_code
    WHERE s.valid_from <= CAST(d AS DATE) AND CAST(d AS DATE) < s.lookup_to
)
SELECT * FROM (
    SELECT * FROM members
    UNION ALL BY NAME
    SELECT CAST(d AS DATE) AS as_of, c.* EXCLUDE (active_from, active_to)
    FROM analytics.known_counterparty_states c
    WHERE c.active_from <= CAST(d AS DATE) AND c.active_to >= CAST(d AS DATE)
      AND c.accord IN (SELECT accord FROM members)
)
ORDER BY accord, status = 'counterparty' DESC, country_code;
