package dev.migrator.autoconfigure;

import dev.migrator.Migrator;
import dev.migrator.config.MigratorConfig;
import dev.migrator.engine.MigrationListener;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for migrator: a {@link Migrator} bean on the
 * application's DataSource (or a {@link MigratorDataSource @MigratorDataSource} one, or
 * {@code migrator.url}), and the startup work of {@code migrator.on-startup} in the phase
 * {@code migrator.phase} says.
 *
 * <p>Everything here is JDBC, and guarded by class name: without Spring Boot's JDBC module (a reactive
 * service on {@code migrator-starter-r2dbc}) this class is filtered out before it loads, and so are
 * {@link MigrationDatabase}, migrator's pool and the schema management provider it alone refers to.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass(value = Migrator.class, name = {MigratorAutoConfiguration.SPRING_BOOT_JDBC, MigratorAutoConfiguration.SPRING_JDBC})
@Conditional(JdbcToMigrateCondition.class)
@ConditionalOnBooleanProperty(name = "migrator.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MigratorProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public final class MigratorAutoConfiguration {

    /** Spring Boot's JDBC module ({@code spring-boot-jdbc}): DataSource auto-configuration, connection details. */
    static final String SPRING_BOOT_JDBC = "org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails";

    /** Spring's JDBC support ({@code spring-jdbc}), which migrator's dedicated pool extends. */
    static final String SPRING_JDBC = "org.springframework.jdbc.datasource.AbstractDataSource";

    /**
     * Tells Hibernate that migrator manages the schema, so that {@code ddl-auto} defaults to
     * {@code none} rather than {@code create-drop} on an embedded database; also when the application
     * defines its own Migrator.
     */
    @Bean
    @ConditionalOnBean(Migrator.class)
    MigratorSchemaManagementProvider migratorSchemaManagementProvider(ObjectProvider<MigrationDatabase> database) {
        return new MigratorSchemaManagementProvider(database.getIfAvailable());
    }

    /** The Migrator bean and the connection it migrates over; backs off when the application defines its own. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingBean(Migrator.class)
    static class MigratorConfiguration {

        @Bean
        @ConditionalOnMissingBean(MigratorConnectionDetails.class)
        PropertiesMigratorConnectionDetails migratorConnectionDetails(MigratorProperties properties) {
            return new PropertiesMigratorConnectionDetails(properties);
        }

        @Bean
        MigrationDatabase migratorMigrationDatabase(MigratorConnectionDetails connectionDetails,
                ResourceLoader resourceLoader, ObjectProvider<DataSource> dataSource,
                @MigratorDataSource ObjectProvider<DataSource> migratorDataSource,
                ObjectProvider<JdbcConnectionDetails> jdbcConnectionDetails) {
            return MigrationDatabases.choose(resourceLoader.getClassLoader(), connectionDetails,
                    migratorDataSource.getIfAvailable(), dataSource.getIfUnique(), jdbcConnectionDetails.getIfAvailable());
        }

        @Bean
        Migrator migrator(MigrationDatabase database, MigratorProperties properties, Environment environment,
                ResourceLoader resourceLoader, ObjectProvider<MigratorCustomizer> customizers,
                ObjectProvider<MigrationListener> listeners, ConfigurableListableBeanFactory beanFactory) {
            MigratorConfig.Builder config = MigratorConfigs.builder(properties, environment);
            customizers.orderedStream().forEach(customizer -> customizer.customize(config));
            Migrator migrator = Migrator.create(database.dataSource(), config.build())
                    .withListener(CompositeMigrationListener.of(listeners.orderedStream().toList()));
            ClassLoader classLoader = resourceLoader.getClassLoader();
            if (classLoader != null) {
                migrator = migrator.withClassLoader(classLoader);
            }
            return migrator.withJavaRevisions(new JavaRevisionBeans(beanFactory,
                    classLoader != null ? classLoader : Migrator.class.getClassLoader()));
        }
    }

    /** Adapts {@link MigratorProperties} to {@link MigratorConnectionDetails}. */
    static final class PropertiesMigratorConnectionDetails implements MigratorConnectionDetails {

        private final MigratorProperties properties;

        PropertiesMigratorConnectionDetails(MigratorProperties properties) {
            this.properties = properties;
        }

        @Override
        public @Nullable String getJdbcUrl() {
            return properties.getUrl();
        }

        @Override
        public @Nullable String getUsername() {
            return properties.getUser();
        }

        @Override
        public @Nullable String getPassword() {
            return properties.getPassword();
        }

        @Override
        public @Nullable String getDriverClassName() {
            return properties.getDriverClassName();
        }
    }
}
