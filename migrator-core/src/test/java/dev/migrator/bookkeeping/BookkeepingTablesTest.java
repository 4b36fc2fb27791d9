package dev.migrator.bookkeeping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.dialect.Dialects;
import dev.migrator.plan.VersionChange;
import dev.migrator.session.JdbcSession;
import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BookkeepingTablesTest {

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void tablesAreCreatedOnceAndRowsFollowVersionChanges(DatabaseKind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind); JdbcSession session = JdbcSession.open(db.dataSource())) {
            String schema = String.valueOf(session.query(session.dialect().currentSchemaQuery()).get(0).get(0));
            BookkeepingTables tables = new BookkeepingTables(session.dialect(), schema, "migrator_version", "migrator_history");
            assertThat(session.query(tables.existingTablesQuery())).isEmpty();
            tables.createTables().forEach(session::execute);
            tables.createTables().forEach(session::execute); // idempotent
            assertThat(session.query(tables.existingTablesQuery())).hasSize(2);

            apply(session, tables, new VersionChange(List.of(), List.of(), List.of("a", "x")));
            apply(session, tables, new VersionChange(List.of("x"), List.of(new VersionChange.Update("a", "b")), List.of()));
            assertThat(rows(session, tables)).containsExactly("b");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void historyKeepsMessagesWithQuotesAndBackslashesExactly(DatabaseKind kind) throws Exception {
        String message = "it's a \\path\\ with \"quotes\" and é";
        try (TestDatabase db = TestDatabase.create(kind); JdbcSession session = JdbcSession.open(db.dataSource())) {
            String schema = String.valueOf(session.query(session.dialect().currentSchemaQuery()).get(0).get(0));
            BookkeepingTables tables = new BookkeepingTables(session.dialect(), schema, "v", "h");
            tables.createTables().forEach(session::execute);
            session.execute(tables.insertHistory("r1", "upgrade", "success", "abc", message, 12L, 3));
            session.execute(tables.insertHistory("r1", "downgrade", "success", null, message, null, null));
            List<List<Object>> latest = session.query(tables.selectLatestHistoryPerRevision());
            assertThat(latest).hasSize(1);
            assertThat(latest.get(0).get(2)).isEqualTo("downgrade");
            List<List<Object>> history = session.query(tables.selectHistory(10));
            assertThat(history).hasSize(2);
            assertThat(history.get(0).get(5)).isEqualTo(message);
            assertThat(history.get(1).get(5)).isEqualTo(message);
            assertThat(Objects.toString(history.get(0).get(9))).isNotBlank();
        }
    }

    @org.junit.jupiter.api.Test
    void namesAreQuotedAndSchemaQualified() {
        BookkeepingTables pg = new BookkeepingTables(Dialects.byName("postgresql"), "app", "migrator_version", "h");
        assertThat(pg.qualifiedVersionTable()).isEqualTo("\"app\".\"migrator_version\"");
        BookkeepingTables maria = new BookkeepingTables(Dialects.byName("mariadb"), null, "migrator_version", "h");
        assertThat(maria.qualifiedVersionTable()).isEqualTo("`migrator_version`");
    }

    private static void apply(JdbcSession session, BookkeepingTables tables, VersionChange change) {
        session.begin();
        tables.versionChange(change).forEach(session::execute);
        session.commit();
    }

    private static List<String> rows(JdbcSession session, BookkeepingTables tables) {
        return session.query(tables.selectVersionRows()).stream().map(r -> String.valueOf(r.get(0))).sorted().toList();
    }
}
