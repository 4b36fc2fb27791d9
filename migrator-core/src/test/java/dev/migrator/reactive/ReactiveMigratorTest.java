package dev.migrator.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.config.MigratorConfig;
import dev.migrator.engine.RunResult;
import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import io.r2dbc.spi.ConnectionFactories;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The reactive facade on the real PostgreSQL: it never blocks its caller's thread, and cancelling undoes. */
class ReactiveMigratorTest {

    @TempDir
    Path dir;

    private void script(String id, String parent, String upgrade) throws Exception {
        Files.writeString(dir.resolve(id + ".sql"), "-- migrator:revision " + id + "\n-- migrator:down " + parent
                + "\n\n-- migrator:upgrade\n" + upgrade + "\n\n-- migrator:downgrade\nSELECT 1;\n");
    }

    private ReactiveMigrator migrator(TestDatabase db) {
        return ReactiveMigrator.create(ConnectionFactories.get(db.r2dbcUrl()), MigratorConfig.builder()
                .locations("filesystem:" + dir).lockTimeout(Duration.ofSeconds(30)).build());
    }

    @Test
    void aCallFromANonBlockingThreadReturnsAtOnceAndMigratesElsewhere() throws Exception {
        script("a", "", "CREATE TABLE t_a (id int);\nSELECT pg_sleep(0.5);");
        try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
            ReactiveMigrator migrator = migrator(db);
            CompletableFuture<RunResult> result = new CompletableFuture<>();
            CompletableFuture<String> subscribedOn = new CompletableFuture<>();
            CompletableFuture<Boolean> doneWhenSubscribeReturned = new CompletableFuture<>();
            // Reactor's parallel threads are non-blocking: any block() on them throws, so the
            // engine must have moved to another thread for this to succeed.
            Schedulers.parallel().schedule(() -> {
                migrator.upgrade("heads").subscribe(result::complete, result::completeExceptionally);
                doneWhenSubscribeReturned.complete(result.isDone());
                subscribedOn.complete(Thread.currentThread().getName());
            });
            assertThat(subscribedOn.get(10, TimeUnit.SECONDS)).startsWith("parallel-");
            assertThat(doneWhenSubscribeReturned.get()).as("subscribe returned before the migration finished").isFalse();
            assertThat(result.get(60, TimeUnit.SECONDS).stepsRun()).isEqualTo(1);
            assertThat(migrator.current().block()).containsExactly("a");
        }
    }

    @Test
    void cancellingRollsBackTheRunningRevisionAndReleasesTheLock() throws Exception {
        script("a", "", "CREATE TABLE t_a (id int);");
        script("b", "a", "CREATE TABLE t_b (id int);\nSELECT pg_sleep(2);");
        try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
            ReactiveMigrator migrator = migrator(db);
            migrator.upgrade("a").block();
            Disposable running = migrator.upgrade("heads").subscribe();
            awaitSleeping(db, true);
            running.dispose();
            awaitSleeping(db, false);

            assertThat(tables(db)).contains("t_a").doesNotContain("t_b");
            assertThat(migrator.current().block()).containsExactly("a");
            // The lock is free again: a new run takes it well within its 30 s timeout.
            assertThat(Mono.from(migrator.upgrade("heads")).block().stepsRun()).isEqualTo(1);
            assertThat(migrator.current().block()).containsExactly("b");
        }
    }

    private static void awaitSleeping(TestDatabase db, boolean sleeping) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (sleepers(db) > 0 != sleeping) {
            assertThat(System.nanoTime()).as("pg_sleep " + (sleeping ? "started" : "ended")).isLessThan(deadline);
            Thread.sleep(25);
        }
    }

    private static int sleepers(TestDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'SELECT pg_sleep%'"
                        + " AND state = 'active'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static List<String> tables(TestDatabase db) throws Exception {
        return new ArrayList<>(db.tableNames());
    }
}
