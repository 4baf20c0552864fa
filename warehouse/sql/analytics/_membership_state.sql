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

-- The status of every (accord, country) on a day (valid time):
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
--
-- The day enters these rules only through "date_lower <= d" and "date_upper <= d", so the state of a
-- pair (accord, country) can change only on the date_lower or date_upper of one of its events: it is
-- constant from one such breakpoint to the next. analytics._pair_states evaluates the rules on probe
-- days: every breakpoint of the pair (as_of_day NULL; also -infinity and infinity, so every day falls
-- in one interval) or one given day (as_of_day). analytics._state_intervals turns the breakpoint
-- states into intervals [valid_from, valid_to) (valid_to NULL: open): a day's state is then a lookup.
CREATE OR REPLACE MACRO analytics._pair_states(knowledge_cutoff, as_of_day) AS TABLE
WITH events AS (
    -- only the columns the rules read (the resolution then skips the unused aggregates)
    SELECT event_id, accord, country_code, status, status_rank, camp, date_lower, date_upper, date_precision,
           has_conflict, first_reported_at, claimants, article_ids
    FROM analytics._joiner_events(knowledge_cutoff)
    WHERE NOT is_future
),
probes AS (
    SELECT DISTINCT accord, country_code, breakpoint AS as_of
    FROM (SELECT accord, country_code,
                 unnest(['-infinity'::DATE, 'infinity'::DATE, date_lower, date_upper]) AS breakpoint
          FROM events
          WHERE CAST(as_of_day AS DATE) IS NULL)
    WHERE breakpoint IS NOT NULL
    UNION ALL
    SELECT DISTINCT accord, country_code, CAST(as_of_day AS DATE) AS as_of
    FROM events
    WHERE CAST(as_of_day AS DATE) IS NOT NULL
),
started AS (
    SELECT p.as_of, e.*
    FROM probes p
    JOIN events e
      ON e.accord = p.accord AND e.country_code = p.country_code
     AND coalesce(e.date_lower, '-infinity'::DATE) <= p.as_of
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
           min(first_reported_at) AS first_reported_at,
           list(event_id ORDER BY event_id) AS event_ids
    FROM started
    GROUP BY as_of, accord, country_code
),
-- Claimants and articles of the pair, each with the first day one of its events has started: it
-- counts on every probe day from then on (the same as flattening the lists of the started events,
-- without copying them per day).
claimant_starts AS (
    SELECT accord, country_code, claimant, min(coalesce(date_lower, '-infinity'::DATE)) AS first_started
    FROM (SELECT accord, country_code, date_lower, unnest(claimants) AS claimant FROM events)
    WHERE claimant IS NOT NULL
    GROUP BY accord, country_code, claimant
),
article_starts AS (
    SELECT accord, country_code, article_id, min(coalesce(date_lower, '-infinity'::DATE)) AS first_started
    FROM (SELECT accord, country_code, date_lower, unnest(article_ids) AS article_id FROM events)
    WHERE article_id IS NOT NULL
    GROUP BY accord, country_code, article_id
),
claimant_summary AS (
    SELECT p.as_of, p.accord, p.country_code, list(c.claimant ORDER BY c.claimant) AS claimants
    FROM probes p
    JOIN claimant_starts c
      ON c.accord = p.accord AND c.country_code = p.country_code AND c.first_started <= p.as_of
    GROUP BY p.as_of, p.accord, p.country_code
),
article_summary AS (
    SELECT p.as_of, p.accord, p.country_code, CAST(count(*) AS INTEGER) AS n_articles
    FROM probes p
    JOIN article_starts a
      ON a.accord = p.accord AND a.country_code = p.country_code AND a.first_started <= p.as_of
    GROUP BY p.as_of, p.accord, p.country_code
)
SELECT c.as_of, c.accord, c.country_code, c.status, c.certainty, f.certain_status,
       c.date_lower, c.date_upper, c.date_precision,
       s.statuses, coalesce(cl.claimants, CAST([] AS VARCHAR[])) AS claimants, f.has_conflict,
       coalesce(ar.n_articles, 0) AS n_articles, s.first_reported_at, s.event_ids
FROM chosen c
JOIN in_force_summary f USING (as_of, accord, country_code)
JOIN started_summary s USING (as_of, accord, country_code)
LEFT JOIN claimant_summary cl USING (as_of, accord, country_code)
LEFT JOIN article_summary ar USING (as_of, accord, country_code);

-- Every pair's state as intervals of days [valid_from, valid_to) (valid_to NULL: from valid_from on).
-- A day with no row for a pair: nothing about that pair had started yet.
CREATE OR REPLACE MACRO analytics._state_intervals(knowledge_cutoff) AS TABLE
SELECT as_of AS valid_from,
       lead(as_of) OVER (PARTITION BY accord, country_code ORDER BY as_of) AS valid_to,
       * EXCLUDE (as_of)
FROM analytics._pair_states(knowledge_cutoff, NULL);

-- Each accord's counterparty as a state row, with the days it is listed (active_from/active_to,
-- NULL: open); callers keep the days on which the accord has at least one joiner row.
CREATE OR REPLACE MACRO analytics._counterparty_states() AS TABLE
SELECT acc.accord, acc.counterparty_iso2 AS country_code, 'counterparty' AS status,
       'certain' AS certainty, 'counterparty' AS certain_status,
       acc.start_date AS date_lower, acc.start_date AS date_upper,
       CASE WHEN acc.start_date IS NULL THEN 'open' ELSE 'day' END AS date_precision,
       ['counterparty'] AS statuses, ['accord registry'] AS claimants, FALSE AS has_conflict,
       0 AS n_articles, CAST(NULL AS TIMESTAMP) AS first_reported_at, CAST([] AS VARCHAR[]) AS event_ids,
       coalesce(acc.start_date, '-infinity'::DATE) AS active_from,
       coalesce(acc.end_date, 'infinity'::DATE) AS active_to
FROM core.accords acc
WHERE acc.counterparty_iso2 IS NOT NULL;

-- The counterparty rows listed on day d (members_as_of and known_as_of keep those of accords that have
-- a joiner row that day).
CREATE OR REPLACE MACRO analytics._counterparties_on(d) AS TABLE
SELECT CAST(d AS DATE) AS as_of, c.* EXCLUDE (active_from, active_to)
FROM analytics._counterparty_states() c
WHERE c.active_from <= CAST(d AS DATE) AND c.active_to >= CAST(d AS DATE);

-- The state of every (accord, country) on each day of as_of_days, one row per day, accord and country
-- (the rules above), counterparties included.
CREATE OR REPLACE MACRO analytics._membership_state(as_of_days, knowledge_cutoff) AS TABLE
WITH days AS (
    SELECT DISTINCT CAST(unnest(as_of_days) AS DATE) AS as_of
),
members AS (
    SELECT d.as_of, s.* EXCLUDE (valid_from, valid_to)
    FROM days d
    JOIN analytics._state_intervals(knowledge_cutoff) s
      ON s.valid_from <= d.as_of AND (s.valid_to IS NULL OR d.as_of < s.valid_to)
)
SELECT * FROM members
UNION ALL BY NAME
SELECT d.as_of, c.* EXCLUDE (active_from, active_to)
FROM days d
JOIN analytics._counterparty_states() c ON c.active_from <= d.as_of AND c.active_to >= d.as_of
WHERE EXISTS (SELECT 1 FROM members m WHERE m.as_of = d.as_of AND m.accord = c.accord);
