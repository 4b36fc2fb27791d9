package dev.migrator.cli;

import dev.migrator.config.MigratorConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Every setting the command line takes, with where else it may come from: a flag, then the
 * environment ({@code MIGRATOR_NAME}, or Boot's own spelling {@code MIGRATOR_VERSIONTABLE}), then
 * the project's Spring Boot files (the service's own property names), then the default.
 */
enum Setting {

    URL("url", null, List.of("DATABASE_URL"), List.of("migrator.url", "spring.datasource.url")),
    USER("user", null, List.of(), List.of("migrator.user", "spring.datasource.username")),
    PASSWORD("password", null, List.of(), List.of("migrator.password", "spring.datasource.password")),
    LOCATIONS("locations", MigratorCli.DEFAULT_LOCATION, List.of(), List.of("migrator.locations")),
    DIALECT("dialect", null, List.of(), List.of("migrator.dialect")),
    VERSION_TABLE("version-table", MigratorConfig.DEFAULT_VERSION_TABLE, List.of(), List.of("migrator.version-table")),
    VERSION_TABLE_SCHEMA("version-table-schema", null, List.of(), List.of("migrator.version-table-schema")),
    HISTORY_TABLE("history-table", MigratorConfig.DEFAULT_HISTORY_TABLE, List.of(), List.of("migrator.history-table")),
    LOCK_TIMEOUT("lock-timeout", "5m", List.of(), List.of("migrator.lock-timeout")),
    TRANSACTION_PER_MIGRATION("transaction-per-migration", "true", List.of(),
            List.of("migrator.transaction-per-migration")),
    VALIDATE_CHECKSUMS("validate-checksums", "true", List.of(), List.of("migrator.validate-checksums")),
    FAIL_ON_MISSING_LOCATIONS("fail-on-missing-locations", "true", List.of(),
            List.of("migrator.fail-on-missing-locations"));

    private final String name;
    private final @Nullable String defaultValue;
    private final List<String> moreVariables;
    private final List<String> properties;

    Setting(String name, @Nullable String defaultValue, List<String> moreVariables, List<String> properties) {
        this.name = name;
        this.defaultValue = defaultValue;
        this.moreVariables = moreVariables;
        this.properties = properties;
    }

    /** The option's name without dashes, as {@code config} prints it. */
    String settingName() {
        return name;
    }

    @Nullable String defaultValue() {
        return defaultValue;
    }

    /** {@code MIGRATOR_VERSION_TABLE}, Boot's {@code MIGRATOR_VERSIONTABLE}, then any fallbacks such as DATABASE_URL. */
    List<String> variables() {
        List<String> names = new ArrayList<>();
        names.add("MIGRATOR_" + name.replace('-', '_').toUpperCase(Locale.ROOT));
        String boot = "MIGRATOR_" + name.replace("-", "").toUpperCase(Locale.ROOT);
        if (!names.contains(boot)) {
            names.add(boot);
        }
        names.addAll(moreVariables);
        return names;
    }

    /** The service's property names, the first winning. */
    List<String> properties() {
        return properties;
    }

    /** Whether it is the password, which {@code config} does not print. */
    boolean secret() {
        return this == PASSWORD;
    }
}
