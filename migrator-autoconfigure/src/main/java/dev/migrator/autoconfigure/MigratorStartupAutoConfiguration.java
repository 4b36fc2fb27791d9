package dev.migrator.autoconfigure;

import dev.migrator.Migrator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of the startup work, over JDBC or R2DBC alike:
 * an {@code ApplicationRunner} (the default phase) or an initializer that runs during the context's
 * refresh, for the one Migrator there is (the auto-configured one, or an application's own), and the
 * check that refuses {@code spring.sql.init} scripts beside migrator. After both auto-configurations
 * of the Migrator, so that it sees theirs; only where one of them applied (its properties are a bean).
 */
// The JDBC auto-configuration by name, so that a service without JDBC never loads it.
@AutoConfiguration(after = MigratorR2dbcAutoConfiguration.class, afterName = "dev.migrator.autoconfigure.MigratorAutoConfiguration")
@ConditionalOnClass(Migrator.class)
@ConditionalOnBean(MigratorProperties.class)
public final class MigratorStartupAutoConfiguration {

    @Bean
    @ConditionalOnSingleCandidate(Migrator.class)
    @ConditionalOnMissingBean({MigratorStartupRunner.class, MigratorMigrationInitializer.class})
    @ConditionalOnProperty(name = "migrator.phase", havingValue = "runner", matchIfMissing = true)
    MigratorStartupRunner migratorStartupRunner(Migrator migrator, MigratorProperties properties,
            ObjectProvider<MigratorStartupStrategy> strategy, ObjectProvider<MigrationConnection> connection) {
        return new MigratorStartupRunner(startup(migrator, properties, strategy, connection));
    }

    @Bean
    @ConditionalOnSingleCandidate(Migrator.class)
    @ConditionalOnMissingBean({MigratorStartupRunner.class, MigratorMigrationInitializer.class})
    @ConditionalOnProperty(name = "migrator.phase", havingValue = "initialization")
    MigratorMigrationInitializer migratorMigrationInitializer(Migrator migrator, MigratorProperties properties,
            ObjectProvider<MigratorStartupStrategy> strategy, ObjectProvider<MigrationConnection> connection) {
        return new MigratorMigrationInitializer(startup(migrator, properties, strategy, connection));
    }

    /** Refuses {@code spring.sql.init} scripts beside migrator before any bean is created. */
    @Bean
    static SqlInitializationCheck migratorSqlInitializationCheck() {
        return new SqlInitializationCheck();
    }

    private static MigratorStartup startup(Migrator migrator, MigratorProperties properties,
            ObjectProvider<MigratorStartupStrategy> strategy, ObjectProvider<MigrationConnection> connection) {
        // The pool of a dedicated migration connection (JDBC only) is closed once the work is done.
        return new MigratorStartup(migrator, properties, strategy.getIfAvailable(), connection.getIfAvailable());
    }
}
