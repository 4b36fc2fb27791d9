-- A revision only this checkout has, next to another release's c3newer00003.
-- migrator:revision d4side000004
-- migrator:down b2tag0000002
-- migrator:message note colours

-- migrator:upgrade
ALTER TABLE note ADD COLUMN colour varchar(20);

-- migrator:downgrade
ALTER TABLE note DROP COLUMN colour;
