-- Rebuild core.membership_events from every claim (needs the macros of _resolve_events.sql).
-- Run inside one transaction: readers see the old events or the new ones, never half.

-- Warehouses created before these columns joined the table contract get them here.
ALTER TABLE core.membership_events ADD COLUMN IF NOT EXISTS is_future BOOLEAN;
ALTER TABLE core.membership_events ADD COLUMN IF NOT EXISTS date_basis VARCHAR;
ALTER TABLE core.membership_events ADD COLUMN IF NOT EXISTS hull_lower DATE;
ALTER TABLE core.membership_events ADD COLUMN IF NOT EXISTS hull_upper DATE;
ALTER TABLE core.membership_events ADD COLUMN IF NOT EXISTS article_ids VARCHAR[];
ALTER TABLE core.membership_events ADD COLUMN IF NOT EXISTS evidence_sample VARCHAR;

DELETE FROM core.membership_events;

INSERT INTO core.membership_events BY NAME
SELECT * FROM core.resolve_membership_events(NULL);
