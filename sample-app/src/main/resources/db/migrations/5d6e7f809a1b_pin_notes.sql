-- The other branch off the base, written at the same time as the tags branch.
-- migrator:revision 5d6e7f809a1b
-- migrator:down 3f2a9c1b7d4e
-- migrator:message pin notes

-- migrator:upgrade
ALTER TABLE note ADD COLUMN pinned boolean NOT NULL DEFAULT false;

-- migrator:downgrade
ALTER TABLE note DROP COLUMN pinned;
