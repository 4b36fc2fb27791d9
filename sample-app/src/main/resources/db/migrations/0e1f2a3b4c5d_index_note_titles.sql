-- Runs outside a transaction. On PostgreSQL a big table would use CREATE INDEX CONCURRENTLY here,
-- which refuses to run in one; the sample keeps the plain form that H2 understands too.
-- migrator:revision 0e1f2a3b4c5d
-- migrator:down a9b8c7d6e5f4
-- migrator:transactional false
-- migrator:message index note titles

-- migrator:upgrade
CREATE INDEX note_title_idx ON note (title);

-- migrator:downgrade
DROP INDEX note_title_idx;
