-- A merge revision: two parents, so the graph has one head again (`migrator merge -m ... heads`
-- writes this file). It needs no statements of its own.
-- migrator:revision a9b8c7d6e5f4
-- migrator:down 8c41d07e2b95, 5d6e7f809a1b
-- migrator:message merge tags and pins

-- migrator:upgrade

-- migrator:downgrade
