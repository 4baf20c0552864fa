-- analytics.known_as_of(d): members_as_of(d) as a reader knew it that day: the same rules over only
-- the claims of articles published on or before d (articles without a publication date excluded).
-- Usage: SELECT * FROM analytics.known_as_of(DATE '2025-11-07');
CREATE OR REPLACE MACRO analytics.known_as_of(d) AS TABLE
SELECT * FROM analytics._membership_state([CAST(d AS DATE)], CAST(d AS DATE))
ORDER BY accord, status = 'counterparty' DESC, country_code;
