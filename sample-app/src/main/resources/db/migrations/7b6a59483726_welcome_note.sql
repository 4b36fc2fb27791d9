-- A data migration: rows, not schema. It runs once per database, like every revision.
-- migrator:revision 7b6a59483726
-- migrator:down 0e1f2a3b4c5d
-- migrator:message welcome note and tag

-- migrator:upgrade
INSERT INTO tag (name) VALUES ('welcome');
INSERT INTO note (title, body, pinned)
VALUES ('Welcome to migrator', 'This note was inserted by revision 7b6a59483726, a data migration.', true);
INSERT INTO note_tag (note_id, tag) SELECT id, 'welcome' FROM note WHERE title = 'Welcome to migrator';
-- Notes written before titles were trimmed by the API.
UPDATE note SET title = TRIM(title) WHERE title <> TRIM(title);

-- migrator:downgrade
DELETE FROM note_tag WHERE tag = 'welcome';
DELETE FROM note WHERE title = 'Welcome to migrator';
DELETE FROM tag WHERE name = 'welcome';
