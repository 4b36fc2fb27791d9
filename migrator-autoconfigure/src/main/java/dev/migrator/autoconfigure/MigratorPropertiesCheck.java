package dev.migrator.autoconfigure;

import dev.migrator.autoconfigure.MigratorProperties.OnStartup;
import dev.migrator.dialect.Dialects;
import dev.migrator.error.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The combinations of {@code migrator.*} that cannot work, each with what to change. */
final class MigratorPropertiesCheck {

    private MigratorPropertiesCheck() {
    }

    static void check(MigratorProperties properties) {
        List<String> problems = new ArrayList<>();
        List<String> actions = new ArrayList<>();
        if (properties.getOnStartup() == OnStartup.EXPORT && properties.getOfflineExport().getOutput() == null) {
            problems.add("migrator.on-startup=export needs migrator.offline-export.output, the file to write the "
                    + "offline script to; none is set.");
            actions.add("Set migrator.offline-export.output (for example build/migrations.sql), or choose another "
                    + "migrator.on-startup (upgrade, validate, none).");
        }
        if (properties.getLocations().isEmpty() || properties.getLocations().stream().anyMatch(String::isBlank)) {
            problems.add("migrator.locations is empty or holds an empty entry: " + properties.getLocations() + ".");
            actions.add("List the script folders, comma-separated (default classpath:db/migrations).");
        }
        if (properties.getTarget().isBlank()) {
            problems.add("migrator.target is blank.");
            actions.add("Remove migrator.target (it defaults to heads) or name a revision, label or heads.");
        }
        if (properties.getVersionTable().isBlank() || properties.getHistoryTable().isBlank()
                || properties.getVersionTable().toLowerCase(Locale.ROOT)
                        .equals(properties.getHistoryTable().toLowerCase(Locale.ROOT))) {
            problems.add("migrator.version-table ('" + properties.getVersionTable() + "') and migrator.history-table ('"
                    + properties.getHistoryTable() + "') must be two different, non-blank names.");
            actions.add("Give the version and history tables different names (defaults migrator_version and "
                    + "migrator_history).");
        }
        if (properties.getLockTimeout().isNegative()) {
            problems.add("migrator.lock-timeout is negative: " + properties.getLockTimeout() + ".");
            actions.add("Set migrator.lock-timeout to how long to wait for another instance's lock, such as 5m.");
        }
        if (properties.getDriverClassName() != null && properties.getUrl() == null) {
            problems.add("migrator.driver-class-name is set without migrator.url; it applies only to that URL.");
            actions.add("Set migrator.url as well, or remove migrator.driver-class-name (the application's "
                    + "DataSource has spring.datasource.driver-class-name).");
        }
        String dialect = properties.getDialect();
        if (dialect != null) {
            try {
                Dialects.byName(dialect);
            } catch (BadInputException e) {
                problems.add("migrator.dialect: " + e.getMessage());
                actions.add("Name a dialect migrator has (postgresql, mariadb, mysql, h2), or remove migrator.dialect"
                        + " to read it from the connection.");
            }
        }
        if (!problems.isEmpty()) {
            throw new MigratorConfigurationException("Invalid migrator configuration:\n\n    "
                    + String.join("\n    ", problems), String.join("\n", actions));
        }
    }
}
