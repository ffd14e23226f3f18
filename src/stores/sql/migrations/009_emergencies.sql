-- A traveller's emergency told to the bot opens an incident too, so the manager on duty is paged.
ALTER TABLE incidents DROP CONSTRAINT incidents_kind_check;
ALTER TABLE incidents ADD CONSTRAINT incidents_kind_check CHECK (kind IN ('report', 'group', 'emergency'));
