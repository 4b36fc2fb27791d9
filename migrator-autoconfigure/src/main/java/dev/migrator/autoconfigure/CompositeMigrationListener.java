package dev.migrator.autoconfigure;

import dev.migrator.engine.Command;
import dev.migrator.engine.MigrationListener;
import dev.migrator.engine.RunResult;
import dev.migrator.error.MigratorException;
import dev.migrator.plan.Plan;
import dev.migrator.plan.Step;
import java.util.List;

/** Hands each event to every {@link MigrationListener} bean, in their order. */
final class CompositeMigrationListener implements MigrationListener {

    private final List<MigrationListener> listeners;

    private CompositeMigrationListener(List<MigrationListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    static MigrationListener of(List<MigrationListener> listeners) {
        return switch (listeners.size()) {
            case 0 -> MigrationListener.NONE;
            case 1 -> listeners.get(0);
            default -> new CompositeMigrationListener(listeners);
        };
    }

    @Override
    public void runStarting(Command command, Plan plan) {
        listeners.forEach(l -> l.runStarting(command, plan));
    }

    @Override
    public void stepStarting(Step step) {
        listeners.forEach(l -> l.stepStarting(step));
    }

    @Override
    public void stepFinished(Step step, long durationMillis) {
        listeners.forEach(l -> l.stepFinished(step, durationMillis));
    }

    @Override
    public void stepFailed(Step step, long durationMillis, MigratorException failure) {
        listeners.forEach(l -> l.stepFailed(step, durationMillis, failure));
    }

    @Override
    public void runFinished(RunResult result) {
        listeners.forEach(l -> l.runFinished(result));
    }

    @Override
    public void runFailed(Command command, RuntimeException failure) {
        listeners.forEach(l -> l.runFailed(command, failure));
    }
}
