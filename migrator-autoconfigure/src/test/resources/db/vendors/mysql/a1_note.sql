-- migrator:revision a1note000001
-- migrator:message create note

-- migrator:upgrade
CREATE TABLE note (id int PRIMARY KEY, title varchar(100) NOT NULL);

-- migrator:downgrade
DROP TABLE note;
