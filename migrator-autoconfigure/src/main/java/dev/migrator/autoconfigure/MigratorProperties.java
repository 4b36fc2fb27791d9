package dev.migrator.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/**
 * Configuration of migrator under {@code migrator.*}. Defaults are written out as literals so the
 * configuration processor can show them in IDEs; {@code MigratorPropertiesTests} keeps them equal
 * to the engine's defaults.
 */
@ConfigurationProperties("migrator")
public class MigratorProperties implements InitializingBean {

    /** Whether to enable migrator. When false, no migrator bean is defined and nothing runs at startup. */
    private boolean enabled = true;

    /**
     * Locations of revision scripts: "classpath:x/y", "filesystem:/path" or a bare path. "{vendor}" is
     * replaced by the dialect name (postgresql, mariadb, mysql, h2).
     */
    private List<String> locations = new ArrayList<>(List.of("classpath:db/migrations"));

    /**
     * Target of the startup work (upgrade, validate or export): heads, head, a revision id or unique prefix, a
     * branch label, label@head.
     */
    private String target = "heads";

    /**
     * What to do with the database at startup: upgrade to the target; validate (fail the boot when anything is
     * pending); export (write the offline script to offline-export.output); or none. Only upgrade changes the
     * database.
     */
    private OnStartup onStartup = OnStartup.UPGRADE;

    /**
     * When the startup work runs: runner (an ApplicationRunner once the context has started; the service is live
     * but not ready meanwhile) or initialization (during context refresh, before JPA, jOOQ and JDBC clients are
     * created).
     */
    private Phase phase = Phase.RUNNER;

    /**
     * Whether startup fails when the locations hold no revision script at all (a typo, or a {vendor} folder named
     * otherwise than the dialect). Set it to false for a project that has no revision yet.
     */
    private boolean failOnMissingLocations = true;

    /** Name of the table holding the current revisions (the heads of what is applied). */
    private String versionTable = "migrator_version";

    /** Schema of the version and history tables, which must exist. Defaults to the connection's default schema. */
    private @Nullable String versionTableSchema;

    /** Name of the table recording every applied step. */
    private String historyTable = "migrator_history";

    /**
     * How long a run waits for the migration lock that another instance holds before it fails. If a duration
     * suffix is not specified, seconds will be used.
     */
    @DurationUnit(ChronoUnit.SECONDS)
    private Duration lockTimeout = Duration.ofMinutes(5);

    /**
     * Whether each revision runs in its own transaction. False runs all revisions of a run in one transaction on
     * PostgreSQL; MariaDB, MySQL and H2 commit DDL at once either way.
     */
    private boolean transactionPerMigration = true;

    /** Whether an applied revision whose script has since been edited stops the run. */
    private boolean validateChecksums = true;

    /**
     * JDBC URL of the database to migrate instead of the application's DataSource. Migrations then get a small pool
     * of their own, closed when the startup work ends.
     */
    private @Nullable String url;

    /**
     * Login user for migrations. With a url, used with it; without one, a dedicated pool on the
     * application DataSource's URL is opened as this user.
     */
    private @Nullable String user;

    /** Login password for migrations, used with the user. */
    private @Nullable String password;

    /** Fully qualified name of the JDBC driver for the url. Auto-detected from the URL by default. */
    private @Nullable String driverClassName;

    /**
     * Dialect of the database (postgresql, mariadb, mysql, h2, or a registered one's name), which also names the
     * {vendor} folder. Read from the connection by default.
     */
    private @Nullable String dialect;

    /**
     * Values of the scripts' ${name} placeholders by name, matched in any case. The environment variable
     * MIGRATOR_PLACEHOLDERS_<NAME> gives one too.
     */
    private Map<String, String> placeholders = new LinkedHashMap<>();

    private final OfflineExport offlineExport = new OfflineExport();

    private final Health health = new Health();

    private final Lint lint = new Lint();

    private final FlywayTakeover flywayTakeover = new FlywayTakeover();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public List<String> getLocations() {
        return locations;
    }

    public void setLocations(List<String> locations) {
        this.locations = locations;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public OnStartup getOnStartup() {
        return onStartup;
    }

    public void setOnStartup(OnStartup onStartup) {
        this.onStartup = onStartup;
    }

    public Phase getPhase() {
        return phase;
    }

    public void setPhase(Phase phase) {
        this.phase = phase;
    }

    public Map<String, String> getPlaceholders() {
        return placeholders;
    }

    public void setPlaceholders(Map<String, String> placeholders) {
        this.placeholders = placeholders;
    }

    public @Nullable String getDialect() {
        return dialect;
    }

    public void setDialect(@Nullable String dialect) {
        this.dialect = dialect;
    }

    public boolean isFailOnMissingLocations() {
        return failOnMissingLocations;
    }

    public void setFailOnMissingLocations(boolean failOnMissingLocations) {
        this.failOnMissingLocations = failOnMissingLocations;
    }

    /** Rejects invalid combinations once bound, while the context refreshes: before any runner and any web server. */
    @Override
    public void afterPropertiesSet() {
        MigratorPropertiesCheck.check(this);
    }

    public String getVersionTable() {
        return versionTable;
    }

    public void setVersionTable(String versionTable) {
        this.versionTable = versionTable;
    }

    public @Nullable String getVersionTableSchema() {
        return versionTableSchema;
    }

    public void setVersionTableSchema(@Nullable String versionTableSchema) {
        this.versionTableSchema = versionTableSchema;
    }

    public String getHistoryTable() {
        return historyTable;
    }

    public void setHistoryTable(String historyTable) {
        this.historyTable = historyTable;
    }

    public Duration getLockTimeout() {
        return lockTimeout;
    }

    public void setLockTimeout(Duration lockTimeout) {
        this.lockTimeout = lockTimeout;
    }

    public boolean isTransactionPerMigration() {
        return transactionPerMigration;
    }

    public void setTransactionPerMigration(boolean transactionPerMigration) {
        this.transactionPerMigration = transactionPerMigration;
    }

    public boolean isValidateChecksums() {
        return validateChecksums;
    }

    public void setValidateChecksums(boolean validateChecksums) {
        this.validateChecksums = validateChecksums;
    }

    public @Nullable String getUrl() {
        return url;
    }

    public void setUrl(@Nullable String url) {
        this.url = url;
    }

    public @Nullable String getUser() {
        return user;
    }

    public void setUser(@Nullable String user) {
        this.user = user;
    }

    public @Nullable String getPassword() {
        return password;
    }

    public void setPassword(@Nullable String password) {
        this.password = password;
    }

    public @Nullable String getDriverClassName() {
        return driverClassName;
    }

    public void setDriverClassName(@Nullable String driverClassName) {
        this.driverClassName = driverClassName;
    }

    public OfflineExport getOfflineExport() {
        return offlineExport;
    }

    public Health getHealth() {
        return health;
    }

    public Lint getLint() {
        return lint;
    }

    public FlywayTakeover getFlywayTakeover() {
        return flywayTakeover;
    }

    /** What migrator does with the database at startup. */
    public enum OnStartup {
        /** Apply every pending revision up to the target. */
        UPGRADE,
        /** Fail the boot when anything is pending, edited since it ran, or unknown to the scripts; change nothing. */
        VALIDATE,
        /** Write the offline script from the database's current revisions to the target; change nothing. */
        EXPORT,
        /** Do nothing; the Migrator bean is still there to call. */
        NONE
    }

    /** When the startup work runs. */
    public enum Phase {
        /** An ApplicationRunner, after the context has started: the service is live, and ready once it is done. */
        RUNNER,
        /** During context refresh, before JPA, jOOQ and JDBC clients are created. */
        INITIALIZATION
    }

    /** Offline SQL export. */
    public static class OfflineExport {

        /** Whether the offline export endpoint is available. */
        private boolean enabled;

        /** File that on-startup=export writes the offline script to. */
        private @Nullable Path output;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public @Nullable Path getOutput() {
            return output;
        }

        public void setOutput(@Nullable Path output) {
            this.output = output;
        }
    }

    /** The migrations health contributor. */
    public static class Health {

        /**
         * Health status to report while revisions are pending (OUT_OF_SERVICE, DOWN, UP or a custom
         * status code). A database ahead of the scripts, with nothing pending, is UP.
         */
        private String pendingStatus = "OUT_OF_SERVICE";

        public String getPendingStatus() {
            return pendingStatus;
        }

        public void setPendingStatus(String pendingStatus) {
            this.pendingStatus = pendingStatus;
        }
    }

    /** The safety rules over the pending revisions, before on-startup=upgrade applies them. */
    public static class Lint {

        /** Whether to lint the pending revisions before an upgrade at startup; findings are logged. */
        private boolean enabled = true;

        /**
         * Which findings fail the boot before anything is applied: error, warning (and error), or never (only log
         * them).
         */
        private FailOn failOn = FailOn.NEVER;

        /** Severity per rule id (error, warning, info or off) over the rule's default, e.g. dropping-column: error. */
        private Map<String, String> severity = new LinkedHashMap<>();

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public FailOn getFailOn() {
            return failOn;
        }

        public void setFailOn(FailOn failOn) {
            this.failOn = failOn;
        }

        public Map<String, String> getSeverity() {
            return severity;
        }

        public void setSeverity(Map<String, String> severity) {
            this.severity = severity;
        }
    }

    /**
     * Taking over a database Flyway migrated, at startup: a service that booted with Flyway boots with
     * migrator and the scripts {@code migrator import flyway} wrote.
     */
    public static class FlywayTakeover {

        /**
         * Whether on-startup=upgrade first takes over a database that Flyway migrated and migrator has not: when
         * migrator's version table is absent and Flyway's history table present, stamps the imported revision of the
         * newest version Flyway applied (nothing runs) before upgrading. Refused, failing the boot, when Flyway's
         * history shows a failed or left-out migration.
         */
        private boolean enabled;

        /** Name of Flyway's history table (spring.flyway.table). */
        private String table = "flyway_schema_history"; // a literal, so that the metadata shows it as the default

        /**
         * Schema of Flyway's history table (the first of spring.flyway.schemas, or spring.flyway.default-schema).
         * Defaults to the connection's default schema.
         */
        private @Nullable String schema;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getTable() {
            return table;
        }

        public void setTable(String table) {
            this.table = table;
        }

        public @Nullable String getSchema() {
            return schema;
        }

        public void setSchema(@Nullable String schema) {
            this.schema = schema;
        }
    }

    /** Which lint findings fail the boot. */
    public enum FailOn {
        /** Findings of severity error. */
        ERROR,
        /** Findings of severity warning or error. */
        WARNING,
        /** None: findings are only logged. */
        NEVER
    }
}
