package dev.migrator.internal.bookkeeping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.bookkeeping.Direction;
import dev.migrator.bookkeeping.Outcome;
import dev.migrator.dialect.Dialects;
import dev.migrator.internal.session.JdbcSession;
import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The newest history row of each revision, read through the index on (revision, id): the same rows
 * as a full read of the table gives, with and without the index, and a plan that uses the index.
 */
class HistoryLookupTest {

    private static final List<String> KNOWN = known();

    private static List<String> known() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add(String.format("rev%02d", i));
        }
        return List.copyOf(ids);
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRESQL", "MARIADB", "H2"})
    void theLookupFindsWhatAFullReadFindsWithAndWithoutTheIndex(DatabaseKind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind); JdbcSession session = JdbcSession.open(db.dataSource())) {
            BookkeepingTables tables = tablesInCurrentSchema(session);
            tables.createTables().forEach(session::execute);
            writeHistory(session, tables);
            Map<String, String> expected = newestRowPerKnownRevisionByFullRead(db, tables.historyTable());
            assertThat(expected).hasSizeBetween(30, 39); // some known revisions have no row

            assertThat(lookup(session, tables, true)).isEqualTo(expected);
            assertThat(lookup(session, tables, false)).isEqualTo(expected);
            assertThat(existing(session, tables)).contains(tables.historyIndexName());

            execute(db, dropIndex(kind, tables.historyIndexName(), tables.historyTable()));
            assertThat(existing(session, tables)).doesNotContain(tables.historyIndexName());
            assertThat(lookup(session, tables, false)).isEqualTo(expected);
            assertThat(lookup(session, tables, true)).as("correct without the index, only slower").isEqualTo(expected);

            tables.createHistoryIndex().forEach(session::execute);
            tables.createHistoryIndex().forEach(session::execute); // leaves the index it finds alone
            assertThat(existing(session, tables)).contains(tables.historyIndexName());
            assertThat(lookup(session, tables, true)).isEqualTo(expected);
        }
    }

    /** MySQL has no CREATE INDEX IF NOT EXISTS; its statements (prepared from the catalog) also run on MariaDB. */
    @Test
    void mysqlsStatementsCreateTheIndexOnceWhereItIsMissing() throws Exception {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.MARIADB);
                JdbcSession session = JdbcSession.open(db.dataSource())) {
            BookkeepingTables maria = tablesInCurrentSchema(session);
            maria.createTables().forEach(session::execute);
            execute(db, dropIndex(DatabaseKind.MARIADB, maria.historyIndexName(), maria.historyTable()));
            BookkeepingTables mysql = new BookkeepingTables(Dialects.byName("mysql"), maria.schema(),
                    maria.versionTable(), maria.historyTable());
            BookkeepingTables mysqlOffline = new BookkeepingTables(Dialects.byName("mysql"), null,
                    maria.versionTable(), maria.historyTable());
            assertThat(mysqlOffline.createHistoryIndex().get(0)).contains("DATABASE()");
            mysql.createHistoryIndex().forEach(session::execute);
            assertThat(existing(session, maria)).contains(maria.historyIndexName());
            mysqlOffline.createHistoryIndex().forEach(session::execute);
            mysql.createHistoryIndex().forEach(session::execute);
            assertThat(strings(db, "SELECT column_name FROM information_schema.statistics WHERE table_schema = DATABASE()"
                    + " AND index_name = '" + maria.historyIndexName() + "' ORDER BY seq_in_index"))
                    .containsExactly("revision", "id");
        }
    }

    /** At 100,000 rows (1,000 revisions of 100 rows each) PostgreSQL probes the index per revision, no scan. */
    @Test
    void postgresqlProbesTheIndexAtAHundredThousandRows() throws Exception {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL);
                JdbcSession session = JdbcSession.open(db.dataSource())) {
            BookkeepingTables tables = filled(db, session, "SELECT 'r' || r, 'upgrade', 'success', md5(k::text), 'm', 1, 'x'"
                    + " FROM generate_series(1, 100) k, generate_series(1, 1000) r ORDER BY k, r", "VACUUM ANALYZE");
            List<String> revisions = new ArrayList<>();
            for (int r = 1; r <= 1000; r++) {
                revisions.add("r" + r);
            }
            String plan = String.join("\n", strings(db, "EXPLAIN " + tables.selectLatestHistoryPerRevision(revisions, true)));
            assertThat(plan).contains("Index Scan Backward using " + tables.historyIndexName())
                    .doesNotContain("Seq Scan");
            assertThat(session.query(tables.selectLatestHistoryPerRevision(revisions, true))).hasSize(1000)
                    .allSatisfy(row -> assertThat(((Number) row.get(0)).longValue()).isGreaterThan(99_000));
        }
    }

    /** MariaDB reads MAX(id) per revision as a loose index scan through the index. */
    @Test
    void mariadbReadsTheIndexForItsGroupBy() throws Exception {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.MARIADB);
                JdbcSession session = JdbcSession.open(db.dataSource())) {
            BookkeepingTables tables = filled(db, session, "SELECT concat('r', r.seq), 'upgrade', 'success', md5(k.seq),"
                    + " 'm', 1, 'x' FROM seq_1_to_20 k, seq_1_to_500 r ORDER BY k.seq, r.seq", "ANALYZE TABLE");
            String plan = String.join("\n", strings(db, "EXPLAIN FORMAT=JSON "
                    + tables.selectLatestHistoryPerRevision(List.of("r1"), true)));
            assertThat(plan).contains("\"using_index_for_group_by\": true").contains(tables.historyIndexName());
        }
    }

    @Test
    void theIndexNameFitsEveryDatabaseAndTellsLongTableNamesApart() {
        BookkeepingTables plain = new BookkeepingTables(Dialects.byName("postgresql"), "app", "v", "migrator_history");
        assertThat(plain.historyIndexName()).isEqualTo("migrator_history_revision_idx");
        String a = new BookkeepingTables(Dialects.byName("postgresql"), "app", "v", "h".repeat(60) + "_a").historyIndexName();
        String b = new BookkeepingTables(Dialects.byName("postgresql"), "app", "v", "h".repeat(60) + "_b").historyIndexName();
        String wide = new BookkeepingTables(Dialects.byName("postgresql"), "app", "v", "é".repeat(40)).historyIndexName();
        assertThat(List.of(a, b, wide)).allSatisfy(name -> assertThat(name.getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(63)).allSatisfy(name -> assertThat(name).endsWith("_revision_idx"));
        assertThat(a).isNotEqualTo(b).startsWith("hhhh");
    }

    /**
     * About 700 rows over the 40 known revisions and 5 unknown ones: upgrades, failed runs,
     * downgrades, stamps and re-applies in a shuffled order; one revision with 300 rows.
     */
    private static void writeHistory(JdbcSession session, BookkeepingTables tables) {
        Random random = new Random(22);
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String revision = random.nextInt(10) == 0 ? "unknown" + random.nextInt(5) : KNOWN.get(random.nextInt(34));
            Direction direction = Direction.values()[random.nextInt(3)];
            Outcome outcome = random.nextInt(4) == 0 ? Outcome.FAILED : Outcome.SUCCESS;
            String checksum = random.nextInt(5) == 0 ? null : Integer.toHexString(random.nextInt());
            Integer statements = random.nextInt(6) == 0 ? null : random.nextInt(9);
            rows.add(tables.insertHistory(revision, direction, outcome, checksum, "m" + i, null, statements));
        }
        for (int i = 0; i < 300; i++) {
            rows.add(rows.size() - random.nextInt(50), tables.insertHistory("rev35", Direction.UPGRADE, Outcome.SUCCESS,
                    "c" + i, "repeatable", 1L, 1));
        }
        session.executeAll(rows);
    }

    /** The oracle: every row, read with plain JDBC in id order; the last one seen of a revision wins. */
    private static Map<String, String> newestRowPerKnownRevisionByFullRead(TestDatabase db, String table)
            throws SQLException {
        Map<String, String> newest = new TreeMap<>();
        String quoted = db.kind().embedded() ? "\"" + table + "\"" : table;
        try (Connection c = db.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM " + quoted + " ORDER BY id")) {
            while (rs.next()) {
                String revision = rs.getString("revision");
                Object statements = rs.getObject("statements");
                if (KNOWN.contains(revision)) {
                    newest.put(revision, rs.getLong("id") + "|" + revision + "|" + rs.getString("direction") + "|"
                            + rs.getString("outcome") + "|" + rs.getString("checksum") + "|"
                            + (statements == null ? null : ((Number) statements).intValue()));
                }
            }
        }
        return newest;
    }

    private static Map<String, String> lookup(JdbcSession session, BookkeepingTables tables, boolean indexed) {
        Map<String, String> found = new TreeMap<>();
        for (List<Object> row : session.query(tables.selectLatestHistoryPerRevision(KNOWN, indexed))) {
            String revision = String.valueOf(row.get(1));
            if (KNOWN.contains(revision)) {
                String previous = found.put(revision, ((Number) row.get(0)).longValue() + "|" + revision + "|"
                        + row.get(2) + "|" + row.get(3) + "|" + row.get(4) + "|"
                        + (row.get(5) == null ? null : ((Number) row.get(5)).intValue()));
                assertThat(previous).as("one row per revision").isNull();
            }
        }
        return found;
    }

    private static Set<String> existing(JdbcSession session, BookkeepingTables tables) {
        Set<String> names = new java.util.HashSet<>();
        session.query(tables.existingTablesQuery()).forEach(row -> names.add(String.valueOf(row.get(0))));
        return names;
    }

    private static String dropIndex(DatabaseKind kind, String index, String table) {
        return switch (kind) {
            case MARIADB -> "DROP INDEX `" + index + "` ON `" + table + "`";
            default -> "DROP INDEX \"" + index + "\"";
        };
    }

    /** The tables, with the history rows that {@code select} gives, and the planner's statistics taken. */
    private static BookkeepingTables filled(TestDatabase db, JdbcSession session, String select, String analyze)
            throws SQLException {
        BookkeepingTables tables = tablesInCurrentSchema(session);
        tables.createTables().forEach(session::execute);
        execute(db, "INSERT INTO migrator_history (revision, direction, outcome, checksum, message, statements,"
                + " applied_by) " + select);
        execute(db, analyze + " migrator_history");
        return tables;
    }

    private static BookkeepingTables tablesInCurrentSchema(JdbcSession session) {
        String schema = String.valueOf(session.query(session.dialect().currentSchemaQuery()).get(0).get(0));
        return new BookkeepingTables(session.dialect(), schema, "migrator_version", "migrator_history");
    }

    private static void execute(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static List<String> strings(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }
}
