-- analytics.known_as_of(d): members_as_of(d) as a reader knew it that day: the same rules over only
-- the claims of articles published on or before d (articles without a publication date excluded).
-- Usage: SELECT * FROM analytics.known_as_of(DATE '2025-11-07');
CREATE OR REPLACE MACRO analytics.known_as_of(d) AS TABLE
WITH members AS (
    SELECT * FROM analytics._pair_states(CAST(d AS DATE), CAST(d AS DATE))
)
SELECT * FROM (
    SELECT * FROM members
    UNION ALL BY NAME
    SELECT CAST(d AS DATE) AS as_of, c.* EXCLUDE (active_from, active_to)
    FROM analytics._counterparty_states() c
    WHERE c.active_from <= CAST(d AS DATE) AND c.active_to >= CAST(d AS DATE)
      AND c.accord IN (SELECT accord FROM members)
)
ORDER BY accord, status = 'counterparty' DESC, country_code;
