package dev.migrator.autoconfigure.actuate.metrics;

import dev.migrator.Migrator;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@code migrator.run} and
 * {@code migrator.step} observations: traces show the run, and with metrics on, Boot's meter
 * handler turns them into the {@code migrator.run} and {@code migrator.step} timers.
 */
@AutoConfiguration(afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass({Migrator.class, ObservationRegistry.class})
@ConditionalOnBean(ObservationRegistry.class)
public final class MigratorObservationAutoConfiguration {

    @Bean
    MigrationObservations migrationObservations(ObservationRegistry registry) {
        return new MigrationObservations(registry);
    }
}
