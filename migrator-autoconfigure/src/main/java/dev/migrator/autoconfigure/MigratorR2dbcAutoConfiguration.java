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
 * blocking face, which startup, the endpoints and health use.
 */
@AutoConfiguration(after = {R2dbcAutoConfiguration.class, MigratorAutoConfiguration.class})
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
        MigratorConfig.Builder config = MigratorAutoConfiguration.MigratorConfiguration.config(properties, environment);
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
