package dev.migrator.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.dialect.Dialects;
import dev.migrator.script.ScriptParser;
import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code changing-column-type} against the server itself: whether the real PostgreSQL rewrites the
 * table for a type change (it gets a new file: {@code pg_class.relfilenode} changes), which is what
 * holds the ACCESS EXCLUSIVE lock for as long as the table takes to copy. The session's time zone is
 * not UTC, where PostgreSQL 12+ turns {@code timestamp} into {@code timestamptz} without a rewrite.
 */
class ColumnTypeRewriteTest {

    private static final Linter LINTER = Linter.create(Dialects.byName("postgresql"), LintSettings.defaults());

    @ParameterizedTest
    @ValueSource(strings = {
        "ALTER TABLE account ALTER COLUMN n TYPE bigint",
        "ALTER TABLE account ALTER COLUMN name TYPE varchar(20) USING name || ''",
        "ALTER TABLE account ALTER COLUMN created TYPE timestamptz",
    })
    void theFlaggedFormsRewriteTheTable(String alter) throws Exception {
        assertThat(flagged(alter)).as("flagged").isTrue();
        assertThat(rewrites(alter)).as("rewrites the table").isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "ALTER TABLE account ALTER COLUMN name TYPE varchar(20)",
        "ALTER TABLE account ALTER COLUMN name TYPE text",
        "ALTER TABLE account ALTER COLUMN name TYPE varchar",
        "ALTER TABLE account ALTER COLUMN amount TYPE numeric(14, 2)",
        "ALTER TABLE account ALTER COLUMN amount TYPE numeric",
    })
    void theWideningsLeftUnflaggedKeepTheTable(String alter) throws Exception {
        assertThat(flagged(alter)).as("flagged").isFalse();
        assertThat(rewrites(alter)).as("rewrites the table").isFalse();
    }

    /**
     * What the rule cannot see, since a script does not say the old type (docs/safety.md): a numeric
     * whose scale changes, and a number turned into text, are rewritten though their new types are
     * the targets of widenings.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "ALTER TABLE account ALTER COLUMN amount TYPE numeric(12, 3)",
        "ALTER TABLE account ALTER COLUMN n TYPE text",
    })
    void changesFromAnotherTypeRewriteUnflagged(String alter) throws Exception {
        assertThat(flagged(alter)).as("flagged").isFalse();
        assertThat(rewrites(alter)).as("rewrites the table").isTrue();
    }

    private static boolean flagged(String alter) {
        return LINTER.lint(List.of(ScriptParser.parse("-- migrator:revision r1\n-- migrator:upgrade\n" + alter + ";\n",
                "r1.sql"))).stream().anyMatch(finding -> finding.rule().equals("changing-column-type"));
    }

    private static boolean rewrites(String alter) throws Exception {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL); Connection c = db.connect();
                Statement st = c.createStatement()) {
            st.execute("SET TimeZone = 'America/New_York'");
            st.execute("CREATE TABLE account (id int PRIMARY KEY, n int, name varchar(10), amount numeric(10, 2),"
                    + " created timestamp)");
            st.execute("INSERT INTO account SELECT g, g, 'n' || g, g, now() FROM generate_series(1, 100) g");
            long before = relfilenode(st);
            st.execute(alter);
            return relfilenode(st) != before;
        }
    }

    private static long relfilenode(Statement st) throws Exception {
        try (ResultSet rs = st.executeQuery("SELECT relfilenode FROM pg_class WHERE relname = 'account'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
