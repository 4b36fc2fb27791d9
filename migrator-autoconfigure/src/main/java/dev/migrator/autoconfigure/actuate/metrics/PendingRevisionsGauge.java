package dev.migrator.autoconfigure.actuate.metrics;

import dev.migrator.Migrator;
import dev.migrator.engine.Command;
import dev.migrator.engine.MigrationListener;
import dev.migrator.engine.RunResult;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ListableBeanFactory;

/**
 * Gauge {@code migrator.pending} (tag {@code name}, the Migrator bean): how many revisions
 * {@code upgrade heads} would apply. A scrape must not query the database each time, so the value
 * is read on the first scrape, again on the first after any run of this service, and otherwise at
 * most once per {@link #MAX_AGE} (so another instance's migration shows too). The read happens on
 * the scrape, not in the run's callback, which still holds the run's connection.
 */
final class PendingRevisionsGauge implements MeterBinder, MigrationListener {

    static final Duration MAX_AGE = Duration.ofMinutes(1);

    private static final Log LOG = LogFactory.getLog(PendingRevisionsGauge.class);

    private final ListableBeanFactory beans;
    private final AtomicLong runs = new AtomicLong();

    PendingRevisionsGauge(ListableBeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        beans.getBeansOfType(Migrator.class).forEach((name, migrator) ->
                Gauge.builder("migrator.pending", new Reading(migrator), Reading::value)
                        .description("Revisions waiting to be applied")
                        .tag("name", name)
                        .strongReference(true)
                        .register(registry));
    }

    @Override
    public void runFinished(RunResult result) {
        runs.incrementAndGet();
    }

    @Override
    public void runFailed(Command command, RuntimeException failure) {
        runs.incrementAndGet();
    }

    /** The cached count of one Migrator. */
    private final class Reading {

        private final Migrator migrator;
        private long runsSeen = -1;
        private long readAt;
        private double value = Double.NaN;

        Reading(Migrator migrator) {
            this.migrator = migrator;
        }

        synchronized double value() {
            long now = System.nanoTime();
            if (runsSeen != runs.get() || now - readAt > MAX_AGE.toNanos()) {
                runsSeen = runs.get();
                readAt = now;
                try {
                    value = migrator.status().pending().size();
                } catch (RuntimeException e) {
                    LOG.debug("Cannot read the pending revisions", e);
                    value = Double.NaN;
                }
            }
            return value;
        }
    }
}
