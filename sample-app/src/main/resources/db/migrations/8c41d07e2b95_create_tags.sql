-- One of two branches off the base. The label names the branch: `upgrade tags` or
-- `upgrade tags@head` applies it alone.
-- migrator:revision 8c41d07e2b95
-- migrator:down 3f2a9c1b7d4e
-- migrator:branch-labels tags
-- migrator:message create tags

-- migrator:upgrade
CREATE TABLE tag (
    name varchar(64) PRIMARY KEY
);

CREATE TABLE note_tag (
    note_id bigint NOT NULL REFERENCES note (id) ON DELETE CASCADE,
    tag varchar(64) NOT NULL REFERENCES tag (name),
    PRIMARY KEY (note_id, tag)
);

-- migrator:downgrade
DROP TABLE note_tag;
DROP TABLE tag;
