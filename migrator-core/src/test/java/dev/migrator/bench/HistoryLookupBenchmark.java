package dev.migrator.bench;

import dev.migrator.Migrator;
import dev.migrator.config.MigratorConfig;
import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/**
 * What the history lookup costs a no-op and a health probe as the history grows: two databases with
 * the same N revisions applied and the same history (N rows, or N rows plus {@code extra} older
 * upgrade and downgrade rows of the same revisions, so the newest row of each and the state stay
 * the same), one with the history index, one without it (a table of an earlier version, which
 * the lookup reads whole, as every version before the index did). A shared Migrator's
 * {@code upgrade("heads")} (a no-op without the script loading) and {@code status()}, alternating
 * between the two. Not a test; run it by hand (docs/performance.md, scale). Args: kind, N, extra
 * rows per revision, calls per round; default POSTGRESQL 1000 99 50.
 */
public final class HistoryLookupBenchmark {

    private HistoryLookupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        DatabaseKind kind = args.length > 0 ? DatabaseKind.valueOf(args[0]) : DatabaseKind.POSTGRESQL;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int extra = args.length > 2 ? Integer.parseInt(args[2]) : 99;
        int calls = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        Path dir = Files.createTempDirectory("migrator-history");
        EngineBenchmark.writeLine(dir, n);
        MigratorConfig config = MigratorConfig.builder().locations("filesystem:" + dir).build();
        try (TestDatabase indexed = TestDatabase.create(kind); TestDatabase scanned = TestDatabase.create(kind)) {
            Migrator withIndex = prepare(indexed, config, n, extra, false);
            Migrator without = prepare(scanned, config, n, extra, true);
            for (int round = 0; round < 5; round++) { // alternate, so that JIT and server warm both alike
                double[] noopIndexed = time(calls, () -> withIndex.upgrade("heads"));
                double[] noopScanned = time(calls, () -> without.upgrade("heads"));
                double[] statusIndexed = time(calls, withIndex::status);
                double[] statusScanned = time(calls, without::status);
                System.out.printf("round %d, %s, %d revisions, %d history rows: no-op median %.2f ms with the index,"
                        + " %.2f ms without; status() %.2f ms with, %.2f ms without%n", round + 1, kind, n,
                        n * (extra + 1L), noopIndexed[calls / 2], noopScanned[calls / 2], statusIndexed[calls / 2],
                        statusScanned[calls / 2]);
            }
        }
    }

    private static Migrator prepare(TestDatabase db, MigratorConfig config, int n, int extra, boolean dropIndex)
            throws SQLException {
        Migrator migrator = Migrator.create(db.dataSource(), config);
        migrator.upgrade("heads");
        boolean postgres = db.kind() == DatabaseKind.POSTGRESQL;
        String columns = "revision, direction, outcome, checksum, message, duration_ms, statements, applied_by";
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            if (extra > 1) {
                // older rows first, then a copy of the real ones, which stay each revision's newest
                s.execute("INSERT INTO migrator_history (" + columns + ") SELECT revision, CASE WHEN k "
                        + (postgres ? "% 2 = 0" : "MOD 2 = 0") + " THEN 'upgrade' ELSE 'downgrade' END, outcome,"
                        + " checksum, message, duration_ms, statements, applied_by FROM migrator_history CROSS JOIN "
                        + (postgres ? "generate_series(1, " + (extra - 1) + ") k" : "(SELECT seq AS k FROM seq_1_to_"
                                + (extra - 1) + ") k")
                        + " WHERE id <= " + n + " ORDER BY k, id");
                s.execute("INSERT INTO migrator_history (" + columns + ") SELECT " + columns
                        + " FROM migrator_history WHERE id <= " + n + " ORDER BY id");
            }
            if (dropIndex) {
                s.execute(postgres ? "DROP INDEX migrator_history_revision_idx"
                        : "DROP INDEX migrator_history_revision_idx ON migrator_history");
            }
            s.execute(postgres ? "VACUUM ANALYZE migrator_history" : "ANALYZE TABLE migrator_history");
        }
        migrator.status(); // reads the scripts once
        return migrator;
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
