package dev.migrator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.Migrator;
import dev.migrator.config.MigratorConfig;
import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Several instances booting at once apply every revision exactly once, and all succeed. */
class ConcurrentRunsTest {

    private static final int RUNS = 6;
    private static final int REVISIONS = 20;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} over {1}")
    @CsvSource({"POSTGRESQL, JDBC", "MARIADB, JDBC", "H2, JDBC", "POSTGRESQL, R2DBC", "MARIADB, R2DBC", "H2, R2DBC"})
    void sixRunsAtOnceApplyEachRevisionExactlyOnce(DatabaseKind kind, Transport transport) throws Exception {
        ScriptFolder scripts = new ScriptFolder(dir);
        String parent = null;
        for (int i = 0; i < REVISIONS; i++) {
            String id = "r" + i;
            if (parent == null) {
                scripts.table(id);
            } else {
                scripts.table(id, parent);
            }
            parent = id;
        }
        try (TestDatabase db = TestDatabase.create(kind)) {
            MigratorConfig config = MigratorConfig.builder().locations(scripts.location()).build();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(RUNS);
            List<Future<RunResult>> runs = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                // Each run is its own instance with its own connection, as separate services would be.
                Migrator migrator = transport.migrator(db, config);
                runs.add(pool.submit(() -> {
                    start.await();
                    return migrator.upgrade("heads");
                }));
            }
            start.countDown();
            int applied = 0;
            for (Future<RunResult> run : runs) {
                applied += run.get(2, TimeUnit.MINUTES).stepsRun();
            }
            pool.shutdown();
            assertThat(applied).isEqualTo(REVISIONS);
            assertThat(Databases.versionRows(db)).containsExactly("r" + (REVISIONS - 1));
            assertThat(Databases.strings(db, "SELECT revision FROM " + Databases.quoted(db, "migrator_history")
                    + " WHERE direction = 'upgrade'")).hasSize(REVISIONS).doesNotHaveDuplicates();
        }
    }
}
