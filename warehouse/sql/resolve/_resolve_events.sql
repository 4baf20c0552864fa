-- Cross-article resolution as macros, shared by core.membership_events (no knowledge cutoff) and
-- analytics.known_as_of (only articles published on or before a day).
--
-- Resolution never looks across (country, accord) pairs: a pair's events depend on its own claims only,
-- so core.membership_events is rebuilt pair by pair (pipelines/resolve/events.py), and `pairs` (a list of
-- core.membership_pair_key values; NULL: every pair) restricts a resolution to some of them.
--
-- Effective date window of one claim (the event's date, not the article's):
--   lower = date_lower; if missing: the article's publication day for a future event, else the
--           accord's start_date (either never later than the upper bound), else open (NULL).
--   upper = date_upper, but an event that is not is_future is not later than its report, so it is
--           capped at the article's publication day; if missing: that publication day (open when the
--           article has no date, or the event is in the future).
-- Merging: claims of the same (country, accord, status) whose windows overlap (directly or through a
-- chain of overlapping claims) form one event. The event's date_lower/date_upper are the
-- INTERSECTION of its claims' windows (the tightest dates every source agrees with; date_basis =
-- 'intersection'); if a chain leaves no common day, the HULL (date_basis = 'hull').
-- hull_lower/hull_upper always hold the hull. event_id = md5 of country|accord|status|hull.
-- Claimants: the speaker (claimed_by), or 'outlet:<publisher>' for the article's own voice, so two
-- outlets count as two claimants.
-- Conflict: a non-future event of another status camp (member: announced/signed; pending:
-- candidate/negotiating; out: declined/withdrawn) for the same country and accord, whose window
-- overlaps, from a different claimant.

-- The articles that carry a claim, with what resolution reads of them. Joining claims to every article made
-- DuckDB hash all of core.articles (the larger side it builds on), so the queries reading claims grew with the
-- corpus, not with the claims: at 200k articles analytics._known_claims() alone held +93 MB (+46 MB after
-- evicting DuckDB's cache). Narrowed first, the articles are probed, not hashed: +67-73 MB (+26 MB).
CREATE OR REPLACE MACRO core.claim_articles() AS TABLE
    SELECT article_id, published_at, publisher FROM core.articles
    WHERE article_id IN (SELECT article_id FROM core.claims);

CREATE OR REPLACE MACRO core.membership_status_rank(status) AS
    CASE status
        WHEN 'signed' THEN 4 WHEN 'announced' THEN 3 WHEN 'negotiating' THEN 2 WHEN 'candidate' THEN 1
        WHEN 'declined' THEN 0 WHEN 'withdrawn' THEN 0
    END;

CREATE OR REPLACE MACRO core.membership_status_camp(status) AS
    CASE
        WHEN status IN ('announced', 'signed') THEN 'member'
        WHEN status IN ('candidate', 'negotiating') THEN 'pending'
        WHEN status IN ('declined', 'withdrawn') THEN 'out'
    END;

CREATE OR REPLACE MACRO core.membership_statuses_conflict(status_a, status_b) AS
    core.membership_status_camp(status_a) <> core.membership_status_camp(status_b);

-- Closed windows [lower, upper]; NULL means open on that side.
CREATE OR REPLACE MACRO core.date_windows_overlap(lower_a, upper_a, lower_b, upper_b) AS
    coalesce(lower_a, '-infinity'::DATE) <= coalesce(upper_b, 'infinity'::DATE)
    AND coalesce(lower_b, '-infinity'::DATE) <= coalesce(upper_a, 'infinity'::DATE);

-- Window a is later than window b: starts no earlier, ends no earlier, and differs.
CREATE OR REPLACE MACRO core.date_window_later(lower_a, upper_a, lower_b, upper_b) AS
    coalesce(lower_a, '-infinity'::DATE) >= coalesce(lower_b, '-infinity'::DATE)
    AND coalesce(upper_a, 'infinity'::DATE) >= coalesce(upper_b, 'infinity'::DATE)
    AND (coalesce(lower_a, '-infinity'::DATE) > coalesce(lower_b, '-infinity'::DATE)
         OR coalesce(upper_a, 'infinity'::DATE) > coalesce(upper_b, 'infinity'::DATE));

-- Who stands behind a claim: the speaker, or the outlet itself when the article speaks in its own voice.
CREATE OR REPLACE MACRO core.claimant_of(claimed_by, publisher, article_id) AS
    CASE WHEN claimed_by = 'article' THEN 'outlet:' || coalesce(publisher, article_id) ELSE claimed_by END;

-- Two claimant lists disagree unless both are the one same claimant.
CREATE OR REPLACE MACRO core.different_claimants(claimants_a, claimants_b) AS
    NOT (len(claimants_a) = 1 AND len(claimants_b) = 1 AND claimants_a[1] = claimants_b[1]);

CREATE OR REPLACE MACRO core.date_window_precision(lower_date, upper_date) AS
    CASE
        WHEN lower_date IS NULL OR upper_date IS NULL THEN 'open'
        WHEN lower_date = upper_date THEN 'day'
        WHEN lower_date = CAST(date_trunc('month', lower_date) AS DATE) AND upper_date = last_day(lower_date) THEN 'month'
        WHEN lower_date = CAST(date_trunc('year', lower_date) AS DATE)
             AND upper_date = make_date(year(lower_date), 12, 31) THEN 'year'
        ELSE 'range'
    END;

-- A claim's effective date window [lo, hi] (see the top of this file), infinite bounds for open sides.
-- Shared with analytics._known_claims(), which must bound claims exactly as resolution does.
CREATE OR REPLACE MACRO core.claim_window_hi(is_future, published_day, date_lower, date_upper) AS
    coalesce(
        CASE
            WHEN is_future OR published_day IS NULL THEN date_upper
            WHEN date_upper IS NULL THEN published_day
            WHEN date_lower IS NULL OR date_lower <= published_day THEN least(date_upper, published_day)
            ELSE date_upper
        END,
        'infinity'::DATE);

CREATE OR REPLACE MACRO core.claim_window_lo(is_future, published_day, date_lower, date_upper, accord_start) AS
    coalesce(
        date_lower,
        -- the fallback is never above the upper bound, whatever the source dates say
        CASE WHEN (CASE WHEN is_future THEN published_day ELSE accord_start END) IS NOT NULL
             THEN least(CASE WHEN is_future THEN published_day ELSE accord_start END,
                        core.claim_window_hi(is_future, published_day, date_lower, date_upper)) END,
        '-infinity'::DATE);

-- A (country, accord) pair as one value, for the `pairs` argument below.
CREATE OR REPLACE MACRO core.membership_pair_key(country_code, accord) AS country_code || '|' || accord;

-- knowledge_cutoff: NULL for every claim, or a day: only claims of articles published on or before it
-- (articles without a publication date are then left out: nobody can say they were known by that day).
-- pairs: NULL for every pair, or the core.membership_pair_key of the pairs to resolve.
CREATE OR REPLACE MACRO core.resolve_membership_events(knowledge_cutoff, pairs := NULL) AS TABLE
WITH known_claims AS (
    SELECT c.claim_id, c.article_id, c.country_code, c.accord, c.status, c.claimed_by, c.evidence,
           c.confidence, c.is_future, c.date_lower, c.date_upper,
           a.published_at, CAST(a.published_at AS DATE) AS published_day, acc.start_date AS accord_start,
           core.claimant_of(c.claimed_by, a.publisher, c.article_id) AS claimant
    FROM core.claims c
    LEFT JOIN core.claim_articles() a ON a.article_id = c.article_id
    LEFT JOIN core.accords acc ON acc.accord = c.accord
    WHERE (CAST(knowledge_cutoff AS DATE) IS NULL
           OR CAST(a.published_at AS DATE) <= CAST(knowledge_cutoff AS DATE))
      AND (pairs IS NULL OR list_contains(pairs, core.membership_pair_key(c.country_code, c.accord)))
),
bounded AS (
    SELECT *,
           core.claim_window_lo(is_future, published_day, date_lower, date_upper, accord_start) AS lo,
           core.claim_window_hi(is_future, published_day, date_lower, date_upper) AS hi
    FROM known_claims
),
island_starts AS (
    SELECT *,
           CASE WHEN lo <= max(hi) OVER (
                    PARTITION BY country_code, accord, status ORDER BY lo, hi, claim_id
                    ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
                THEN 0 ELSE 1 END AS starts_island
    FROM bounded
),
islands AS (
    SELECT *,
           sum(starts_island) OVER (
               PARTITION BY country_code, accord, status ORDER BY lo, hi, claim_id
               ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS island
    FROM island_starts
),
grouped AS (
    SELECT country_code, accord, status,
           min(lo) AS hull_lo, max(hi) AS hull_hi, max(lo) AS common_lo, min(hi) AS common_hi,
           count(*) AS n_claims,
           count(DISTINCT article_id) AS n_articles,
           list(DISTINCT claimant ORDER BY claimant) AS claimants,
           list(claim_id ORDER BY claim_id) AS claim_ids,
           list(DISTINCT article_id ORDER BY article_id) AS article_ids,
           min(published_at) AS first_reported_at,
           max(published_at) AS last_reported_at,
           bool_and(is_future) AS is_future,
           list(evidence ORDER BY confidence DESC, published_at NULLS LAST, claim_id)[1] AS evidence_sample
    FROM islands
    GROUP BY country_code, accord, status, island
),
events AS (
    SELECT md5(concat_ws('|', country_code, accord, status, CAST(hull_lo AS VARCHAR), CAST(hull_hi AS VARCHAR)))
               AS event_id,
           country_code, accord, status,
           nullif(CASE WHEN common_lo <= common_hi THEN common_lo ELSE hull_lo END, '-infinity'::DATE) AS date_lower,
           nullif(CASE WHEN common_lo <= common_hi THEN common_hi ELSE hull_hi END, 'infinity'::DATE) AS date_upper,
           CASE WHEN common_lo <= common_hi THEN 'intersection' ELSE 'hull' END AS date_basis,
           nullif(hull_lo, '-infinity'::DATE) AS hull_lower,
           nullif(hull_hi, 'infinity'::DATE) AS hull_upper,
           CAST(n_claims AS INTEGER) AS n_claims, CAST(n_articles AS INTEGER) AS n_articles,
           CAST(len(claimants) AS INTEGER) AS n_claimants, claimants, claim_ids, article_ids,
           first_reported_at, last_reported_at, is_future, evidence_sample
    FROM grouped
),
conflicts AS (
    SELECT e.event_id, list(DISTINCT o.status ORDER BY o.status) AS conflicting_statuses
    FROM events e
    JOIN events o
      ON o.country_code = e.country_code AND o.accord = e.accord AND o.event_id <> e.event_id
     AND NOT e.is_future AND NOT o.is_future
     AND core.membership_statuses_conflict(e.status, o.status)
     AND core.date_windows_overlap(e.date_lower, e.date_upper, o.date_lower, o.date_upper)
     AND core.different_claimants(e.claimants, o.claimants)
    GROUP BY e.event_id
)
SELECT e.event_id, e.country_code, e.accord, e.status, e.date_lower, e.date_upper,
       core.date_window_precision(e.date_lower, e.date_upper) AS date_precision,
       e.n_claims, e.n_articles, e.n_claimants, e.claimants, e.claim_ids,
       e.first_reported_at, e.last_reported_at,
       f.event_id IS NOT NULL AS has_conflict,
       coalesce(f.conflicting_statuses, CAST([] AS VARCHAR[])) AS conflicting_statuses,
       e.is_future, e.date_basis, e.hull_lower, e.hull_upper, e.article_ids, e.evidence_sample
FROM events e
LEFT JOIN conflicts f ON f.event_id = e.event_id;
