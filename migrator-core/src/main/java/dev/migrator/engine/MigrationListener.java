package dev.migrator.engine;

import dev.migrator.error.MigratorException;
import dev.migrator.plan.Plan;
import dev.migrator.plan.Step;

/**
 * Follows a run as it goes: the command line prints progress from it, Spring records metrics
 * and observations. Callbacks run on the migrating thread; they must not throw.
 */
public interface MigrationListener {

    MigrationListener NONE = new MigrationListener() {
    };

    /** The lock is held and the plan is final. */
    default void runStarting(Command command, Plan plan) {
    }

    default void stepStarting(Step step) {
    }

    default void stepFinished(Step step, long durationMillis) {
    }

    default void stepFailed(Step step, long durationMillis, MigratorException failure) {
    }

    default void runFinished(RunResult result) {
    }

    /**
     * The run stopped with an exception, which the caller gets next: a failed step, a lock timeout,
     * a bad target, a failed commit. {@link #runStarting} may not have been called.
     */
    default void runFailed(Command command, RuntimeException failure) {
    }
}
