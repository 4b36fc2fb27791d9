package dev.migrator.autoconfigure.actuate.metrics;

import dev.migrator.engine.Command;
import dev.migrator.engine.MigrationListener;
import dev.migrator.engine.RunResult;
import dev.migrator.error.MigratorException;
import dev.migrator.plan.Plan;
import dev.migrator.plan.Step;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Observations {@code migrator.run} (key {@code command}) around a run that has work to do, and
 * {@code migrator.step} (key direction; the revision as a high-cardinality value) around each step, its child; both end with
 * {@code outcome} success or failure. Each stays in scope while it runs, so the SQL's own spans
 * nest under it. The engine calls back on the migrating thread, so each thread keeps its own.
 */
final class MigrationObservations implements MigrationListener {

    private final ObservationRegistry registry;
    private final ThreadLocal<@Nullable Scoped> run = new ThreadLocal<>();
    private final ThreadLocal<@Nullable Scoped> step = new ThreadLocal<>();

    MigrationObservations(ObservationRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void runStarting(Command command, Plan plan) {
        String name = MigrationTags.command(command);
        run.set(Scoped.start(Observation.createNotStarted(MigrationTags.RUN, registry)
                .contextualName("migrator " + name)
                .lowCardinalityKeyValue("command", name)
                .highCardinalityKeyValue("steps", String.valueOf(plan.steps().size()))));
    }

    @Override
    public void stepStarting(Step starting) {
        Scoped parent = run.get();
        step.set(Scoped.start(Observation.createNotStarted(MigrationTags.STEP, registry)
                .contextualName(Command.direction(starting.kind()) + " " + starting.revision().id())
                .parentObservation(parent == null ? null : parent.observation())
                .lowCardinalityKeyValues(MigrationTags.of(starting))
                .highCardinalityKeyValue(MigrationTags.revision(starting))));
    }

    @Override
    public void stepFinished(Step finished, long durationMillis) {
        stop(step, null);
    }

    @Override
    public void stepFailed(Step failed, long durationMillis, MigratorException failure) {
        stop(step, failure);
    }

    @Override
    public void runFinished(RunResult result) {
        stop(run, null);
    }

    @Override
    public void runFailed(Command command, RuntimeException failure) {
        stop(step, failure);
        stop(run, failure);
    }

    private static void stop(ThreadLocal<@Nullable Scoped> holder, @Nullable Throwable failure) {
        Scoped scoped = holder.get();
        if (scoped != null) {
            holder.remove();
            scoped.stop(failure);
        }
    }

    /** A started observation and the scope opened for it on this thread. */
    private record Scoped(Observation observation, Observation.Scope scope) {

        static Scoped start(Observation observation) {
            observation.start();
            return new Scoped(observation, observation.openScope());
        }

        void stop(@Nullable Throwable failure) {
            scope.close();
            observation.lowCardinalityKeyValue("outcome", failure == null ? MigrationTags.SUCCESS : MigrationTags.FAILURE);
            if (failure != null) {
                observation.error(failure);
            }
            observation.stop();
        }
    }
}
