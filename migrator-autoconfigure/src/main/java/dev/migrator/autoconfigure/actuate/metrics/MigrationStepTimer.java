package dev.migrator.autoconfigure.actuate.metrics;

import dev.migrator.engine.MigrationListener;
import dev.migrator.error.MigratorException;
import dev.migrator.plan.Step;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Timer {@code migrator.step} (tags direction, outcome; no revision tag, which would make a timer
 * per revision), one recording per step. Only
 * where there is no ObservationRegistry: with one, the {@code migrator.step} observation makes
 * this timer, and two meters of one name with different tags would clash in Prometheus.
 */
final class MigrationStepTimer implements MigrationListener {

    private final MeterRegistry registry;

    MigrationStepTimer(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void stepFinished(Step step, long durationMillis) {
        record(step, durationMillis, MigrationTags.SUCCESS);
    }

    @Override
    public void stepFailed(Step step, long durationMillis, MigratorException failure) {
        record(step, durationMillis, MigrationTags.FAILURE);
    }

    private void record(Step step, long durationMillis, String outcome) {
        Timer.Builder timer = Timer.builder(MigrationTags.STEP).description("Migration steps applied to the database");
        for (KeyValue tag : MigrationTags.of(step).and("outcome", outcome)) {
            timer.tag(tag.getKey(), tag.getValue());
        }
        timer.register(registry).record(Duration.ofMillis(durationMillis));
    }
}
