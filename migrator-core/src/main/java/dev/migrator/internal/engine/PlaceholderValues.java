package dev.migrator.internal.engine;

import dev.migrator.config.MigratorConfig;
import dev.migrator.dialect.SqlFamily;
import dev.migrator.internal.bookkeeping.BookkeepingTables;
import dev.migrator.internal.script.Placeholders;
import dev.migrator.internal.script.Placeholders.Undefined;
import dev.migrator.session.Session;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The placeholder values of one run: the configured ones, then the built-in {@code migrator:}
 * ones (docs/script-format.md#placeholders). The user and the database are asked for only when a
 * script names them; an offline script cannot ask, and says so.
 */
final class PlaceholderValues {

    static final String PREFIX = "migrator:";

    private final Map<String, String> configured = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Session session;
    private final BookkeepingTables tables;
    private @Nullable String user;
    private @Nullable String database;

    PlaceholderValues(MigratorConfig config, Session session, BookkeepingTables tables) {
        this.configured.putAll(config.placeholders());
        this.session = session;
        this.tables = tables;
    }

    /** The values as a script sees them: {@code migrator:filename} and {@code migrator:revision} are its own. */
    Placeholders.Values forScript(String source, @Nullable String revision) {
        return name -> {
            String value = configured.get(name);
            if (value != null) {
                return value;
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith(PREFIX)) {
                return builtIn(lower.substring(PREFIX.length()), source, revision);
            }
            if (lower.startsWith("flyway:")) {
                return flyway(lower.substring("flyway:".length()), source, revision);
            }
            // An environment variable's name cannot hold '.' or '-': such a name has no variable.
            String variable = name.matches("[A-Za-z0-9_]+")
                    ? " or " + MigratorConfig.PLACEHOLDER_ENVIRONMENT_PREFIX + name.toUpperCase(Locale.ROOT) : "";
            throw new Undefined("no value is given; set it with migrator.placeholders[" + name + "] (Spring), "
                    + "--placeholder " + name + "=VALUE" + variable + " (command line, environment)."
                    + " For the text ${" + name + "} itself write \\${" + name + "}, or turn placeholders off for"
                    + " the script with '-- migrator:placeholders false'");
        };
    }

    private String builtIn(String name, String source, @Nullable String revision) {
        return switch (name) {
            case "schema" -> schema();
            case "user" -> user();
            case "database" -> database();
            case "versiontable" -> tables.versionTable();
            case "historytable" -> tables.historyTable();
            case "filename" -> fileName(source);
            case "revision" -> {
                if (revision == null) {
                    throw new Undefined("this script runs for the whole run, not for one revision");
                }
                yield revision;
            }
            default -> throw new Undefined("there is no built-in placeholder migrator:" + name + "; the built-in ones are"
                    + " migrator:schema, migrator:user, migrator:database, migrator:versionTable, migrator:historyTable,"
                    + " migrator:filename and migrator:revision");
        };
    }

    /** Flyway's built-ins that mean the same here, so that imported scripts run unchanged. */
    private String flyway(String name, String source, @Nullable String revision) {
        return switch (name) {
            case "defaultschema" -> schema();
            case "user", "database", "filename" -> builtIn(name, source, revision);
            case "table" -> throw new Undefined("Flyway's history table is not migrator's; write its name, or"
                    + " ${migrator:versionTable} / ${migrator:historyTable} for migrator's tables");
            default -> throw new Undefined("Flyway's flyway:" + name + " has no counterpart in migrator (its value would"
                    + " differ between the online run and the offline script); give it a value of your own");
        };
    }

    private String schema() {
        String schema = tables.schema();
        if (schema == null) {
            throw new Undefined("an offline script runs in whatever schema the DBA's session is in, which it cannot "
                    + "know; set version-table-schema, or give the value (--placeholder migrator:schema=NAME)");
        }
        return schema;
    }

    private String user() {
        if (user == null) {
            String found = ask("user", "SELECT " + session.dialect().currentUserExpression());
            // MariaDB and MySQL answer user@host; Flyway's ${flyway:user} is the part before the @.
            int at = found.indexOf('@');
            user = session.dialect().family() == SqlFamily.MYSQL && at >= 0 ? found.substring(0, at) : found;
        }
        return user;
    }

    private String database() {
        if (database == null) {
            database = ask("database", session.dialect().currentDatabaseQuery());
        }
        return database;
    }

    private String ask(String what, String query) {
        List<List<@Nullable Object>> rows;
        try {
            rows = session.query(query);
        } catch (UnsupportedOperationException offline) {
            throw new Undefined("an offline script cannot ask the database for its " + what + "; give the value"
                    + " (--placeholder migrator:" + what + "=VALUE)");
        }
        Object value = rows.isEmpty() ? null : rows.get(0).get(0);
        if (value == null) {
            throw new Undefined("the database names no " + what + "; give the value (migrator:" + what + ")");
        }
        return value.toString();
    }

    private static String fileName(String source) {
        int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
        return source.substring(slash + 1);
    }
}
