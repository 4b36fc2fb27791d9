-- migrator:revision b2tag0000002
-- migrator:down a1note000001
-- migrator:message create tag

-- migrator:upgrade
CREATE TABLE tag (name varchar(50) PRIMARY KEY);
INSERT INTO tag (name) VALUES ('first');

-- migrator:downgrade
DROP TABLE tag;
