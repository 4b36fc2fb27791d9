package dev.migrator.dialect;

import dev.migrator.error.BadInputException;
import org.jspecify.annotations.Nullable;

/**
 * How an offline script is written so that the dialect's command-line client runs each
 * statement as one: psql reads dollar quotes and {@code BEGIN ATOMIC} bodies itself; the MySQL
 * and MariaDB clients need a {@code DELIMITER} around a body that holds semicolons. A
 * {@link Dialect} supplies its own.
 */
public interface ScriptFormat {

    /** For psql: keeps the starting schema in a variable, since revisions may empty {@code search_path}. */
    static ScriptFormat psql() {
        return new Psql();
    }

    /** For the mysql and mariadb clients. */
    static ScriptFormat mysqlClient() {
        return new MySqlClient();
    }

    /** A semicolon ends every statement (H2's RUNSCRIPT, most clients). */
    static ScriptFormat semicolons() {
        return new Semicolons();
    }

    /** One statement, terminated so the client sends it whole. */
    String statement(String sql);

    /** Written first: for psql, it remembers the starting schema in a variable. */
    default String preamble() {
        return "";
    }

    /** SQL naming the schema the script started in, captured by the preamble; null where the client cannot. */
    default @Nullable String schemaReference() {
        return null;
    }

    default String begin() {
        return "BEGIN;\n";
    }

    default String commit() {
        return "COMMIT;\n\n";
    }

    default String comment(String text) {
        return "\n-- " + text.replace("\r", " ").replace("\n", " ") + "\n";
    }

    /** A statement whose last line is a comment would swallow a terminator written on the same line. */
    static boolean endsInLineComment(String sql) {
        int lineStart = sql.lastIndexOf('\n') + 1;
        String lastLine = sql.substring(lineStart);
        return lastLine.contains("--") || lastLine.contains("#");
    }

    /** psql: semicolons, and the starting schema kept in {@code :migrator_schema}. */
    record Psql() implements ScriptFormat {

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
    }

    /** A semicolon ends every statement. */
    record Semicolons() implements ScriptFormat {

        @Override
        public String statement(String sql) {
            return sql + (endsInLineComment(sql) ? "\n;\n" : ";\n");
        }
    }

    /** mysql / mariadb: statements holding semicolons (procedures, triggers) go inside DELIMITER. */
    record MySqlClient() implements ScriptFormat {

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
            throw new BadInputException("Cannot write for the mysql client a statement that holds all of $$ // ;; $$$$"
                    + " (no DELIMITER is left to end it): split it, or run it online");
        }

        @Override
        public String begin() {
            return "START TRANSACTION;\n";
        }
    }
}
