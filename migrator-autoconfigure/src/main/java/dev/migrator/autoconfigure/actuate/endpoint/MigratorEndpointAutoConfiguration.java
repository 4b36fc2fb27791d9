package dev.migrator.autoconfigure.actuate.endpoint;

import dev.migrator.Migrator;
import dev.migrator.autoconfigure.MigratorR2dbcAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@link MigrationsEndpoint} and, when
 * {@code migrator.offline-export.enabled=true}, the {@link MigrationSqlEndpoint}; whether the
 * {@link Migrator} works over JDBC or R2DBC.
 */
// The JDBC auto-configuration by name, so that a service without JDBC never loads it.
@AutoConfiguration(after = MigratorR2dbcAutoConfiguration.class, afterName = "dev.migrator.autoconfigure.MigratorAutoConfiguration")
@ConditionalOnClass({Migrator.class, ConditionalOnAvailableEndpoint.class})
public final class MigratorEndpointAutoConfiguration {

    @Bean
    @ConditionalOnBean(Migrator.class)
    @ConditionalOnMissingBean
    @ConditionalOnAvailableEndpoint
    MigrationsEndpoint migrationsEndpoint(ApplicationContext context) {
        return new MigrationsEndpoint(context);
    }

    // Off by default: the script shows the schema to whoever can reach the endpoint.
    @Bean
    @ConditionalOnSingleCandidate(Migrator.class)
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty("migrator.offline-export.enabled")
    @ConditionalOnAvailableEndpoint
    MigrationSqlEndpoint migrationSqlEndpoint(Migrator migrator) {
        return new MigrationSqlEndpoint(migrator);
    }
}
