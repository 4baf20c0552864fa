-- analytics.claim_conflicts: where sources disagree about a country's standing in an accord at the
-- same time. One row per pair of claims from different claimants whose resolved events conflict
-- (core.membership_events: other status camp, overlapping windows, not future). Side a holds the
-- more advanced camp (member > pending > out), side b the other; overlap_* is the shared window.
CREATE OR REPLACE VIEW analytics.claim_conflicts AS
WITH events AS (
    SELECT *, CASE camp WHEN 'member' THEN 3 WHEN 'pending' THEN 2 ELSE 1 END AS camp_order
    FROM analytics._joiner_events(NULL)
    WHERE has_conflict AND NOT is_future
),
event_pairs AS (
    SELECT a.accord, a.country_code,
           a.event_id AS a_event_id, a.status AS a_status, a.date_lower AS a_date_lower, a.date_upper AS a_date_upper,
           a.claim_ids AS a_claim_ids,
           b.event_id AS b_event_id, b.status AS b_status, b.date_lower AS b_date_lower, b.date_upper AS b_date_upper,
           b.claim_ids AS b_claim_ids,
           greatest(a.date_lower, b.date_lower) AS overlap_lower,
           least(a.date_upper, b.date_upper) AS overlap_upper
    FROM events a
    JOIN events b
      ON b.accord = a.accord AND b.country_code = a.country_code AND a.camp_order > b.camp_order
     AND core.date_windows_overlap(a.date_lower, a.date_upper, b.date_lower, b.date_upper)
     AND core.different_claimants(a.claimants, b.claimants)
),
claim_sources AS (
    SELECT c.claim_id, c.claimed_by, c.evidence, c.article_id, a.published_at, a.publisher, a.url,
           core.claimant_of(c.claimed_by, a.publisher, c.article_id) AS claimant
    FROM core.claims c
    LEFT JOIN core.articles a ON a.article_id = c.article_id
),
claim_pairs AS (
    SELECT p.*, unnest(p.a_claim_ids) AS a_claim_id FROM event_pairs p
),
claim_pairs_both AS (
    SELECT p.*, unnest(p.b_claim_ids) AS b_claim_id FROM claim_pairs p
)
SELECT p.accord, p.country_code, p.overlap_lower, p.overlap_upper,
       p.a_status, ca.claimed_by AS a_claimed_by, ca.evidence AS a_evidence, ca.article_id AS a_article_id,
       ca.publisher AS a_publisher, ca.published_at AS a_published_at, p.a_date_lower, p.a_date_upper,
       p.b_status, cb.claimed_by AS b_claimed_by, cb.evidence AS b_evidence, cb.article_id AS b_article_id,
       cb.publisher AS b_publisher, cb.published_at AS b_published_at, p.b_date_lower, p.b_date_upper,
       p.a_event_id, p.b_event_id, p.a_claim_id, p.b_claim_id
FROM claim_pairs_both p
JOIN claim_sources ca ON ca.claim_id = p.a_claim_id
JOIN claim_sources cb ON cb.claim_id = p.b_claim_id
WHERE ca.claimant <> cb.claimant
ORDER BY p.accord, p.country_code, p.overlap_lower, p.a_status, p.b_status, ca.claimed_by, cb.claimed_by,
         p.a_claim_id, p.b_claim_id;
