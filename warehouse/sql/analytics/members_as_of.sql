-- analytics.members_as_of(d): the status of every country in every accord on day d in the world
-- (valid time), from every article in the warehouse. See _membership_state.sql for the rules.
-- Usage: SELECT * FROM analytics.members_as_of(DATE '2025-11-07');
--
-- The state of a pair only changes on its events' date bounds, so the asset stores it once as
-- intervals (analytics.membership_state_intervals, rebuilt with this macro from
-- core.membership_events) and a day is a range lookup, not a resolution.
CREATE OR REPLACE TABLE analytics.membership_state_intervals AS
SELECT * FROM analytics._state_intervals(NULL)
ORDER BY valid_from, accord, country_code;

CREATE OR REPLACE MACRO analytics.members_as_of(d) AS TABLE
WITH members AS (
    SELECT CAST(d AS DATE) AS as_of, s.* EXCLUDE (valid_from, valid_to)
    FROM analytics.membership_state_intervals s
    WHERE s.valid_from <= CAST(d AS DATE) AND (s.valid_to IS NULL OR CAST(d AS DATE) < s.valid_to)
)
SELECT * FROM (
    SELECT * FROM members
    UNION ALL BY NAME
    SELECT * FROM analytics._counterparties_on(d) WHERE accord IN (SELECT accord FROM members)
)
ORDER BY accord, status = 'counterparty' DESC, country_code;
