package dev.migrator.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.migrator.Migrator;
import dev.migrator.SchemaRuns;
import dev.migrator.config.MigratorConfig;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Schema per tenant, one measured run in its own JVM:
 * {@code ManySchemas <jdbcUrl> <schemas> <revisions> <parallelism> <workdir>} upgrades the schemas
 * {@code tenant_0001} ... of the database to the heads of {@code <revisions>} benchmark revisions
 * through the public API ({@link Migrator#upgradeSchemas}), with a pool of {@code <parallelism>}
 * connections and as many runs at once. The driver creates the schemas (empty for the apply, a copy
 * of migrated ones for the no-op) and checks every schema afterwards (docs/many-schemas.md).
 *
 * <p>Prints {@code RESULT tool=schemas-p<parallelism> scenario=schemas n=<schemas> call_ms=...
 * steps=<revisions applied, all schemas> connections=<parallelism> classes=...}, as {@link RunOne}
 * does: {@code call_ms} is from creating the pool to the call's return.
 */
public final class ManySchemas {

    private ManySchemas() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: ManySchemas <jdbcUrl> <schemas> <revisions> <parallelism> <workdir>");
            System.exit(2);
        }
        String url = args[0];
        int schemas = Integer.parseInt(args[1]);
        int revisions = Integer.parseInt(args[2]);
        int parallelism = Integer.parseInt(args[3]);
        Path scripts = RunOne.prepare(Path.of(args[4]), revisions, "migrator");
        long t0 = System.nanoTime();
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(url);
        pool.setMaximumPoolSize(parallelism);
        SchemaRuns runs;
        try (HikariDataSource dataSource = new HikariDataSource(pool)) {
            Migrator migrator = Migrator.create(dataSource,
                    MigratorConfig.builder().locations("filesystem:" + scripts).build());
            runs = migrator.upgradeSchemas(names(schemas), "heads", parallelism);
        }
        double callMs = (System.nanoTime() - t0) / 1e6;
        runs.failed().forEach((schema, failure) -> System.out.println("FAILED " + schema + ": " + failure));
        long steps = runs.upgraded().values().stream().mapToLong(result -> result.plan().steps().size()).sum();
        System.out.printf(Locale.ROOT, "RESULT tool=schemas-p%d scenario=schemas n=%d call_ms=%.3f steps=%d"
                + " connections=%d classes=%d%n", parallelism, schemas, callMs, runs.failed().isEmpty() ? steps : -1,
                parallelism, ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount());
    }

    /** The tenants' schemas: {@code tenant_0001} to {@code tenant_<schemas>}. */
    static List<String> names(int schemas) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= schemas; i++) {
            names.add(String.format(Locale.ROOT, "tenant_%04d", i));
        }
        return names;
    }
}
