-- A revision of a newer release: with only db/migrations, this instance does not know it.
-- migrator:revision c3newer00003
-- migrator:down b2tag0000002
-- migrator:message pin notes

-- migrator:upgrade
ALTER TABLE note ADD COLUMN pinned boolean DEFAULT false;

-- migrator:downgrade
ALTER TABLE note DROP COLUMN pinned;
