package dev.migrator.session;

import dev.migrator.dialect.Dialect;
import org.jspecify.annotations.Nullable;

/**
 * How a statement is written so that the dialect's command-line client runs it as one
 * statement: psql reads dollar quotes and {@code BEGIN ATOMIC} bodies itself; the MySQL and
 * MariaDB clients need a {@code DELIMITER} around a body that holds semicolons.
 */
sealed interface ScriptFormatter {

    static ScriptFormatter forDialect(Dialect dialect) {
        return switch (dialect.name()) {
            case "mariadb", "mysql" -> new MySqlClient();
            case "postgresql" -> new Psql();
            default -> new Semicolons();
        };
    }

    String statement(String sql);

    /** Written first: for psql, it remembers the starting schema in a variable. */
    default String preamble() {
        return "";
    }

    default @Nullable String schemaReference() {
        return null;
    }

    String begin();

    default String commit() {
        return "COMMIT;\n\n";
    }

    default String comment(String text) {
        return "\n-- " + text.replace("\r", " ").replace("\n", " ") + "\n";
    }

    /** psql: also keeps the starting schema, since revisions may empty {@code search_path}. */
    record Psql() implements ScriptFormatter {

        @Override
        public String preamble() {
            return "SELECT current_schema() AS migrator_schema \\gset\n";
        }

        @Override
        public @Nullable String schemaReference() {
            return ":\"migrator_schema\"";
        }

        @Override
        public String statement(String sql) {
            return new Semicolons().statement(sql);
        }

        @Override
        public String begin() {
            return "BEGIN;\n";
        }
    }

    /** H2's RunScript: a semicolon ends every statement. */
    record Semicolons() implements ScriptFormatter {

        @Override
        public String statement(String sql) {
            return sql + (endsInLineComment(sql) ? "\n;\n" : ";\n");
        }

        @Override
        public String begin() {
            return "BEGIN;\n";
        }
    }

    /** mysql / mariadb: statements holding semicolons (procedures, triggers) go inside DELIMITER. */
    record MySqlClient() implements ScriptFormatter {

        private static final String[] DELIMITERS = {"$$", "//", ";;", "$$$$"};

        /** Scripts are UTF-8; the client's default character set may not be (utf8mb3 on many installs). */
        @Override
        public String preamble() {
            return "SET NAMES utf8mb4;\n";
        }

        @Override
        public String statement(String sql) {
            String terminator = endsInLineComment(sql) ? "\n" : "";
            if (sql.indexOf(';') < 0) {
                return sql + terminator + ";\n";
            }
            for (String delimiter : DELIMITERS) {
                if (!sql.contains(delimiter)) {
                    return "DELIMITER " + delimiter + "\n" + sql + terminator + delimiter + "\nDELIMITER ;\n";
                }
            }
            throw new IllegalArgumentException("Cannot choose a DELIMITER for a statement holding all of $$ // ;; $$$$");
        }

        @Override
        public String begin() {
            return "START TRANSACTION;\n";
        }
    }

    /** A statement whose last line is a comment would swallow a terminator written on the same line. */
    private static boolean endsInLineComment(String sql) {
        int lineStart = sql.lastIndexOf('\n') + 1;
        String lastLine = sql.substring(lineStart);
        return lastLine.contains("--") || lastLine.contains("#");
    }
}
