-- core.membership_events as the resolution writes it now (run before each rebuild, in its transaction;
-- pipelines/resolve/events.py then replaces the events of the pairs whose claims changed).

-- Warehouses created before these columns joined the table contract get them here.
ALTER TABLE core.membership_events ADD COLUMN IF NOT EXISTS is_future BOOLEAN;
ALTER TABLE core.membership_events ADD COLUMN IF NOT EXISTS date_basis VARCHAR;
ALTER TABLE core.membership_events ADD COLUMN IF NOT EXISTS hull_lower DATE;
ALTER TABLE core.membership_events ADD COLUMN IF NOT EXISTS hull_upper DATE;
ALTER TABLE core.membership_events ADD COLUMN IF NOT EXISTS article_ids VARCHAR[];
ALTER TABLE core.membership_events ADD COLUMN IF NOT EXISTS evidence_sample VARCHAR;
