package dev.migrator.engine;

import static dev.migrator.engine.Databases.quoted;
import static dev.migrator.engine.Databases.strings;
import static dev.migrator.engine.Databases.versionRows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.Migrator;
import dev.migrator.config.MigratorConfig;
import dev.migrator.error.MigrationFailedException;
import dev.migrator.graph.Revision;
import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Repeatable revisions on PostgreSQL, MariaDB and H2, over JDBC and R2DBC: run after the versioned
 * steps of an upgrade when changed, never otherwise. The database is read back with plain JDBC.
 */
class RepeatableRevisionsTest {

    @TempDir
    Path dir;

    static Stream<Arguments> databases() {
        return Stream.of(Transport.values()).flatMap(transport -> Stream.of(DatabaseKind.POSTGRESQL,
                DatabaseKind.MARIADB, DatabaseKind.H2).map(kind -> Arguments.of(transport, kind)));
    }

    private Migrator migrator(Transport transport, TestDatabase db) {
        return transport.migrator(db, MigratorConfig.builder().locations("filesystem:" + dir).build());
    }

    private static List<String> historyOf(TestDatabase db, String revision) throws SQLException {
        return strings(db, "SELECT concat(direction, ' ', outcome) FROM " + quoted(db, "migrator_history")
                + " WHERE revision = '" + revision + "' ORDER BY id");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("databases")
    void aViewIsCreatedOnTheFirstUpgradeAndRunAgainOnlyWhenEdited(Transport transport, DatabaseKind kind)
            throws Exception {
        ScriptFolder scripts = new ScriptFolder(dir);
        scripts.add("a", List.of(), "CREATE TABLE t_a (id int);\nINSERT INTO t_a VALUES (1);", "DROP TABLE t_a;");
        scripts.repeatable("r_view", "CREATE OR REPLACE VIEW v_a AS SELECT id AS n FROM t_a;");
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrator migrator = migrator(transport, db);
            assertThat(migrator.status().pending()).extracting(Revision::id).containsExactly("a", "r_view");
            assertThat(migrator.upgrade("heads").stepsRun()).isEqualTo(2);
            assertThat(strings(db, "SELECT n FROM v_a")).containsExactly("1");
            assertThat(versionRows(db)).containsExactly("a");
            assertThat(historyOf(db, "r_view")).containsExactly("upgrade success");
            assertThat(migrator.status().state()).isEqualTo(MigrationStatus.State.UP_TO_DATE);

            assertThat(migrator.upgrade("heads").stepsRun()).isZero();
            assertThat(historyOf(db, "r_view")).containsExactly("upgrade success");

            scripts.repeatable("r_view", "CREATE OR REPLACE VIEW v_a AS SELECT id + 1 AS n FROM t_a;");
            MigrationStatus edited = migrator.status();
            assertThat(edited.state()).isEqualTo(MigrationStatus.State.PENDING);
            assertThat(edited.pending()).extracting(Revision::id).containsExactly("r_view");
            assertThat(edited.drifted()).isEmpty();
            assertThat(migrator.upgrade("heads").stepsRun()).isEqualTo(1);
            assertThat(strings(db, "SELECT n FROM v_a")).containsExactly("2");
            assertThat(historyOf(db, "r_view")).containsExactly("upgrade success", "upgrade success");
            assertThat(versionRows(db)).containsExactly("a");
            assertThat(migrator.status().state()).isEqualTo(MigrationStatus.State.UP_TO_DATE);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("databases")
    void aFailedRepeatableLeavesAFailedRowAndTheNextUpgradeRunsItAgain(Transport transport, DatabaseKind kind)
            throws Exception {
        ScriptFolder scripts = new ScriptFolder(dir);
        scripts.table("a");
        scripts.repeatable("r_bad", "CREATE OR REPLACE VIEW v_bad AS SELECT no_such_column FROM t_a;");
        scripts.repeatable("r_later", "CREATE OR REPLACE VIEW v_later AS SELECT id FROM t_a;");
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrator migrator = migrator(transport, db);
            assertThatThrownBy(() -> migrator.upgrade("heads")).isInstanceOf(MigrationFailedException.class)
                    .hasMessageContaining("upgrade of repeatable revision r_bad failed")
                    .hasMessageContaining("the next upgrade runs it again");
            assertThat(versionRows(db)).containsExactly("a");
            assertThat(db.tableNames()).contains("t_a");
            assertThat(historyOf(db, "r_bad")).containsExactly("upgrade failed");
            assertThat(historyOf(db, "r_later")).isEmpty(); // the run stops at the failure
            assertThat(migrator.status().pending()).extracting(Revision::id).containsExactly("r_bad", "r_later");

            assertThatThrownBy(() -> migrator.upgrade("heads")).isInstanceOf(MigrationFailedException.class);
            assertThat(historyOf(db, "r_bad")).containsExactly("upgrade failed", "upgrade failed");

            scripts.repeatable("r_bad", "CREATE OR REPLACE VIEW v_bad AS SELECT id FROM t_a;");
            assertThat(migrator.upgrade("heads").stepsRun()).isEqualTo(2);
            assertThat(historyOf(db, "r_bad")).containsExactly("upgrade failed", "upgrade failed", "upgrade success");
            assertThat(historyOf(db, "r_later")).containsExactly("upgrade success");
            assertThat(migrator.status().state()).isEqualTo(MigrationStatus.State.UP_TO_DATE);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("databases")
    void stampAndDowngradeNeverRunRepeatablesAndEveryUpgradeDoes(Transport transport, DatabaseKind kind)
            throws Exception {
        ScriptFolder scripts = new ScriptFolder(dir);
        // a stamp marks a applied without running it, so its downgrade must not need its table
        scripts.add("a", List.of(), "CREATE TABLE t_a (id int);", "DROP TABLE IF EXISTS t_a;");
        scripts.table("b", "a");
        scripts.repeatable("r_one", "CREATE OR REPLACE VIEW v_one AS SELECT 1 AS one;");
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrator migrator = migrator(transport, db);
            migrator.stamp("a");
            assertThat(historyOf(db, "r_one")).isEmpty();
            assertThat(db.tableNames()).doesNotContain("v_one");
            migrator.upgrade("heads");
            assertThat(historyOf(db, "r_one")).containsExactly("upgrade success");
            migrator.downgrade("base");
            assertThat(versionRows(db)).isEmpty();
            assertThat(historyOf(db, "r_one")).containsExactly("upgrade success");
            scripts.repeatable("r_one", "CREATE OR REPLACE VIEW v_one AS SELECT 2 AS one;");
            migrator.stamp("b");
            assertThat(historyOf(db, "r_one")).containsExactly("upgrade success");
            // An upgrade with nothing versioned to do (and one to a target short of the heads) still runs it.
            assertThat(migrator.upgrade("b").stepsRun()).isEqualTo(1);
            assertThat(strings(db, "SELECT one FROM v_one")).containsExactly("2");
            assertThat(historyOf(db, "r_one")).containsExactly("upgrade success", "upgrade success");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("databases")
    void inOneTransactionPerRunTheVersionedStepsCommitBeforeTheRepeatablesRun(Transport transport,
            DatabaseKind kind) throws Exception {
        ScriptFolder scripts = new ScriptFolder(dir);
        scripts.table("a");
        scripts.table("b", "a");
        scripts.repeatable("r_bad", "CREATE OR REPLACE VIEW v_bad AS SELECT no_such_column FROM t_b;");
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrator migrator = transport.migrator(db, MigratorConfig.builder().locations("filesystem:" + dir)
                    .transactionPerMigration(false).build());
            assertThatThrownBy(() -> migrator.upgrade("heads")).isInstanceOf(MigrationFailedException.class)
                    .hasMessageContaining("repeatable revision r_bad");
            assertThat(versionRows(db)).containsExactly("b");
            assertThat(db.tableNames()).contains("t_a", "t_b");
            assertThat(historyOf(db, "r_bad")).containsExactly("upgrade failed");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("databases")
    void aDatabaseANewerReleaseMigratedKeepsItsRepeatables(Transport transport, DatabaseKind kind) throws Exception {
        Path older = java.nio.file.Files.createDirectory(dir.resolve("older"));
        Path newer = java.nio.file.Files.createDirectory(dir.resolve("newer"));
        new ScriptFolder(older).table("a");
        new ScriptFolder(older).repeatable("r_one", "CREATE OR REPLACE VIEW v_one AS SELECT 1 AS one;");
        new ScriptFolder(newer).table("b", "a");
        try (TestDatabase db = TestDatabase.create(kind)) {
            transport.migrator(db, MigratorConfig.builder().locations("filesystem:" + older, "filesystem:" + newer)
                    .build()).upgrade("heads");
            // The older release's copy of the view differs from what the newer release ran: it must not run.
            new ScriptFolder(older).repeatable("r_one", "CREATE OR REPLACE VIEW v_one AS SELECT 0 AS one;");
            Migrator olderRelease = transport.migrator(db, MigratorConfig.builder().locations("filesystem:" + older)
                    .build());
            assertThat(olderRelease.status().state()).isEqualTo(MigrationStatus.State.AHEAD);
            assertThat(olderRelease.status().pending()).isEmpty();
            assertThat(olderRelease.upgrade("heads").stepsRun()).isZero();
            assertThat(strings(db, "SELECT one FROM v_one")).containsExactly("1");
        }
    }
}
