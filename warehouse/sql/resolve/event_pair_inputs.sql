-- Per (country, accord) pair: its claims and a fingerprint of everything core.resolve_membership_events
-- reads for them (a sum of row hashes, independent of row order): every claim column it uses, the
-- publication time and publisher of the claim's article, the accord's start date. A pair whose count
-- and fingerprint equal the ones stored in core.membership_event_inputs resolves to the events stored.
-- The articles are narrowed to those with a claim (core.claim_articles()): joining every article built a
-- hash table over all of them (this query alone: +72 MB at 200k articles, +50 MB narrowed).
SELECT c.country_code, c.accord, core.membership_pair_key(c.country_code, c.accord) AS pair_key,
       count(*) AS n_claims,
       sum(hash(c.claim_id, c.article_id, c.status, c.claimed_by, c.evidence, c.confidence, c.is_future,
                c.date_lower, c.date_upper, a.published_at, a.publisher, acc.start_date)) AS fingerprint
FROM core.claims c
LEFT JOIN core.claim_articles() a ON a.article_id = c.article_id
LEFT JOIN core.accords acc ON acc.accord = c.accord
GROUP BY c.country_code, c.accord
ORDER BY pair_key
