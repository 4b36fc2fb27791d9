package dev.migrator.internal.script;

import dev.migrator.config.MigratorConfig;
import dev.migrator.error.ScriptException;
import dev.migrator.script.Section;

/**
 * Replaces {@code ${name}} in a section's text with its value, before the text is split into
 * statements, so that a script runs (and an offline script reads) as if the values had been typed
 * in. {@code \${name}} stands for the text {@code ${name}} itself; {@code ${...}} holding anything
 * but a placeholder name is left alone. Pure: the values come from {@link Values}.
 */
public final class Placeholders {

    /** The value of a placeholder; throws {@link Undefined} saying why there is none. */
    @FunctionalInterface
    public interface Values {
        String value(String name);
    }

    /** No value for a placeholder: the message says why and what to do; the caller adds file and line. */
    public static final class Undefined extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public Undefined(String message) {
            super(message);
        }
    }

    private Placeholders() {
    }

    /**
     * The section's text with every placeholder replaced.
     *
     * @throws ScriptException naming the file and line of the first placeholder without a value
     */
    public static String replace(Section section, String source, Values values) {
        String sql = section.sql();
        int start = sql.indexOf("${");
        if (start < 0) {
            return sql; // most scripts: no copy
        }
        StringBuilder out = new StringBuilder(sql.length());
        int copied = 0;
        for (; start >= 0; start = sql.indexOf("${", start + 2)) {
            if (start > 0 && sql.charAt(start - 1) == '\\') {
                out.append(sql, copied, start - 1); // the escape goes, the text stays
                copied = start;
                continue;
            }
            int end = sql.indexOf('}', start + 2);
            String name = end < 0 ? "" : sql.substring(start + 2, end);
            if (!MigratorConfig.PLACEHOLDER_NAME.matcher(name).matches()) {
                continue;
            }
            String value;
            try {
                value = values.value(name);
            } catch (Undefined e) {
                throw new ScriptException(source, lineOf(sql, start, section.firstLine()),
                        "placeholder ${" + name + "}: " + e.getMessage());
            }
            out.append(sql, copied, start).append(value);
            copied = end + 1;
        }
        return out.append(sql, copied, sql.length()).toString();
    }

    private static int lineOf(String text, int index, int firstLine) {
        int line = firstLine;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
