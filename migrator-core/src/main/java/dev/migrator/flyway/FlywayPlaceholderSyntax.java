package dev.migrator.flyway;

import dev.migrator.config.MigratorConfig;
import java.util.Objects;

/**
 * How a Flyway project had its placeholders replaced: Flyway's {@code placeholderReplacement},
 * {@code placeholderPrefix} and {@code placeholderSuffix} (flyway.conf, flyway.toml or
 * {@code spring.flyway.placeholder-*}). The import turns the scripts into migrator's syntax with it,
 * so that they run as Flyway ran them (docs/from-flyway.md).
 *
 * @param replacement whether Flyway replaced placeholders at all
 * @param prefix what opens one ({@code ${} by default)
 * @param suffix what closes one ({@code }} by default)
 */
public record FlywayPlaceholderSyntax(boolean replacement, String prefix, String suffix) {

    /** Flyway's defaults, which are migrator's syntax. */
    public static final FlywayPlaceholderSyntax DEFAULT = new FlywayPlaceholderSyntax(true, "${", "}");

    public FlywayPlaceholderSyntax {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(suffix, "suffix");
        if (prefix.isEmpty() || suffix.isEmpty()) {
            throw new IllegalArgumentException("Flyway's placeholder prefix and suffix cannot be empty");
        }
    }

    /** Whether migrator reads the scripts as Flyway did without rewriting them. */
    public boolean isMigrators() {
        return prefix.equals(DEFAULT.prefix) && suffix.equals(DEFAULT.suffix);
    }

    /**
     * The text in migrator's syntax, for a script whose placeholders Flyway replaced: each {@code ${name}}
     * that was text to Flyway is escaped ({@code \${name}}), then each placeholder in Flyway's syntax
     * becomes {@code ${name}}. Unchanged with Flyway's default syntax.
     */
    public String toMigrators(String sql) {
        if (isMigrators()) {
            return sql;
        }
        return replaceFlywayPlaceholders(escapeMigrators(sql));
    }

    /**
     * Every {@code ${name}} of the text escaped, so that migrator leaves it as it is: for a script that
     * cannot say {@code -- migrator:placeholders false} (a callback has no header).
     */
    public static String escapeMigrators(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int copied = 0;
        for (int start = sql.indexOf("${"); start >= 0; start = sql.indexOf("${", start + 2)) {
            int end = sql.indexOf('}', start + 2);
            boolean escaped = start > 0 && sql.charAt(start - 1) == '\\';
            if (end < 0 || escaped || !MigratorConfig.PLACEHOLDER_NAME.matcher(sql.substring(start + 2, end)).matches()) {
                continue;
            }
            out.append(sql, copied, start).append('\\');
            copied = start;
        }
        return out.append(sql, copied, sql.length()).toString();
    }

    private String replaceFlywayPlaceholders(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int copied = 0;
        for (int start = sql.indexOf(prefix); start >= 0; start = sql.indexOf(prefix, start + prefix.length())) {
            int end = sql.indexOf(suffix, start + prefix.length());
            if (end < 0) {
                break;
            }
            String name = sql.substring(start + prefix.length(), end);
            if (!MigratorConfig.PLACEHOLDER_NAME.matcher(name).matches()) {
                continue;
            }
            out.append(sql, copied, start).append("${").append(name).append('}');
            copied = end + suffix.length();
            start = copied - prefix.length();
        }
        return out.append(sql, copied, sql.length()).toString();
    }
}
