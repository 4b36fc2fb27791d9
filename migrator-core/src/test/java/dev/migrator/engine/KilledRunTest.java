package dev.migrator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.Migrator;
import dev.migrator.config.MigratorConfig;
import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A process killed while a revision runs leaves the database as if that revision rolled back. */
class KilledRunTest {

    @TempDir
    Path dir;

    @Test
    void aKilledRunLeavesTheRunningRevisionRolledBackAndTheNextRunFinishes() throws Exception {
        ScriptFolder scripts = new ScriptFolder(dir);
        scripts.table("a");
        scripts.add("b", List.of("a"), "CREATE TABLE t_b (id int);\nSELECT pg_sleep(3);", "DROP TABLE t_b;");
        try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), MigrateMain.class.getName(), db.url(), db.user(),
                    scripts.location()).inheritIO().start();
            awaitSleepingRevision(db, true, Duration.ofSeconds(60), process);
            assertThat(process.destroyForcibly().waitFor(30, TimeUnit.SECONDS)).as("the killed process ended").isTrue();
            // The server notices the dead client once the sleep returns, and rolls its transaction back.
            awaitSleepingRevision(db, false, Duration.ofSeconds(30), null);
            assertThat(db.tableNames()).contains("t_a").doesNotContain("t_b");
            assertThat(Databases.versionRows(db)).containsExactly("a");

            Migrator migrator = Migrator.create(db.dataSource(), MigratorConfig.builder().locations(scripts.location())
                    .build());
            assertThat(migrator.upgrade("heads").stepsRun()).isEqualTo(1);
            assertThat(Databases.versionRows(db)).containsExactly("b");
            assertThat(Databases.strings(db, "SELECT count(*) FROM migrator_history WHERE revision = 'b'"))
                    .containsExactly("1");
        }
    }

    /** Polls until revision b's pg_sleep runs (or has ended); fails at the deadline instead of hanging. */
    private static void awaitSleepingRevision(TestDatabase db, boolean running, Duration timeout, Process process)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (sleeping(db) != running) {
            if (process != null) {
                assertThat(process.isAlive()).as("the migrating process is still running").isTrue();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("revision b's pg_sleep " + (running ? "did not start" : "was still running")
                        + " after " + timeout.toSeconds() + " s");
            }
            Thread.sleep(50);
        }
    }

    private static boolean sleeping(TestDatabase db) throws Exception {
        return !Databases.strings(db, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND query LIKE 'SELECT pg_sleep%'").get(0).equals("0");
    }
}
