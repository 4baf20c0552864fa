-- analytics.members_as_of(d): the status of every country in every accord on day d in the world
-- (valid time), from every article in the warehouse. See _membership_state.sql for the rules.
-- Usage: SELECT * FROM analytics.members_as_of(DATE '2025-11-07');
CREATE OR REPLACE MACRO analytics.members_as_of(d) AS TABLE
SELECT * FROM analytics._membership_state([CAST(d AS DATE)], NULL)
ORDER BY accord, status = 'counterparty' DESC, country_code;
