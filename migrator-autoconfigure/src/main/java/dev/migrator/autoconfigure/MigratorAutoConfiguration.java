package dev.migrator.autoconfigure;

import dev.migrator.Migrator;
import dev.migrator.config.MigratorConfig;
import dev.migrator.engine.MigrationListener;
import java.util.LinkedHashMap;
import java.util.Map;
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
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ResourceLoader;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for migrator: a {@link Migrator} bean on the
 * application's DataSource (or a {@link MigratorDataSource @MigratorDataSource} one, or
 * {@code migrator.url}), and the startup work of {@code migrator.on-startup} in the phase
 * {@code migrator.phase} says.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass(Migrator.class)
@Conditional(JdbcToMigrateCondition.class)
@ConditionalOnBooleanProperty(name = "migrator.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MigratorProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public final class MigratorAutoConfiguration {

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
            MigratorConfig.Builder config = config(properties, environment);
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

        static MigratorConfig.Builder config(MigratorProperties properties, Environment environment) {
            return MigratorConfig.builder()
                    .locations(properties.getLocations())
                    .schema(properties.getVersionTableSchema())
                    .versionTable(properties.getVersionTable())
                    .historyTable(properties.getHistoryTable())
                    .lockTimeout(properties.getLockTimeout())
                    .transactionPerMigration(properties.isTransactionPerMigration())
                    .validateChecksums(properties.isValidateChecksums())
                    .dialect(properties.getDialect())
                    .placeholders(placeholders(properties, environment));
        }

        /**
         * {@code migrator.placeholders.*}, then {@code MIGRATOR_PLACEHOLDERS_<NAME>} as the command line reads
         * it: Boot's binding turns {@code MIGRATOR_PLACEHOLDERS_TENANT_NAME} into the key {@code tenant.name},
         * but the script says {@code ${tenant_name}}.
         */
        static Map<String, String> placeholders(MigratorProperties properties, Environment environment) {
            Map<String, String> values = new LinkedHashMap<>(properties.getPlaceholders());
            if (environment instanceof ConfigurableEnvironment configurable && configurable.getPropertySources()
                    .get(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)
                    instanceof EnumerablePropertySource<?> variables) {
                Map<String, String> given = new LinkedHashMap<>();
                for (String name : variables.getPropertyNames()) {
                    given.put(name, String.valueOf(variables.getProperty(name)));
                }
                values.putAll(MigratorConfig.placeholdersFromEnvironment(given));
            }
            return values;
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
