package dev.migrator.bench;

import dev.migrator.Migrator;
import dev.migrator.config.MigratorConfig;
import dev.migrator.reactive.ReactiveMigrator;
import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import io.r2dbc.spi.ConnectionFactories;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * R2DBC against JDBC in one JVM: pairs of applies of the same N revisions, JDBC then R2DBC, each
 * to a fresh database, so both meet the same server moment; the first pair (driver loading, cold
 * JIT) is reported apart. Not a test; run it by hand (docs/benchmarks.md).
 *
 * <p>Args: kind (default POSTGRESQL), N (1000), counted pairs (6).
 */
public final class TransportPairBenchmark {

    private TransportPairBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        DatabaseKind kind = args.length > 0 ? DatabaseKind.valueOf(args[0]) : DatabaseKind.POSTGRESQL;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int pairs = args.length > 2 ? Integer.parseInt(args[2]) : 6;
        Path dir = Files.createTempDirectory("migrator-bench");
        EngineBenchmark.writeLine(dir, n);
        MigratorConfig config = MigratorConfig.builder().locations("filesystem:" + dir).build();
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i <= pairs; i++) {
            long jdbc = apply(kind, config, false, n);
            long r2dbc = apply(kind, config, true, n);
            double ratio = (double) r2dbc / jdbc;
            System.out.printf("pair %d: JDBC %d ms, R2DBC %d ms, R2DBC / JDBC %.2f%s%n", i, jdbc / 1_000_000,
                    r2dbc / 1_000_000, ratio, i == 0 ? " (first: drivers load, JIT cold; not counted)" : "");
            if (i > 0) {
                ratios.add(ratio);
            }
        }
        Collections.sort(ratios);
        System.out.printf("%s, %d revisions, %d pairs: median R2DBC / JDBC %.2f (%.2f to %.2f)%n", kind, n, pairs,
                ratios.get(ratios.size() / 2), ratios.get(0), ratios.get(ratios.size() - 1));
    }

    /** Nanoseconds to apply the N revisions to a fresh database over one transport. */
    static long apply(DatabaseKind kind, MigratorConfig config, boolean r2dbc, int n) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrator migrator = r2dbc ? ReactiveMigrator.create(ConnectionFactories.get(db.r2dbcUrl()), config).blocking()
                    : Migrator.create(db.dataSource(), config);
            long t0 = System.nanoTime();
            int applied = migrator.upgrade("heads").stepsRun();
            long elapsed = System.nanoTime() - t0;
            if (applied != n) {
                throw new IllegalStateException("applied " + applied);
            }
            return elapsed;
        }
    }
}
