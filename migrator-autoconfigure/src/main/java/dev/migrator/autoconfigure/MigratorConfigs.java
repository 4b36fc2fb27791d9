package dev.migrator.autoconfigure;

import dev.migrator.config.MigratorConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;

/** The engine's configuration from {@code migrator.*}, the same over JDBC and R2DBC. */
final class MigratorConfigs {

    private MigratorConfigs() {
    }

    static MigratorConfig.Builder builder(MigratorProperties properties, Environment environment) {
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
