package dev.migrator.bench;

import dev.migrator.Migrator;
import dev.migrator.config.MigratorConfig;
import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What a health probe (or an endpoint call, or a gauge read) costs: {@code status()} on a database
 * with N revisions applied, the same Migrator asked again and again (its scripts are read once and
 * reused while unchanged), against a new Migrator per call (every call reads, parses and hashes
 * all scripts again, as every call did before the cache). Not a test; run it by hand
 * (docs/benchmarks.md). Args: kind, N, calls; default POSTGRESQL 1000 200.
 */
public final class StatusProbeBenchmark {

    private StatusProbeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        DatabaseKind kind = args.length > 0 ? DatabaseKind.valueOf(args[0]) : DatabaseKind.POSTGRESQL;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int calls = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        Path dir = Files.createTempDirectory("migrator-probe");
        EngineBenchmark.writeLine(dir, n);
        MigratorConfig config = MigratorConfig.builder().locations("filesystem:" + dir).build();
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrator shared = Migrator.create(db.dataSource(), config);
            shared.upgrade("heads");
            for (int round = 0; round < 3; round++) { // alternate, so that JIT and server warm both alike
                double[] cached = time(calls, () -> shared.status());
                double[] fresh = time(calls, () -> Migrator.create(db.dataSource(), config).status());
                System.out.printf("round %d, %s, %d revisions: same Migrator median %.2f ms (p90 %.2f),"
                        + " new Migrator per call median %.2f ms (p90 %.2f)%n", round + 1, kind, n,
                        cached[calls / 2], cached[calls * 9 / 10], fresh[calls / 2], fresh[calls * 9 / 10]);
            }
        }
    }

    private static double[] time(int calls, Runnable probe) {
        double[] millis = new double[calls];
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            probe.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }
}
