package dev.migrator.config;

import dev.migrator.error.BadInputException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How a migrator finds its scripts and keeps its books. Every front end (command line,
 * Spring properties) builds one of these; the defaults here are the documented defaults.
 *
 * @param locations script locations ({@code classpath:x}, {@code filesystem:/x} or a bare path),
 *     {@code {vendor}} replaced by the dialect name
 * @param schema the schema of the version and history tables; null means the connection's default
 * @param versionTable the version table's name
 * @param historyTable the history table's name
 * @param lockTimeout how long a run waits for another run's lock
 * @param transactionPerMigration one transaction per revision (true) or one for the whole run
 * @param validateChecksums whether an edited applied revision stops the run
 * @param dialect a dialect name that overrides the one read from the URL, or null
 * @param placeholders values of the scripts' {@code ${name}} placeholders by name (names match in any case)
 */
public record MigratorConfig(List<String> locations, @Nullable String schema, String versionTable, String historyTable,
        Duration lockTimeout, boolean transactionPerMigration, boolean validateChecksums, @Nullable String dialect,
        Map<String, String> placeholders) {

    public static final String DEFAULT_LOCATION = "classpath:db/migrations";
    public static final String DEFAULT_VERSION_TABLE = "migrator_version";
    public static final String DEFAULT_HISTORY_TABLE = "migrator_history";
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(5);

    // Plain names only: they are quoted, but a name that needs quoting is a typo more often than not.
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    /** What {@code ${...}} may hold to be a placeholder; anything else between the braces is left alone. */
    public static final Pattern PLACEHOLDER_NAME = Pattern.compile("[A-Za-z0-9_.-]+(:[A-Za-z0-9_.-]+)?");

    /** The prefix of the environment variables that give placeholder values: {@code MIGRATOR_PLACEHOLDERS_TENANT=acme}. */
    public static final String PLACEHOLDER_ENVIRONMENT_PREFIX = "MIGRATOR_PLACEHOLDERS_";

    public MigratorConfig {
        locations = List.copyOf(locations);
        if (locations.isEmpty()) {
            throw new BadInputException("No script location given; the default is " + DEFAULT_LOCATION);
        }
        checkName("version table", versionTable);
        checkName("history table", historyTable);
        if (schema != null) {
            checkName("version table schema", schema);
        }
        if (versionTable.equalsIgnoreCase(historyTable)) {
            throw new BadInputException("The version and history tables must differ, both are '" + versionTable + "'");
        }
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        if (lockTimeout.isNegative()) {
            throw new BadInputException("The lock timeout must not be negative: " + lockTimeout);
        }
        placeholders = checkPlaceholders(placeholders);
    }

    private static Map<String, String> checkPlaceholders(Map<String, String> given) {
        Map<String, String> checked = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : given.entrySet()) {
            String name = entry.getKey();
            if (name == null || !PLACEHOLDER_NAME.matcher(name).matches()) {
                throw new BadInputException("Invalid placeholder name '" + name + "': use letters, digits, '_', '.' and"
                        + " '-' (a built-in one as migrator:name)");
            }
            Objects.requireNonNull(entry.getValue(), () -> "value of placeholder " + name);
            checked.put(name, entry.getValue());
        }
        return Collections.unmodifiableMap(checked);
    }

    /**
     * The placeholder values the environment gives: {@code MIGRATOR_PLACEHOLDERS_TENANT_NAME=acme} is
     * {@code ${tenant_name}} (the rest of the variable's name, in lower case; names match in any case).
     * The command line and the Spring Boot starter read them alike.
     */
    public static Map<String, String> placeholdersFromEnvironment(Map<String, String> environment) {
        Map<String, String> values = new TreeMap<>();
        for (Map.Entry<String, String> variable : environment.entrySet()) {
            String key = variable.getKey();
            if (key.startsWith(PLACEHOLDER_ENVIRONMENT_PREFIX) && key.length() > PLACEHOLDER_ENVIRONMENT_PREFIX.length()) {
                values.put(key.substring(PLACEHOLDER_ENVIRONMENT_PREFIX.length()).toLowerCase(Locale.ROOT),
                        variable.getValue());
            }
        }
        return values;
    }

    private static void checkName(String what, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new BadInputException("Invalid " + what + " name '" + name
                    + "': use letters, digits and underscores, starting with a letter or underscore, at most 63");
        }
    }

    /** The defaults. */
    public static MigratorConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().locations(locations).schema(schema).versionTable(versionTable).historyTable(historyTable)
                .lockTimeout(lockTimeout).transactionPerMigration(transactionPerMigration)
                .validateChecksums(validateChecksums).dialect(dialect).placeholders(placeholders);
    }

    /** Builds a {@link MigratorConfig}, starting from the defaults. */
    public static final class Builder {

        private List<String> locations = List.of(DEFAULT_LOCATION);
        private @Nullable String schema;
        private String versionTable = DEFAULT_VERSION_TABLE;
        private String historyTable = DEFAULT_HISTORY_TABLE;
        private Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;
        private boolean transactionPerMigration = true;
        private boolean validateChecksums = true;
        private @Nullable String dialect;
        private Map<String, String> placeholders = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder locations(List<String> locations) {
            this.locations = List.copyOf(locations);
            return this;
        }

        public Builder locations(String... locations) {
            return locations(List.of(locations));
        }

        public Builder schema(@Nullable String schema) {
            this.schema = schema;
            return this;
        }

        public Builder versionTable(String versionTable) {
            this.versionTable = versionTable;
            return this;
        }

        public Builder historyTable(String historyTable) {
            this.historyTable = historyTable;
            return this;
        }

        public Builder lockTimeout(Duration lockTimeout) {
            this.lockTimeout = lockTimeout;
            return this;
        }

        public Builder transactionPerMigration(boolean transactionPerMigration) {
            this.transactionPerMigration = transactionPerMigration;
            return this;
        }

        public Builder validateChecksums(boolean validateChecksums) {
            this.validateChecksums = validateChecksums;
            return this;
        }

        public Builder dialect(@Nullable String dialect) {
            this.dialect = dialect;
            return this;
        }

        /** Replaces every placeholder value. */
        public Builder placeholders(Map<String, String> placeholders) {
            this.placeholders = new LinkedHashMap<>(placeholders);
            return this;
        }

        /** Sets one placeholder value, over an earlier one of that name. */
        public Builder placeholder(String name, String value) {
            placeholders.put(name, value);
            return this;
        }

        public MigratorConfig build() {
            return new MigratorConfig(locations, schema, versionTable, historyTable, lockTimeout,
                    transactionPerMigration, validateChecksums, dialect, placeholders);
        }
    }
}
