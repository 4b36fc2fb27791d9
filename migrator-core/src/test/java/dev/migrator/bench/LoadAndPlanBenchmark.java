package dev.migrator.bench;

import dev.migrator.engine.ScriptCatalog;
import dev.migrator.internal.plan.Planner;
import dev.migrator.internal.script.ScriptLoader;
import dev.migrator.script.ScriptLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Loading, parsing, validating and planning N revisions from script files: what every run pays
 * before it talks to a database. Not a test; run it by hand (see docs/benchmarks.md).
 *
 * <p>Args: sizes (default 1000 10000 50000).
 */
public final class LoadAndPlanBenchmark {

    private LoadAndPlanBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        List<Integer> sizes = new ArrayList<>();
        for (String arg : args) {
            sizes.add(Integer.parseInt(arg));
        }
        if (sizes.isEmpty()) {
            sizes.addAll(List.of(1_000, 10_000, 50_000));
        }
        System.out.printf("%10s %12s %12s %12s%n", "revisions", "load+parse", "graph", "plan heads");
        for (int n : sizes) {
            Path dir = Files.createTempDirectory("migrator-bench");
            write(dir, n);
            List<Long> load = new ArrayList<>();
            List<Long> graph = new ArrayList<>();
            List<Long> plan = new ArrayList<>();
            for (int run = 0; run < 8; run++) {
                long t0 = System.nanoTime();
                var loaded = new ScriptLoader().load(List.of(ScriptLocation.parse(dir.toString())), "postgresql");
                long t1 = System.nanoTime();
                ScriptCatalog catalog = ScriptCatalog.of(loaded.scripts(), loaded.missingLocations());
                long t2 = System.nanoTime();
                int steps = new Planner(catalog.graph()).upgrade(Set.of(), "heads").steps().size();
                long t3 = System.nanoTime();
                if (steps != n) {
                    throw new IllegalStateException("planned " + steps + " of " + n);
                }
                if (run >= 3) { // the first runs warm the JIT up
                    load.add(t1 - t0);
                    graph.add(t2 - t1);
                    plan.add(t3 - t2);
                }
            }
            System.out.printf("%10d %10.1fms %10.1fms %10.1fms%n", n, median(load), median(graph), median(plan));
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(dir);
        }
    }

    /** A line with a side branch every 50 revisions, merged back 10 revisions later: a realistic shape. */
    static void write(Path dir, int n) throws IOException {
        String previous = null;
        String side = null;
        int written = 0;
        for (int i = 0; written < n; i++) {
            String id = String.format("r%06d", i);
            List<String> parents = new ArrayList<>();
            if (previous != null) {
                parents.add(previous);
            }
            if (side != null && i % 50 == 10) {
                parents.add(side);
                side = null;
            }
            Files.writeString(dir.resolve(id + ".sql"), "-- migrator:revision " + id + "\n-- migrator:down "
                    + String.join(", ", parents) + "\n-- migrator:message table " + i
                    + "\n\n-- migrator:upgrade\nCREATE TABLE t" + i
                    + " (id bigint PRIMARY KEY, name text, created timestamp);\n\n-- migrator:downgrade\nDROP TABLE t"
                    + i + ";\n");
            written++;
            previous = id;
            if (i % 50 == 0 && i > 0 && written < n) {
                side = String.format("s%06d", i);
                Files.writeString(dir.resolve(side + ".sql"), "-- migrator:revision " + side + "\n-- migrator:down "
                        + id + "\n\n-- migrator:upgrade\nSELECT 1;\n");
                written++;
            }
        }
    }

    static double median(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2) / 1e6;
    }
}
