-- migrator:revision c1broken0001
-- migrator:message a revision with a typo

-- migrator:upgrade
CREATE TABLE fine (id int PRIMARY KEY);

CREATE TABLE broken (id int PRIMARY KEY,
    name varchar(10) NOT NULL,
    oops oops oops);
