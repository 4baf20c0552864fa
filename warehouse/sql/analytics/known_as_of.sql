-- analytics.known_as_of(d): members_as_of(d) as a reader knew it that day: the same rules over only
-- the claims of articles published on or before d (articles without a publication date excluded).
-- Usage: SELECT * FROM analytics.known_as_of(DATE '2025-11-07');
--
-- Its definition is analytics._pair_states(d, d) (the resolution cut off at d, read on day d) plus
-- the counterparties; evaluating that per call re-resolves every claim (seconds at 1M claims). The
-- asset instead replays the claims once in publication order (pipelines/analytics/known.py: the
-- events of each pair's knowledge version, as nodes alive from one of its publication days to the next
-- change, and the days each claimant and article counts) and this file applies the rules of
-- _membership_state.sql per version (the same CTEs as analytics._pair_states, keyed by pair and version
-- instead of pair) and stores the result, so a day is a range lookup:
--   analytics.known_state_intervals: per pair, the state over days [valid_from, valid_to) (valid_to
--     NULL: from then on); no row on a day: nothing about the pair was known and started yet;
--   analytics.known_claimant_spans: per pair, each claimant with the days it is listed (a list of
--     {claimant, valid_from, valid_to} sorted by claimant).
-- Needs the relations the build registers: _known_nodes, _known_pairs, _known_versions, _known_leaves,
-- _known_spans, _known_claimants.

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

CREATE OR REPLACE TABLE analytics.known_state_intervals AS
WITH versions AS (
    SELECT pair, version, analytics._day_date(day) AS day, analytics._day_date(next_day) AS next_day
    FROM _known_versions
),
n_versions AS (
    SELECT pair, max(version) + 1 AS n FROM _known_versions GROUP BY pair
),
-- the non-future events of each node (future ones never count nor conflict), as the resolution shows them
events AS (
    SELECT n.node_id, n.pair, n.status,
           core.membership_status_rank(n.status) AS status_rank, core.membership_status_camp(n.status) AS camp,
           md5(concat_ws('|', p.country_code, p.accord, n.status, CAST(analytics._day_date(n.hull_lo) AS VARCHAR),
                         CAST(analytics._day_date(n.hull_hi) AS VARCHAR))) AS event_id,
           nullif(analytics._day_date(CASE WHEN n.common_lo <= n.common_hi THEN n.common_lo ELSE n.hull_lo END),
                  '-infinity'::DATE) AS date_lower,
           nullif(analytics._day_date(CASE WHEN n.common_lo <= n.common_hi THEN n.common_hi ELSE n.hull_hi END),
                  'infinity'::DATE) AS date_upper,
           make_timestamp(n.first_published_us) AS first_reported_at,
           n.single_claimant, n.born, coalesce(n.died, v.n) AS died
    FROM _known_nodes n
    JOIN _known_pairs p ON p.pair = n.pair
    JOIN n_versions v ON v.pair = n.pair
    WHERE NOT n.is_future
),
-- every (pair, version) with the events known then (narrow rows: millions of them at 1M claims)
alive AS (
    SELECT node_id, pair, camp, date_lower, date_upper, single_claimant,
           CAST(unnest(range(born, died)) AS INTEGER) AS version
    FROM events
),
-- the rules read only the events started on a day of the version (before the next version's day);
-- the others matter only as the other side of a conflict
live AS (
    SELECT a.*
    FROM alive a
    JOIN versions v ON v.pair = a.pair AND v.version = a.version
    WHERE coalesce(a.date_lower, '-infinity'::DATE) < v.next_day
),
-- core.resolve_membership_events' conflict rule within each version (other camp, overlapping windows,
-- core.different_claimants on the one claimant an event has, if it has only one)
conflicted AS (
    SELECT DISTINCT a.pair, a.version, a.node_id
    FROM live a
    JOIN alive b
      ON b.pair = a.pair AND b.version = a.version
     AND a.camp <> b.camp
     AND core.date_windows_overlap(a.date_lower, a.date_upper, b.date_lower, b.date_upper)
     AND NOT (a.single_claimant IS NOT NULL AND b.single_claimant IS NOT NULL AND a.single_claimant = b.single_claimant)
),
scoped AS (
    SELECT k.version, e.* EXCLUDE (born, died, single_claimant),
           core.date_window_precision(e.date_lower, e.date_upper) AS date_precision,
           c.node_id IS NOT NULL AS has_conflict
    FROM live k
    JOIN events e ON e.node_id = k.node_id
    LEFT JOIN conflicted c ON c.pair = k.pair AND c.version = k.version AND c.node_id = k.node_id
),
-- probe days of a version: its first day and the event bounds before the next version
probes AS (
    SELECT pair, version, day AS as_of FROM versions
    UNION
    SELECT b.pair, b.version, b.bound AS as_of
    FROM (SELECT pair, version, unnest([date_lower, date_upper]) AS bound FROM scoped) b
    JOIN versions v ON v.pair = b.pair AND v.version = b.version
    WHERE b.bound > v.day AND b.bound < v.next_day
),
-- the rules of analytics._pair_states, per (pair, version, as_of)
started AS (
    SELECT p.as_of, e.*
    FROM probes p
    JOIN scoped e
      ON e.pair = p.pair AND e.version = p.version
     AND coalesce(e.date_lower, '-infinity'::DATE) <= p.as_of
),
endings AS (
    SELECT s.pair, s.as_of, s.node_id,
           bool_or(coalesce(n.date_upper, 'infinity'::DATE) <= s.as_of) AS certainly_ended
    FROM started s
    JOIN started n
      ON n.pair = s.pair AND n.as_of = s.as_of
     AND (n.camp = 'out') <> (s.camp = 'out')
     AND core.date_window_later(n.date_lower, n.date_upper, s.date_lower, s.date_upper)
    GROUP BY s.pair, s.as_of, s.node_id
),
in_force AS (
    SELECT s.*,
           coalesce(s.date_upper, 'infinity'::DATE) <= s.as_of AND x.node_id IS NULL AS is_certain
    FROM started s
    LEFT JOIN endings x ON x.pair = s.pair AND x.as_of = s.as_of AND x.node_id = s.node_id
    WHERE NOT coalesce(x.certainly_ended, FALSE)
),
ranked AS (
    SELECT *,
           row_number() OVER (
               PARTITION BY pair, as_of
               ORDER BY camp = 'out', status_rank DESC, is_certain DESC,
                        coalesce(date_lower, '-infinity'::DATE) DESC, event_id) AS pick
    FROM in_force
),
chosen AS (
    SELECT r.pair, r.as_of, r.status,
           CASE WHEN r.is_certain THEN 'certain' ELSE 'possible' END AS certainty,
           r.date_lower, r.date_upper, r.date_precision
    FROM ranked r
    WHERE r.pick = 1
),
in_force_summary AS (
    SELECT pair, as_of,
           list(status ORDER BY camp = 'out', status_rank DESC) FILTER (WHERE is_certain)[1] AS certain_status,
           bool_or(has_conflict) AS has_conflict
    FROM in_force
    GROUP BY pair, as_of
),
started_summary AS (
    SELECT pair, as_of,
           list(DISTINCT status ORDER BY status) AS statuses,
           min(first_reported_at) AS first_reported_at,
           list(event_id ORDER BY event_id) AS event_ids
    FROM started
    GROUP BY pair, as_of
),
timeline AS (
    SELECT pair, as_of, lead(as_of) OVER (PARTITION BY pair ORDER BY as_of) AS next_as_of FROM probes
),
-- n_articles of a pair as a step function: the count from each change day on
article_steps AS (
    SELECT pair, day, sum(delta) AS delta
    FROM (SELECT pair, valid_from AS day, 1 AS delta FROM _known_item_days WHERE kind = 'article'
          UNION ALL
          SELECT pair, valid_to, -1 FROM _known_item_days WHERE kind = 'article' AND valid_to < 100000000)
    GROUP BY pair, day
),
article_counts AS (
    SELECT pair, analytics._day_date(day) AS valid_from,
           sum(delta) OVER (PARTITION BY pair ORDER BY day ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
               AS n_articles
    FROM article_steps
),
states AS (
    SELECT c.pair, c.as_of, c.status, c.certainty, f.certain_status, c.date_lower, c.date_upper, c.date_precision,
           s.statuses, f.has_conflict, s.first_reported_at, s.event_ids, t.next_as_of
    FROM chosen c
    JOIN in_force_summary f USING (pair, as_of)
    JOIN started_summary s USING (pair, as_of)
    JOIN timeline t USING (pair, as_of)
)
SELECT p.accord, p.country_code, s.as_of AS valid_from, s.next_as_of AS valid_to,
       s.status, s.certainty, s.certain_status, s.date_lower, s.date_upper, s.date_precision, s.statuses,
       s.has_conflict, CAST(coalesce(a.n_articles, 0) AS INTEGER) AS n_articles, s.first_reported_at, s.event_ids
FROM states s
JOIN _known_pairs p ON p.pair = s.pair
ASOF LEFT JOIN article_counts a ON a.pair = s.pair AND a.valid_from <= s.as_of
ORDER BY valid_from, p.accord, p.country_code;

-- One row per pair: every claimant with the days it is listed, sorted by claimant (a day's list is a
-- filter of this one, already in order: no grouping or sorting per call).
CREATE OR REPLACE TABLE analytics.known_claimant_spans AS
SELECT p.accord, p.country_code,
       list({'claimant': n.name, 'valid_from': analytics._day_date(c.valid_from),
             'valid_to': CASE WHEN c.valid_to < 100000000 THEN analytics._day_date(c.valid_to) END}
            ORDER BY n.name, c.valid_from) AS spans
FROM _known_item_days c
JOIN _known_pairs p ON p.pair = c.pair
JOIN _known_claimants n ON n.claimant = c.item
WHERE c.kind = 'claimant'
GROUP BY p.accord, p.country_code
ORDER BY p.accord, p.country_code;

DROP TABLE _known_item_days;

CREATE OR REPLACE MACRO analytics.known_as_of(d) AS TABLE
WITH members AS (
    SELECT CAST(d AS DATE) AS as_of, s.accord, s.country_code, s.status, s.certainty, s.certain_status,
           s.date_lower, s.date_upper, s.date_precision, s.statuses,
           coalesce(list_transform(list_filter(cl.spans, lambda x: x.valid_from <= CAST(d AS DATE)
                                                AND (x.valid_to IS NULL OR CAST(d AS DATE) < x.valid_to)),
                                   lambda x: x.claimant),
                    CAST([] AS VARCHAR[])) AS claimants,
           s.has_conflict, s.n_articles, s.first_reported_at, s.event_ids
    FROM analytics.known_state_intervals s
    LEFT JOIN analytics.known_claimant_spans cl ON cl.accord = s.accord AND cl.country_code = s.country_code
    WHERE s.valid_from <= CAST(d AS DATE) AND (s.valid_to IS NULL OR CAST(d AS DATE) < s.valid_to)
)
SELECT * FROM (
    SELECT * FROM members
    UNION ALL BY NAME
    SELECT * FROM analytics._counterparties_on(d) WHERE accord IN (SELECT accord FROM members)
)
ORDER BY accord, status = 'counterparty' DESC, country_code;
