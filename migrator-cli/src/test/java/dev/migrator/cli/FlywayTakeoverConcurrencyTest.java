package dev.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.Migrator;
import dev.migrator.bookkeeping.Direction;
import dev.migrator.bookkeeping.HistoryEntry;
import dev.migrator.config.MigratorConfig;
import dev.migrator.flyway.FlywayHistoryTable;
import dev.migrator.flyway.FlywayImport;
import dev.migrator.flyway.FlywayMigrations;
import dev.migrator.flyway.FlywayTakeover;
import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Service instances booting together with the takeover on: each takes over, then upgrades. One
 * stamps; the others, which read "no migrator tables" before the lock, must not stamp the Flyway
 * version again after the first has upgraded past it.
 */
class FlywayTakeoverConcurrencyTest {

    private static final int INSTANCES = 4;

    @TempDir
    Path dir;

    @Test
    void instancesBootingTogetherTakeOverOnceAndApplyTheNewRevisionOnce() throws Exception {
        Path flyway = Path.of("src/test/resources/flyway/conductor-postgres");
        Path scripts = Files.createDirectories(dir.resolve("migrations"));
        for (FlywayImport.ImportedScript script : FlywayImport.of(FlywayMigrations.read(List.of(flyway))).scripts()) {
            Files.writeString(scripts.resolve(script.fileName()), script.text());
        }
        try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
            Flyway.configure().dataSource(db.url(), db.user(), db.password())
                    .locations("filesystem:" + flyway.toAbsolutePath()).target("6").load().migrate();
            Migrator migrator = Migrator.create(db.dataSource(),
                    MigratorConfig.builder().locations("filesystem:" + scripts).build());
            CyclicBarrier start = new CyclicBarrier(INSTANCES);
            ExecutorService pool = Executors.newFixedThreadPool(INSTANCES);
            List<Future<FlywayTakeover>> boots = new ArrayList<>();
            for (int i = 0; i < INSTANCES; i++) {
                boots.add(pool.submit(() -> {
                    start.await();
                    FlywayTakeover takeover = migrator.takeOverFlyway(FlywayHistoryTable.defaults());
                    migrator.upgrade("heads");
                    return takeover;
                }));
            }
            List<FlywayTakeover.Outcome> outcomes = new ArrayList<>();
            for (Future<FlywayTakeover> boot : boots) {
                outcomes.add(boot.get(2, TimeUnit.MINUTES).outcome());
            }
            pool.shutdown();
            assertThat(outcomes).containsOnlyOnce(FlywayTakeover.Outcome.TAKEN_OVER)
                    .containsOnly(FlywayTakeover.Outcome.TAKEN_OVER, FlywayTakeover.Outcome.ALREADY_MANAGED);
            assertThat(migrator.current()).isEqualTo(Set.of("v7"));
            List<HistoryEntry> history = migrator.history(100);
            assertThat(history).filteredOn(entry -> entry.direction() == Direction.STAMP).hasSize(6);
            assertThat(history).filteredOn(entry -> entry.direction() == Direction.UPGRADE)
                    .extracting(HistoryEntry::revision).containsExactly("v7");
        }
    }
}
