package dev.migrator.autoconfigure;

import dev.migrator.Migrator;
import dev.migrator.config.MigratorConfig;
import dev.migrator.engine.MigrationListener;
import dev.migrator.reactive.ReactiveMigrator;
import io.r2dbc.spi.ConnectionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for reactive services: when there is no JDBC
 * DataSource (so {@link MigratorAutoConfiguration} made no {@link Migrator}) but an R2DBC
 * {@link ConnectionFactory}, migrator migrates over R2DBC, with no JDBC driver needed. The
 * {@link ReactiveMigrator} is a bean for reactive callers; the {@link Migrator} bean is its
 * blocking face, which startup, the endpoints and health use. Needs no JDBC class at all: a service on
 * {@code migrator-starter-r2dbc} has none.
 */
// The JDBC auto-configuration by name: read by reflection, a class literal would load it even without JDBC.
@AutoConfiguration(after = R2dbcAutoConfiguration.class, afterName = "dev.migrator.autoconfigure.MigratorAutoConfiguration")
@ConditionalOnClass({ReactiveMigrator.class, ConnectionFactory.class})
@ConditionalOnSingleCandidate(ConnectionFactory.class)
@Conditional(JdbcToMigrateCondition.Absent.class)
@ConditionalOnMissingBean(Migrator.class)
@ConditionalOnBooleanProperty(name = "migrator.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MigratorProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public final class MigratorR2dbcAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ReactiveMigrator reactiveMigrator(ConnectionFactory connectionFactory, MigratorProperties properties,
            Environment environment, ObjectProvider<MigratorCustomizer> customizers,
            ObjectProvider<MigrationListener> listeners) {
        if (properties.getUrl() != null) {
            // Only reached without Spring's JDBC support: with it, migrator.url makes the JDBC auto-configuration win.
            throw new MigratorConfigurationException("migrator.url (" + properties.getUrl() + ") is a JDBC URL for a "
                    + "pool of migrator's own, but this service has no Spring JDBC support (spring-boot-jdbc) to open it; "
                    + "migrator would migrate over the R2DBC ConnectionFactory instead and ignore it.",
                    "Remove migrator.url to migrate over spring.r2dbc.url, or depend on migrator-starter (JDBC: "
                            + "spring-boot-starter-jdbc and HikariCP) and add the JDBC driver.");
        }
        MigratorConfig.Builder config = MigratorConfigs.builder(properties, environment);
        customizers.orderedStream().forEach(customizer -> customizer.customize(config));
        return ReactiveMigrator.create(connectionFactory, config.build())
                .withListener(CompositeMigrationListener.of(listeners.orderedStream().toList()));
    }

    @Bean
    Migrator migrator(ReactiveMigrator reactiveMigrator, ResourceLoader resourceLoader) {
        Migrator migrator = reactiveMigrator.blocking();
        ClassLoader classLoader = resourceLoader.getClassLoader();
        return classLoader == null ? migrator : migrator.withClassLoader(classLoader);
    }
}
