package dev.migrator.autoconfigure.actuate.health;

import dev.migrator.Migrator;
import dev.migrator.autoconfigure.MigratorProperties;
import dev.migrator.autoconfigure.MigratorR2dbcAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;

/** {@link EnableAutoConfiguration Auto-configuration} for the {@link MigrationsHealthIndicator}. */
// The JDBC auto-configuration by name, so that a service without JDBC never loads it.
@AutoConfiguration(after = MigratorR2dbcAutoConfiguration.class, afterName = "dev.migrator.autoconfigure.MigratorAutoConfiguration")
@ConditionalOnClass({Migrator.class, ConditionalOnEnabledHealthIndicator.class})
@ConditionalOnSingleCandidate(Migrator.class)
@ConditionalOnEnabledHealthIndicator("migrations")
@EnableConfigurationProperties(MigratorProperties.class)
public final class MigratorHealthContributorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "migrationsHealthIndicator")
    MigrationsHealthIndicator migrationsHealthIndicator(Migrator migrator, MigratorProperties properties) {
        return new MigrationsHealthIndicator(migrator, properties.getHealth().getPendingStatus());
    }
}
