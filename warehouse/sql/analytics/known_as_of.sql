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
    SELECT * FROM analytics._counterparties_on(d) WHERE accord IN (SELECT accord FROM members)
)
ORDER BY accord, status = 'counterparty' DESC, country_code;
