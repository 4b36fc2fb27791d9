package dev.migrator.autoconfigure.actuate.metrics;

import dev.migrator.Migrator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@code migrator.*} meters: the step
 * timer (unless observations make it), the failure counter and the pending gauge. They are
 * {@link dev.migrator.engine.MigrationListener} beans, which the Migrator bean picks up.
 */
@AutoConfiguration(afterName = {"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration"})
@ConditionalOnClass({Migrator.class, MeterRegistry.class})
@ConditionalOnBean(MeterRegistry.class)
public final class MigratorMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(ObservationRegistry.class)
    MigrationStepTimer migrationStepTimer(MeterRegistry registry) {
        return new MigrationStepTimer(registry);
    }

    @Bean
    MigrationFailureCounter migrationFailureCounter(MeterRegistry registry) {
        return new MigrationFailureCounter(registry);
    }

    @Bean
    PendingRevisionsGauge migrationPendingRevisionsGauge(ListableBeanFactory beans) {
        return new PendingRevisionsGauge(beans);
    }
}
