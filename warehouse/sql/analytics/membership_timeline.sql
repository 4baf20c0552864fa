-- analytics.membership_timeline: per accord and country, each resolved status with its valid-time
-- interval and its sources. valid_from_lower/valid_from_upper = the event's date window;
-- valid_to = the earliest date_lower of a later event (core.date_window_later) with another status
-- (NULL: still current). Future events (is_future) are listed but never end anything.
-- Brokers and counterparties are not members and are left out.
CREATE OR REPLACE VIEW analytics.membership_timeline AS
WITH events AS (
    SELECT * FROM analytics._joiner_events(NULL)
)
SELECT e.accord, e.country_code, e.status,
       e.date_lower AS valid_from_lower, e.date_upper AS valid_from_upper, e.date_precision,
       (SELECT min(n.date_lower)
        FROM events n
        WHERE n.accord = e.accord AND n.country_code = e.country_code AND n.status <> e.status
          AND NOT n.is_future
          AND core.date_window_later(n.date_lower, n.date_upper, e.date_lower, e.date_upper)) AS valid_to,
       e.is_future, e.claimants, e.n_claimants, e.n_articles, e.n_claims,
       e.first_reported_at, e.last_reported_at, e.evidence_sample,
       e.has_conflict, e.conflicting_statuses, e.event_id
FROM events e
ORDER BY e.accord, e.country_code, coalesce(e.date_lower, '-infinity'::DATE), e.date_upper, e.status_rank;
