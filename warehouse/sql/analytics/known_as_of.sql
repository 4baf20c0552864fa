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
WITH n_versions AS (
    SELECT pair, max(version) + 1 AS n FROM _known_versions GROUP BY pair
),
-- the non-future nodes (future ones never count nor conflict), with their window as day numbers
-- (lo: -100000000 when open, hi: 100000000 when open), alive over versions [born, died)
nodes AS (
    SELECT n.node_id, n.pair, n.status, core.membership_status_camp(n.status) AS camp,
           CASE WHEN n.common_lo <= n.common_hi THEN n.common_lo ELSE n.hull_lo END AS lo,
           CASE WHEN n.common_lo <= n.common_hi THEN n.common_hi ELSE n.hull_hi END AS hi,
           n.single_claimant, n.born, coalesce(n.died, v.n) AS died
    FROM _known_nodes n
    JOIN n_versions v ON v.pair = n.pair
    WHERE NOT n.is_future
),
-- core.resolve_membership_events' conflict rule (other camp, overlapping windows, core.different_claimants
-- on the one claimant an event has, if it has only one) per pair of nodes, over the versions both are alive
conflict_ranges AS (
    SELECT a.node_id, greatest(a.born, b.born) AS v_from, least(a.died, b.died) AS v_to
    FROM nodes a
    JOIN nodes b
      ON b.pair = a.pair AND a.camp <> b.camp
     AND a.lo <= b.hi AND b.lo <= a.hi
     AND a.born < b.died AND b.born < a.died
     AND NOT (a.single_claimant IS NOT NULL AND b.single_claimant IS NOT NULL AND a.single_claimant = b.single_claimant)
),
-- every (pair, version) with the nodes started on a day of the version (before the next version's day):
-- the rules read only those
live AS (
    SELECT a.node_id, a.pair, a.version, a.lo, a.hi, v.day, v.next_day
    FROM (SELECT node_id, pair, lo, hi, CAST(unnest(range(born, died)) AS INTEGER) AS version FROM nodes) a
    JOIN _known_versions v ON v.pair = a.pair AND v.version = a.version
    WHERE a.lo < v.next_day
),
conflicted AS (
    SELECT DISTINCT k.node_id, k.version
    FROM live k
    JOIN conflict_ranges c ON c.node_id = k.node_id AND k.version >= c.v_from AND k.version < c.v_to
),
-- probe days of a version: its first day and the event bounds before the next version
probes AS (
    SELECT pair, version, day AS as_of FROM _known_versions
    UNION
    SELECT pair, version, bound AS as_of
    FROM (SELECT pair, version, day, next_day, unnest([lo, hi]) AS bound FROM live WHERE lo > day OR hi > day)
    WHERE bound > day AND bound < next_day
),
-- the rules of analytics._pair_states, per (pair, version, as_of)
started AS (
    SELECT p.as_of, k.pair, k.node_id, k.lo, k.hi, n.camp = 'out' AS is_out, c.node_id IS NOT NULL AS has_conflict
    FROM probes p
    JOIN live k ON k.pair = p.pair AND k.version = p.version AND k.lo <= p.as_of
    JOIN nodes n ON n.node_id = k.node_id
    LEFT JOIN conflicted c ON c.node_id = k.node_id AND c.version = k.version
),
-- a started event of the other side (out vs not out) with a later window (core.date_window_later) ends
-- it: possibly; certainly when that event's upper bound is <= as_of. Later = a greater lower bound and
-- an upper bound not smaller, or the same lower bound and a greater upper bound: the largest upper
-- bound of the other side among the greater (gt_) and the equal (eq_) lower bounds answers it
-- per lower bound of a probe, the largest upper bound of each side (all; only the ones <= as_of)
lo_groups AS (
    SELECT pair, as_of, lo,
           max(hi) FILTER (WHERE is_out) AS eq_out,
           max(hi) FILTER (WHERE NOT is_out) AS eq_in,
           max(hi) FILTER (WHERE is_out AND hi <= as_of) AS eq_out_done,
           max(hi) FILTER (WHERE NOT is_out AND hi <= as_of) AS eq_in_done
    FROM started
    GROUP BY pair, as_of, lo
),
frontier AS (
    SELECT s.*, g.eq_out, g.eq_in, g.eq_out_done, g.eq_in_done, g.gt_out, g.gt_in, g.gt_out_done, g.gt_in_done
    FROM started s
    JOIN (SELECT *,
                 max(eq_out) OVER w AS gt_out, max(eq_in) OVER w AS gt_in,
                 max(eq_out_done) OVER w AS gt_out_done, max(eq_in_done) OVER w AS gt_in_done
          FROM lo_groups
          WINDOW w AS (PARTITION BY pair, as_of ORDER BY lo DESC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)) g
      ON g.pair = s.pair AND g.as_of = s.as_of AND g.lo = s.lo
),
in_force AS (
    SELECT f.as_of, f.pair, f.node_id, f.lo, f.hi, f.has_conflict,
           f.hi <= f.as_of
           AND NOT coalesce(CASE WHEN f.is_out THEN f.gt_in >= f.hi OR f.eq_in > f.hi
                                 ELSE f.gt_out >= f.hi OR f.eq_out > f.hi END, FALSE) AS is_certain
    FROM frontier f
    WHERE NOT coalesce(CASE WHEN f.is_out THEN f.gt_in_done >= f.hi OR f.eq_in_done > f.hi
                            ELSE f.gt_out_done >= f.hi OR f.eq_out_done > f.hi END, FALSE)
),
-- the nodes as the resolution shows them (only the started ones are needed)
events AS (
    SELECT n.node_id, n.status, core.membership_status_rank(n.status) AS status_rank, n.camp,
           md5(concat_ws('|', p.country_code, p.accord, n.status, CAST(analytics._day_date(k.hull_lo) AS VARCHAR),
                         CAST(analytics._day_date(k.hull_hi) AS VARCHAR))) AS event_id,
           nullif(analytics._day_date(n.lo), '-infinity'::DATE) AS date_lower,
           nullif(analytics._day_date(n.hi), 'infinity'::DATE) AS date_upper,
           make_timestamp(k.first_published_us) AS first_reported_at
    FROM nodes n
    JOIN _known_nodes k ON k.node_id = n.node_id
    JOIN _known_pairs p ON p.pair = n.pair
),
ranked AS (
    SELECT i.as_of, i.pair, i.is_certain, i.has_conflict, e.status, e.status_rank, e.camp, e.date_lower, e.date_upper,
           row_number() OVER (
               PARTITION BY i.pair, i.as_of
               ORDER BY e.camp = 'out', e.status_rank DESC, i.is_certain DESC, i.lo DESC, e.event_id) AS pick
    FROM in_force i
    JOIN events e ON e.node_id = i.node_id
),
chosen AS (
    SELECT r.pair, r.as_of, r.status,
           CASE WHEN r.is_certain THEN 'certain' ELSE 'possible' END AS certainty,
           r.date_lower, r.date_upper, core.date_window_precision(r.date_lower, r.date_upper) AS date_precision
    FROM ranked r
    WHERE r.pick = 1
),
in_force_summary AS (
    SELECT pair, as_of,
           list(status ORDER BY camp = 'out', status_rank DESC) FILTER (WHERE is_certain)[1] AS certain_status,
           bool_or(has_conflict) AS has_conflict
    FROM ranked
    GROUP BY pair, as_of
),
started_summary AS (
    SELECT s.pair, s.as_of,
           list(DISTINCT e.status ORDER BY e.status) AS statuses,
           min(e.first_reported_at) AS first_reported_at,
           list(e.event_id ORDER BY e.event_id) AS event_ids
    FROM started s
    JOIN events e ON e.node_id = s.node_id
    GROUP BY s.pair, s.as_of
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
    SELECT pair, day AS valid_from,
           sum(delta) OVER (PARTITION BY pair ORDER BY day ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
               AS n_articles
    FROM article_steps
),
timeline_counts AS (
    SELECT t.pair, t.as_of, t.next_as_of, CAST(coalesce(a.n_articles, 0) AS INTEGER) AS n_articles
    FROM timeline t
    ASOF LEFT JOIN article_counts a ON a.pair = t.pair AND a.valid_from <= t.as_of
),
states AS (
    SELECT c.pair, c.as_of, c.status, c.certainty, f.certain_status, c.date_lower, c.date_upper, c.date_precision,
           s.statuses, f.has_conflict, t.n_articles, s.first_reported_at, s.event_ids, t.next_as_of
    FROM chosen c
    JOIN in_force_summary f USING (pair, as_of)
    JOIN started_summary s USING (pair, as_of)
    JOIN timeline_counts t USING (pair, as_of)
)
SELECT p.accord, p.country_code, analytics._day_date(s.as_of) AS valid_from,
       CASE WHEN s.next_as_of IS NOT NULL THEN analytics._day_date(s.next_as_of) END AS valid_to,
       s.status, s.certainty, s.certain_status, s.date_lower, s.date_upper, s.date_precision, s.statuses,
       s.has_conflict, s.n_articles, s.first_reported_at, s.event_ids
FROM states s
JOIN _known_pairs p ON p.pair = s.pair
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
