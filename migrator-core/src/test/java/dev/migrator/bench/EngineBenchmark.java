package dev.migrator.bench;

import dev.migrator.Migrator;
import dev.migrator.config.MigratorConfig;
import dev.migrator.dialect.Dialects;
import dev.migrator.engine.Command;
import dev.migrator.reactive.ReactiveMigrator;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * What a service pays: applying N revisions from empty, the no-op check with N applied (every
 * boot), and rendering the offline script for N. Not a test; run it by hand (docs/benchmarks.md).
 *
 * <p>Args: kind (POSTGRESQL, MARIADB, H2), N, transport (JDBC or R2DBC), applies; default POSTGRESQL 1000
 * JDBC 1. With several applies, each goes to a fresh database in the same JVM: the first shows the
 * cold JIT, the later ones a service that has run a while.
 */
public final class EngineBenchmark {

    private EngineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        DatabaseKind kind = args.length > 0 ? DatabaseKind.valueOf(args[0]) : DatabaseKind.POSTGRESQL;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        boolean r2dbc = args.length > 2 && args[2].equalsIgnoreCase("R2DBC");
        int applies = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        Path dir = Files.createTempDirectory("migrator-bench");
        writeLine(dir, n);
        MigratorConfig config = MigratorConfig.builder().locations("filesystem:" + dir).build();
        Migrator.offline(config).script(Dialects.byName(kind.dialectName()), Command.UPGRADE, "heads"); // warm-up

        List<Long> offline = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long t0 = System.nanoTime();
            String script = Migrator.offline(config).script(Dialects.byName(kind.dialectName()), Command.UPGRADE,
                    "heads");
            offline.add(System.nanoTime() - t0);
            if (script.length() < n * 50) {
                throw new IllegalStateException("script too short");
            }
        }
        List<Long> earlierApplies = new ArrayList<>();
        for (int i = 1; i < applies; i++) {
            earlierApplies.add(TransportPairBenchmark.apply(kind, config, r2dbc, n));
        }
        if (!earlierApplies.isEmpty()) {
            System.out.printf("earlier applies (driver loading inside the first): %s ms%n",
                    earlierApplies.stream().map(t -> String.valueOf(t / 1_000_000)).toList());
        }
        try (TestDatabase db = TestDatabase.create(kind)) {
            // One factory for the whole run, as a service has; its first connection loads the
            // driver stack (for R2DBC some 3,000 classes of Netty and Reactor), which a running
            // service has already paid, so it is timed apart from the migration.
            ConnectionFactory factory = ConnectionFactories.get(db.r2dbcUrl());
            long cold = System.nanoTime();
            warmUp(db, factory, r2dbc);
            cold = System.nanoTime() - cold;
            java.util.function.Supplier<Migrator> migrators = () -> r2dbc
                    ? ReactiveMigrator.create(factory, config).blocking()
                    : Migrator.create(db.dataSource(), config);
            Migrator migrator = migrators.get();
            long t0 = System.nanoTime();
            int applied = migrator.upgrade("heads").stepsRun();
            long apply = System.nanoTime() - t0;
            if (applied != n) {
                throw new IllegalStateException("applied " + applied);
            }
            List<Long> noop = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                long t1 = System.nanoTime();
                int steps = migrators.get().upgrade("heads").stepsRun();
                noop.add(System.nanoTime() - t1);
                if (steps != 0) {
                    throw new IllegalStateException("not a no-op");
                }
            }
            System.out.printf("%s over %s, %d revisions: first connection %.0f ms; apply %.0f ms (%.2f ms per revision);"
                    + " no-op check %.1f ms (median of 15, scripts loaded each time); offline script %.1f ms (median of 10)%n",
                    kind, r2dbc ? "R2DBC" : "JDBC", n, cold / 1e6, apply / 1e6,
                    apply / 1e6 / n, LoadAndPlanBenchmark.median(noop.subList(5, noop.size())),
                    LoadAndPlanBenchmark.median(offline));
        }
    }

    /** Opens and closes one connection over the transport, loading its driver classes. */
    private static void warmUp(TestDatabase db, ConnectionFactory factory, boolean r2dbc) throws Exception {
        if (r2dbc) {
            Connection connection = Mono.from(factory.create()).block();
            Mono.from(connection.close()).block();
        } else {
            db.dataSource().getConnection().close();
        }
    }

    /** N revisions in a straight line: a CREATE TABLE with three columns, every tenth also an index. */
    static void writeLine(Path dir, int n) throws Exception {
        for (int i = 0; i < n; i++) {
            String id = String.format("r%06d", i);
            String parent = i == 0 ? "" : String.format("r%06d", i - 1);
            String upgrade = "CREATE TABLE t" + i + " (id bigint PRIMARY KEY, name varchar(100), created timestamp);"
                    + (i % 10 == 0 ? "\nCREATE INDEX ix" + i + " ON t" + i + " (name);" : "");
            Files.writeString(dir.resolve(id + ".sql"), "-- migrator:revision " + id + "\n-- migrator:down " + parent
                    + "\n-- migrator:message table " + i + "\n\n-- migrator:upgrade\n" + upgrade
                    + "\n\n-- migrator:downgrade\nDROP TABLE t" + i + ";\n");
        }
    }
}
