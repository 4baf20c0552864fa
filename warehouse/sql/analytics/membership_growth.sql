-- analytics.membership_growth: members per accord per month, from the month of the accord's first
-- event to the current month. On the last day of each month (see _membership_state.sql):
--   members_lower = countries certainly signed (date_upper on or before the month's end, not possibly
--                   ended by a withdrawal);
--   members_upper = countries possibly signed or announced (date_lower on or before the month's end).
-- Counterparties and brokers are not members.
-- analytics.membership_growth_detail: the same rows with the member lists behind the two counts
-- (lower_countries, upper_countries). They live in their own view so that a client fetching the counts
-- row by row (a Python fetchall) does not pay for building two lists per row.
--
-- The counts depend on the events only, so the asset stores them in analytics.membership_growth_months
-- up to the later of the current month and the month of the last event date bound (after it nothing
-- changes); the views extend the last stored month to the current month, so they stay right when the
-- calendar moves on without a rebuild.
CREATE OR REPLACE TABLE analytics.membership_growth_months AS
WITH states AS (
    SELECT * FROM analytics._state_intervals(NULL)
),
first_months AS (
    SELECT accord, CAST(date_trunc('month', min(coalesce(date_lower, date_upper))) AS DATE) AS first_month
    FROM analytics._joiner_events(NULL)
    WHERE NOT is_future AND coalesce(date_lower, date_upper) IS NOT NULL
    GROUP BY accord
),
last_month AS (
    SELECT CAST(date_trunc('month', greatest(current_date,
               coalesce(max(valid_from) FILTER (WHERE isfinite(valid_from)), current_date))) AS DATE) AS month
    FROM states
),
months AS (
    SELECT f.accord, CAST(g.month_start AS DATE) AS month, last_day(CAST(g.month_start AS DATE)) AS month_end
    FROM first_months f, last_month l,
         LATERAL generate_series(CAST(f.first_month AS TIMESTAMP), CAST(l.month AS TIMESTAMP),
                                 INTERVAL 1 MONTH) AS g(month_start)
)
SELECT m.accord, m.month,
       CAST(count(s.country_code) FILTER (WHERE s.status = 'signed' AND s.certainty = 'certain') AS INTEGER)
           AS members_lower,
       CAST(count(s.country_code) FILTER (WHERE s.status IN ('signed', 'announced')) AS INTEGER) AS members_upper,
       coalesce(list(s.country_code ORDER BY s.country_code)
                    FILTER (WHERE s.status = 'signed' AND s.certainty = 'certain'), []) AS lower_countries,
       coalesce(list(s.country_code ORDER BY s.country_code)
                    FILTER (WHERE s.status IN ('signed', 'announced')), []) AS upper_countries
FROM months m
LEFT JOIN states s
  ON s.accord = m.accord AND s.valid_from <= m.month_end AND (s.valid_to IS NULL OR m.month_end < s.valid_to)
GROUP BY m.accord, m.month
ORDER BY m.accord, m.month;

CREATE OR REPLACE VIEW analytics.membership_growth_detail AS
SELECT accord, month, members_lower, members_upper, lower_countries, upper_countries
FROM analytics.membership_growth_months
WHERE month <= CAST(date_trunc('month', current_date) AS DATE)
UNION ALL
-- months after the last stored one (the calendar moved on since the rebuild): the last counts hold
SELECT g.accord, CAST(m.month_start AS DATE) AS month, g.members_lower, g.members_upper,
       g.lower_countries, g.upper_countries
FROM (SELECT * FROM analytics.membership_growth_months
      QUALIFY row_number() OVER (PARTITION BY accord ORDER BY month DESC) = 1) g,
     LATERAL generate_series(CAST(g.month AS TIMESTAMP) + INTERVAL 1 MONTH,
                             CAST(date_trunc('month', current_date) AS TIMESTAMP),
                             INTERVAL 1 MONTH) AS m(month_start)
ORDER BY accord, month;

CREATE OR REPLACE VIEW analytics.membership_growth AS
SELECT accord, month, members_lower, members_upper
FROM analytics.membership_growth_detail
ORDER BY accord, month;
