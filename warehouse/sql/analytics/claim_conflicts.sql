-- analytics.claim_conflicts: where sources disagree about a country's standing in an accord at the
-- same time: pairs of resolved events that conflict (core.membership_events: other status camp,
-- overlapping windows, not future), one row per pair of different claimants behind them. Each side
-- shows its claimant's most confident claim (evidence, article) and how many claims that claimant
-- made for the event (a_n_claims/b_n_claims). Side a holds the more advanced camp
-- (member > pending > out), side b the other; overlap_* is the window both sides share.
--
-- analytics._claim_conflict_rows holds the same rows without the order: what the quality checks hash and
-- validate (sorting 65k pairs with both evidence texts cost the check ~45 MB at 100k articles for nothing).
CREATE OR REPLACE VIEW analytics._claim_conflict_rows AS
WITH events AS (
    SELECT *, CASE camp WHEN 'member' THEN 3 WHEN 'pending' THEN 2 ELSE 1 END AS camp_order
    FROM analytics._joiner_events(NULL)
    WHERE has_conflict AND NOT is_future
),
event_pairs AS (
    SELECT a.accord, a.country_code,
           a.event_id AS a_event_id, a.status AS a_status, a.date_lower AS a_date_lower, a.date_upper AS a_date_upper,
           b.event_id AS b_event_id, b.status AS b_status, b.date_lower AS b_date_lower, b.date_upper AS b_date_upper,
           greatest(a.date_lower, b.date_lower) AS overlap_lower,
           least(a.date_upper, b.date_upper) AS overlap_upper
    FROM events a
    JOIN events b
      ON b.accord = a.accord AND b.country_code = a.country_code AND a.camp_order > b.camp_order
     AND core.date_windows_overlap(a.date_lower, a.date_upper, b.date_lower, b.date_upper)
     AND core.different_claimants(a.claimants, b.claimants)
),
event_claims AS (
    SELECT e.event_id, unnest(e.claim_ids) AS claim_id FROM events e
),
-- One side per (event, claimant): its most confident claim (earliest reported on ties) stands for it.
sides AS (
    SELECT x.event_id, c.claim_id, c.claimed_by, c.evidence, c.article_id, a.published_at, a.publisher,
           core.claimant_of(c.claimed_by, a.publisher, c.article_id) AS claimant,
           count(*) OVER w AS n_claims,
           row_number() OVER (w ORDER BY c.confidence DESC, a.published_at NULLS LAST, c.claim_id) AS pick
    FROM event_claims x
    JOIN core.claims c ON c.claim_id = x.claim_id
    LEFT JOIN core.claim_articles() a ON a.article_id = c.article_id
    WINDOW w AS (PARTITION BY x.event_id, core.claimant_of(c.claimed_by, a.publisher, c.article_id))
)
SELECT p.accord, p.country_code, p.overlap_lower, p.overlap_upper,
       p.a_status, sa.claimed_by AS a_claimed_by, sa.evidence AS a_evidence, sa.article_id AS a_article_id,
       sa.publisher AS a_publisher, sa.published_at AS a_published_at, p.a_date_lower, p.a_date_upper,
       CAST(sa.n_claims AS INTEGER) AS a_n_claims,
       p.b_status, sb.claimed_by AS b_claimed_by, sb.evidence AS b_evidence, sb.article_id AS b_article_id,
       sb.publisher AS b_publisher, sb.published_at AS b_published_at, p.b_date_lower, p.b_date_upper,
       CAST(sb.n_claims AS INTEGER) AS b_n_claims,
       p.a_event_id, p.b_event_id, sa.claim_id AS a_claim_id, sb.claim_id AS b_claim_id
FROM event_pairs p
JOIN sides sa ON sa.event_id = p.a_event_id AND sa.pick = 1
JOIN sides sb ON sb.event_id = p.b_event_id AND sb.pick = 1
WHERE sa.claimant <> sb.claimant;

CREATE OR REPLACE VIEW analytics.claim_conflicts AS
SELECT * FROM analytics._claim_conflict_rows
ORDER BY accord, country_code, overlap_lower, a_status, b_status,
         core.claimant_of(a_claimed_by, a_publisher, a_article_id),
         core.claimant_of(b_claimed_by, b_publisher, b_article_id);
