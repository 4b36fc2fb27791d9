package dev.migrator.autoconfigure.actuate.metrics;

import dev.migrator.engine.Command;
import dev.migrator.engine.MigrationListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counter {@code migrator.failures}: runs that ended with an exception (a failed revision, a lock
 * timeout, a bad target), tagged with the command and the exception's simple name.
 */
final class MigrationFailureCounter implements MigrationListener {

    private final MeterRegistry registry;

    MigrationFailureCounter(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void runFailed(Command command, RuntimeException failure) {
        Counter.builder("migrator.failures")
                .description("Migration runs that failed")
                .tag("command", MigrationTags.command(command))
                .tag("exception", failure.getClass().getSimpleName())
                .register(registry)
                .increment();
    }
}
