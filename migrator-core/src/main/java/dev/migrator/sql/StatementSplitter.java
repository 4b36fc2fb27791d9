package dev.migrator.sql;

import java.util.List;
import java.util.Locale;

/**
 * Splits a script into the statements the dialect's own command line client (psql, mariadb/mysql,
 * H2's RUNSCRIPT) would send one by one, so that a script behaves the same whether migrator runs it
 * online or a DBA runs the offline script with that client.
 */
public interface StatementSplitter {

    /**
     * Splits a script section. Statement text excludes the terminating delimiter, keeps inner
     * comments, and drops surrounding white space; pieces holding only comments are dropped.
     *
     * @param sql the text of the section (LF line ends)
     * @param firstLine the file line on which {@code sql} starts, 1-based
     * @throws IllegalArgumentException for client commands that are not SQL (psql meta-commands,
     *     mysql backslash commands, a bad DELIMITER line), naming the line
     */
    List<SqlStatement> split(String sql, int firstLine);

    /**
     * The splitter of a dialect: {@code postgresql}, {@code mariadb}, {@code mysql} or {@code h2}
     * (case-insensitive).
     *
     * @throws IllegalArgumentException for any other name, listing the known ones
     */
    static StatementSplitter forDialect(String dialectName) {
        return switch (dialectName.trim().toLowerCase(Locale.ROOT)) {
            case "postgresql" -> new PostgresSplitter();
            case "mariadb", "mysql" -> new MySqlSplitter();
            case "h2" -> new H2Splitter();
            default -> throw new IllegalArgumentException("No statement splitter for dialect '" + dialectName
                    + "'; known are postgresql, mariadb, mysql, h2");
        };
    }
}
