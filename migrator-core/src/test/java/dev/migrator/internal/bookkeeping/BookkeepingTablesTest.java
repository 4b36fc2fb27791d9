package dev.migrator.internal.bookkeeping;

import dev.migrator.bookkeeping.Direction;
import dev.migrator.bookkeeping.HistoryEntry;
import dev.migrator.bookkeeping.Outcome;
import dev.migrator.dialect.Dialects;
import dev.migrator.error.DatabaseException;
import dev.migrator.internal.session.JdbcSession;
import dev.migrator.plan.VersionChange;
import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BookkeepingTablesTest {

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void tablesAreCreatedOnceAndRowsFollowVersionChanges(DatabaseKind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind); JdbcSession session = JdbcSession.open(db.dataSource())) {
            BookkeepingTables tables = tablesInCurrentSchema(session, "migrator_version", "migrator_history");
            assertThat(session.query(tables.existingTablesQuery())).isEmpty();
            tables.createTables().forEach(session::execute);
            tables.createTables().forEach(session::execute); // idempotent
            // the two tables, and the history table's index where the dialect makes one (HSQLDB's makes none)
            assertThat(session.query(tables.existingTablesQuery())).hasSize(kind == DatabaseKind.HSQLDB ? 2 : 3);

            apply(session, tables, new VersionChange(List.of(), List.of(), List.of("a", "x")));
            apply(session, tables, new VersionChange(List.of("x"), List.of(new VersionChange.Update("a", "b")), List.of()));
            assertThat(rows(session, tables)).containsExactly("b");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aLongMessageIsCutToTheColumnNeverInsideACharacter(DatabaseKind kind) throws Exception {
        // 499 letters, then emoji: a cut at 500 UTF-16 units falls inside the first emoji's surrogate pair.
        String message = "m".repeat(499) + "\uD83D\uDE00".repeat(10);
        try (TestDatabase db = TestDatabase.create(kind); JdbcSession session = JdbcSession.open(db.dataSource())) {
            BookkeepingTables tables = tablesInCurrentSchema(session, "v", "h");
            tables.createTables().forEach(session::execute);
            session.execute(tables.insertHistory("r1", Direction.UPGRADE, Outcome.FAILED, null, message, null, null));
            Object stored = session.query(tables.selectHistory(1)).get(0).get(5);
            assertThat(stored).isEqualTo("m".repeat(499));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void historyKeepsMessagesWithQuotesAndBackslashesExactly(DatabaseKind kind) throws Exception {
        String message = "it's a \\path\\ with \"quotes\" and é";
        try (TestDatabase db = TestDatabase.create(kind); JdbcSession session = JdbcSession.open(db.dataSource())) {
            BookkeepingTables tables = tablesInCurrentSchema(session, "v", "h");
            tables.createTables().forEach(session::execute);
            session.execute(tables.insertHistory("r1", Direction.UPGRADE, Outcome.SUCCESS, "abc", message, 12L, 3));
            session.execute(tables.insertHistory("r1", Direction.DOWNGRADE, Outcome.SUCCESS, null, message, null, null));
            List<List<Object>> latest = session.query(tables.selectLatestHistoryPerRevision(List.of("r1"), true));
            assertThat(latest).hasSize(1);
            assertThat(latest.get(0).get(2)).isEqualTo("downgrade");
            List<List<Object>> history = session.query(tables.selectHistory(10));
            assertThat(history).hasSize(2);
            List<Object> downgrade = history.get(0); // newest first
            List<Object> upgrade = history.get(1);
            assertThat(upgrade.subList(1, 6)).containsExactly("r1", "upgrade", "success", "abc", message);
            assertThat(((Number) upgrade.get(7)).longValue()).isEqualTo(12L);
            assertThat(((Number) upgrade.get(8)).intValue()).isEqualTo(3);
            assertThat(downgrade.subList(1, 6)).containsExactly("r1", "downgrade", "success", null, message);
            assertThat(downgrade.get(7)).isNull();
            assertThat(downgrade.get(8)).isNull();
            assertThat(upgrade.get(6)).as("applied_at defaults to the time of the insert").isNotNull();
            // applied_by is the database's own user: "postgres", "root@localhost" on MariaDB, "SA" on H2.
            assertThat(String.valueOf(upgrade.get(9))).as("applied_by")
                    .startsWithIgnoringCase(db.user());
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void purgeEmptiesTheVersionTable(DatabaseKind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind); JdbcSession session = JdbcSession.open(db.dataSource())) {
            BookkeepingTables tables = tablesInCurrentSchema(session, "v", "h");
            tables.createTables().forEach(session::execute);
            apply(session, tables, new VersionChange(List.of(), List.of(), List.of("a", "b")));
            session.execute(tables.deleteAllVersionRows());
            assertThat(rows(session, tables)).isEmpty();
        }
    }

    @Test
    void versionChangesDeleteThenUpdateThenInsertWithQuotedLiterals() {
        BookkeepingTables pg = new BookkeepingTables(Dialects.byName("postgresql"), "app", "v", "h");
        VersionChange change = new VersionChange(List.of("d1", "it's"), List.of(new VersionChange.Update("a", "b")),
                List.of("c"));
        assertThat(pg.versionChange(change)).containsExactly(
                "DELETE FROM \"app\".\"v\" WHERE version_num = 'd1'",
                "DELETE FROM \"app\".\"v\" WHERE version_num = 'it''s'",
                "UPDATE \"app\".\"v\" SET version_num = 'b' WHERE version_num = 'a'",
                "INSERT INTO \"app\".\"v\" (version_num) VALUES ('c')");
    }

    @Test
    void historyInsertWritesNullsAsNullAndCutsMessagesAtFiveHundredCharacters() {
        BookkeepingTables pg = new BookkeepingTables(Dialects.byName("postgresql"), "app", "v", "h");
        assertThat(pg.insertHistory("r1", Direction.UPGRADE, Outcome.SUCCESS, null, "x".repeat(501), null, null)).isEqualTo(
                "INSERT INTO \"app\".\"h\" (revision, direction, outcome, checksum, message, duration_ms, statements,"
                        + " applied_by) VALUES ('r1', 'upgrade', 'success', NULL, '" + "x".repeat(500)
                        + "', NULL, NULL, current_user)");
        assertThat(pg.insertHistory("r1", Direction.DOWNGRADE, Outcome.FAILED, "abc", "m", 12L, 3))
                .endsWith("VALUES ('r1', 'downgrade', 'failed', 'abc', 'm', 12, 3, current_user)");
    }

    @Test
    void latestHistoryPerRevisionIsTheRowWithTheHighestId() {
        BookkeepingTables pg = new BookkeepingTables(Dialects.byName("postgresql"), "app", "v", "h");
        assertThat(pg.selectLatestHistoryPerRevision(List.of("a", "b"), false)).isEqualTo(
                "SELECT id, revision, direction, outcome, checksum, statements FROM \"app\".\"h\""
                        + " WHERE id IN (SELECT MAX(id) FROM \"app\".\"h\" GROUP BY revision)");
        assertThat(pg.selectLatestHistoryPerRevision(List.of("a", "it's"), true)).isEqualTo(
                "SELECT l.id, l.revision, l.direction, l.outcome, l.checksum, l.statements"
                        + " FROM (VALUES ('a'), ('it''s')) AS v (revision) CROSS JOIN LATERAL"
                        + " (SELECT id, revision, direction, outcome, checksum, statements FROM \"app\".\"h\" h"
                        + " WHERE h.revision = v.revision ORDER BY h.id DESC LIMIT 1) AS l");
        BookkeepingTables maria = new BookkeepingTables(Dialects.byName("mariadb"), "app", "v", "h");
        assertThat(maria.selectLatestHistoryPerRevision(List.of("a"), true))
                .isEqualTo(maria.selectLatestHistoryPerRevision(List.of("a"), false)).contains("GROUP BY revision");
        assertThat(pg.selectHistory(10)).endsWith(" FROM \"app\".\"h\" ORDER BY id DESC LIMIT 10");
    }

    @Test
    void namesAreQuotedAndSchemaQualified() {
        BookkeepingTables pg = new BookkeepingTables(Dialects.byName("postgresql"), "app", "migrator_version", "h");
        assertThat(pg.qualifiedVersionTable()).isEqualTo("\"app\".\"migrator_version\"");
        BookkeepingTables maria = new BookkeepingTables(Dialects.byName("mariadb"), null, "migrator_version", "h");
        assertThat(maria.qualifiedVersionTable()).isEqualTo("`migrator_version`");
    }

    private static BookkeepingTables tablesInCurrentSchema(JdbcSession session, String version, String history) {
        String schema = String.valueOf(session.query(session.dialect().currentSchemaQuery()).get(0).get(0));
        return new BookkeepingTables(session.dialect(), schema, version, history);
    }

    private static void apply(JdbcSession session, BookkeepingTables tables, VersionChange change) {
        session.begin();
        tables.versionChange(change).forEach(session::execute);
        session.commit();
    }

    private static List<String> rows(JdbcSession session, BookkeepingTables tables) {
        return session.query(tables.selectVersionRows()).stream().map(r -> String.valueOf(r.get(0))).sorted().toList();
    }

    @Test
    void historyRowsMapToEnumsAndAHandEditedRowIsNamed() {
        HistoryEntry row = HistoryRows.full(Arrays.asList(7L, "r1", "downgrade", "failed", "abc", "m", null,
                12L, 3, "me"));
        assertThat(row.direction()).isEqualTo(Direction.DOWNGRADE);
        assertThat(row.failed()).isTrue();
        assertThat(row.applied()).isFalse();
        assertThat(HistoryRows.latest(Arrays.asList(8L, "r1", "stamp",
                "success", "abc", 0)).applied()).isTrue();
        assertThatThrownBy(() -> HistoryRows.latest(Arrays.asList(9L, "r1",
                "sideways", "success", null, null)))
                .isInstanceOf(DatabaseException.class)
                .hasMessage("The history table holds a row with direction 'sideways'; migrator writes upgrade, downgrade"
                        + " or stamp: the table was changed by hand");
    }
}
