-- analytics.membership_growth: members per accord per month, from the month of the accord's first
-- event to the current month. On the last day of each month (see _membership_state.sql):
--   members_lower = countries certainly signed (date_upper on or before the month's end, not possibly
--                   ended by a withdrawal);
--   members_upper = countries possibly signed or announced (date_lower on or before the month's end).
-- Counterparties and brokers are not members.
CREATE OR REPLACE VIEW analytics.membership_growth AS
WITH first_months AS (
    SELECT accord, CAST(date_trunc('month', min(coalesce(date_lower, date_upper))) AS DATE) AS first_month
    FROM analytics._joiner_events(NULL)
    WHERE NOT is_future AND coalesce(date_lower, date_upper) IS NOT NULL
    GROUP BY accord
),
months AS (
    SELECT f.accord, CAST(g.month_start AS DATE) AS month, last_day(CAST(g.month_start AS DATE)) AS month_end
    FROM first_months f,
         LATERAL generate_series(CAST(f.first_month AS TIMESTAMP),
                                 CAST(date_trunc('month', current_date) AS TIMESTAMP),
                                 INTERVAL 1 MONTH) AS g(month_start)
),
states AS (
    SELECT * FROM analytics._membership_state((SELECT list(DISTINCT month_end) FROM months), NULL)
    WHERE status <> 'counterparty'
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
LEFT JOIN states s ON s.accord = m.accord AND s.as_of = m.month_end
GROUP BY m.accord, m.month
ORDER BY m.accord, m.month;
