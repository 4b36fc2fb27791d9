package dev.migrator;

import dev.migrator.engine.RunResult;
import dev.migrator.error.BadInputException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** {@link Migrator#upgradeSchemas}: a bounded pool of runs, one per schema, each failure kept apart. */
final class SchemaUpgrades {

    private static final System.Logger LOG = System.getLogger(Migrator.class.getName());

    private record Outcome(String schema, RunResult result, RuntimeException failure) {
    }

    private final Migrator migrator;
    private final String target;
    private final int parallelism;

    SchemaUpgrades(Migrator migrator, String target, int parallelism) {
        if (parallelism < 1) {
            throw new BadInputException("Upgrading schemas needs a parallelism of 1 or more; got " + parallelism);
        }
        this.migrator = migrator;
        this.target = target;
        this.parallelism = parallelism;
    }

    SchemaRuns run(List<String> schemas) {
        if (new HashSet<>(schemas).size() != schemas.size()) {
            throw new BadInputException("A schema is named twice in " + schemas + "; each is upgraded once");
        }
        List<Migrator> perSchema = new ArrayList<>();
        for (String schema : schemas) {
            perSchema.add(migrator.inSchema(schema)); // every name is checked before anything runs
        }
        long start = System.nanoTime();
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, Math.max(1, schemas.size())), task -> {
            Thread thread = new Thread(task, "migrator-schema-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        try {
            CompletionService<Outcome> done = new ExecutorCompletionService<>(pool);
            for (int i = 0; i < schemas.size(); i++) {
                String schema = schemas.get(i);
                Migrator inSchema = perSchema.get(i);
                done.submit(() -> upgrade(schema, inSchema));
            }
            for (int i = 0; i < schemas.size(); i++) {
                Outcome outcome = done.take().get();
                outcomes.put(outcome.schema(), outcome);
                log(outcome, i + 1, schemas.size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while upgrading schemas; " + outcomes.size() + " of "
                    + schemas.size() + " had finished", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("A schema's run escaped its own error handling", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        Map<String, RunResult> upgraded = new LinkedHashMap<>();
        Map<String, RuntimeException> failed = new LinkedHashMap<>();
        for (String schema : schemas) {
            Outcome outcome = outcomes.get(schema);
            if (outcome.failure() == null) {
                upgraded.put(schema, outcome.result());
            } else {
                failed.put(schema, outcome.failure());
            }
        }
        SchemaRuns runs = new SchemaRuns(upgraded, failed, (System.nanoTime() - start) / 1_000_000);
        LOG.log(runs.allUpgraded() ? Level.INFO : Level.WARNING, "Upgraded {0} of {1} schema(s) to {2} in {3} ms{4}",
                upgraded.size(), schemas.size(), target, runs.durationMillis(),
                failed.isEmpty() ? "" : "; failed: " + String.join(", ", failed.keySet()));
        return runs;
    }

    private Outcome upgrade(String schema, Migrator inSchema) {
        try {
            return new Outcome(schema, inSchema.upgrade(target), null);
        } catch (RuntimeException e) {
            return new Outcome(schema, null, e);
        }
    }

    private static void log(Outcome outcome, int finished, int total) {
        if (outcome.failure() == null) {
            LOG.log(Level.INFO, "Schema {0}: {1} revision(s) applied ({2} of {3})", outcome.schema(),
                    outcome.result().stepsRun(), finished, total);
        } else {
            LOG.log(Level.WARNING, "Schema {0} failed ({1} of {2}): {3}", outcome.schema(), finished, total,
                    outcome.failure().getMessage());
        }
    }
}
