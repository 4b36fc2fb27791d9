package dev.migrator.engine;

import static dev.migrator.engine.Databases.quoted;
import static dev.migrator.engine.Databases.strings;
import static dev.migrator.engine.Databases.versionRows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.Migrator;
import dev.migrator.config.MigratorConfig;
import dev.migrator.error.DatabaseException;
import dev.migrator.error.MigrationFailedException;
import dev.migrator.error.ScriptException;
import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SQL callbacks (docs/script-format.md#callbacks) against the real PostgreSQL, MariaDB and H2, once
 * per transport: each callback and revision writes into a log table, read back in order.
 */
abstract class CallbackSuite {

    abstract Transport transport();

    @TempDir
    Path dir;

    private Migrator migrator(TestDatabase db) {
        return transport().migrator(db, MigratorConfig.builder().locations("filesystem:" + dir).build());
    }

    @ParameterizedTest
    @ArgumentsSource(SuiteDatabases.BuiltInDialects.class)
    void callbacksRunAroundTheRunAndEachRevisionInOrderAndLeaveNoHistory(DatabaseKind kind) throws Exception {
        CallbackScripts.write(dir);
        try (TestDatabase db = TestDatabase.create(kind)) {
            CallbackScripts.createLog(db);
            Migrator migrator = migrator(db);
            assertThat(migrator.upgrade("heads").stepsRun()).isEqualTo(2);
            assertThat(CallbackScripts.log(db)).containsExactly("beforeMigrate", "beforeEachMigrate a", "upgrade a",
                    "afterEachMigrate a", "beforeEachMigrate b", "upgrade b", "afterEachMigrate b", "afterMigrate",
                    "afterMigrate second");
            // Nothing to apply: no callback runs either.
            assertThat(migrator.upgrade("heads").stepsRun()).isZero();
            assertThat(CallbackScripts.log(db)).hasSize(9);
            migrator.downgrade("base");
            assertThat(CallbackScripts.log(db).subList(9, 17)).containsExactly("beforeUndo", "beforeEachUndo b",
                    "downgrade b", "afterEachUndo b", "beforeEachUndo a", "downgrade a", "afterEachUndo a", "afterUndo");
            migrator.stamp("heads");
            assertThat(CallbackScripts.log(db)).hasSize(17);
            assertThat(strings(db, "SELECT concat(direction, ' ', revision) FROM " + quoted(db, "migrator_history")
                    + " ORDER BY id")).containsExactly("upgrade a", "upgrade b", "downgrade b", "downgrade a",
                    "stamp b", "stamp a");
        }
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = "POSTGRESQL")
    void eachRevisionCallbacksShareTheRevisionsTransaction(DatabaseKind kind) throws Exception {
        CallbackScripts.write(dir);
        new ScriptFolder(dir).add("c", List.of("b"), "INSERT INTO event_log (what) VALUES ('upgrade c');\n"
                + "INSERT INTO missing VALUES (1);", null);
        try (TestDatabase db = TestDatabase.create(kind)) {
            CallbackScripts.createLog(db);
            assertThatThrownBy(() -> migrator(db).upgrade("heads")).isInstanceOf(MigrationFailedException.class)
                    .hasMessageContaining("c_revision.sql:7");
            // c's callback and statement went with its transaction; after-run callbacks did not run.
            assertThat(CallbackScripts.log(db)).containsExactly("beforeMigrate", "beforeEachMigrate a", "upgrade a",
                    "afterEachMigrate a", "beforeEachMigrate b", "upgrade b", "afterEachMigrate b");
            assertThat(versionRows(db)).containsExactly("b");
        }
    }

    @ParameterizedTest
    @ArgumentsSource(SuiteDatabases.BuiltInDialects.class)
    void aFailingCallbackNamesItsFileAndLineAndTheRevision(DatabaseKind kind) throws Exception {
        new ScriptFolder(dir).table("a");
        CallbackScripts.callback(dir, "afterEachMigrate.sql", "-- checks\nINSERT INTO no_such_table VALUES (1);");
        try (TestDatabase db = TestDatabase.create(kind)) {
            assertThatThrownBy(() -> migrator(db).upgrade("heads")).isInstanceOf(MigrationFailedException.class)
                    .hasMessageContaining("Callback afterEachMigrate failed at " + dir.resolve("afterEachMigrate.sql")
                            + ":2")
                    .hasMessageContaining("running for revision a");
            assertThat(versionRows(db)).isEmpty();
            if (kind == DatabaseKind.POSTGRESQL) {
                assertThat(db.tableNames()).doesNotContain("t_a");
            } else {
                // The revision's statements committed at once; its failed row says so, and the next run
                // runs the callbacks again, then records it.
                CallbackScripts.callback(dir, "afterEachMigrate.sql", "SELECT 1;");
                migrator(db).upgrade("heads");
                assertThat(versionRows(db)).containsExactly("a");
            }
        }
    }

    @ParameterizedTest
    @ArgumentsSource(SuiteDatabases.BuiltInDialects.class)
    void aFailingAfterMigrateKeepsTheRevisionsAndNamesTheCallback(DatabaseKind kind) throws Exception {
        new ScriptFolder(dir).table("a");
        CallbackScripts.callback(dir, "afterMigrate.sql", "SELECT * FROM no_such_table;");
        try (TestDatabase db = TestDatabase.create(kind)) {
            assertThatThrownBy(() -> migrator(db).upgrade("heads")).isInstanceOf(DatabaseException.class)
                    .hasMessageContaining("Callback afterMigrate failed at " + dir.resolve("afterMigrate.sql") + ":1")
                    .hasMessageContaining("The revisions of the run stay applied.");
            assertThat(versionRows(db)).containsExactly("a");
        }
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = "POSTGRESQL")
    void withOneTransactionForTheRunAFailingAfterMigrateRollsBackEverything(DatabaseKind kind) throws Exception {
        CallbackScripts.write(dir);
        CallbackScripts.callback(dir, "afterMigrate__second.sql", "SELECT * FROM no_such_table;");
        try (TestDatabase db = TestDatabase.create(kind)) {
            CallbackScripts.createLog(db);
            Migrator migrator = transport().migrator(db, MigratorConfig.builder().locations("filesystem:" + dir)
                    .transactionPerMigration(false).build());
            assertThatThrownBy(() -> migrator.upgrade("heads")).isInstanceOf(DatabaseException.class)
                    .hasMessageContaining("afterMigrate__second.sql:1")
                    .hasMessageContaining("The whole run was one transaction and was rolled back");
            assertThat(CallbackScripts.log(db)).isEmpty();
            assertThat(versionRows(db)).isEmpty();
            assertThat(db.tableNames()).doesNotContain("t_a", "t_b");
        }
    }

    @ParameterizedTest
    @ArgumentsSource(SuiteDatabases.BuiltInDialects.class)
    void anUndefinedPlaceholderInACallbackStopsTheRunBeforeAnythingRuns(DatabaseKind kind) throws Exception {
        new ScriptFolder(dir).table("a");
        CallbackScripts.callback(dir, "afterMigrate.sql", "GRANT SELECT ON t_a TO ${reader};");
        try (TestDatabase db = TestDatabase.create(kind)) {
            assertThatThrownBy(() -> migrator(db).upgrade("heads")).isInstanceOf(ScriptException.class)
                    .hasMessageContaining("afterMigrate.sql:1").hasMessageContaining("${reader}");
            assertThat(db.tableNames()).doesNotContain("t_a", "T_A", "migrator_version");
        }
    }

    @ParameterizedTest
    @ArgumentsSource(SuiteDatabases.BuiltInDialects.class)
    void aFlywayCallbackMigratorDoesNotRunIsRefusedNotReadAsARevision(DatabaseKind kind) throws Exception {
        new ScriptFolder(dir).table("a");
        CallbackScripts.callback(dir, "afterMigrateError.sql", "SELECT 1;");
        try (TestDatabase db = TestDatabase.create(kind)) {
            assertThatThrownBy(() -> migrator(db).upgrade("heads")).isInstanceOf(ScriptException.class)
                    .hasMessageContaining("afterMigrateError.sql")
                    .hasMessageContaining("Flyway callback for afterMigrateError, which migrator does not run");
        }
    }
}
