-- Shared state logic of members_as_of, known_as_of and membership_growth (needs the core.* macros
-- of warehouse/sql/resolve/_resolve_events.sql).

-- The events of joiners: brokers and counterparties of an accord are never listed as members.
-- knowledge_cutoff NULL: the resolved table core.membership_events; a day: the same resolution
-- recomputed from the claims of articles published on or before that day.
CREATE OR REPLACE MACRO analytics._joiner_events(knowledge_cutoff) AS TABLE
WITH events AS (
    SELECT * FROM core.membership_events WHERE CAST(knowledge_cutoff AS DATE) IS NULL
    UNION ALL BY NAME
    SELECT * FROM core.resolve_membership_events(knowledge_cutoff) WHERE CAST(knowledge_cutoff AS DATE) IS NOT NULL
)
SELECT e.*, core.membership_status_rank(e.status) AS status_rank, core.membership_status_camp(e.status) AS camp
FROM events e
LEFT JOIN core.accords acc ON acc.accord = e.accord
WHERE e.country_code IS DISTINCT FROM acc.broker_iso2
  AND e.country_code IS DISTINCT FROM acc.counterparty_iso2;

-- The status of every (accord, country) on each day of as_of_days (valid time), one row per day,
-- accord and country:
--   * an event is "started" on day d when its date_lower <= d (open lower bound: always);
--     future events (is_future) never count;
--   * a later event of the other side (declined/withdrawn vs any other status) ends an earlier one:
--     certainly when its date_upper <= d, possibly when only its date_lower <= d;
--   * status = the most advanced status in force (signed > announced > negotiating > candidate);
--     declined/withdrawn only when nothing else is in force (the latest one);
--   * certainty = 'certain' when the chosen event's date_upper <= d and nothing possibly ended it,
--     'possible' otherwise; certain_status = the most advanced status that is certain on d;
--   * statuses, claimants, n_articles, event_ids cover every event started by d (ended ones too);
--     has_conflict = an event in force is flagged in the resolution;
--   * each accord's counterparty (core.accords) is listed with status 'counterparty' from its start_date,
--     for the accords that have at least one joiner row on that day (registry entries nobody wrote
--     about stay out).
CREATE OR REPLACE MACRO analytics._membership_state(as_of_days, knowledge_cutoff) AS TABLE
WITH days AS (
    SELECT DISTINCT CAST(unnest(as_of_days) AS DATE) AS as_of
),
started AS (
    SELECT d.as_of, e.*
    FROM days d
    JOIN analytics._joiner_events(knowledge_cutoff) e
      ON NOT e.is_future AND coalesce(e.date_lower, '-infinity'::DATE) <= d.as_of
),
endings AS (
    SELECT s.as_of, s.event_id,
           bool_or(coalesce(n.date_upper, 'infinity'::DATE) <= s.as_of) AS certainly_ended
    FROM started s
    JOIN started n
      ON n.as_of = s.as_of AND n.accord = s.accord AND n.country_code = s.country_code
     AND (n.camp = 'out') <> (s.camp = 'out')
     AND core.date_window_later(n.date_lower, n.date_upper, s.date_lower, s.date_upper)
    GROUP BY s.as_of, s.event_id
),
in_force AS (
    SELECT s.*,
           x.event_id IS NOT NULL AS possibly_ended,
           coalesce(s.date_upper, 'infinity'::DATE) <= s.as_of AND x.event_id IS NULL AS is_certain
    FROM started s
    LEFT JOIN endings x ON x.as_of = s.as_of AND x.event_id = s.event_id
    WHERE NOT coalesce(x.certainly_ended, FALSE)
),
ranked AS (
    SELECT *,
           row_number() OVER (
               PARTITION BY as_of, accord, country_code
               ORDER BY camp = 'out', status_rank DESC, is_certain DESC,
                        coalesce(date_lower, '-infinity'::DATE) DESC, event_id) AS pick
    FROM in_force
),
chosen AS (
    SELECT r.as_of, r.accord, r.country_code, r.status,
           CASE WHEN r.is_certain THEN 'certain' ELSE 'possible' END AS certainty,
           r.date_lower, r.date_upper, r.date_precision
    FROM ranked r
    WHERE r.pick = 1
),
in_force_summary AS (
    SELECT as_of, accord, country_code,
           list(status ORDER BY camp = 'out', status_rank DESC) FILTER (WHERE is_certain)[1] AS certain_status,
           bool_or(has_conflict) AS has_conflict
    FROM in_force
    GROUP BY as_of, accord, country_code
),
started_summary AS (
    SELECT as_of, accord, country_code,
           list(DISTINCT status ORDER BY status) AS statuses,
           list_sort(list_distinct(flatten(list(claimants)))) AS claimants,
           CAST(len(list_distinct(flatten(list(article_ids)))) AS INTEGER) AS n_articles,
           min(first_reported_at) AS first_reported_at,
           list(event_id ORDER BY event_id) AS event_ids
    FROM started
    GROUP BY as_of, accord, country_code
),
members AS (
    SELECT c.as_of, c.accord, c.country_code, c.status, c.certainty, f.certain_status,
           c.date_lower, c.date_upper, c.date_precision,
           s.statuses, s.claimants, f.has_conflict, s.n_articles, s.first_reported_at, s.event_ids
    FROM chosen c
    JOIN in_force_summary f USING (as_of, accord, country_code)
    JOIN started_summary s USING (as_of, accord, country_code)
),
counterparties AS (
    SELECT d.as_of, acc.accord, acc.counterparty_iso2 AS country_code, 'counterparty' AS status,
           'certain' AS certainty, 'counterparty' AS certain_status,
           acc.start_date AS date_lower, acc.start_date AS date_upper,
           CASE WHEN acc.start_date IS NULL THEN 'open' ELSE 'day' END AS date_precision,
           ['counterparty'] AS statuses, ['accord registry'] AS claimants, FALSE AS has_conflict,
           0 AS n_articles, CAST(NULL AS TIMESTAMP) AS first_reported_at, CAST([] AS VARCHAR[]) AS event_ids
    FROM days d
    JOIN core.accords acc
      ON acc.counterparty_iso2 IS NOT NULL
     AND coalesce(acc.start_date, '-infinity'::DATE) <= d.as_of
     AND coalesce(acc.end_date, 'infinity'::DATE) >= d.as_of
    WHERE EXISTS (SELECT 1 FROM members m WHERE m.as_of = d.as_of AND m.accord = acc.accord)
)
SELECT * FROM members
UNION ALL BY NAME
SELECT * FROM counterparties;
