package dev.migrator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.Migrator;
import dev.migrator.config.MigratorConfig;
import dev.migrator.dialect.Dialects;
import dev.migrator.error.ChecksumMismatchException;
import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The history table's index on (revision, id): created with the tables, and on tables an earlier
 * version created without it by the next run that applies something, online and offline; never by
 * a no-op, which stays correct without it.
 */
class HistoryIndexTest {

    private static final String INDEX = "migrator_history_revision_idx";

    @TempDir
    Path dir;

    private ScriptFolder folder;

    private MigratorConfig config() {
        return MigratorConfig.builder().locations(folder.location()).build();
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRESQL", "MARIADB", "H2"})
    void aFirstRunCreatesTheIndexOnRevisionAndId(DatabaseKind kind) throws Exception {
        folder = new ScriptFolder(Files.createDirectory(dir.resolve("scripts")));
        folder.table("a");
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrator.create(db.dataSource(), config()).upgrade("heads");
            assertThat(indexColumns(db)).containsExactly("revision", "id");
        }
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRESQL", "MARIADB", "H2"})
    void tablesOfAnEarlierVersionGetTheIndexFromTheNextRunThatAppliesSomethingAndNeverFromANoop(DatabaseKind kind)
            throws Exception {
        folder = new ScriptFolder(Files.createDirectory(dir.resolve("scripts")));
        folder.table("a");
        folder.repeatable("r", "CREATE OR REPLACE VIEW v_r AS SELECT id FROM t_a;");
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrator.create(db.dataSource(), config()).upgrade("heads");
            Databases.execute(db, dropIndex(kind));
            assertThat(indexColumns(db)).isEmpty();

            Migrator migrator = Migrator.create(db.dataSource(), config());
            assertThat(migrator.upgrade("heads").stepsRun()).isZero();
            assertThat(migrator.status().state()).isEqualTo(MigrationStatus.State.UP_TO_DATE);
            assertThat(indexColumns(db)).as("a no-op writes nothing").isEmpty();
            // Without the index the lookup still sees each revision's newest row: the drift check works.
            folder.add("a", List.of(), "CREATE TABLE t_a (id int, edited int);", "DROP TABLE t_a;");
            assertThatThrownBy(() -> Migrator.create(db.dataSource(), config()).upgrade("heads"))
                    .isInstanceOf(ChecksumMismatchException.class);
            assertThat(indexColumns(db)).isEmpty();
            folder.table("a");

            folder.table("b", "a");
            assertThat(Migrator.create(db.dataSource(), config()).upgrade("heads").stepsRun()).isEqualTo(1);
            assertThat(indexColumns(db)).containsExactly("revision", "id");
            assertThat(Migrator.create(db.dataSource(), config()).status().state())
                    .isEqualTo(MigrationStatus.State.UP_TO_DATE);
        }
    }

    /** From a revision, the script creates the index where it is missing, as the online run does. */
    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = {"POSTGRESQL", "MARIADB"})
    void anOfflineScriptFromARevisionCreatesTheIndexAnEarlierVersionLeftOutAsTheOnlineRunDoes(DatabaseKind kind)
            throws Exception {
        folder = new ScriptFolder(Files.createDirectory(dir.resolve("scripts")));
        folder.table("a");
        try (TestDatabase online = TestDatabase.create(kind); TestDatabase offline = TestDatabase.create(kind)) {
            for (TestDatabase db : List.of(online, offline)) {
                Migrator.create(db.dataSource(), config()).upgrade("heads");
                Databases.execute(db, dropIndex(kind));
            }
            folder.table("b", "a");
            assertThat(Migrator.create(offline.dataSource(), config()).scriptFromCurrent(Command.UPGRADE, "heads"))
                    .as("read from a database without the index").contains(INDEX);
            Migrator.create(online.dataSource(), config()).upgrade("heads");
            assertThat(Migrator.create(online.dataSource(), config()).scriptFromCurrent(Command.UPGRADE, "heads"))
                    .as("nothing to do").doesNotContain(INDEX);
            String script = Migrator.offline(config()).script(Dialects.byName(kind.dialectName()), Command.UPGRADE,
                    "a:heads");
            assertThat(script).contains(INDEX);
            SchemaDumps.runScript(offline, Files.writeString(dir.resolve("from-a.sql"), script));
            assertThat(indexColumns(offline)).containsExactly("revision", "id");
            assertThat(SchemaDumps.schema(offline)).isEqualTo(SchemaDumps.schema(online)).contains(INDEX);
            // and run again on a database that has it, the statement leaves it alone
            Databases.execute(offline, "DELETE FROM migrator_version");
            Databases.execute(offline, "INSERT INTO migrator_version VALUES ('a')");
            Databases.execute(offline, "DROP TABLE t_b");
            SchemaDumps.runScript(offline, dir.resolve("from-a.sql"));
            assertThat(SchemaDumps.schema(offline)).isEqualTo(SchemaDumps.schema(online));
            folder.table("c", "b");
            assertThat(Migrator.create(offline.dataSource(), config()).scriptFromCurrent(Command.UPGRADE, "heads"))
                    .as("read from a database with the index").contains("t_c").doesNotContain(INDEX);
        }
    }

    private static String dropIndex(DatabaseKind kind) {
        return kind == DatabaseKind.MARIADB ? "DROP INDEX " + INDEX + " ON migrator_history"
                : "DROP INDEX \"" + INDEX + "\"";
    }

    /** The index's columns in order, from the driver's metadata, independent of the code under test. */
    private static List<String> indexColumns(TestDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            TreeMap<Short, String> columns = new TreeMap<>();
            boolean maria = db.kind() == DatabaseKind.MARIADB;
            try (ResultSet rs = c.getMetaData().getIndexInfo(maria ? c.getCatalog() : null, maria ? null : c.getSchema(),
                    "migrator_history", false, false)) {
                while (rs.next()) {
                    if (INDEX.equalsIgnoreCase(rs.getString("INDEX_NAME"))) {
                        columns.put(rs.getShort("ORDINAL_POSITION"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            }
            return new ArrayList<>(columns.values());
        }
    }
}
